"""Timeline aggregates, the Altair chart, and the play-loop step (all pure).

Day-precision events are counted per bucket (day/week/month) and stacked by
event type. Month- and year-precision events are *not* pinned to a false day:
they are drawn as spans over the whole month or year in a lane below the bars.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from ui.style import type_hex, type_order

Bucket = Literal["day", "week", "month"]
PlayMode = Literal["moving", "cumulative"]
_EVERY: dict[str, str] = {"day": "1d", "week": "1w", "month": "1mo"}
TICK_LABEL = ("month(datum.value) == 0 && date(datum.value) == 1 ? timeFormat(datum.value, '%Y')"
              " : timeFormat(datum.value, '%b %Y')")
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


def shift(day: dt.date, bucket: Bucket, n: int) -> dt.date:
    """``day`` moved by ``n`` whole buckets (a month keeps its day of month where it can)."""
    if bucket == "day":
        return day + dt.timedelta(days=n)
    if bucket == "week":
        return day + dt.timedelta(days=7 * n)
    months = day.year * 12 + day.month - 1 + n
    year, month = divmod(months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, last if month_end else min(day.day, last))


def _bucket_end_expr(bucket: Bucket) -> pl.Expr:
    """Vectorised :func:`bucket_end` of a ``bucket_start`` column (starts are whole buckets)."""
    return pl.col("bucket_start").dt.offset_by(_EVERY[bucket] if bucket != "week" else "7d").alias("bucket_end")


def bucket_counts(frame: pl.DataFrame, bucket: Bucket) -> pl.DataFrame:
    """Day-precision events per (bucket, event type)."""
    days = frame.lazy().select("date_start", "event_type", "date_precision").filter(pl.col("date_precision") == "day")
    return (
        days.group_by(pl.col("date_start").dt.truncate(_EVERY[bucket]).alias("bucket_start"), "event_type")
        .len("count")
        .sort("bucket_start", "event_type")
        .with_columns(_bucket_end_expr(bucket))
        .collect()
    )


def day_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """Day-precision events per (day, event type): what :func:`bucket_counts` needs at any bucket."""
    return bucket_counts(frame, "day").select("bucket_start", "event_type", "count")


def rebucket(days: pl.DataFrame, bucket: Bucket) -> pl.DataFrame:
    """:func:`bucket_counts` from :func:`day_counts` (the same rows, without the events)."""
    return (
        days.group_by(pl.col("bucket_start").dt.truncate(_EVERY[bucket]), "event_type")
        .agg(pl.col("count").sum().cast(pl.UInt32))
        .sort("bucket_start", "event_type")
        .with_columns(_bucket_end_expr(bucket))
    )


@dataclass(frozen=True)
class TimelineCounts:
    """What the timeline draws for a frame at any bucket: day counts, span counts, the event types."""

    days: pl.DataFrame
    spans: pl.DataFrame
    types: list[str]

    @classmethod
    def of(cls, frame: pl.DataFrame) -> TimelineCounts:
        return cls(day_counts(frame), span_counts(frame), frame["event_type"].unique().to_list())


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

    @property
    def selections(self) -> list[str]:
        """Names of the spec's selection parameters (what ``on_select`` reports)."""
        return [p["name"] for layer in self.spec.get("layer", []) for p in layer.get("params", [])]


SELECTIONS = ("brush", "pick", "span_pick")
LANE_PX = 30
LANE_GAP = 12


def _date_col(name: str, alias: str | None = None) -> pl.Expr:
    return pl.col(name).dt.to_string("%Y-%m-%d").alias(alias or name)


def bucket_start(day: dt.date, bucket: Bucket) -> dt.date:
    if bucket == "day":
        return day
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def axis_domain(lo: dt.date, hi: dt.date, bucket: Bucket) -> tuple[dt.date, dt.date]:
    """[first day, first day after) snapped to whole buckets, so the first and last bars are inside."""
    lo, end = bucket_start(lo, bucket), bucket_end(bucket_start(hi, bucket), bucket)
    if (end - lo).days < 14:  # a day or two of data: show days, not hours
        lo, end = lo - dt.timedelta(days=3), lo + dt.timedelta(days=14)
    return lo, end


