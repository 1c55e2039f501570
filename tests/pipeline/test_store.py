"""The store: transactional, idempotent re-ingest, frames for the app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from events.errors import StoreError
from events.model import Article, Document, Event
from events.store import Store, event_to_row, load_demo, open_store, row_to_event


def _event(eid: str = "e1", doc_id: str = "d1") -> Event:
    return Event(
        event_id=eid, date_start=dt.date(2024, 11, 14), date_end=dt.date(2024, 11, 14), date_precision="day",
        date_text="Nov. 14", date_anchor="knowledge", event_type="COOPERATE", event_mode="", title="t",
        actors=("CHN", "PER"), people=("A B",), place_name="Chancay", place_country="PER", lat=-11.6, lon=-77.3,
        place_precision="city", status="occurred", confidence=0.8, mentions=1, doc_id=doc_id, doc_title="D",
        evidence="<script>alert(1)</script> sentence", char_start=5, char_end=40,
        other_evidence=(("d1", "other", 50, 60),), highlights=(("date", 0, 7),),
    )


def _doc(doc_id: str = "d1") -> Document:
    return Document(doc_id, "a.txt", "D", "text of " + doc_id)


def test_add_is_idempotent_per_document() -> None:
    store = Store(":memory:")
    first = store.add([_doc()], [Article("d1", 0, "A", 0, 5)], [_event()])
    again = store.add([_doc()], [Article("d1", 0, "A", 0, 5)], [_event()])
    assert (first.new_documents, first.new_events) == (1, 1)
    assert (again.new_documents, again.known_documents, again.new_events) == (0, 1, 0)
    assert store.count_events() == 1
    frame = store.events_frame()
    assert frame["actors"].to_list() == [["CHN", "PER"]]
    assert frame["date_start"].to_list() == [dt.date(2024, 11, 14)]
    assert store.document_text("d1") == "text of d1"


def test_round_trip_event_row() -> None:
    e = _event()
    assert row_to_event(event_to_row(e)) == e
    store = Store(":memory:")
    store.add([_doc()], [], [e])
    assert list(store.iter_events()) == [e]


def test_failed_write_leaves_store_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(":memory:")
    store.add([_doc("d0")], [], [_event("e0", "d0")])
    version = store.version()

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(Store, "_merge_events", boom)
    with pytest.raises(StoreError, match="unchanged"):
        store.add([_doc("d1")], [Article("d1", 0, "A", 0, 5)], [_event("e1", "d1")])
    assert store.version() == version
    assert store.documents_frame()["doc_id"].to_list() == ["d0"]
    assert store.count_events() == 1


def test_interrupted_write_rolls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(":memory:")

    def interrupt(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "_merge_events", interrupt)
    with pytest.raises(KeyboardInterrupt):
        store.add([_doc()], [], [_event()])
    assert store.count_events() == 0 and store.documents_frame().height == 0


def test_version_changes_on_write_and_demo_seeding(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    assert store.version() == "0"
    store.add([_doc()], [], [_event()])
    assert store.version() == "1"
    demo = tmp_path / "demo"
    demo.mkdir()
    (demo / "events.jsonl").write_text("", encoding="utf-8")
    assert load_demo(Store(":memory:"), demo) is not None


def test_open_store_seeds_bundled_demo(tmp_path: Path) -> None:
    store = open_store(tmp_path / "fresh")
    if (Path(__file__).resolve().parents[2] / "data" / "demo" / "events.jsonl").exists():
        assert store.count_events() > 0
