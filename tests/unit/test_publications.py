"""Where a recap was posted (issue 15 item 2): the library's publications on both back
ends, their recap-json round trip, the list's published mark and not-yet-published
filter, and bad input refused with nothing written."""

import dataclasses
import datetime as dt
import json

import pytest

from recap.domain.publications import post_address
from recap.domain.records import ANY_PLATFORM, EventFilter, EventRecord, PublicationRecord
from recap.errors import InvalidInput, RecapError
from recap.interchange.recap_json import dump_document, read_document
from recap.storage.library import Library

pytestmark = pytest.mark.both_backends


def new_event(library: Library, title: str, day: int = 1) -> int:
    return library.create_event(EventRecord(title=title, start_date=dt.date(2025, 9, day)))


def test_publish_records_and_updates_case_blind(library: Library) -> None:
    event_id = new_event(library, "Build With AI in Songdo")
    first = library.publish(
        event_id,
        PublicationRecord(platform=" Tistory ", url=" https://me.tistory.com/1 "),
    )
    assert (first.platform, first.state, first.url) == (
        "Tistory",
        "published",
        "https://me.tistory.com/1",
    )
    again = library.publish(
        event_id,
        PublicationRecord(platform="tistory", state="draft", published_on=dt.date(2025, 9, 14)),
    )
    stored = library.event(event_id).publications
    assert len(stored) == 1
    assert stored[0].state == "draft" and stored[0].published_on == dt.date(2025, 9, 14)
    assert again.id == first.id
    library.publish(event_id, PublicationRecord(platform="velog"))
    assert [p.platform for p in library.event(event_id).publications] == ["tistory", "velog"]
    assert library.unpublish(event_id, "VELOG") is True
    assert library.unpublish(event_id, "velog") is False
    assert [p.platform for p in library.event(event_id).publications] == ["tistory"]


def test_list_mark_and_not_yet_published_filter(library: Library) -> None:
    posted = new_event(library, "Posted", 1)
    drafted = new_event(library, "Drafted", 2)
    bare = new_event(library, "Bare", 3)
    library.publish(posted, PublicationRecord(platform="velog"))
    library.publish(posted, PublicationRecord(platform="hugo"))
    library.publish(drafted, PublicationRecord(platform="velog", state="draft"))
    marks = {row.id: row.published for row in library.event_summaries()}
    assert marks == {posted: ("velog", "hugo"), drafted: (), bare: ()}
    nowhere = library.event_ids(EventFilter(unpublished_on=ANY_PLATFORM))
    assert sorted(nowhere) == sorted([drafted, bare])
    not_on_hugo = library.event_ids(EventFilter(unpublished_on="HUGO"))
    assert sorted(not_on_hugo) == sorted([drafted, bare])
    not_on_tistory = library.event_ids(EventFilter(unpublished_on="tistory"))
    assert sorted(not_on_tistory) == sorted([posted, drafted, bare])


def test_update_event_keeps_and_replaces_publications(library: Library) -> None:
    event_id = new_event(library, "Kotlin Night")
    library.publish(event_id, PublicationRecord(platform="velog", url="https://velog.io/@me/k"))
    record = library.event(event_id)
    record.notes = "more"
    library.update_event(record)
    assert [p.url for p in library.event(event_id).publications] == ["https://velog.io/@me/k"]


def test_round_trip_through_recap_json(library: Library) -> None:
    event_id = new_event(library, "Build With AI in Songdo")
    library.publish(
        event_id,
        PublicationRecord(
            platform="tistory",
            url="https://me.tistory.com/1",
            published_on=dt.date(2025, 9, 14),
        ),
    )
    library.publish(event_id, PublicationRecord(platform="velog", state="draft"))
    text = dump_document([library.event(event_id)])
    entries = json.loads(text)["events"][0]["publications"]
    assert [
        {key: value for key, value in entry.items() if value is not None} for entry in entries
    ] == [
        {
            "platform": "tistory",
            "state": "published",
            "url": "https://me.tistory.com/1",
            "published_on": "2025-09-14",
        },
        {"platform": "velog", "state": "draft"},
    ]
    before = [dataclasses.replace(p, id=None) for p in library.event(event_id).publications]
    library.delete_event(event_id)
    records = read_document(text).events
    library.load_records(records)
    (loaded,) = library.events()
    assert [dataclasses.replace(p, id=None) for p in loaded.publications] == before


@pytest.mark.parametrize(
    ("publication", "message"),
    [
        (PublicationRecord(platform="  "), "needs a platform"),
        (PublicationRecord(platform="x" * 61), "61 characters long"),
        (PublicationRecord(platform="velog", state="gone"), "'draft' or 'published'"),  # type: ignore[arg-type]
    ],
)
def test_bad_publication_is_refused_and_nothing_written(
    library: Library, publication: PublicationRecord, message: str
) -> None:
    event_id = new_event(library, "Build With AI in Songdo")
    with pytest.raises(InvalidInput, match=message):
        library.publish(event_id, publication)
    assert library.event(event_id).publications == []


def test_twice_the_same_platform_in_a_document_is_refused() -> None:
    event = {
        "title": "T",
        "start_date": "2025-09-13",
        "publications": [
            {"platform": "velog", "state": "published"},
            {"platform": " Velog", "state": "draft"},
        ],
    }
    document = json.dumps({"format": "recap", "version": 2, "events": [event]})
    with pytest.raises(RecapError, match="listed twice"):
        read_document(document)


def test_post_address() -> None:
    assert post_address("velog.io/@me/x") == "https://velog.io/@me/x"
    with pytest.raises(InvalidInput, match="not a web address"):
        post_address("mailto:me@example.com")