def timeline_chart(
    frame: pl.DataFrame,
    window: tuple[dt.date, dt.date] | None,
    bucket: Bucket,
    domain: tuple[dt.date, dt.date] | None = None,
    bar_height: int = 100,
    precomputed: TimelineCounts | None = None,
) -> ChartSpec:
    """One chart: stacked bars (day precision) above span lanes (month/year precision).

    Bars and spans are layers of one Vega-Lite view sharing one x scale, so a span
    sits exactly under the bars of its months; each layer has its own y scale, placed
    by pixel range (bars on top, lanes below). Hand-written Vega-Lite rather than Altair
    objects: Altair validates every data row against the schema, which alone took over a
    second at 100k events.

    Selections (read back through ``st.vega_lite_chart(on_select="rerun")``): ``brush``
    (drag across the bars: an x interval), ``pick`` (click a bar) and ``span_pick`` (click a
    span). ``frame`` should be filtered by everything *except* the time window; the window is
    a shaded band and everything outside it is faded. ``precomputed``: the frame's
    :class:`TimelineCounts` (e.g. kept per store version), so ``frame`` is not read.
    """
    if precomputed is None:
        precomputed = TimelineCounts(pl.DataFrame(), span_counts(frame), frame["event_type"].unique().to_list())
        counts = bucket_counts(frame, bucket)
    else:
        counts = rebucket(precomputed.days, bucket)
    spans = precomputed.spans
    types = type_order(list(precomputed.types))
    scale = {"domain": types, "range": [type_hex(t) for t in types]}
    if domain is None:
        lo = min([*counts["bucket_start"].to_list(), *spans["date_start"].to_list()], default=None)
        hi = max([*counts["bucket_start"].to_list(), *spans["date_end"].to_list()], default=None)
        domain = (lo, hi) if lo and hi else None
    x_domain = axis_domain(*domain, bucket) if domain else None
    x_scale = {"domain": [x_domain[0].isoformat(), x_domain[1].isoformat()]} if x_domain else {}
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
    n_lanes = spans["date_precision"].n_unique() if not spans.is_empty() else 0
    lanes_top = bar_height + LANE_GAP
    total = lanes_top + LANE_PX * n_lanes if n_lanes else bar_height
    opacity = {"condition": {"test": "datum.in_window", "value": 0.95}, "value": 0.22}
    # every tick names its year ("Apr 2017"; "2018" on New Year's Day): Vega-Lite's default names only the
    # month on ticks that are not on a year boundary, and a span of years was labelled "April, October, ..."
    x = {"field": "x0", "type": "temporal", "title": None, "scale": x_scale, "axis": {"labelExpr": TICK_LABEL}}
    bars_layer = {
        "transform": [{"filter": "datum.kind == 'bar'"}],
        "params": [
            {"name": "brush", "select": {"type": "interval", "encodings": ["x"]}},
            {"name": "pick", "select": {"type": "point", "fields": ["x0", "x1"], "on": "click", "clear": "dblclick"}},
        ],
        "mark": {"type": "bar", "clip": True, "cursor": "pointer"},
        "encoding": {
            "x": x,
            "x2": {"field": "x1"},
            "y": {"field": "y0", "type": "quantitative", "title": f"per {bucket}",
                  "scale": {"range": [bar_height, 0]}, "axis": {"minExtent": Y_AXIS_EXTENT, "tickCount": 4}},
            "y2": {"field": "y1"},
            "color": {"field": "event_type", "type": "nominal", "scale": scale,
                      "legend": {"orient": "top", "columns": 8, "symbolLimit": 30, "title": None,
                                 "labelFontSize": 10}},
            "opacity": opacity,
            "tooltip": [{"field": "x0", "type": "temporal", "title": bucket.capitalize()},
                        {"field": "event_type", "type": "nominal", "title": "Type"},
                        {"field": "count", "type": "quantitative", "title": "Events"}],
        },
    }
    layers: list[dict[str, Any]] = []
    if window:
        layers.append({
            "data": {"values": [{"a": window[0].isoformat(), "b": (window[1] + dt.timedelta(days=1)).isoformat()}]},
            "mark": {"type": "rect", "color": "#4c78a8", "opacity": 0.10, "clip": True},
            "encoding": {"x": {"field": "a", "type": "temporal", "scale": x_scale, "title": None},
                         "x2": {"field": "b"}},
        })
    layers.append(bars_layer)
    if n_lanes:
        layers.append({
            "transform": [{"filter": "datum.kind == 'span'"}],
            "params": [{"name": "span_pick", "select": {"type": "point", "fields": ["x0", "x1"], "on": "click"}}],
            "mark": {"type": "bar", "cornerRadius": 1, "clip": True, "cursor": "pointer", "height": {"band": 0.7}},
            "encoding": {
                "x": x,
                "x2": {"field": "x1"},
                "y": {"field": "lane", "type": "nominal", "title": None, "sort": ["month", "year"],
                      "scale": {"range": [lanes_top, total]},
                      "axis": {"labelExpr": "datum.value + '-precision'", "minExtent": Y_AXIS_EXTENT,
                               "orient": "left", "ticks": False, "domain": False}},
                "color": {"field": "event_type", "type": "nominal", "scale": scale, "legend": None},
                "opacity": opacity,
                "tooltip": [{"field": "lane", "type": "nominal", "title": "Precision"},
                            {"field": "event_type", "type": "nominal", "title": "Type"},
                            {"field": "first", "type": "temporal", "title": "From"},
                            {"field": "last", "type": "temporal", "title": "To"},
                            {"field": "count", "type": "quantitative", "title": "Events"}],
            },
        })
    bar_rows = counts.select(pl.lit("bar").alias("kind"), _date_col("bucket_start", "x0"), _date_col("bucket_end", "x1"),
                             pl.lit(None, pl.Utf8).alias("first"), pl.lit(None, pl.Utf8).alias("last"),
                             pl.lit(None, pl.Utf8).alias("lane"), "event_type",
                             pl.col("count").cast(pl.Int64), pl.col("y0").cast(pl.Int64), pl.col("y1").cast(pl.Int64),
                             "in_window")
    span_rows = spans.select(pl.lit("span").alias("kind"), _date_col("date_start", "x0"), _date_col("span_end", "x1"),
                             _date_col("date_start", "first"), _date_col("date_end", "last"),
                             pl.col("date_precision").alias("lane"), "event_type", pl.col("count").cast(pl.Int64),
                             pl.lit(None, pl.Int64).alias("y0"), pl.lit(None, pl.Int64).alias("y1"), "in_window")
    data = pl.concat([bar_rows, span_rows], how="vertical_relaxed")
    spec = {"height": total, "layer": layers,
            "resolve": {"scale": {"y": "independent"}, "axis": {"y": "independent"}}}
    return ChartSpec(spec, data, total + 78)


