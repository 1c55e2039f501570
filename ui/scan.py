"""Large stores: lazy reads with filters pushed down, a slim frame per store version, full rows on demand.

At ten million events the full prepared frame (evidence, JSON provenance, a search column)
would take ~4 GB and ~20 s to load. Instead, per store version the app keeps only the columns
that filters, the timeline and the map aggregate on — categorical where values repeat — and
reads everything else from the Delta files when a handful of rows is shown:

* :func:`slim_frame` — the columns views aggregate on, plus arc endpoints (once per version);
* :func:`search_column` / :func:`text_matches` — free-text search: the long text columns are read
  on the first search of a version only; repeated values are matched once per distinct value;
  a search gives a row mask, so filtering never hashes ten million ids;
* :func:`view` — the filtered slim frame for one rerun;
* :func:`hydrate` — full, prepared rows for a few ids (the list, the map in point mode, detail).

All functions are pure (a LazyFrame in, frames out); ``ui.queries`` caches them per store version.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from ui.filters import Filters, apply_filters
from ui.frame import prepare
from ui.spots import POINT_PRECISIONS

SLIM_COLUMNS: tuple[str, ...] = ("event_id", "date_start", "date_end", "date_precision", "event_type", "status",
                                 "actors", "place_name", "place_precision", "place_country", "lat", "lon", "mentions",
                                 "doc_id")
_CATEGORICAL = ("date_precision", "event_type", "status", "place_name", "place_precision", "place_country", "doc_id")
# the document title is only searched: it is read with the search column, not on opening a version
POINT_LIMIT = 5000  # the map draws single events up to this many; above it aggregates (ui.mapdeck)
HYDRATE_LIMIT = 50_000  # a point map reads full rows for its view only up to this many events


def slim_frame(events: pl.LazyFrame, capitals: dict[str, tuple[float, float]]) -> pl.DataFrame:
    """The columns filters, timeline and aggregate map need, for every event of a version."""
    frame = events.select(SLIM_COLUMNS).with_columns(
        pl.col(c).cast(pl.Categorical) for c in _CATEGORICAL
    ).with_columns(pl.col("actors").list.join(", ").cast(pl.Categorical).alias("actors_label")).collect()
    return frame.with_columns(_endpoints(frame, capitals))


def _endpoints(frame: pl.DataFrame, capitals: dict[str, tuple[float, float]]) -> list[pl.Expr]:
    """Arc endpoints, as :func:`ui.frame._endpoint` gives them (for events with two actors: a
    state's capital, else the event's own place), with the capitals looked up once per distinct
    actor list and gathered by the label's category code instead of per event."""
    lists = frame.select("actors_label", "actors").filter(pl.col("actors_label").is_not_null()).unique(
        "actors_label", keep="any")
    codes = lists["actors_label"].to_physical()
    size = int(codes.max() or 0) + 1 if codes.len() else 1
    row_codes = frame["actors_label"].to_physical()
    keys, out = list(capitals), []

    def by_code(values: pl.Series) -> pl.Series:
        table = pl.Series([None] * size, dtype=values.dtype).scatter(codes, values)
        return table.gather(row_codes)

    two = by_code(lists["actors"].list.len() == 2)
    for i, end in enumerate(("src", "dst")):
        for axis, own in enumerate(("lat", "lon")):
            code = lists["actors"].list.get(i, null_on_oob=True)
            capital = (code.replace_strict(keys, [capitals[k][axis] for k in keys], default=None,
                                           return_dtype=pl.Float64) if keys else pl.Series([None] * len(code), dtype=pl.Float64))
            out.append(pl.when(pl.lit(two)).then(pl.coalesce(pl.lit(by_code(capital)), pl.col(own)))
                       .otherwise(None).cast(pl.Float32).alias(f"{end}_{own}"))
    return out


def search_column(events: pl.LazyFrame) -> pl.DataFrame:
    """(event_id, lower-cased title, evidence and people, the document title) — built on the first
    free-text search of a version and kept with it, so later searches scan memory, not Parquet."""
    return events.select(
        "event_id",
        pl.concat_str([pl.col("title").fill_null(""), pl.col("evidence").fill_null(""),
                       pl.col("date_text").fill_null(""), pl.col("event_mode").fill_null(""),
                       pl.col("people").list.join(" ")], separator=" | ").str.to_lowercase().alias("_search"),
        pl.col("doc_title").cast(pl.Categorical),
    ).collect()


def _label_matches(frame: pl.DataFrame, columns: tuple[str, ...], needle: str) -> pl.Series | None:
    """Rows whose value in one of ``columns`` contains ``needle``, each distinct value tested once."""
    mask = None
    for col in columns:
        if col in frame.columns:
            values = frame[col].unique().cast(pl.Utf8).drop_nulls()
            matched = values.filter(values.str.to_lowercase().str.contains(needle, literal=True))
            if matched.len():
                hit = frame[col].is_in(matched.implode()).fill_null(False)
                mask = hit if mask is None else mask | hit
    return mask


def text_matches(search: pl.DataFrame, slim: pl.DataFrame, text: str) -> pl.Series:
    """Which events of ``slim`` contain ``text`` (case-insensitive): a boolean mask aligned with
    ``slim``'s rows. Repeated values — the document title, the place, the type, the actors — are
    matched once per distinct value (categoricals are compared by code, not row by row)."""
    needle = text.strip().lower()
    found = search["_search"].str.contains(needle, literal=True).fill_null(False)
    by_title = _label_matches(search, ("doc_title",), needle)
    found = found if by_title is None else found | by_title
    if search.height == slim.height and search["event_id"].equals(slim["event_id"]):
        mask = found  # both read from the same scan of the version: row i is the same event
    else:
        mask = slim["event_id"].is_in(search["event_id"].filter(found).implode())
    by_label = _label_matches(slim, ("place_name", "event_type", "actors_label"), needle)
    mask = mask if by_label is None else mask | by_label
    return mask.fill_null(False).alias("text_match")


def _actor_condition(slim: pl.DataFrame, filters: Filters) -> pl.Expr:
    """The actors and pair filters, decided once per distinct actor list rather than per event:
    ``actors_label`` is the list joined with ", " (actor codes are dictionary codes, never holding
    ", "), so splitting each distinct label gives back its list."""
    labels = slim["actors_label"].unique().drop_nulls().cast(pl.Utf8)
    lists = pl.DataFrame({"actors_label": labels, "actors": labels.str.split(", ")})
    wanted = apply_filters(lists, Filters(actors=filters.actors, actor_mode=filters.actor_mode, pair=filters.pair))
    return pl.col("actors_label").is_in(wanted["actors_label"].implode())


def view(slim: pl.DataFrame, filters: Filters, text_mask: pl.Series | None, *, window: bool = True) -> pl.DataFrame:
    """The slim rows passing ``filters``; the free text is matched through ``text_mask``
    (:func:`text_matches` of this ``slim``). Without the ``actors`` lists: the view's consumers read
    ``actors_label``, and gathering a million lists of strings is most of a filter's cost."""
    conds: list[pl.Expr | pl.Series] = []
    if filters.text.strip():
        conds.append(text_mask if text_mask is not None else pl.repeat(False, slim.height))
    if filters.actors or filters.pair:
        conds.append(_actor_condition(slim, filters))
    if filters.docs:
        conds.append(pl.col("doc_id").is_in(list(filters.docs)))
    rows = slim.drop("actors", strict=False)
    out = rows.filter(*conds) if conds else rows
    return apply_filters(out, replace(filters, text="", docs=(), actors=(), pair=None), window=window)


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
