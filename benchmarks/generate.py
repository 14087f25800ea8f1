"""A realistic recap-json library for benchmarks: Korean and English, skewed tags.

    python -m benchmarks.generate --events 20000 --out benchmarks/out/library-20000.json

Deterministic for a given --seed, so runs compare like with like.
"""

import argparse
import datetime as dt
import json
import random
from pathlib import Path

KOREAN_WORDS = (
    "어텐션을",
    "트랜스포머",
    "장거리",
    "의존성이",
    "토큰",
    "병렬",
    "처리",
    "검색",
    "임베딩",
    "벡터",
    "캐시",
    "지연",
    "시간",
    "배포",
    "쿠버네티스",
    "모니터링",
    "데이터",
    "파이프라인",
    "스트리밍",
    "비동기",
    "이벤트",
    "루프",
    "테스트",
    "리팩터링",
    "성능",
    "메모리",
    "그래프",
    "추천",
    "시스템",
    "프롬프트",
    "평가",
    "지표",
    "실험",
    "결과",
    "운영",
    "장애",
    "회고",
    "설계",
    "아키텍처",
    "마이그레이션",
    "스키마",
    "인덱스",
    "쿼리",
    "최적화",
)
ENGLISH_WORDS = (
    "attention",
    "transformer",
    "long-range",
    "dependency",
    "token",
    "parallel",
    "search",
    "embedding",
    "vector",
    "cache",
    "latency",
    "deploy",
    "kubernetes",
    "monitoring",
    "data",
    "pipeline",
    "streaming",
    "async",
    "event",
    "loop",
    "testing",
    "refactoring",
    "performance",
    "memory",
    "graph",
    "recommendation",
    "prompt",
    "evaluation",
    "metric",
    "experiment",
    "result",
    "incident",
    "review",
    "design",
    "architecture",
    "schema",
    "index",
    "query",
    "optimisation",
    "retrieval",
    "hybrid",
    "ranking",
)
TAG_POOL = [f"tag{n}" for n in range(300)] + [
    "Python", "LLM", "Kotlin", "Android", "RAG", "Rust", "데이터 엔지니어링", "백엔드",
    "프론트엔드", "Kubernetes", "FastAPI", "React", "MLOps", "검색", "인프라",
]  # fmt: skip
VENUES = (
    "판교 스타트업 캠퍼스",
    "COEX Hall E",
    "온라인 (YouTube Live)",
    "송도 컨벤시아",
    "강남 위워크",
)
SPEAKERS = (
    "김하늘",
    "박서준",
    "최유진",
    "Dana Park",
    "Minho Lee",
    "이지은",
    "Alex Kim",
    "정민수",
)


def sentence(rng: random.Random, words: int) -> str:
    pool = KOREAN_WORDS if rng.random() < 0.6 else ENGLISH_WORDS
    mixed = [rng.choice(pool if rng.random() < 0.8 else ENGLISH_WORDS) for _ in range(words)]
    return " ".join(mixed)


def notes(rng: random.Random) -> str:
    lines = [f"- {sentence(rng, rng.randint(4, 10))}" for _ in range(rng.randint(3, 8))]
    if rng.random() < 0.2:
        lines.append("\n```python\nresult = model.generate(tokens, max_new_tokens=64)\n```")
    return "\n".join(lines)


def skewed_tags(rng: random.Random) -> list[str]:
    # A few tags are everywhere, most are rare: Pareto-like picks from the pool.
    count = rng.randint(1, 5)
    picks = {TAG_POOL[min(int(rng.paretovariate(1.1)) - 1, len(TAG_POOL) - 1) * 7 % len(TAG_POOL)]
             for _ in range(count)}  # fmt: skip
    return sorted(picks)


def event(rng: random.Random, index: int, sessions: int, qa_per_session: int) -> dict[str, object]:
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 11))
    end = start + dt.timedelta(days=rng.randint(1, 2)) if rng.random() < 0.1 else None
    korean = rng.random() < 0.6
    if korean:
        title = f"{rng.choice(['AI', '백엔드', '데이터', '모바일'])} 밋업 #{index}"
    else:
        title = f"{rng.choice(['PyData', 'DevFest', 'Rust Night', 'KubeDay'])} {index}"
    return {
        "title": title,
        "start_date": start.isoformat(),
        "end_date": end.isoformat() if end else None,
        "venue": rng.choice(VENUES),
        "host": rng.choice(["GDG Korea", "PyData Seoul", "사내 스터디", None]),
        "url": f"https://example.org/events/{index}",
        "found_via": rng.choice(["newsletter", "동료 추천", None]),
        "category": rng.choice(["TIL - 메모", "Conference", "Study"]),
        "tags": skewed_tags(rng),
        "summary": sentence(rng, 25),
        "sessions": [
            {
                "title": sentence(rng, 4),
                "speaker": rng.choice(SPEAKERS),
                "affiliation": rng.choice(["Search Lab", "모바일팀", None]),
                "impression": sentence(rng, 6),
                "notes": notes(rng),
                "links": [{"label": "slides", "url": f"https://example.org/s/{index}/{n}"}],
                "qa": [
                    {
                        "kind": rng.choice(["audience", "own"]),
                        "question": sentence(rng, 8),
                        "answer": sentence(rng, 10) if rng.random() < 0.7 else None,
                        "resolved": rng.random() < 0.5,
                    }
                    for _ in range(qa_per_session)
                ],
            }
            for n in range(sessions)
        ],
    }


def generate(
    events: int, seed: int = 7, sessions: int = 5, qa_per_session: int = 3
) -> dict[str, object]:
    rng = random.Random(seed)
    return {
        "format": "recap",
        "version": 1,
        "events": [event(rng, index, sessions, qa_per_session) for index in range(events)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    document = generate(args.events, args.seed)
    args.out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
