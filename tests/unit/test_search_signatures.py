"""The server's document signatures (recap/storage/search/signature.py): a text that
holds a term always passes the term's test, the migration signs as the search does, and
every stored document on a server carries its up-to-date signature."""

import importlib
import random
from dataclasses import replace

from alembic import command
from sqlalchemy import URL

from recap.domain.search_text import SearchTerm, parse_query
from recap.interchange.recap_json import parse_document
from recap.storage import migrate
from recap.storage.engine import create_server_engine
from recap.storage.library import Library, open_library
from recap.storage.search import signature
from recap.storage.search.server import folded_text
from tests.backends import read_rows
from tests.conftest import SAMPLE_LIBRARY_JSON

MIGRATION = importlib.import_module("recap.storage.migrations.versions.0010_search_signatures")
TEXTS = [
    "Build With AI in Songdo 후기: 어텐션을 장거리 의존성이 있는 토큰에",
    "ÉCOLE straße ΣΊΣΥΦΟΣ — naïve café",
    "emoji 🙂🚀 and 𝒜stral 𠀋 characters, tabs\tand\nnew lines",
    "ㅇㅌㅅ ㅌㅋ 초성만",
    "a",
    "",
]


def holds_mask(stored: list[int], wanted: dict[int, int]) -> bool:
    return all(stored[word] & value == value for word, value in wanted.items())


def test_a_text_passes_the_test_of_every_term_it_holds() -> None:
    """The test may let a text through that lacks a term, never turn one away that has it."""
    generator = random.Random(16)
    for text in TEXTS:
        folded = folded_text(text)
        stored = signature.signature(folded)
        for start in range(len(folded)):
            for end in range(start + 1, min(len(folded), start + 12) + 1):
                term = SearchTerm(folded[start:end], False)
                assert holds_mask(stored, signature.mask([term])), (text, term)
    alphabet = "가나다라마바사 abcdeé"
    for _ in range(300):
        folded = folded_text("".join(generator.choice(alphabet) for _ in range(80)))
        start = generator.randrange(70)
        piece = folded[start : start + generator.randrange(2, 10)]
        assert holds_mask(signature.signature(folded), signature.mask([SearchTerm(piece, False)]))


def test_the_test_turns_most_other_texts_away() -> None:
    """Else it would be no use: a phrase's test rejects texts with only some of its words."""
    phrase = parse_query('"장거리 의존성이"')
    other = folded_text("장거리 통신과 의존 관계 " * 3)
    assert not holds_mask(signature.signature(other), signature.mask(phrase))


def test_a_one_character_term_has_no_test() -> None:
    assert signature.mask(parse_query("a 토")) == {}


def test_the_migration_signs_as_the_search_does() -> None:
    """Stored signatures come from the migration's frozen copy: the two must agree."""
    for text in [*TEXTS, "x" * 2000, "".join(chr(code) for code in range(0xAC00, 0xAD00))]:
        folded = folded_text(text)
        assert MIGRATION.signature(folded) == signature.signature(folded), text


def stored_signatures(url: URL) -> dict[int, list[int]]:
    columns = ", ".join(signature.WORD_COLUMNS)
    return {
        row[0]: list(row[1:]) for row in read_rows(url, f"SELECT id, {columns} FROM search_sigs")
    }


def expected_signatures(url: URL) -> dict[int, list[int]]:
    rows = read_rows(url, "SELECT id, folded FROM search_docs")
    return {rowid: signature.signature(folded) for rowid, folded in rows}


def test_every_server_document_carries_its_signature(postgres_url: URL) -> None:
    library = open_library(postgres_url)
    try:
        library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
        edit_and_delete(library)
    finally:
        library.close()
    stored = stored_signatures(postgres_url)
    assert stored and stored == expected_signatures(postgres_url)


def edit_and_delete(library: Library) -> None:
    """Change a talk's notes, delete an event: the signatures follow (nothing stale)."""
    event = library.event(library.event_ids()[0], attachments=False)
    talk = event.sessions[0]
    library.update_session(replace(talk, notes=(talk.notes or "") + "\n새 메모 zeppelin"))
    assert library.search("zeppelin")
    library.delete_event(library.event_ids()[-1])


def test_the_migration_signs_the_stored_documents(empty_database: URL) -> None:
    engine = create_server_engine(empty_database)
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "0009_own_questions_index")
            for number, text in enumerate(TEXTS, start=1):
                connection.exec_driver_sql(
                    "INSERT INTO search_docs (id, event_id, kind, ref_id, body, folded) "
                    "VALUES (%s, 1, 0, 1, %s, %s)",
                    (number, text, folded_text(text)),
                )
        with engine.begin() as connection:
            migrate.upgrade(connection)
    finally:
        engine.dispose()
    stored = stored_signatures(empty_database)
    assert sorted(stored) == list(range(1, len(TEXTS) + 1))
    assert stored == expected_signatures(empty_database)