def _as_date(value: Any) -> dt.date | None:
    """A Vega selection value (epoch milliseconds or an ISO string) as a date."""
    if isinstance(value, int | float):
        return (dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=float(value))).date()
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def selected_window(state: Any) -> tuple[str, tuple[dt.date, dt.date]] | None:
    """The window a timeline interaction asks for: ("brush", (from, to)) for a drag,
    ("pick", (from, to)) for a click on a bar or a span; None when nothing is selected."""
    try:
        selection = state["selection"]
    except (KeyError, TypeError):
        return None
    brush = selection.get("brush") or {}
    if isinstance(brush, dict) and brush.get("x0"):
        values = [_as_date(v) for v in brush["x0"]][:2]
        if len(values) == 2 and values[0] and values[1]:
            lo, hi = sorted((values[0], values[1]))
            return "brush", (lo, hi)
    for name in ("pick", "span_pick"):
        points = selection.get(name) or []
        if isinstance(points, list) and points and isinstance(points[0], dict):
            lo, end = _as_date(points[0].get("x0")), _as_date(points[0].get("x1"))
            if lo and end:
                return "pick", (lo, max(lo, end - dt.timedelta(days=1)))
    return None


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
    if end >= hi:
        return (start, hi), True
    new_end = min(shift(end, bucket, 1), hi)
    new_start = start if mode == "cumulative" else min(shift(start, bucket, 1), new_end)
    return (max(new_start, lo), new_end), new_end >= hi


def start_window(bounds: tuple[dt.date, dt.date], bucket: Bucket, mode: PlayMode,
                 width_days: int | None = None) -> tuple[dt.date, dt.date]:
    """Where playback starts: the first bucket (cumulative) or a window of ``width_days``."""
    lo, hi = bounds
    if mode == "cumulative":
        return lo, min(bucket_end(lo, bucket) - dt.timedelta(days=1), hi)
    width = width_days or max(1, ((hi - lo).days + 1) // 12)
    return lo, min(lo + dt.timedelta(days=width - 1), hi)


def step_back(
    window: tuple[dt.date, dt.date],
    bounds: tuple[dt.date, dt.date],
    bucket: Bucket,
    mode: PlayMode,
) -> tuple[dt.date, dt.date]:
    """One bucket back: ``moving`` slides the window, ``cumulative`` shortens its end."""
    start, end = window
    new_end = max(shift(end, bucket, -1), bounds[0])
    if mode == "cumulative":
        return start, max(new_end, start)
    new_start = max(bounds[0], shift(start, bucket, -1))
    return new_start, max(new_end, new_start)


def _overlaps(starts: pl.Series, ends: pl.Series, window: tuple[dt.date, dt.date]) -> bool:
    return bool(((starts <= window[1]) & (ends >= window[0])).any())


def play_step(
    window: tuple[dt.date, dt.date],
    bounds: tuple[dt.date, dt.date],
    bucket: Bucket,
    mode: PlayMode,
    frame: pl.DataFrame,
) -> tuple[tuple[dt.date, dt.date], bool, str | None]:
    """The next playback window, skipping stretches with no events.

    Returns (window, finished, note); ``note`` says what was skipped ("no events
    from 2019-03-01 to 2021-05-31"), so the jump is never silent.
    """
    new, done = step_window(window, bounds, bucket, mode)
    if done or frame.is_empty() or mode == "cumulative":
        return new, done, None
    starts, ends = frame["date_start"], frame["date_end"]
    if _overlaps(starts, ends, new):
        return new, done, None
    later = starts.filter(starts > new[1])
    if later.is_empty():
        return (new[0], bounds[1]) if new[1] < bounds[1] else new, True, "no more events after this window"
    nxt = later.min()
    assert isinstance(nxt, dt.date)
    width = new[1] - new[0]
    jumped = (max(bounds[0], nxt - width), min(bounds[1], nxt))
    note = f"no events from {window[1] + dt.timedelta(days=1)} to {nxt - dt.timedelta(days=1)}; skipped ahead"
    return jumped, jumped[1] >= bounds[1], note
