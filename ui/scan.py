"""Large stores: lazy reads with filters pushed down, a slim frame per store version, full rows on demand.

At ten million events the full prepared frame (evidence, JSON provenance, a search column)
would take ~4 GB and ~20 s to load. Instead, per store version the app keeps only the columns
that filters, the timeline and the map aggregate on — categorical where values repeat — and
reads everything else from the Delta files when a handful of rows is shown:

* :func:`slim_frame` — the columns views aggregate on, plus arc endpoints (once per version);
* :func:`search_column` / :func:`text_matches` — free-text search: the long text columns are read
  on the first search of a version only; repeated values are matched once per distinct value;
* :func:`view` — the filtered slim frame for one rerun;
* :func:`hydrate` — full, prepared rows for a few ids (the list, the map in point mode, detail).

All functions are pure (a LazyFrame in, frames out); ``ui.queries`` caches them per store version.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from ui.filters import Filters, apply_filters
from ui.frame import _endpoint, prepare
from ui.spots import POINT_PRECISIONS

SLIM_COLUMNS: tuple[str, ...] = ("event_id", "date_start", "date_end", "date_precision", "event_type", "status",
                                 "actors", "place_name", "place_precision", "place_country", "lat", "lon", "mentions",
                                 "doc_id", "doc_title")
_CATEGORICAL = ("date_precision", "event_type", "status", "place_name", "place_precision", "place_country", "doc_id",
                "doc_title")
POINT_LIMIT = 5000  # the map draws single events up to this many; above it aggregates (ui.mapdeck)
HYDRATE_LIMIT = 50_000  # a point map reads full rows for its view only up to this many events


def slim_frame(events: pl.LazyFrame, capitals: dict[str, tuple[float, float]]) -> pl.DataFrame:
    """The columns filters, timeline and aggregate map need, for every event of a version."""
    frame = events.select(SLIM_COLUMNS).with_columns(
        pl.col(c).cast(pl.Categorical) for c in _CATEGORICAL
    ).collect()
    return frame.with_columns(
        pl.col("actors").list.join(", ").cast(pl.Categorical).alias("actors_label"),
        _endpoint(0, capitals, 0).cast(pl.Float32).alias("src_lat"),
        _endpoint(0, capitals, 1).cast(pl.Float32).alias("src_lon"),
        _endpoint(1, capitals, 0).cast(pl.Float32).alias("dst_lat"),
        _endpoint(1, capitals, 1).cast(pl.Float32).alias("dst_lon"),
    )


def search_column(events: pl.LazyFrame) -> pl.DataFrame:
    """(event_id, lower-cased title, evidence and people) — built on the first free-text search of
    a version and kept with it, so later searches scan memory, not Parquet."""
    return events.select(
        "event_id",
        pl.concat_str([pl.col("title").fill_null(""), pl.col("evidence").fill_null(""),
                       pl.col("date_text").fill_null(""), pl.col("event_mode").fill_null(""),
                       pl.col("people").list.join(" ")], separator=" | ").str.to_lowercase().alias("_search"),
    ).collect()


def text_matches(search: pl.DataFrame, slim: pl.DataFrame, text: str) -> pl.Series:
    """Ids of the events whose text contains ``text`` (case-insensitive). Repeated values — the
    document title, the place, the type, the actors — are matched once per distinct value."""
    needle = text.strip().lower()
    hit = search.filter(pl.col("_search").str.contains(needle, literal=True))["event_id"]
    labels: list[pl.Expr] = []
    for col in ("place_name", "event_type", "actors_label", "doc_title"):
        if col in slim.columns:
            values = slim[col].unique().cast(pl.Utf8).drop_nulls()
            matched = values.filter(values.str.to_lowercase().str.contains(needle, literal=True))
            if matched.len():
                labels.append(pl.col(col).cast(pl.Utf8).is_in(matched.to_list()))
    if labels:
        hit = pl.concat([hit, slim.filter(pl.any_horizontal(labels))["event_id"]]).unique()
    return hit


def view(slim: pl.DataFrame, filters: Filters, text_ids: pl.Series | None, *, window: bool = True) -> pl.DataFrame:
    """The slim rows passing ``filters``; the free text is matched through ``text_ids``."""
    docs = filters.docs
    out = apply_filters(slim, replace(filters, text="", docs=()), window=window)
    if docs:
        out = out.filter(pl.col("doc_id").cast(pl.Utf8).is_in(list(docs)))
    if filters.text.strip():
        ids = text_ids if text_ids is not None else pl.Series("event_id", [], pl.Utf8)
        out = out.filter(pl.col("event_id").is_in(ids.implode(), nulls_equal=False))
    return out


def hydrate(events: pl.LazyFrame, rows: pl.DataFrame, capitals: dict[str, tuple[float, float]]) -> pl.DataFrame:
    """Full prepared rows (:func:`ui.frame.prepare`) for a few slim rows (``event_id``, ``date_start``).

    The rows' date range goes into the scan too: files and row groups outside it are skipped by
    their statistics (the store clusters events by date when it is optimized)."""
    if rows.is_empty():
        return prepare(events.head(0).collect(), capitals)
    lo, hi = rows["date_start"].min(), rows["date_start"].max()
    wanted = rows["event_id"].to_list()
    hit = events.filter(pl.col("date_start").is_between(lo, hi) & pl.col("event_id").is_in(wanted)).collect()
    return prepare(hit, capitals)


def map_input(view: pl.DataFrame, events: pl.LazyFrame, capitals: dict[str, tuple[float, float]]
              ) -> tuple[pl.DataFrame, int]:
    """(frame, aggregate threshold) for :func:`ui.mapdeck.build_deck`. A point map needs full rows
    (titles for the tips), read for views of up to :data:`HYDRATE_LIMIT` events; a bigger view is
    drawn aggregated from the slim rows, even when few of its events are venue or city points
    (e.g. most placed only as a country)."""
    points = view.select((pl.col("place_precision").is_in(POINT_PRECISIONS) & pl.col("lat").is_not_null()).sum()).item()
    if points > POINT_LIMIT or view.height > HYDRATE_LIMIT:
        return view, -1  # every threshold is passed: aggregate
    return hydrate(events, view, capitals), POINT_LIMIT


def newest(slim_view: pl.DataFrame, limit: int) -> pl.DataFrame:
    """The ``limit`` newest events of a view (what the list shows), as slim rows."""
    top = slim_view.select("event_id", "date_start")
    return top.top_k(limit, by="date_start") if top.height > limit else top


def to_plain(frame: pl.DataFrame) -> pl.DataFrame:
    """Categoricals back to strings (for exports and for the row-level builders)."""
    return frame.with_columns(pl.col(c).cast(pl.Utf8) for c, t in frame.schema.items() if t == pl.Categorical)
