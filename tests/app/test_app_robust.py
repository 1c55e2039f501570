"""The app survives what its data and its links hold: far-off years, windows past the data,
NUL and Markdown in names (issue 14 items 9-13)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from events.model import Article, Document
from tests.support.synthetic import add_xss_document, build_store
from ui import briefing
from ui.filters import Filters

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/explore_page.py", "pages/actors_page.py", "pages/sources_page.py", "pages/briefing_page.py"]
PIXEL = "![n](http://127.0.0.1:9/x.png)"
HYPERLINK = '=HYPERLINK("http://127.0.0.1:9/?leak","click")'


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Synthetic events plus events in 1066, 9999 and year 1, and an actor named like a formula."""
    path = tmp_path_factory.mktemp("odd") / "events.sqlite"
    store = build_store(path, 60, per_doc=20, seed=3)
    xss = add_xss_document(store)
    for year, tag in ((1066, "a"), (9999, "b"), (1, "c")):
        day = dt.date(year, 1, 1)
        doc = Document(doc_id=f"odd{tag}", source=f"{PIXEL}.txt", title=f"[click me](http://127.0.0.1:9/) {year}",
                       text="In 1066, William invaded England.\n")
        event = replace(xss, event_id=f"odd-{tag}", doc_id=doc.doc_id, date_start=day, date_end=day,
                        doc_title=doc.title, pub_date=None, actors=(HYPERLINK, "RUS"))
        art = Article(doc_id=doc.doc_id, index=0, title=doc.title, start=0, end=10, pub_date=None,
                      pub_date_source="none")
        store.add([doc], [art], [event])
    store.close()
    return str(path)


def _app(monkeypatch: pytest.MonkeyPatch, path: str, page: str = PAGES[0], **query: str) -> AppTest:
    monkeypatch.setenv("EVENTSCAPE_STORE", path)
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", [{}, {"from": "2024-01-01", "to": "9999-12-31"}, {"from": "0001-01-01", "to": "0001-01-09"}],
                         ids=["plain", "to-9999", "year-1"])
def test_every_page_draws_events_dated_far_outside_the_slider(
    monkeypatch: pytest.MonkeyPatch, odd_store: str, page: str, query: dict[str, str]
) -> None:
    _app(monkeypatch, odd_store, page, **query)  # was StreamlitJSNumberBoundsError / OverflowError


def test_a_link_window_past_the_data_is_clamped_with_a_notice(monkeypatch: pytest.MonkeyPatch, odd_store: str) -> None:
    at = _app(monkeypatch, odd_store, **{"from": "2024-01-01", "to": "9999-12-31"})
    assert at.query_params["to"] == ["2250-12-31"] or at.query_params["to"] == "2250-12-31"
    assert any("lies outside the data" in c.value for c in at.sidebar.caption)


def test_names_and_titles_are_text_not_markdown(monkeypatch: pytest.MonkeyPatch, odd_store: str) -> None:
    at = _app(monkeypatch, odd_store, PAGES[1])
    at.selectbox(key="profile_actor").set_value(HYPERLINK).run()
    heading = next(m.value for m in at.markdown if "events in view" in m.value and "HYPERLINK" in m.value)
    assert "](" not in heading and "http://" not in heading and heading.startswith("**\\=HYPERLINK\\(")
    button = next(b for b in at.button if b.key == "actor_apply")
    assert "http://" not in button.label
    at = _app(monkeypatch, odd_store, PAGES[2])
    at.selectbox(key="doc_view").set_value("odda").run()
    captions = [c.value for c in at.caption if c.value.startswith("Article 1:")]
    assert captions and all("[click me](" not in c and "\\[click me\\]" in c for c in captions)


@pytest.mark.parametrize("name", [PIXEL, "a\x00b", "[click me](http://127.0.0.1:9/)", ":red[x] $x^2$ <b>b</b>"],
                         ids=["pixel", "nul", "link", "directives"])
def test_upload_names_are_shown_as_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    path = tmp_path / "events.sqlite"
    build_store(path, 20, per_doc=20, seed=5).close()
    at = _app(monkeypatch, str(path), PAGES[2])
    at.text_input[0].set_value(name)
    at.text_area[0].set_value("In 1066, William invaded England.")
    at.button[1].click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [m.value for m in [*at.success, *at.info, *at.error]]
    assert shown and all("](" not in m and "\x00" not in m and ":red[" not in m and "<b>" not in m for m in shown), shown
    _app(monkeypatch, str(path), PAGES[0])  # and Explore still draws the event of 1066


def test_stamp_lines_stay_one_line_and_csv_cells_never_formulas(tmp_path: Path) -> None:
    # the stamp reaches the PNG, the GIF and the CSV's sidecar; a newline in ?q= must not start a line
    text = 'zzz\n=HYPERLINK("http://x","y")\r=cmd|\' /C calc\'!A0\n@SUM(1)\t+1\u2028-2'
    stamp = briefing.Stamp.make(Filters(text=text), "http://localhost:8501/", "7", 0)
    assert all(not set(line) & set("\n\r\t\u2028") for line in stamp.lines()), stamp.lines()
    assert any("=HYPERLINK" in line for line in stamp.lines())  # kept, inside its line
    row = {c: "x" for c in briefing.CSV_COLUMNS} | {"title": text, "actors": [HYPERLINK], "people": ["@p"]}
    frame = pl.DataFrame([row]).with_columns(pl.lit(dt.date(2024, 1, 1)).alias("date_start"),
                                             pl.lit(dt.date(2024, 1, 1)).alias("date_end"), pl.lit("e").alias("event_id"))
    table = pl.read_csv(briefing.to_csv(frame, stamp))
    cells = [str(v) for v in table.row(0)]
    assert all(v[:1] not in "=+-@\t\r" for v in cells), cells
    json.loads(briefing.csv_sidecar(stamp))


def test_every_export_draws_events_dated_far_outside_the_slider(odd_store: str) -> None:
    from events.store import Store
    from ui.frame import prepare
    from ui.geo import capitals

    store = Store(odd_store)
    try:
        frame = prepare(store.events_frame(), capitals())
    finally:
        store.close()
    assert {1, 1066, 9999} <= {d.year for d in frame["date_start"].to_list()}
    stamp = briefing.Stamp.make(Filters(), "http://localhost:8501/", "7", frame.height)
    for export in (briefing.to_csv, briefing.to_json, briefing.to_geojson, briefing.to_html, briefing.to_png,
                   briefing.to_gif):
        assert export(frame, stamp), export.__name__
