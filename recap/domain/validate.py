"""The domain rules checked before anything is written.

Each field is cleaned by its kind (recap.domain.fields); the rules that belong to
one field alone (a category is trimmed, a link needs an address) are named here.
"""

from typing import Any, TypeVar

from recap.domain.attachments import check_data, check_unique, clean_media_type, clean_name
from recap.domain.dates import check_date_range
from recap.domain.fields import TEXT_KINDS, FieldInfo, fields_of
from recap.domain.records import (
    QA_KINDS,
    AttachmentRecord,
    EventRecord,
    LinkRecord,
    QARecord,
    SessionRecord,
)
from recap.domain.tags import unique_tags
from recap.domain.text import SESSION_TITLE, TITLE, clean_title, nfc, optional_text
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, Sentence

RecordT = TypeVar("RecordT", EventRecord, SessionRecord, QARecord, LinkRecord, AttachmentRecord)


def has_text(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def cleaned_value(info: FieldInfo, value: Any, title_name: Sentence = TITLE) -> Any:
    """One field's value as the library stores it."""
    if info.kind == "title":
        return clean_title(value, what=title_name)
    if info.kind in TEXT_KINDS:
        return optional_text(value)
    if info.kind == "time" and value is not None:
        return value.replace(second=0, microsecond=0, tzinfo=None)  # shown and kept as HH:MM
    if info.kind == "tags":
        return unique_tags(value)
    if info.kind == "filename":
        return clean_name(value)
    if info.kind == "media_type":
        return clean_media_type(value)
    return value


# Kinds whose value is kept as it is (dates, flags, choices): nothing to clean.
_AS_THEY_ARE = frozenset({"date", "flag", "choice", "items", "bytes"})
_cleaned: dict[type, tuple[FieldInfo, ...]] = {}


def cleaned_fields(record: RecordT, title_name: Sentence = TITLE) -> RecordT:
    """A copy of ``record`` with its own fields cleaned; child records untouched.

    A load cleans hundreds of thousands of records: the copy is made directly, and
    empty optional fields are skipped."""
    infos = _cleaned.get(type(record))
    if infos is None:
        infos = tuple(info for info in fields_of(type(record)) if info.kind not in _AS_THEY_ARE)
        _cleaned[type(record)] = infos
    copy = object.__new__(type(record))
    values = copy.__dict__
    values.update(record.__dict__)
    for info in infos:
        value = values[info.name]
        if value is not None or info.kind == "title":
            values[info.name] = cleaned_value(info, value, title_name)
    return copy


def clean_event(record: EventRecord) -> EventRecord:
    """A copy of ``record``'s own fields, normalised and checked (sessions untouched)."""
    check_date_range(record.start_date, record.end_date)
    cleaned = cleaned_fields(record)
    if cleaned.category is not None:
        cleaned.category = cleaned.category.strip() or None
    return cleaned


def clean_session(record: SessionRecord) -> SessionRecord:
    cleaned = cleaned_fields(record, SESSION_TITLE)
    cleaned.links = [clean_link(link, index) for index, link in enumerate(record.links)]
    return cleaned


def clean_link(record: LinkRecord, index: int = 0) -> LinkRecord:
    cleaned = cleaned_fields(record)
    cleaned.url = nfc(record.url).strip()
    if not cleaned.url:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "links[{index}].url: a link needs a URL."), index=index
        )
    return cleaned


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
    return cleaned_fields(record)


def clean_attachment(record: AttachmentRecord) -> AttachmentRecord:
    """A name and a type as stored, bytes that an event can keep (not empty, not over
    the limit, no SVG or web page)."""
    cleaned = cleaned_fields(record)
    if cleaned.caption is not None:
        cleaned.caption = cleaned.caption.strip() or None
    check_data(cleaned.name, cleaned.data, cleaned.media_type)
    return cleaned


def clean_attachments(records: list[AttachmentRecord]) -> list[AttachmentRecord]:
    """An event's attachments, each cleaned, their names unique whatever their case."""
    cleaned = [clean_attachment(record) for record in records]
    check_unique(record.name for record in cleaned)
    return cleaned
