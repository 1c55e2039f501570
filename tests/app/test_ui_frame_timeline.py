"""Derived columns, timeline aggregates and the play step."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl

from events.store import Store
from tests.support.synthetic import iter_batches, make_event
from ui.frame import data_range, event_table, format_date, prepare
from ui.timeline import bucket_counts, choose_bucket, span_counts, start_window, step_window, timeline_chart


def _frame(events: list) -> pl.DataFrame:  # type: ignore[type-arg]
    from events.model import Document
    store = Store(":memory:")
    docs = {e.doc_id: Document(doc_id=e.doc_id, source="t", title="t", text="x") for e in events}
    store.add(list(docs.values()), [], events)
    return store.events_frame()


def _event(i: int, **changes: object):  # type: ignore[no-untyped-def]
    from dataclasses import replace
    return replace(make_event(i, random.Random(i), "doc1", "Doc"), **changes)


def test_format_date_respects_precision() -> None:
    assert format_date(dt.date(2024, 11, 19), dt.date(2024, 11, 20), "day") == "19–20 Nov 2024"
    assert format_date(dt.date(2023, 3, 1), dt.date(2023, 3, 31), "month") == "Mar 2023"
    assert format_date(dt.date(2017, 1, 1), dt.date(2017, 12, 31), "year") == "2017"


def test_arc_endpoints_capital_or_event_place() -> None:
    caps = {"CHN": (39.9, 116.4), "RUS": (55.75, 37.6)}
    frame = _frame([
        _event(1, actors=("CHN", "RUS"), lat=-12.0, lon=-77.0),
        _event(2, actors=("CHN", "UN"), lat=40.7, lon=-74.0),
        _event(3, actors=("CHN",), lat=1.0, lon=1.0),
        _event(4, actors=("CHN", "RUS", "IND"), lat=1.0, lon=1.0),
    ])
    out = prepare(frame, caps).sort("event_id")
    rows = {tuple(r["actors"]): r for r in out.iter_rows(named=True)}
    assert (rows[("CHN", "RUS")]["src_lat"], rows[("CHN", "RUS")]["dst_lat"]) == (39.9, 55.75)
    assert rows[("CHN", "UN")]["dst_lat"] == 40.7  # an organisation has no capital: the event place
    assert rows[("CHN",)]["src_lat"] is None and rows[("CHN", "RUS", "IND")]["src_lat"] is None


def test_month_and_year_events_are_spans_not_days() -> None:
    frame = _frame([
        _event(1, date_precision="day", date_start=dt.date(2024, 3, 5), date_end=dt.date(2024, 3, 5), event_type="AGREE"),
        _event(2, date_precision="month", date_start=dt.date(2024, 3, 1), date_end=dt.date(2024, 3, 31), event_type="AGREE"),
        _event(3, date_precision="year", date_start=dt.date(2024, 1, 1), date_end=dt.date(2024, 12, 31), event_type="AID"),
    ])
    bars = bucket_counts(frame, "day")
    assert bars["count"].sum() == 1 and bars["bucket_start"][0] == dt.date(2024, 3, 5)
    spans = span_counts(frame)
    assert spans.height == 2
    month = spans.filter(pl.col("date_precision") == "month").row(0, named=True)
    assert (month["date_start"], month["span_end"]) == (dt.date(2024, 3, 1), dt.date(2024, 4, 1))
    bars, lanes = timeline_chart(frame, (dt.date(2024, 3, 1), dt.date(2024, 3, 10)), "day")
    assert len(bars.spec["layer"]) == 2 and bars.data.height == 1  # window band + bars
    assert lanes is not None and lanes.spec["mark"]["type"] == "bar" and lanes.data.height == 2
    assert timeline_chart(frame.filter(pl.col("date_precision") == "day"), None, "day")[1] is None


def test_week_and_month_buckets() -> None:
    assert choose_bucket(dt.date(2024, 1, 1), dt.date(2024, 3, 1)) == "day"
    assert choose_bucket(dt.date(2020, 1, 1), dt.date(2024, 1, 1)) == "week"
    assert choose_bucket(dt.date(2000, 1, 1), dt.date(2024, 1, 1)) == "month"
    frame = _frame([_event(i, date_precision="day", date_start=dt.date(2024, 1, d), date_end=dt.date(2024, 1, d))
                    for i, d in enumerate((1, 2, 9, 31))])
    weeks = bucket_counts(frame, "week")
    assert weeks.group_by("bucket_start").agg(pl.col("count").sum()).sort("bucket_start")["count"].to_list() == [2, 1, 1]
    months = bucket_counts(frame, "month")
    assert months["bucket_end"].to_list()[0] == dt.date(2024, 2, 1)


def test_step_window_moving_and_cumulative() -> None:
    bounds = (dt.date(2024, 1, 1), dt.date(2024, 1, 10))
    moved, done = step_window((dt.date(2024, 1, 1), dt.date(2024, 1, 3)), bounds, "day", "moving")
    assert moved == (dt.date(2024, 1, 2), dt.date(2024, 1, 4)) and not done
    grown, _ = step_window((dt.date(2024, 1, 1), dt.date(2024, 1, 3)), bounds, "day", "cumulative")
    assert grown == (dt.date(2024, 1, 1), dt.date(2024, 1, 4))
    last, done = step_window((dt.date(2024, 1, 7), dt.date(2024, 1, 9)), bounds, "day", "moving")
    assert last[1] == bounds[1] and done
    assert start_window(bounds, "day", "cumulative") == (dt.date(2024, 1, 1), dt.date(2024, 1, 1))


def test_event_table_caps_rows_and_data_range() -> None:
    store = Store(":memory:")
    for docs, arts, evs in iter_batches(300, per_doc=100):
        store.add(docs, arts, evs)
    frame = prepare(store.events_frame(), {})
    assert event_table(frame, 50).height == 50
    lo, hi = data_range(frame)  # type: ignore[misc]
    assert lo <= hi
    assert data_range(frame.clear()) is None


def test_focus_range_ignores_far_off_dates() -> None:
    from ui.frame import focus_range
    events = [_event(i, date_precision="day", date_start=dt.date(2024, 1, 1) + dt.timedelta(days=i),
                     date_end=dt.date(2024, 1, 1) + dt.timedelta(days=i)) for i in range(60)]
    events.append(_event(99, date_precision="year", date_start=dt.date(1945, 1, 1), date_end=dt.date(1945, 12, 31)))
    frame = _frame(events)
    lo, hi = focus_range(frame)  # type: ignore[misc]
    assert lo >= dt.date(2024, 1, 1) and hi <= dt.date(2024, 3, 1)
    assert data_range(frame)[0] == dt.date(1945, 1, 1)  # type: ignore[index]
