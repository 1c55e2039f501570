"""Timeline aggregates, the Altair chart, and the play-loop step (all pure).

Day-precision events are counted per bucket (day/week/month) and stacked by
event type. Month- and year-precision events are *not* pinned to a false day:
they are drawn as spans over the whole month or year in a lane below the bars.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from ui.style import type_hex, type_order

Bucket = Literal["day", "week", "month"]
PlayMode = Literal["moving", "cumulative"]
_EVERY: dict[str, str] = {"day": "1d", "week": "1w", "month": "1mo"}
Y_AXIS_EXTENT = 92  # px reserved for y-axis labels in both timeline charts, so their x axes align


def choose_bucket(lo: dt.date, hi: dt.date, max_buckets: int = 400) -> Bucket:
    days = (hi - lo).days + 1
    if days <= max_buckets:
        return "day"
    if days <= max_buckets * 7:
        return "week"
    return "month"


def bucket_end(start: dt.date, bucket: Bucket) -> dt.date:
    """First day *after* the bucket starting at ``start``."""
    if bucket == "day":
        return start + dt.timedelta(days=1)
    if bucket == "week":
        return start + dt.timedelta(days=7)
    return dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def bucket_counts(frame: pl.DataFrame, bucket: Bucket) -> pl.DataFrame:
    """Day-precision events per (bucket, event type)."""
    days = frame.select("date_start", "event_type", "date_precision").filter(pl.col("date_precision") == "day")
    counts = (
        days.group_by(pl.col("date_start").dt.truncate(_EVERY[bucket]).alias("bucket_start"), "event_type")
        .len("count")
        .sort("bucket_start", "event_type")
    )
    ends = [bucket_end(d, bucket) for d in counts["bucket_start"].to_list()]
    return counts.with_columns(pl.Series("bucket_end", ends, dtype=pl.Date))


def span_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """Month/year-precision events grouped by their exact span and type."""
    spans = frame.select("date_start", "date_end", "date_precision", "event_type").filter(
        pl.col("date_precision") != "day")
    return (
        spans.group_by("date_start", "date_end", "date_precision", "event_type")
        .len("count")
        .with_columns((pl.col("date_end") + pl.duration(days=1)).alias("span_end"))
        .sort("date_start", "event_type")
    )


@dataclass(frozen=True)
class ChartSpec:
    """A Vega-Lite spec with its data kept apart (Streamlit sends the data as Arrow)."""

    spec: dict[str, Any]
    data: pl.DataFrame
    height: int


def _date_col(name: str) -> pl.Expr:
    return pl.col(name).dt.to_string("%Y-%m-%d")


def timeline_chart(
    frame: pl.DataFrame,
    window: tuple[dt.date, dt.date] | None,
    bucket: Bucket,
    domain: tuple[dt.date, dt.date] | None = None,
    bar_height: int = 120,
) -> tuple[ChartSpec, ChartSpec | None]:
    """Stacked bars (day precision) and span lanes (month/year precision, None if there are none).

    Hand-written Vega-Lite rather than Altair objects: Altair validates every data row
    against the schema, which alone took over a second at 100k events. Two charts
    rather than a ``vconcat`` (which cannot fit its container's width); both y axes
    get the same fixed extent so the x axes line up.

    ``frame`` should be filtered by everything *except* the time window, so the
    chart shows the context and the window is drawn as a shaded band over it.
    """
    counts = bucket_counts(frame, bucket)
    spans = span_counts(frame)
    types = type_order(frame["event_type"].unique().to_list())
    scale = {"domain": types, "range": [type_hex(t) for t in types]}
    if domain is None:
        lo = min([*counts["bucket_start"].to_list(), *spans["date_start"].to_list()], default=None)
        hi = max([*counts["bucket_end"].to_list(), *spans["span_end"].to_list()], default=None)
        domain = (lo, hi) if lo and hi else None
    if domain and (domain[1] - domain[0]).days < 14:  # a day or two of data: show days, not hours
        domain = (domain[0] - dt.timedelta(days=3), domain[0] + dt.timedelta(days=13))
    x_scale = {"domain": [domain[0].isoformat(), (domain[1] + dt.timedelta(days=1)).isoformat()]} if domain else {}
    if window:
        counts = counts.with_columns(
            ((pl.col("bucket_end") > window[0]) & (pl.col("bucket_start") <= window[1])).alias("in_window"))
        spans = spans.with_columns(
            ((pl.col("date_end") >= window[0]) & (pl.col("date_start") <= window[1])).alias("in_window"))
    else:
        counts = counts.with_columns(pl.lit(True).alias("in_window"))
        spans = spans.with_columns(pl.lit(True).alias("in_window"))
    # stack explicitly (known type order) so every bar is exact, whatever Vega-Lite's defaults
    rank = {t: i for i, t in enumerate(types)}
    counts = counts.with_columns(pl.col("event_type").replace_strict(rank, default=len(rank)).alias("_rank")).sort(
        "bucket_start", "_rank").with_columns(pl.col("count").cum_sum().over("bucket_start").alias("y1"))
    counts = counts.with_columns((pl.col("y1") - pl.col("count")).alias("y0"))
    opacity = {"condition": {"test": "datum.in_window", "value": 0.95}, "value": 0.22}
    y_axis = {"minExtent": Y_AXIS_EXTENT, "maxExtent": Y_AXIS_EXTENT}
    bars_layer = {
        "mark": {"type": "bar", "clip": True},
        "encoding": {
            "x": {"field": "bucket_start", "type": "temporal", "title": None, "scale": x_scale},
            "x2": {"field": "bucket_end"},
            "y": {"field": "y0", "type": "quantitative", "title": f"per {bucket}", "axis": y_axis},
            "y2": {"field": "y1"},
            "color": {"field": "event_type", "type": "nominal", "scale": scale,
                      "legend": {"orient": "top", "columns": 8, "symbolLimit": 30, "title": None,
                                 "labelFontSize": 10}},
            "opacity": opacity,
            "tooltip": [{"field": "bucket_start", "type": "temporal", "title": bucket.capitalize()},
                        {"field": "event_type", "type": "nominal", "title": "Type"},
                        {"field": "count", "type": "quantitative", "title": "Events"}],
        },
    }
    layers: list[dict[str, Any]] = []
    if window:
        layers.append({
            "data": {"values": [{"a": window[0].isoformat(), "b": (window[1] + dt.timedelta(days=1)).isoformat()}]},
            "mark": {"type": "rect", "color": "#4c78a8", "opacity": 0.10, "clip": True},
            "encoding": {"x": {"field": "a", "type": "temporal", "scale": x_scale}, "x2": {"field": "b"}},
        })
    layers.append(bars_layer)
    bars_data = counts.select(_date_col("bucket_start"), _date_col("bucket_end"), "event_type", "count", "y0", "y1",
                              "in_window")
    bars = ChartSpec({"height": bar_height, "layer": layers}, bars_data, bar_height + 78)
    if spans.is_empty():
        return bars, None
    n_lanes = spans["date_precision"].n_unique()
    lanes_spec = {
        "height": 26 * n_lanes,
        "mark": {"type": "bar", "cornerRadius": 1, "clip": True},
        "encoding": {
            "x": {"field": "date_start", "type": "temporal", "title": None, "scale": x_scale,
                  "axis": {"labels": False, "ticks": False, "domain": False}},
            "x2": {"field": "span_end"},
            "y": {"field": "date_precision", "type": "nominal", "title": None, "sort": ["month", "year"],
                  "axis": {"labelExpr": "datum.value + '-precision'", **y_axis}},
            "yOffset": {"field": "event_type", "type": "nominal", "sort": types},
            "color": {"field": "event_type", "type": "nominal", "scale": scale, "legend": None},
            "opacity": opacity,
            "tooltip": [{"field": "date_precision", "type": "nominal", "title": "Precision"},
                        {"field": "event_type", "type": "nominal", "title": "Type"},
                        {"field": "date_start", "type": "temporal", "title": "From"},
                        {"field": "date_end", "type": "temporal", "title": "To"},
                        {"field": "count", "type": "quantitative", "title": "Events"}],
        },
    }
    lanes_data = spans.select(_date_col("date_start"), _date_col("date_end"), _date_col("span_end"),
                              "date_precision", "event_type", "count", "in_window")
    return bars, ChartSpec(lanes_spec, lanes_data, 26 * n_lanes + 12)


def step_window(
    window: tuple[dt.date, dt.date],
    bounds: tuple[dt.date, dt.date],
    bucket: Bucket,
    mode: PlayMode,
) -> tuple[tuple[dt.date, dt.date], bool]:
    """Advance the playback window by one bucket; returns (new window, finished).

    ``moving`` slides the window keeping its width; ``cumulative`` keeps the
    start and extends the end. The window never runs past ``bounds``.
    """
    start, end = window
    lo, hi = bounds
    step = bucket_end(end, bucket) - end
    if end >= hi:
        return (start, hi), True
    new_end = min(end + step, hi)
    new_start = start if mode == "cumulative" else min(start + (new_end - end), new_end)
    return (max(new_start, lo), new_end), new_end >= hi


def start_window(bounds: tuple[dt.date, dt.date], bucket: Bucket, mode: PlayMode,
                 width_days: int | None = None) -> tuple[dt.date, dt.date]:
    """Where playback starts: the first bucket (cumulative) or a window of ``width_days``."""
    lo, hi = bounds
    if mode == "cumulative":
        return lo, min(bucket_end(lo, bucket) - dt.timedelta(days=1), hi)
    width = width_days or max(1, ((hi - lo).days + 1) // 12)
    return lo, min(lo + dt.timedelta(days=width - 1), hi)
