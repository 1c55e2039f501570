"""Timeline aggregates, the Altair chart, and the play-loop step (all pure).

Day-precision events are counted per bucket (day/week/month) and stacked by
event type. Month- and year-precision events are *not* pinned to a false day:
they are drawn as spans over the whole month or year in a lane below the bars.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import altair as alt
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
    days = frame.filter(pl.col("date_precision") == "day")
    counts = (
        days.group_by(pl.col("date_start").dt.truncate(_EVERY[bucket]).alias("bucket_start"), "event_type")
        .len("count")
        .sort("bucket_start", "event_type")
    )
    ends = [bucket_end(d, bucket) for d in counts["bucket_start"].to_list()]
    return counts.with_columns(pl.Series("bucket_end", ends, dtype=pl.Date))


def span_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """Month/year-precision events grouped by their exact span and type."""
    spans = frame.filter(pl.col("date_precision") != "day")
    return (
        spans.group_by("date_start", "date_end", "date_precision", "event_type")
        .len("count")
        .with_columns((pl.col("date_end") + pl.duration(days=1)).alias("span_end"))
        .sort("date_start", "event_type")
    )


def timeline_chart(
    frame: pl.DataFrame,
    window: tuple[dt.date, dt.date] | None,
    bucket: Bucket,
    domain: tuple[dt.date, dt.date] | None = None,
    width: int | str = "container",
    bar_height: int = 120,
) -> tuple[alt.LayerChart | alt.Chart, alt.Chart | None]:
    """Stacked bars (day precision) and span lanes (month/year precision, None if there are none).

    Two charts rather than one ``vconcat``: Vega-Lite cannot fit a concatenated chart
    to its container's width. Both y axes get the same fixed extent so the x axes line up.

    ``frame`` should be filtered by everything *except* the time window, so the
    chart shows the context and the window is drawn as a shaded band over it.
    """
    counts = bucket_counts(frame, bucket)
    spans = span_counts(frame)
    types = type_order(frame["event_type"].unique().to_list())
    type_scale = alt.Scale(domain=types, range=[type_hex(t) for t in types])
    color = alt.Color("event_type:N", title="Event type", scale=type_scale,
                      legend=alt.Legend(orient="top", columns=8, symbolLimit=30, title=None, labelFontSize=10))
    if domain is None:
        lo = min([*counts["bucket_start"].to_list(), *spans["date_start"].to_list()], default=None)
        hi = max([*counts["bucket_end"].to_list(), *spans["span_end"].to_list()], default=None)
        domain = (lo, hi) if lo and hi else None
    x_scale = alt.Scale(domain=[domain[0].isoformat(), domain[1].isoformat()]) if domain else alt.Undefined
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
    opacity = alt.condition("datum.in_window", alt.value(0.95), alt.value(0.25))
    bars = alt.Chart(counts.to_pandas()).mark_bar().encode(
        x=alt.X("bucket_start:T", title=None, scale=x_scale),
        x2="bucket_end:T",
        y=alt.Y("y0:Q", title=f"per {bucket}", axis=alt.Axis(minExtent=Y_AXIS_EXTENT, maxExtent=Y_AXIS_EXTENT)),
        y2="y1:Q",
        color=color,
        opacity=opacity,
        tooltip=[alt.Tooltip("bucket_start:T", title=bucket.capitalize()),
                 alt.Tooltip("event_type:N", title="Type"), alt.Tooltip("count:Q", title="Events")],
    )
    layers: list[alt.Chart] = []
    if window:
        band = alt.Chart(pl.DataFrame({"a": [window[0]], "b": [window[1] + dt.timedelta(days=1)]}).to_pandas())
        layers.append(band.mark_rect(color="#4c78a8", opacity=0.10).encode(x=alt.X("a:T", scale=x_scale), x2="b:T"))
    top = (alt.layer(*layers, bars) if layers else bars).properties(height=bar_height, width=width)
    if spans.is_empty():
        return top, None
    lanes = alt.Chart(spans.to_pandas()).mark_bar(cornerRadius=1).encode(
        x=alt.X("date_start:T", title=None, scale=x_scale, axis=alt.Axis(labels=False, ticks=False, domain=False)),
        x2="span_end:T",
        y=alt.Y("date_precision:N", title=None, sort=["month", "year"],
                axis=alt.Axis(labelExpr="datum.value + '-precision'", minExtent=Y_AXIS_EXTENT,
                              maxExtent=Y_AXIS_EXTENT)),
        yOffset=alt.YOffset("event_type:N", sort=types),
        color=alt.Color("event_type:N", scale=type_scale, legend=None),
        opacity=opacity,
        tooltip=[alt.Tooltip("date_precision:N", title="Precision"), alt.Tooltip("event_type:N", title="Type"),
                 alt.Tooltip("date_start:T", title="From"), alt.Tooltip("date_end:T", title="To"),
                 alt.Tooltip("count:Q", title="Events")],
    ).properties(height=26 * spans["date_precision"].n_unique(), width=width)
    return top, lanes


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
