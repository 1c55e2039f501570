"""Derived columns, timeline aggregates and the play step."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl

from events.store import Store
from tests.support.synthetic import iter_batches, make_event
from ui.frame import data_range, event_table, format_date, prepare
from ui.timeline import (
    TICK_LABEL,
    axis_domain,
    bucket_counts,
    choose_bucket,
    play_step,
    selected_window,
    span_counts,
    start_window,
    step_back,
    step_window,
    timeline_chart,
)


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
    chart = timeline_chart(frame, (dt.date(2024, 3, 1), dt.date(2024, 3, 10)), "day")
    assert len(chart.spec["layer"]) == 3  # window band + bars + span lanes, one shared x scale
    assert chart.data.filter(pl.col("kind") == "bar").height == 1
    assert chart.data.filter(pl.col("kind") == "span").height == 2
    assert len(timeline_chart(frame.filter(pl.col("date_precision") == "day"), None, "day").spec["layer"]) == 1


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


def test_spans_and_bars_share_one_x_scale_and_the_last_event_is_inside() -> None:
    frame = _frame([
        _event(1, date_precision="day", date_start=dt.date(2023, 1, 5), date_end=dt.date(2023, 1, 5)),
        _event(2, date_precision="month", date_start=dt.date(2023, 6, 1), date_end=dt.date(2023, 6, 30)),
        _event(3, date_precision="day", date_start=dt.date(2024, 11, 30), date_end=dt.date(2024, 11, 30)),
    ])
    spec = timeline_chart(frame, None, "month").spec
    bars, spans = spec["layer"]
    assert bars["encoding"]["x"]["scale"] == spans["encoding"]["x"]["scale"]
    assert spec["resolve"]["scale"]["y"] == "independent" and "x" not in spec["resolve"]["scale"]
    lo, hi = bars["encoding"]["x"]["scale"]["domain"]
    assert lo <= "2023-01-01" and hi >= "2024-12-01"  # the whole last bucket is drawn
    assert axis_domain(dt.date(2024, 1, 17), dt.date(2024, 11, 30), "month") == (dt.date(2024, 1, 1), dt.date(2024, 12, 1))


def test_timeline_selections_become_windows() -> None:
    ms = (dt.datetime(2024, 3, 1) - dt.datetime(1970, 1, 1)).total_seconds() * 1000
    brush = {"selection": {"brush": {"x0": [ms, ms + 9 * 86_400_000]}, "pick": []}}
    assert selected_window(brush) == ("brush", (dt.date(2024, 3, 1), dt.date(2024, 3, 10)))
    pick = {"selection": {"brush": {}, "pick": [{"x0": ms, "x1": "2024-04-01"}]}}
    assert selected_window(pick) == ("pick", (dt.date(2024, 3, 1), dt.date(2024, 3, 31)))
    assert selected_window({"selection": {"brush": {}, "pick": []}}) is None
    assert selected_window(None) is None


def test_step_back_and_month_steps_are_whole_months() -> None:
    bounds = (dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    moved, _ = step_window((dt.date(2021, 1, 1), dt.date(2021, 1, 31)), bounds, "month", "moving")
    assert moved == (dt.date(2021, 2, 1), dt.date(2021, 2, 28))  # a month, not one day
    assert step_back(moved, bounds, "month", "moving") == (dt.date(2021, 1, 1), dt.date(2021, 1, 31))  # round trip
    assert step_back((dt.date(2020, 1, 1), dt.date(2020, 1, 3)), bounds, "day", "moving")[0] == dt.date(2020, 1, 1)
    assert step_back((dt.date(2021, 1, 1), dt.date(2021, 3, 1)), bounds, "month", "cumulative") == (
        dt.date(2021, 1, 1), dt.date(2021, 2, 1))


def test_play_skips_empty_stretches_and_says_so() -> None:
    frame = _frame([
        _event(1, date_precision="day", date_start=dt.date(2020, 1, 5), date_end=dt.date(2020, 1, 5)),
        _event(2, date_precision="day", date_start=dt.date(2023, 6, 10), date_end=dt.date(2023, 6, 10)),
    ])
    bounds = (dt.date(2020, 1, 1), dt.date(2023, 12, 31))
    window, done, note = play_step((dt.date(2020, 1, 1), dt.date(2020, 1, 31)), bounds, "month", "moving", frame)
    assert window[0] <= dt.date(2023, 6, 10) <= window[1] and not done
    assert note and "skipped" in note and "2023-06-09" in note
    window, done, note = play_step((dt.date(2020, 1, 1), dt.date(2020, 1, 31)), bounds, "month", "moving",
                                   frame.filter(pl.col("date_start") < dt.date(2021, 1, 1)))
    assert done and note == "no more events after this window"


def test_focus_range_keeps_the_newest_events() -> None:
    from ui.frame import focus_range
    events = [_event(i, date_precision="day", date_start=dt.date(2017, 1, 1) + dt.timedelta(days=30 * i),
                     date_end=dt.date(2017, 1, 1) + dt.timedelta(days=30 * i)) for i in range(40)]
    events.append(_event(98, date_precision="day", date_start=dt.date(2020, 9, 1), date_end=dt.date(2020, 9, 1)))
    events.append(_event(99, date_precision="year", date_start=dt.date(1945, 1, 1), date_end=dt.date(1945, 12, 31)))
    lo, hi = focus_range(_frame(events))  # type: ignore[misc]
    assert hi == dt.date(2020, 9, 1) and lo > dt.date(2000, 1, 1)



def test_timeline_ticks_name_their_year() -> None:
    # a span of years was labelled "April, October, April, ..." with no year on any tick (Vega-Lite's default
    # names the year only on ticks that fall on New Year's Day)
    frame = _frame([
        _event(1, date_precision="day", date_start=dt.date(2017, 4, 11), date_end=dt.date(2017, 4, 11)),
        _event(2, date_precision="month", date_start=dt.date(2021, 3, 1), date_end=dt.date(2021, 3, 31)),
        _event(3, date_precision="day", date_start=dt.date(2025, 12, 1), date_end=dt.date(2025, 12, 1)),
    ])
    chart = timeline_chart(frame, None, "month")
    axes = [layer["encoding"]["x"]["axis"]["labelExpr"] for layer in chart.spec["layer"]]
    assert len(axes) == 2 and set(axes) == {TICK_LABEL}  # the bars and the span lanes share one labelled axis
    branches = TICK_LABEL.split("?", 1)[1].split(":", 1)
    assert "'%Y'" in branches[0] and "%b %Y" in branches[1]
