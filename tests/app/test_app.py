"""AppTest for every page: loads on synthetic data and on an empty store; filters and
query params change what is shown; Sources ingest reports and never corrupts the store."""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from events.store import Store
from tests.support.synthetic import add_xss_document, build_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/explore_page.py", "pages/actors_page.py", "pages/sources_page.py", "pages/briefing_page.py"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("store") / "store"
    store = build_store(path, 1500, per_doc=50, seed=11)
    add_xss_document(store)
    store.close()
    return str(path)


@pytest.fixture(scope="module")
def empty_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("empty") / "store"
    store = Store(path)
    store.add([], [], [])  # version 1: an empty store that is not seeded with demo data
    store.close()
    return str(path)


def _app(monkeypatch: pytest.MonkeyPatch, path: str, page: str | None = None, **query: str) -> AppTest:
    monkeypatch.setenv("EVENTSCAPE_STORE", path)
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page and page != PAGES[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _qp(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) and value else value  # type: ignore[return-value]


def _in_view(at: AppTest) -> int:
    for md in at.markdown:
        hit = re.match(r"\*\*([\d,]+)\*\* events in view", md.value)
        if hit:
            return int(hit.group(1).replace(",", ""))
    raise AssertionError("no 'events in view' line")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads(monkeypatch: pytest.MonkeyPatch, store_path: str, page: str) -> None:
    at = _app(monkeypatch, store_path, page)
    assert not at.error


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_empty_store(monkeypatch: pytest.MonkeyPatch, empty_path: str, page: str) -> None:
    at = _app(monkeypatch, empty_path, page)
    assert not at.error
    if page in ("pages/explore_page.py", "pages/actors_page.py"):
        assert any("no events" in i.value.lower() for i in at.info)


def test_query_params_set_filters(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    everything = _in_view(_app(monkeypatch, store_path))
    at = _app(monkeypatch, store_path, pair="CHN-RUS", type="CONSULT,AGREE", **{"from": "2016-01-01", "to": "2022-12-31"})
    assert at.selectbox(key="f_pair_a").value == "CHN" and at.selectbox(key="f_pair_b").value == "RUS"
    assert at.multiselect(key="f_types").value == ["CONSULT", "AGREE"]
    assert 0 < _in_view(at) < everything
    assert _qp(at, "pair") == "CHN-RUS" and _qp(at, "from") == "2016-01-01"


@pytest.mark.parametrize("widget,value", [
    ("f_actors", ["IND"]),
    ("f_types", ["SANCTION"]),
    ("f_status", ["planned"]),
    ("f_prec", ["year"]),
    ("f_text", "kremlin"),
    ("f_pair_a", "CHN"),
])
def test_every_filter_changes_the_view(monkeypatch: pytest.MonkeyPatch, store_path: str, widget: str,
                                       value: object) -> None:
    at = _app(monkeypatch, store_path)
    before = _in_view(at)
    if widget == "f_text":
        at.text_input(key=widget).set_value(value).run()
    elif widget == "f_pair_a":
        at.selectbox(key="f_pair_a").set_value("CHN")
        at.selectbox(key="f_pair_b").set_value("RUS").run()
    else:
        at.multiselect(key=widget).set_value(value).run()
    assert not at.exception
    after = _in_view(at)
    assert 0 < after < before
    assert at.query_params  # the URL follows the widgets


def test_document_filter_and_any_all(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path)
    before = _in_view(at)
    doc = at.multiselect(key="f_docs").options[0]
    at.multiselect(key="f_docs").select(doc).run()
    assert 0 < _in_view(at) < before
    at = _app(monkeypatch, store_path, actors="CHN,RUS")
    any_count = _in_view(at)
    at.radio(key="f_mode").set_value("all").run()
    assert 0 < _in_view(at) < any_count


def test_play_advances_window(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path)
    at.button(key="play_button").click().run()
    assert at.session_state["playing"]
    first = at.session_state["window"]
    assert first is not None
    at.run()  # a timer tick reruns the page; the window moves on
    second = at.session_state["window"]
    assert second[1] > first[1]
    at.button(key="play_button").click().run()
    assert not at.session_state["playing"]


def test_a_widget_reporting_the_last_tick_back_does_not_stop_playback(monkeypatch: pytest.MonkeyPatch,
                                                                       store_path: str) -> None:
    # under load the browser reported the window of the previous tick back through the slider and the date
    # boxes; taken as the user's, it stopped playback and pulled the window back a step
    at = _app(monkeypatch, store_path)
    at.button(key="play_button").click().run()
    first = at.session_state["window"]
    at.run()  # a tick
    second = at.session_state["window"]
    assert second != first and at.session_state["playing"]
    at.slider(key="window_slider").set_value(first).run()  # the stale value comes back
    assert at.session_state["playing"] and at.session_state["window"] != first
    at.date_input(key="win_from").set_value(first[0])
    at.date_input(key="win_to").set_value(first[1]).run()
    assert at.session_state["playing"] and at.session_state["window"] != first


def test_slider_sets_window_in_url(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    import datetime as dt
    at = _app(monkeypatch, store_path)
    before = _in_view(at)
    at.slider(key="window_slider").set_value((dt.date(2019, 1, 1), dt.date(2019, 12, 31))).run()
    assert 0 < _in_view(at) < before
    assert _qp(at, "from") == "2019-01-01" and _qp(at, "to") == "2019-12-31"


def test_table_selection_opens_detail(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path, q="onerror")
    assert _in_view(at) == 1
    at.session_state["event_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    htmls = [h.proto.body for h in at.get("html")]
    detail = next(h for h in htmls if "event-detail" in h)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail and "<script>alert" not in detail


def test_actors_matrix_pair_button(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path, "pages/actors_page.py")
    at.selectbox(key="pair_pick").set_value("CHN-RUS").run()
    at.button(key="pair_apply").click().run()
    assert not at.exception
    assert at.selectbox(key="f_pair_a").value == "CHN" and at.selectbox(key="f_pair_b").value == "RUS"
    assert _qp(at, "pair") == "CHN-RUS"


def test_briefing_stamp_shows_link(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path, "pages/briefing_page.py", pair="CHN-RUS")
    stamp = at.code[0].value
    assert "Pair: CHN–RUS" in stamp and "pair=CHN-RUS" in stamp and "Store version" in stamp


@dataclass
class _Report:
    ok: bool
    message: str
    new_documents: int
    new_events: int


def _fake_pipeline(monkeypatch: pytest.MonkeyPatch, calls: list[str]) -> None:
    module = types.ModuleType("events.pipeline")

    def ingest_text(text, name, store, progress=None):  # type: ignore[no-untyped-def]
        calls.append(name)
        if progress:
            progress(0.5, "half way")
        if "\x00" in text or not text.strip():
            return _Report(False, f"{name}: binary or empty input, skipped", 0, 0)
        known = name in calls[:-1]
        return _Report(True, "already in the store, nothing added" if known else "ingested",
                       0 if known else 1, 0 if known else 3)

    def ingest_bytes(name, data, store, progress=None):  # type: ignore[no-untyped-def]
        return ingest_text(data.decode("utf-8", "replace"), name, store, progress)

    module.ingest_text = ingest_text  # type: ignore[attr-defined]
    module.ingest_bytes = ingest_bytes  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "events.pipeline", module)


def test_sources_paste_reports(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    calls: list[str] = []
    _fake_pipeline(monkeypatch, calls)
    at = _app(monkeypatch, store_path, "pages/sources_page.py")
    at.text_input[0].set_value("note-1")
    at.text_area[0].set_value("On November 14, Xi met Boluarte in Lima.")
    at.button[1].click().run()
    assert calls == ["note-1"] and any("ingested" in s.value for s in at.success)
    at.text_input[0].set_value("note-1")
    at.text_area[0].set_value("On November 14, Xi met Boluarte in Lima.")
    at.button[1].click().run()
    assert any("nothing added" in i.value for i in at.info)
    at.text_input[0].set_value("bad")
    at.text_area[0].set_value("bin\x00ary")
    at.button[1].click().run()
    assert any("binary or empty" in e.value for e in at.error)


def test_sources_without_pipeline_says_so(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    monkeypatch.setitem(sys.modules, "events.pipeline", None)  # import fails
    at = _app(monkeypatch, store_path, "pages/sources_page.py")
    assert any("not available yet" in w.value for w in at.warning)


# -- issue 13: a timeline that filters, an honest map, links that travel, names, exports, sources ----------------
def test_typed_dates_and_steps_set_the_window(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    import datetime as dt
    at = _app(monkeypatch, store_path)
    before = _in_view(at)
    at.date_input(key="win_from").set_value(dt.date(2019, 1, 1)).run()
    at.date_input(key="win_to").set_value(dt.date(2019, 6, 30)).run()
    assert at.session_state["window"] == (dt.date(2019, 1, 1), dt.date(2019, 6, 30))
    assert 0 < _in_view(at) < before and _qp(at, "to") == "2019-06-30"
    at.button(key="step_forward").click().run()
    forward = at.session_state["window"]
    assert forward[1] > dt.date(2019, 6, 30)
    at.button(key="step_back").click().run()
    assert at.session_state["window"][1] < forward[1]


def test_timeline_brush_and_click_set_the_window(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    import datetime as dt
    at = _app(monkeypatch, store_path)
    ms = (dt.datetime(2020, 1, 1) - dt.datetime(1970, 1, 1)).total_seconds() * 1000
    at.session_state["timeline"] = {"selection": {"brush": {"x0": [ms, ms + 30 * 86_400_000]}, "pick": []}}
    at.run()
    assert at.session_state["window"] == (dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    at.session_state["timeline"] = {"selection": {"brush": {}, "pick": [{"x0": "2021-03-01", "x1": "2021-04-01"}]}}
    at.run()
    assert at.session_state["window"] == (dt.date(2021, 3, 1), dt.date(2021, 3, 31))
    assert _qp(at, "from") == "2021-03-01"


def test_map_spot_lists_its_events_and_a_row_opens_one(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    from ui.frame import prepare
    from ui.spots import point_spots

    store = Store(store_path)
    spot = point_spots(prepare(store.events_frame(), {}))[0]
    store.close()
    assert spot["n"] >= 2
    at = _app(monkeypatch, store_path)
    at.session_state["map-0"] = {"selection": {"objects": {"events": [{"event_id": "", "spot": spot["spot"]}]}}}
    at.run()
    assert not at.exception
    assert any(f"{spot['n']} event(s) at" in md.value for md in at.markdown)
    first = at.session_state["_spot_ids"][0]
    at.session_state["spot_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.session_state["selected"] == first and _qp(at, "ev") == first
    assert any("event-detail" in h.proto.body for h in at.get("html"))
    # a second click on the same marker is taken too (the map's key moved on after the first)
    at.session_state["map-1"] = {"selection": {"objects": {"events": [{"event_id": "", "spot": spot["spot"]}]}}}
    at.run()
    assert at.session_state["selected"] is None and at.session_state["spot"] == spot["spot"]


def test_link_restores_event_map_view_and_warns_on_other_version(monkeypatch: pytest.MonkeyPatch,
                                                                 store_path: str) -> None:
    at = _app(monkeypatch, store_path)
    event = at.session_state["_table_ids"][0]
    at = _app(monkeypatch, store_path, ev=event, map="55.750,37.620,4.00", v="999", pair="CHN-RUS")
    assert at.session_state["selected"] == event
    assert _qp(at, "map") == "55.750,37.620,4.00" and _qp(at, "ev") == event
    assert any("version 999" in w.value for w in at.warning)
    assert not [c for c in at.code if "ev=" in c.value]  # the link is drawn once "Share this view" is opened
    at.session_state["share_open"] = True
    at.run()
    link = next(c.value for c in at.code if "ev=" in c.value)
    assert "pair=CHN-RUS" in link and f"ev={event}" in link and "map=55.750,37.620,4.00" in link


def test_public_url_setting_names_links(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    monkeypatch.setenv("EVENTSCAPE_PUBLIC_URL", "https://eventscape.example.org/")
    at = _app(monkeypatch, store_path, "pages/briefing_page.py", pair="CHN-RUS")
    stamp = at.code[0].value
    assert "https://eventscape.example.org/?pair=CHN-RUS" in stamp and "v=" in stamp


def test_empty_state_says_what_to_change(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path, q="no-such-words-anywhere")
    info = " ".join(i.value for i in at.info)
    assert "Text contains" in info and "anywhere" in info and "Reset filters" in info
    assert not at.get("vega_lite_chart") and not at.get("deck_gl_json_chart")


def test_pickers_and_matrix_speak_names(monkeypatch: pytest.MonkeyPatch, store_path: str) -> None:
    at = _app(monkeypatch, store_path, "pages/actors_page.py")
    assert at.selectbox(key="f_pair_a").format_func("CHN").startswith("China (CHN)")
    assert "Xi Jinping" in at.multiselect(key="f_actors").format_func("CHN")
    assert at.selectbox(key="pair_pick").format_func("CHN-RUS") == "China – Russia"


def test_sources_delete_needs_confirmation(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("delete") / "store"
    store = build_store(path, 200, per_doc=50, seed=3)
    docs = store.documents_frame()
    victim = docs.row(0, named=True)
    total = store.count_events()
    store.close()
    at = _app(monkeypatch, str(path), "pages/sources_page.py")
    at.selectbox(key="doc_view").set_value(victim["doc_id"]).run()
    at.button(key="delete_doc").click().run()
    assert store_events(path) == total  # nothing happens before the confirmation
    at.button(key="delete_confirm").click().run()
    assert not at.exception
    assert store_events(path) == total - victim["n_events"]
    assert any("Deleted" in s.value for s in at.success)


def store_events(path: Path) -> int:
    store = Store(path)
    try:
        return store.count_events()
    finally:
        store.close()
