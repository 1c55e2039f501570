"""The unfiltered view of a store version, pre-aggregated once per version.

With no filter and no time window, Explore shows every event of a version: timeline counts,
the map aggregate (cells, shaded countries, areas, pair arcs), the map's fitted view, the
legend's counts, the type and place tables, the newest events for the list. All of that depends
on the version only, so it is computed once (:func:`compute`, from the version's slim frame)
and kept beside the store as small Parquet side tables (:func:`to_frames` / :func:`from_frames`;
``ui.queries`` keys them by store version, so an older version shows its own counts). At ten
million events the unfiltered view then costs a few small frames, not passes over every row.

Every figure here is what the page computes from the frame itself (tests compare the two).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl
import pydeck as pdk

from events.store import Store
from ui.filters import Filters
from ui.frame import data_range, focus_range
from ui.legend import legend_counts
from ui.mapdeck import AggregateMap, aggregate_map, fit_view
from ui.scan import HYDRATE_LIMIT, POINT_LIMIT, newest, to_plain
from ui.spots import POINT_PRECISIONS
from ui.timeline import TimelineCounts

NAME = "overview-1"  # the side tables' name; a new format gets a new number
NEWEST = 500  # rows of the list (the page's TABLE_LIMIT)


def is_unfiltered(filters: Filters) -> bool:
    """No filter is set (the time window aside): the view is every event of the version."""
    return not filters.without_window().to_query()


def type_counts(view: pl.DataFrame) -> pl.DataFrame:
    """Events per type, most first (the summary's left table)."""
    return to_plain(view.lazy().group_by("event_type").len("events").sort("events", descending=True)
                    .rename({"event_type": "type"}).collect())


def place_counts(view: pl.DataFrame) -> pl.DataFrame:
    """Events per named place, most first (the summary's right table)."""
    # lazy: only the one column is read (an eager filter would copy every column of the view first)
    return to_plain(view.lazy().filter(pl.col("place_name").is_not_null()).group_by("place_name").len("events")
                    .sort("events", descending=True).rename({"place_name": "place"}).collect())


@dataclass(frozen=True)
class Overview:
    """Everything the unfiltered view draws, for one store version."""

    n_events: int
    bounds: tuple[dt.date, dt.date] | None
    focus: tuple[dt.date, dt.date] | None
    timeline: TimelineCounts
    fitted: tuple[float, float, float]  # latitude, longitude, zoom of :func:`ui.mapdeck.fit_view`
    legend: dict[str, int]
    aggregate: AggregateMap | None  # None: the view is small enough for the point map (read per view)
    type_counts: pl.DataFrame
    place_counts: pl.DataFrame
    newest: pl.DataFrame  # event_id, date_start of the NEWEST newest events

    def fitted_view(self) -> pdk.ViewState:
        """The map view :func:`ui.mapdeck.fit_view` gives for every event."""
        lat, lon, zoom = self.fitted
        return pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom, min_zoom=0, max_zoom=12)


def compute(slim: pl.DataFrame, basemap: dict[str, Any]) -> Overview:
    """The unfiltered view of a slim frame (:func:`ui.scan.slim_frame`)."""
    fitted = fit_view(slim)
    points = slim.select((pl.col("place_precision").is_in(POINT_PRECISIONS) & pl.col("lat").is_not_null()).sum()).item()
    aggregate = aggregate_map(slim, basemap) if points > POINT_LIMIT or slim.height > HYDRATE_LIMIT else None
    timeline = TimelineCounts.of(slim)
    return Overview(
        n_events=slim.height, bounds=data_range(slim), focus=focus_range(slim),
        timeline=TimelineCounts(to_plain(timeline.days), to_plain(timeline.spans), [str(t) for t in timeline.types]),
        fitted=(float(fitted.latitude), float(fitted.longitude), float(fitted.zoom)),
        legend=legend_counts(slim) if slim.height else {}, aggregate=aggregate,
        type_counts=type_counts(slim), place_counts=place_counts(slim), newest=to_plain(newest(slim, NEWEST)),
    )


def for_version(store: Store, version: int, slim: Callable[[], pl.DataFrame], basemap: dict[str, Any]) -> Overview:
    """The overview of a store version: the side tables kept for it when there are, else computed
    from its slim frame (``slim()`` is only called then) and kept for the next process."""
    kept = store.read_aggregate(NAME, version) if version else None
    if kept is not None:
        return from_frames(kept)
    computed = compute(slim(), basemap)
    if version:
        store.write_aggregate(NAME, version, to_frames(computed))
    return computed


def _dates(pair: tuple[dt.date, dt.date] | None) -> list[str] | None:
    return [pair[0].isoformat(), pair[1].isoformat()] if pair else None


def _undates(pair: list[str] | None) -> tuple[dt.date, dt.date] | None:
    return (dt.date.fromisoformat(pair[0]), dt.date.fromisoformat(pair[1])) if pair else None


def to_frames(overview: Overview) -> dict[str, pl.DataFrame]:
    """The overview as side tables (:meth:`events.store.Store.write_aggregate`)."""
    agg = overview.aggregate
    meta = {
        "n_events": overview.n_events, "bounds": _dates(overview.bounds), "focus": _dates(overview.focus),
        "types": overview.timeline.types, "fitted": list(overview.fitted), "legend": overview.legend,
        "aggregate": None if agg is None else {"bins": agg.bins, "shapes": agg.shapes, "areas": agg.areas,
                                               "arcs": agg.arcs},
    }
    return {"meta": pl.DataFrame({"json": [json.dumps(meta, separators=(",", ":"))]}),
            "days": overview.timeline.days, "spans": overview.timeline.spans,
            "type_counts": overview.type_counts, "place_counts": overview.place_counts, "newest": overview.newest}


def from_frames(frames: dict[str, pl.DataFrame]) -> Overview:
    """Inverse of :func:`to_frames`."""
    meta = json.loads(frames["meta"]["json"][0])
    agg = meta["aggregate"]
    lat, lon, zoom = meta["fitted"]
    return Overview(
        n_events=int(meta["n_events"]), bounds=_undates(meta["bounds"]), focus=_undates(meta["focus"]),
        timeline=TimelineCounts(frames["days"], frames["spans"], list(meta["types"])),
        fitted=(lat, lon, zoom), legend={k: int(v) for k, v in meta["legend"].items()},
        aggregate=None if agg is None else AggregateMap(agg["bins"], agg["shapes"], agg["areas"], agg["arcs"]),
        type_counts=frames["type_counts"], place_counts=frames["place_counts"], newest=frames["newest"],
    )
