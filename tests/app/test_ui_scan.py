"""Large-store filtering (ui.scan.view, text_matches) on hand-built slim frames."""

from __future__ import annotations

import polars as pl
import pytest

from ui import scan
from ui.filters import Filters, apply_filters


def _slim() -> pl.DataFrame:
    actors = [["CHN", "RUS"], ["RUS", "CHN"], ["CHN"], ["USA", "CHN", "RUS"], [], ["IND", "BRA"]]
    frame = pl.DataFrame({
        "event_id": [f"e{i}" for i in range(6)],
        "actors": actors,
        "event_type": ["AGREE", "CONSULT", "FIGHT", "AGREE", "AGREE", "CONSULT"],
        "place_name": ["Moscow", None, "Beijing", "Kremlin Palace", None, "Delhi"],
        "doc_id": ["d1", "d1", "d2", "d2", "d3", "d3"],
    })
    return frame.with_columns(pl.col("actors").list.join(", ").alias("actors_label")).with_columns(
        pl.col("event_type", "place_name", "doc_id", "actors_label").cast(pl.Categorical))


def _ids(frame: pl.DataFrame) -> list[str]:
    return sorted(frame["event_id"].to_list())


def test_actor_and_pair_filters_by_distinct_lists_equal_the_row_filters() -> None:
    slim = _slim()
    for filters in (Filters(pair=("CHN", "RUS")), Filters(actors=("CHN",)), Filters(actors=("CHN", "IND")),
                    Filters(actors=("CHN", "RUS"), actor_mode="all"), Filters(actors=("XXX",)),
                    Filters(actors=("RUS",), types=("AGREE",)), Filters(docs=("d2", "d3"), actors=("CHN",))):
        expected = apply_filters(slim.with_columns(pl.col("doc_id").cast(pl.Utf8)), filters)
        assert _ids(scan.view(slim, filters, None)) == _ids(expected), filters
    assert _ids(scan.view(slim, Filters(pair=("CHN", "RUS")), None)) == ["e0", "e1", "e3"]


def test_text_mask_matches_text_and_repeated_values_whatever_the_row_order() -> None:
    slim = _slim()
    texts = ["Signed a deal", "Talked", "Shelling near the kremlin", "met", "", "trade"]
    titles = ["Talks", "Talks", "War", "War", "Note", "Summit in Brasilia"]
    search = pl.DataFrame({"event_id": slim["event_id"], "_search": [t.lower() for t in texts],
                           "doc_title": titles}).with_columns(pl.col("doc_title").cast(pl.Categorical))
    for order in (search, search.reverse()):  # aligned with the slim rows, or not
        mask = scan.text_matches(order, slim, "Kremlin")
        assert mask.len() == slim.height
        # e2 by its text, e3 by its place name
        assert _ids(scan.view(slim, Filters(text="Kremlin"), mask)) == ["e2", "e3"]
        mask = scan.text_matches(order, slim, "brasilia")  # only the document title says it
        assert _ids(scan.view(slim, Filters(text="brasilia"), mask)) == ["e5"]
    assert scan.view(slim, Filters(text="kremlin"), None).is_empty()


def test_slim_arc_endpoints_are_the_whole_frame_endpoints() -> None:
    from ui.frame import _endpoint

    caps = {"CHN": (39.9, 116.4), "RUS": (55.75, 37.62)}
    events = pl.DataFrame({  # a pair of states, a state and an organisation (its own place), one actor, three
        "actors": [["CHN", "RUS"], ["RUS", "IGONATO"], ["CHN"], ["CHN", "RUS", "USA"], ["IGONATO", "IGOUNO"],
                   ["CHN", "RUS"], []],
        "lat": [1.0, 2.0, 3.0, 4.0, None, 6.0, 7.0], "lon": [10.0, 20.0, 30.0, 40.0, None, 60.0, 70.0],
    }, schema_overrides={"actors": pl.List(pl.Utf8)})
    frame = events.with_columns(**{c: pl.lit(None, pl.Utf8) for c in scan.SLIM_COLUMNS if c not in events.columns})
    slim = scan.slim_frame(frame.lazy(), caps)
    expected = events.select(*(_endpoint(i, caps, axis).cast(pl.Float32).alias(f"{end}_{own}")
                               for i, end in enumerate(("src", "dst")) for axis, own in enumerate(("lat", "lon"))))
    assert slim.select(expected.columns).equals(expected)
    assert slim["src_lat"].to_list()[:2] == [pytest.approx(39.9), pytest.approx(55.75)]
    assert slim["dst_lat"].to_list()[1] == 2.0  # the organisation's end is the event's own place


def test_actor_options_most_frequent_first() -> None:
    from ui.sidebar import actor_options

    slim = _slim()  # CHN 4, RUS 3, then BRA, IND, USA once each (ties by code); the empty list adds nothing
    assert actor_options(slim) == ["CHN", "RUS", "BRA", "IND", "USA"]
