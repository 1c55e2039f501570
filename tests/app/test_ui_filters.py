"""Filters: URL round trip and what each filter keeps."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from events.store import Store
from tests.support.synthetic import iter_batches
from ui.filters import Filters, apply_filters
from ui.frame import prepare
from ui.geo import capitals


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    store = Store(":memory:")
    for docs, arts, evs in iter_batches(600, per_doc=40, seed=3):
        store.add(docs, arts, evs)
    return prepare(store.events_frame(), capitals())


def test_query_round_trip() -> None:
    f = Filters(actors=("CHN", "RUS"), actor_mode="all", pair=("CHN", "RUS"), types=("CONSULT", "AGREE"),
                statuses=("occurred",), precisions=("day", "month"), docs=("abc",), text="Lima port",
                start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    assert Filters.from_query(f.to_query()) == f
    assert Filters().to_query() == {}
    assert "pair=CHN-RUS" in f.query_string()
    assert f.link("http://host:8501/explore?x=1").startswith("http://host:8501/explore?actors=CHN,RUS")


def test_from_query_tolerates_junk() -> None:
    f = Filters.from_query({"pair": "chn-rus", "from": "not a date", "mode": "weird", "type": ["consult"]})
    assert f.pair == ("CHN", "RUS") and f.start is None and f.actor_mode == "any" and f.types == ("CONSULT",)


@pytest.mark.parametrize("filters", [
    Filters(actors=("IND",)),
    Filters(actors=("CHN", "RUS"), actor_mode="all"),
    Filters(pair=("RUS", "CHN")),
    Filters(types=("SANCTION",)),
    Filters(statuses=("planned",)),
    Filters(precisions=("month",)),
    Filters(text="kremlin"),
    Filters(start=dt.date(2020, 1, 1), end=dt.date(2020, 6, 30)),
])
def test_every_filter_narrows(frame: pl.DataFrame, filters: Filters) -> None:
    kept = apply_filters(frame, filters)
    assert 0 < kept.height < frame.height


def test_document_filter(frame: pl.DataFrame) -> None:
    doc = frame["doc_id"][0]
    kept = apply_filters(frame, Filters(docs=(doc,)))
    assert set(kept["doc_id"]) == {doc}


def test_pair_is_either_direction_and_any_vs_all(frame: pl.DataFrame) -> None:
    pair = apply_filters(frame, Filters(pair=("CHN", "RUS")))
    assert pair.height == apply_filters(frame, Filters(pair=("RUS", "CHN"))).height
    assert all({"CHN", "RUS"} <= set(a) for a in pair["actors"].to_list())
    any_ = apply_filters(frame, Filters(actors=("CHN", "RUS")))
    all_ = apply_filters(frame, Filters(actors=("CHN", "RUS"), actor_mode="all"))
    assert all_.height < any_.height


def test_window_keeps_overlapping_month_events(frame: pl.DataFrame) -> None:
    month = frame.filter(pl.col("date_precision") == "month").row(0, named=True)
    mid = month["date_start"] + dt.timedelta(days=10)
    kept = apply_filters(frame, Filters(start=mid, end=mid))
    assert month["event_id"] in kept["event_id"].to_list()
    assert apply_filters(frame, Filters(start=mid, end=mid), window=False).height == frame.height
