"""The domain rules checked before anything is written."""

from recap.domain.dates import check_date_range
from recap.domain.records import QA_KINDS, EventRecord, LinkRecord, QARecord, SessionRecord
from recap.domain.tags import unique_tags
from recap.domain.text import SESSION_TITLE, clean_title, nfc, optional_text
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput


def has_text(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def clean_event(record: EventRecord) -> EventRecord:
    """A copy of ``record``'s own fields, normalised and checked (sessions untouched)."""
    check_date_range(record.start_date, record.end_date)
    category = optional_text(record.category)
    return EventRecord(
        id=record.id,
        title=clean_title(record.title),
        start_date=record.start_date,
        end_date=record.end_date,
        venue=optional_text(record.venue),
        host=optional_text(record.host),
        url=optional_text(record.url),
        found_via=optional_text(record.found_via),
        category=category.strip() or None if category is not None else None,
        tags=unique_tags(record.tags),
        summary=optional_text(record.summary),
        sessions=record.sessions,
    )


def clean_session(record: SessionRecord) -> SessionRecord:
    return SessionRecord(
        id=record.id,
        title=clean_title(record.title, what=SESSION_TITLE),
        speaker=optional_text(record.speaker),
        affiliation=optional_text(record.affiliation),
        impression=optional_text(record.impression),
        notes=optional_text(record.notes),
        links=[clean_link(link, index) for index, link in enumerate(record.links)],
        qa=record.qa,
    )


def clean_link(record: LinkRecord, index: int = 0) -> LinkRecord:
    url = nfc(record.url).strip()
    if not url:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "links[{index}].url: a link needs a URL."), index=index
        )
    return LinkRecord(id=record.id, label=optional_text(record.label), url=url)


def clean_qa(record: QARecord) -> QARecord:
    if record.kind not in QA_KINDS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "A Q&A entry's kind is 'audience' or 'own', not {kind!r}."
            ),
            kind=record.kind,
        )
    if not (has_text(record.question) or has_text(record.answer)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "A Q&A entry needs a question or an answer.")
        )
    return QARecord(
        id=record.id,
        kind=record.kind,
        question=optional_text(record.question),
        answer=optional_text(record.answer),
        resolved=record.resolved,
    )
