"""Derived columns the views need, computed once per store version.

``prepare`` takes :meth:`events.store.Store.events_frame` and adds:

* ``_search``  lower-cased text the free-text filter scans;
* ``date_label`` the date as precise as it is known ("19–20 Nov 2024", "Nov 2024", "2024");
* ``actors_label`` "CHN, RUS";
* ``src_lat/src_lon/dst_lat/dst_lon`` arc endpoints for bilateral events (two actors):
  a state's capital, or the event's own place for an organisation; null when unknown.
"""

from __future__ import annotations

import datetime as dt
import math

import polars as pl

from events.store import EVENTS_SCHEMA

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def empty_events() -> pl.DataFrame:
    return pl.DataFrame(schema=EVENTS_SCHEMA)


def format_date(start: dt.date, end: dt.date, precision: str) -> str:
    """A date as precise as it is known, never more."""
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision == "month":
        first = f"{_MONTHS[start.month - 1]} {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return first
        return f"{first} – {_MONTHS[end.month - 1]} {end.year}"
    if start == end:
        return f"{start.day} {_MONTHS[start.month - 1]} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} – {end.day} {_MONTHS[end.month - 1]} {start.year}"
    return f"{start.isoformat()} – {end.isoformat()}"


def _date_label_expr() -> pl.Expr:
    """Vectorised :func:`format_date` (same output, a million rows in well under a second)."""
    def month(col: str) -> pl.Expr:
        return pl.col(col).dt.month().replace_strict(list(range(1, 13)), list(_MONTHS), return_dtype=pl.Utf8)

    def part(col: str, fmt: str) -> pl.Expr:
        return pl.col(col).dt.year().cast(pl.Utf8) if fmt == "y" else pl.col(col).dt.day().cast(pl.Utf8)

    s_day, s_mon, s_year = part("date_start", "d"), month("date_start"), part("date_start", "y")
    e_day, e_mon, e_year = part("date_end", "d"), month("date_end"), part("date_end", "y")
    same_year = pl.col("date_start").dt.year() == pl.col("date_end").dt.year()
    same_month = same_year & (pl.col("date_start").dt.month() == pl.col("date_end").dt.month())
    return (
        pl.when(pl.col("date_precision") == "year")
        .then(pl.when(same_year).then(s_year).otherwise(pl.concat_str([s_year, e_year], separator="–")))
        .when(pl.col("date_precision") == "month")
        .then(pl.when(same_month).then(pl.concat_str([s_mon, s_year], separator=" "))
              .otherwise(pl.concat_str([s_mon, pl.lit(" "), s_year, pl.lit(" – "), e_mon, pl.lit(" "), e_year])))
        .when(pl.col("date_start") == pl.col("date_end"))
        .then(pl.concat_str([s_day, s_mon, s_year], separator=" "))
        .when(same_month)
        .then(pl.concat_str([s_day, pl.lit("–"), e_day, pl.lit(" "), s_mon, pl.lit(" "), s_year]))
        .when(same_year)
        .then(pl.concat_str([s_day, pl.lit(" "), s_mon, pl.lit(" – "), e_day, pl.lit(" "), e_mon, pl.lit(" "), s_year]))
        .otherwise(pl.concat_str([pl.col("date_start").cast(pl.Utf8), pl.lit(" – "), pl.col("date_end").cast(pl.Utf8)]))
    )


def _endpoint(index: int, capitals: dict[str, tuple[float, float]], axis: int) -> pl.Expr:
    code = pl.col("actors").list.get(index, null_on_oob=True)
    keys = list(capitals)
    values = [capitals[k][axis] for k in keys]
    capital = code.replace_strict(keys, values, default=None, return_dtype=pl.Float64) if keys else pl.lit(None, pl.Float64)
    own = pl.col("lat") if axis == 0 else pl.col("lon")
    return pl.when(pl.col("actors").list.len() == 2).then(pl.coalesce(capital, own)).otherwise(None)


def prepare(frame: pl.DataFrame, capitals: dict[str, tuple[float, float]]) -> pl.DataFrame:
    """Add the derived columns (see module docstring); safe on an empty frame."""
    text_cols = ["title", "evidence", "doc_title", "place_name", "event_type", "event_mode", "date_text"]
    search = pl.concat_str(
        [pl.col(c).fill_null("") for c in text_cols]
        + [pl.col("actors").list.join(" "), pl.col("people").list.join(" ")],
        separator=" | ",
    ).str.to_lowercase()
    return frame.with_columns(
        search.alias("_search"),
        _date_label_expr().alias("date_label"),
        pl.col("actors").list.join(", ").alias("actors_label"),
        _endpoint(0, capitals, 0).alias("src_lat"),
        _endpoint(0, capitals, 1).alias("src_lon"),
        _endpoint(1, capitals, 0).alias("dst_lat"),
        _endpoint(1, capitals, 1).alias("dst_lon"),
    )


def data_range(frame: pl.DataFrame) -> tuple[dt.date, dt.date] | None:
    """(first start, last end) of the events, None when there are none."""
    if frame.is_empty():
        return None
    lo = frame["date_start"].min()
    hi = frame["date_end"].max()
    assert isinstance(lo, dt.date) and isinstance(hi, dt.date)
    return lo, hi


def focus_range(frame: pl.DataFrame, share: float = 0.9) -> tuple[dt.date, dt.date] | None:
    """The shortest stretch of time holding ``share`` of the events (by start date).

    A few far-off dates ("in 1945", "fifty years later") would otherwise squeeze
    the timeline and make playback crawl through empty decades; the slider still
    reaches every event, and the page says how many lie outside.
    """
    if frame.is_empty():
        return None
    if frame.height < 20:
        return data_range(frame)
    days = frame["date_start"].to_physical().sort().to_numpy()
    k = max(1, math.ceil(share * len(days)))
    widths = days[k - 1:] - days[: len(days) - k + 1]
    first = int(widths.argmin())
    epoch = dt.date(1970, 1, 1)
    lo, hi = epoch + dt.timedelta(days=int(days[first])), epoch + dt.timedelta(days=int(days[first + k - 1]))
    # the events just past either edge (the newest ones above all) stay in: only far-off dates are left out
    margin = max(dt.timedelta(days=31), (hi - lo) / 4)
    bounds = data_range(frame)
    assert bounds is not None
    if bounds[1] <= hi + margin:
        hi = bounds[1]
    if bounds[0] >= lo - margin:
        lo = bounds[0]
    return lo, hi


def event_table(frame: pl.DataFrame, limit: int = 500) -> pl.DataFrame:
    """The list view: newest first, capped so a million events never reach the browser."""
    cols = ["event_id", "date_label", "event_type", "title", "actors_label", "place_name",
            "status", "date_precision", "mentions", "doc_title"]
    # select first and take the top k: sorting the whole frame would move every column of every row
    slim = frame.select([*cols, "date_start"])
    if slim.height > limit:
        slim = slim.top_k(limit, by="date_start")
    return slim.sort(["date_start", "event_id"], descending=[True, False]).select(cols)
