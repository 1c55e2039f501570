""""As known on": the app shows an earlier store version from ?v=N; the large-store API agrees
with the whole-frame path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from events.store import Store
from tests.support.synthetic import iter_batches
from ui import scan
from ui.filters import Filters, apply_filters
from ui.frame import event_table, prepare
from ui.geo import capitals

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("asof") / "store"
    store = Store(path)
    for docs, arts, evs in iter_batches(600, per_doc=50, seed=4, batch_docs=6):
        store.add(docs, arts, evs)  # two versions: 300 events, then 600
    assert store.version() == "2"
    return str(path)


def _in_view(at: AppTest) -> int:
    import re

    for md in at.markdown:
        hit = re.match(r"\*\*([\d,]+)\*\* events in view", md.value)
        if hit:
            return int(hit.group(1).replace(",", ""))
    raise AssertionError("no 'events in view' line")


@pytest.mark.parametrize("version,expected", [(None, 600), ("1", 300), ("99", 600), ("x", 600)])
def test_the_view_shows_the_version_named_in_the_link(monkeypatch: pytest.MonkeyPatch, two_versions: str,
                                                      version: str | None, expected: int) -> None:
    monkeypatch.setenv("EVENTSCAPE_STORE", two_versions)
    at = AppTest.from_file(APP, default_timeout=90)
    if version is not None:
        at.query_params["v"] = version
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert _in_view(at) == expected
    shown = "1" if expected == 300 else "2"
    assert any(f"Store version {shown} of 2" in c.value for c in at.sidebar.caption)
    assert at.query_params.get("v") in (shown, [shown])  # the URL, so a copied link, names the version shown


def test_choosing_an_earlier_version_in_the_sidebar(monkeypatch: pytest.MonkeyPatch, two_versions: str) -> None:
    monkeypatch.setenv("EVENTSCAPE_STORE", two_versions)
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.sidebar.selectbox[0].set_value(1).run()
    assert not at.exception
    assert _in_view(at) == 300 and at.query_params.get("v") in ("1", ["1"])
    at.sidebar.selectbox[0].set_value(0).run()
    # back on the latest: Explore's URL names it (a copied link keeps showing version 2 after new ingests)
    assert _in_view(at) == 600 and at.query_params.get("v") in ("2", ["2"])


@pytest.mark.parametrize("filters", [
    Filters(), Filters(types=("CONSULT", "AGREE")), Filters(pair=("CHN", "RUS")), Filters(text="kremlin"),
    Filters(text="Synthetic wire report 3"), Filters(actors=("IND", "BRA"), actor_mode="all"),
    Filters(start=dt.date(2019, 1, 1), end=dt.date(2019, 6, 30), statuses=("planned",)),
])
def test_large_store_path_matches_the_whole_frame_path(tmp_path: Path, filters: Filters) -> None:
    store = Store(tmp_path / "s")
    for docs, arts, evs in iter_batches(1500, per_doc=50, seed=9, batch_docs=10):
        store.add(docs, arts, evs)
    caps = capitals()
    whole = apply_filters(prepare(store.events_frame(), caps), filters)
    slim = scan.slim_frame(store.scan(), caps)
    ids = scan.text_matches(scan.search_column(store.scan()), slim, filters.text) if filters.text else None
    view = scan.view(slim, filters, ids)
    assert sorted(view["event_id"].to_list()) == sorted(whole["event_id"].to_list())
    rows = scan.hydrate(store.scan(), scan.newest(view, 50), caps)
    assert event_table(rows, 50).equals(event_table(whole, 50)) or rows.height == min(50, whole.height)
    assert rows.drop("_search").columns == whole.drop("_search").columns
    assert isinstance(rows, pl.DataFrame)


def test_delete_while_viewing_an_earlier_version_then_shows_the_latest(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = Store(path)
    for docs, arts, evs in iter_batches(600, per_doc=50, seed=4, batch_docs=6):
        store.add(docs, arts, evs)
    victim = store.documents_frame(version=1).row(0, named=True)
    monkeypatch.setenv("EVENTSCAPE_STORE", str(path))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["v"] = "1"
    at.run()
    at.switch_page("pages/sources_page.py")
    at.run()
    assert any("Store version 1 of 2" in c.value for c in at.sidebar.caption)
    at.selectbox(key="doc_view").set_value(victim["doc_id"]).run()
    at.button(key="delete_doc").click().run()
    at.button(key="delete_confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # one new version without the document; the page now shows it, and version 1 still holds the document
    assert any("Store version 3 of 3" in c.value for c in at.sidebar.caption)
    assert store.count_events() == 600 - victim["n_events"]
    assert victim["doc_id"] in store.documents_frame(version=1)["doc_id"].to_list()


def test_large_store_map_reads_full_rows_only_for_small_views(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.geo import load_basemap
    from ui.mapdeck import build_deck

    store = Store(tmp_path / "s")
    for docs, arts, evs in iter_batches(300, per_doc=50, seed=5, batch_docs=6):
        store.add(docs, arts, evs)
    caps = capitals()
    slim = scan.slim_frame(store.scan(), caps)
    frame, threshold = scan.map_input(slim, store.scan(), caps)
    assert "title" in frame.columns and build_deck(frame, load_basemap(), aggregate_threshold=threshold)[1] == "points"
    # a view past the hydrate limit is drawn aggregated from slim rows, whatever its precisions
    monkeypatch.setattr(scan, "HYDRATE_LIMIT", 100)
    frame, threshold = scan.map_input(slim, store.scan(), caps)
    assert "title" not in frame.columns and build_deck(frame, load_basemap(), aggregate_threshold=threshold)[1] == "aggregate"
