"""Map, detail pane and exports: correct content, and document text always stays text."""

from __future__ import annotations

import datetime as dt
import io
import json

import polars as pl
import pytest

from events.store import Store
from tests.support.synthetic import XSS_STRINGS, add_xss_document, iter_batches
from ui import briefing
from ui.actors import matrix_frame, pair_counts, profile_partners
from ui.detail import detail_html, document_html, highlight
from ui.filters import Filters
from ui.frame import prepare
from ui.geo import capitals, load_basemap
from ui.mapdeck import build_deck, deck_json_safe, selected_event_id

RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    store = Store(":memory:")
    for docs, arts, evs in iter_batches(400, per_doc=40, seed=5):
        store.add(docs, arts, evs)
    add_xss_document(store)
    return prepare(store.events_frame(), capitals())


@pytest.fixture(scope="module")
def hostile(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.filter(pl.col("title").str.contains("<script>", literal=True))


def _stamp(n: int) -> briefing.Stamp:
    return briefing.Stamp.make(Filters(pair=("CHN", "RUS"), start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
                               "http://localhost:8501/", "42", n, now=dt.datetime(2026, 1, 2, 3, 4, 5))


def test_deck_gets_records_not_polars(frame: pl.DataFrame) -> None:
    deck, mode = build_deck(frame, load_basemap())
    assert mode == "points" and deck.map_provider is None
    spec = json.loads(deck.to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert {"basemap", "events", "arcs"} <= set(layers)
    assert isinstance(layers["events"]["data"], list) and layers["events"]["data"][0]["position"]
    assert len(layers["basemap"]["data"]["features"]) > 150
    assert spec["mapStyle"].startswith("data:application/json")  # no tile server
    assert deck._tooltip["text"] == "{tip}"  # one placeholder: values cannot inject another
    # pydeck turns bare strings into accessor functions: units must stay plain strings
    assert layers["events"]["radiusUnits"] == "pixels" and layers["arcs"]["widthUnits"] == "pixels"


def test_aggregate_mode_past_threshold(frame: pl.DataFrame) -> None:
    deck, mode = build_deck(frame, load_basemap(), aggregate_threshold=10)
    ids = [layer["id"] for layer in json.loads(deck.to_json())["layers"]]
    assert mode == "aggregate" and "heat" in ids and "events" not in ids


def test_deck_sends_no_empty_layers(frame: pl.DataFrame) -> None:
    # one event with no second actor: no arcs, so no arc layer (each layer is a shader program to build)
    single = frame.filter(pl.col("dst_lat").is_null() & pl.col("lat").is_not_null()).head(1)
    deck, _ = build_deck(single, load_basemap())
    layers = {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}
    assert "arcs" not in layers and "basemap" in layers and "events" in layers
    assert all(layer["data"] for layer in layers.values())


def test_deck_json_safe_for_script_tags(hostile: pl.DataFrame) -> None:
    deck, _ = build_deck(hostile, load_basemap())
    text = deck_json_safe(deck)
    assert "<" not in text and ">" not in text
    assert json.loads(text)  # still valid JSON with the same strings
    assert XSS_STRINGS[0] in json.dumps(json.loads(text))


def test_selected_event_id() -> None:
    state = {"selection": {"indices": {"events": [0]}, "objects": {"events": [{"event_id": "e1"}]}}}
    assert selected_event_id(state) == "e1"
    assert selected_event_id({"selection": {"objects": {}}}) is None
    assert selected_event_id(None) is None


def test_detail_escapes_and_highlights(hostile: pl.DataFrame) -> None:
    html = detail_html(hostile.row(0, named=True))
    for raw in RAW:
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "{{7*7}}" in html
    assert "class=\"hl-date\"" in html and "class=\"hl-place\"" in html
    assert "Other mentions (1)" in html


def test_highlight_drops_bad_spans() -> None:
    assert highlight("a<b>c", [("date", 0, 1), ("place", 0, 3), ("actor", 4, 99)]).count("<mark") == 1
    assert document_html("x<y", 0, 1).count("&lt;") == 1


def test_pairs_matrix(frame: pl.DataFrame) -> None:
    pairs = pair_counts(frame)
    top = pairs.row(0, named=True)
    assert (top["a"], top["b"]) == ("CHN", "RUS")
    matrix = matrix_frame(frame, top_n=5)
    assert matrix.filter((pl.col("a") == "RUS") & (pl.col("b") == "CHN"))["count"][0] == top["count"]
    partners = profile_partners(frame, "CHN")
    assert partners["code"][0] == "RUS" and partners["partner"][0] == "Russia"


def test_exports_are_stamped(frame: pl.DataFrame) -> None:
    stamp = _stamp(frame.height)
    link = "http://localhost:8501/?pair=CHN-RUS&from=2024-01-01&to=2024-12-31"
    outputs = {
        "csv stamp": briefing.csv_sidecar(stamp).decode(),
        "json": briefing.to_json(frame, stamp).decode(),
        "geojson": briefing.to_geojson(frame, stamp).decode(),
        "html": briefing.to_html(frame, stamp).decode(),
    }
    for name, text in outputs.items():
        assert link in text.replace("&amp;", "&"), name
        assert "2026-01-02T03:04:05" in text and "42" in text and "2024-01-01 to 2024-12-31" in text, name
    data = json.loads(outputs["json"])
    assert len(data["events"]) == frame.height and data["eventscape_export"]["store_version"] == "42"
    geo = json.loads(outputs["geojson"])
    assert geo["features"][0]["geometry"]["type"] == "Point"
    png = briefing.to_png(frame, stamp)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
    assert "v42" in briefing.file_stem(stamp) and "v=42" in stamp.link  # the store version travels


def test_csv_reads_unchanged_in_pandas_and_polars(frame: pl.DataFrame) -> None:
    import io

    import pandas as pd

    data = briefing.to_csv(frame, _stamp(frame.height))
    assert not data.startswith(b"#")
    with_pandas = pd.read_csv(io.BytesIO(data))
    with_polars = pl.read_csv(io.BytesIO(data))
    assert len(with_pandas) == len(with_polars) == frame.height
    assert list(with_pandas.columns) == list(briefing.CSV_COLUMNS)
    assert "char_start" not in with_polars.columns and "highlights" not in with_polars.columns
    dates = with_polars["date_start"].to_list()
    assert dates == sorted(dates)  # oldest first


def test_png_page_sizes_and_title() -> None:
    from PIL import Image

    small = prepare(Store(":memory:").events_frame(), {})
    for size, (w, h) in briefing.figures.PAGE_SIZES.items():
        stamp = briefing.Stamp.make(Filters(), "http://x/", "1", 0, title="T", notes="N")
        image = Image.open(io.BytesIO(briefing.to_png(small, stamp, size)))
        assert abs(image.size[0] - w * briefing.figures.DPI) <= 1 and abs(image.size[1] - h * briefing.figures.DPI) <= 1


def test_gif_has_ten_frames_or_more(frame: pl.DataFrame) -> None:
    from PIL import Image

    data = briefing.to_gif(frame.head(200), _stamp(200))
    image = Image.open(io.BytesIO(data))
    assert image.format == "GIF" and image.n_frames >= 10


def test_exports_keep_hostile_text_as_text(hostile: pl.DataFrame) -> None:
    stamp = _stamp(hostile.height)
    html = briefing.to_html(hostile, stamp).decode()
    body = html.split("<script>", 1)[0]  # everything before the inlined deck.gl bundle
    script_tail = html.rsplit("<script>", 1)[1]  # our own deck JSON
    for raw in RAW:
        assert raw not in body and raw not in script_tail
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in html and "<img src=x" not in html
    csv = briefing.to_csv(hostile, stamp).decode()
    assert RAW[0] in csv  # plain text formats keep the text verbatim
    assert json.loads(briefing.to_json(hostile, stamp))["events"][0]["title"].count("<script>") == 1
    assert briefing.to_png(hostile, stamp)[:4] == b"\x89PNG"


def test_csv_guards_formulas(frame: pl.DataFrame) -> None:
    evil = frame.head(1).with_columns(pl.lit("=HYPERLINK(\"http://x\")").alias("title"))
    assert "'=HYPERLINK" in briefing.to_csv(evil, _stamp(1)).decode()



def test_markdown_from_documents_stays_text() -> None:
    from ui.detail import md_text

    inert = md_text("![x](http://evil/a.png) [click](javascript:alert(1)) *b* $x$")
    assert "](" not in inert.replace("\\](", "") and "\\!\\[x\\]" in inert and "\\$x\\$" in inert
