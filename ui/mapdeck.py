"""The pydeck map: offline basemap, event points, bilateral arcs, aggregate mode.

Layers get plain records (lists of dicts): pydeck 0.9 serialises a polars frame
as an opaque object and the map would silently show nothing.

Tooltips use one ``{tip}`` placeholder holding plain text shown with
``innerText``: no document text is ever parsed as HTML, and a value containing
``{field}`` cannot pull in another field because there is only one substitution.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from ui.spots import (
    AREA_RGB,
    COUNTRY_RGB,
    POINT_PRECISIONS,
    area_spots,
    cluster_cell,
    country_shapes,
    event_tip,
    point_spots,
    spot_filter,
)
from ui.style import type_color

AGGREGATE_THRESHOLD = 5000
MAX_ARCS = 3000
MAX_BINS = 4000
WORLD_VIEW = pdk.ViewState(latitude=25.0, longitude=20.0, zoom=0.9, min_zoom=0, max_zoom=12)
OCEAN = [[[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]]]
# Streamlit draws a CARTO basemap when a deck has no map style; a self-contained style
# (just the sea colour) keeps the map offline. Countries come from the GeoJSON layer.
OFFLINE_STYLE = ('data:application/json,{"version":8,"sources":{},"layers":[{"id":"sea","type":"background",'
                 '"paint":{"background-color":"rgb(221,234,243)"}}]}')
TOOLTIP = {
    "text": "{tip}",
    "style": {"backgroundColor": "white", "color": "#222", "fontSize": "12px", "maxWidth": "360px",
              "whiteSpace": "pre-wrap", "border": "1px solid #bbb", "padding": "6px"},
}


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation or key sorting: pydeck's default
    (``indent=2, sort_keys=True``) doubles the bytes sent and the time to encode them."""

    def to_json(self) -> str:
        return json.dumps(self, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


def _clip(text: str | None, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"




def arc_records(frame: pl.DataFrame, limit: int = MAX_ARCS) -> list[dict[str, Any]]:
    """One arc per bilateral event with known endpoints (most-mentioned first)."""
    cols = ["event_id", "title", "date_label", "event_type", "status", "actors_label", "place_name",
            "mentions", "src_lat", "src_lon", "dst_lat", "dst_lon"]
    arcs = frame.select(cols).filter(
        pl.col("src_lat").is_not_null() & pl.col("dst_lat").is_not_null()
        & ((pl.col("src_lat") != pl.col("dst_lat")) | (pl.col("src_lon") != pl.col("dst_lon"))))
    arcs = arcs.top_k(limit, by="mentions") if arcs.height > limit else arcs
    out = []
    for row in arcs.to_dicts():
        r, g, b = type_color(row["event_type"])
        out.append({
            "event_id": row["event_id"],
            "src": [round(row["src_lon"], 3), round(row["src_lat"], 3)],
            "dst": [round(row["dst_lon"], 3), round(row["dst_lat"], 3)],
            "color": [r, g, b, 120],
            "width": 1.0 + 0.7 * math.log2(max(1, int(row["mentions"] or 1))),
            "tip": event_tip(row),
        })
    return out


def bin_records(frame: pl.DataFrame, cell_deg: float = 1.0, limit: int = MAX_BINS,
                precisions: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Aggregate mode: events counted per grid cell, the dominant type per cell."""
    located = frame.lazy().select("lat", "lon", "event_type", "place_name", "place_precision").filter(
        pl.col("lat").is_not_null() & pl.col("lon").is_not_null()
        & (pl.col("place_precision").is_in(precisions) if precisions else pl.lit(True)))
    # one pass over the events: counts per (cell, type, place); the rest is done on those counts
    fine = located.select(
        ((pl.col("lat") / cell_deg).floor() * cell_deg + cell_deg / 2).alias("clat"),
        ((pl.col("lon") / cell_deg).floor() * cell_deg + cell_deg / 2).alias("clon"),
        "event_type", "place_name",
    ).group_by("clat", "clon", "event_type", "place_name").len("n").collect()
    if fine.is_empty():
        return []
    fine = fine.with_columns(pl.col("event_type", "place_name").cast(pl.Utf8))

    def most(column: str) -> pl.DataFrame:
        """Per cell, the value of ``column`` with the most events (ties: the first by name)."""
        counts = fine.filter(pl.col(column).is_not_null()).group_by("clat", "clon", column).agg(pl.col("n").sum())
        return counts.sort(["n", column], descending=[True, False]).unique(["clat", "clon"], keep="first").drop("n")

    per_cell = (fine.group_by("clat", "clon").agg(pl.col("n").sum())
                .join(most("event_type").rename({"event_type": "top_type"}), on=["clat", "clon"], how="left")
                .join(most("place_name").rename({"place_name": "place"}), on=["clat", "clon"], how="left")
                .sort(["n", "clat", "clon"], descending=[True, False, False]).head(limit))
    out = []
    for row in per_cell.to_dicts():
        r, g, b = type_color(row["top_type"])
        out.append({
            "position": [round(row["clon"], 3), round(row["clat"], 3)],
            "n": int(row["n"]),
            "color": [r, g, b, 160],
            "radius": 3.0 + 2.0 * math.log2(1 + int(row["n"])),
            "tip": f"{row['n']:,} events near {_clip(row['place'] or 'this area', 60)}\nMost common type: {row['top_type']}",
        })
    return out


def pair_arc_records(frame: pl.DataFrame, limit: int = 500) -> list[dict[str, Any]]:
    """Aggregate mode: one arc per actor pair, width by event count."""
    arcs = frame.select("actors_label", "src_lat", "src_lon", "dst_lat", "dst_lon").filter(
        pl.col("src_lat").is_not_null() & pl.col("dst_lat").is_not_null())
    if arcs.is_empty():
        return []
    grouped = (arcs.group_by("actors_label", "src_lat", "src_lon", "dst_lat", "dst_lon")
               .agg(pl.len().alias("n")).with_columns(pl.col("actors_label").cast(pl.Utf8))
               .sort(["n", "actors_label", "src_lat", "src_lon", "dst_lat", "dst_lon"],
                     descending=[True, False, False, False, False, False], nulls_last=True).head(limit))
    out = []
    for row in grouped.to_dicts():
        out.append({
            "src": [round(row["src_lon"], 3), round(row["src_lat"], 3)],
            "dst": [round(row["dst_lon"], 3), round(row["dst_lat"], 3)],
            "color": [70, 110, 170, 140],
            "width": 1.0 + math.log2(1 + int(row["n"])),
            "tip": f"{row['actors_label']}: {row['n']:,} events",
        })
    return out


def nearest_quantiles(values: np.ndarray, qs: tuple[float, ...]) -> list[float]:
    """``pl.Series.quantile(q)`` (interpolation "nearest") for each ``q``, by one partial sort:
    ten million coordinates in a fraction of the time of a sort per quantile."""
    n = len(values)
    index = [math.floor(q * (n - 1) + 0.5) for q in qs]
    part = np.partition(values, index)
    return [float(part[i]) for i in index]


def fit_view(frame: pl.DataFrame, width: int = 580, height: int = 440) -> pdk.ViewState:
    """A view that frames the central 90% of the located events (robust to outliers).

    Pages fit to the frame filtered *without* the time window, so the map stays
    still while playback moves the window.
    """
    located = frame.select("lat", "lon").drop_nulls()
    if located.is_empty():
        return WORLD_VIEW
    q: dict[str, float] = {}
    q["w"], q["e"] = nearest_quantiles(located["lon"].to_numpy(), (0.05, 0.95))
    q["s"], q["n"] = nearest_quantiles(located["lat"].to_numpy(), (0.05, 0.95))
    lon_span = max(q["e"] - q["w"], 1.0) * 1.3
    y_n = math.log(math.tan(math.pi / 4 + math.radians(min(q["n"], 80)) / 2))
    y_s = math.log(math.tan(math.pi / 4 + math.radians(max(q["s"], -80)) / 2))
    lat_span_px = max(y_n - y_s, 0.02) * 1.3 / (2 * math.pi)  # share of the world's height
    zoom_x = math.log2(width * 360 / (512 * lon_span))
    zoom_y = math.log2(height / (512 * lat_span_px))
    zoom = max(0.4, min(zoom_x, zoom_y, 4.5))
    mid_y = (y_n + y_s) / 2
    lat = math.degrees(2 * math.atan(math.exp(mid_y)) - math.pi / 2)
    return pdk.ViewState(latitude=round(lat, 3), longitude=round((q["w"] + q["e"]) / 2, 3), zoom=round(zoom, 2),
                         min_zoom=0, max_zoom=12)


def view_state(view: Any) -> pdk.ViewState:
    """A deck view from anything with ``latitude``, ``longitude`` and ``zoom`` (e.g. :class:`ui.links.MapView`)."""
    return pdk.ViewState(latitude=view.latitude, longitude=view.longitude, zoom=view.zoom, min_zoom=0, max_zoom=12)


def basemap_layers(basemap: dict[str, Any], ocean: bool) -> list[pdk.Layer]:
    land = {"type": "FeatureCollection",
            "features": [f for f in basemap.get("features", []) if f["properties"].get("iso3") != "ATA"]}
    sea = [pdk.Layer("PolygonLayer", id="ocean", data=[{"polygon": OCEAN[0]}], get_polygon="polygon",
                     get_fill_color=[221, 234, 243], stroked=False, pickable=False)] if ocean else []
    return [
        *sea,
        pdk.Layer("GeoJsonLayer", id="basemap", data=land, stroked=True, filled=True,
                  get_fill_color=[245, 243, 238], get_line_color=[170, 170, 170],
                  line_width_min_pixels=0.5, pickable=False),
    ]


def _pickable(layer_type: str, layer_id: str, data: list[dict[str, Any]], **kwargs: Any) -> pdk.Layer:
    return pdk.Layer(layer_type, id=layer_id, data=data, pickable=True, auto_highlight=True,
                     highlight_color=[255, 255, 255, 90], **kwargs)


def _geography(shapes: list[dict[str, Any]], areas: list[dict[str, Any]]) -> list[pdk.Layer]:
    return [
        _pickable("PolygonLayer", "countries", shapes, get_polygon="polygon", get_fill_color="color",
                  stroked=True, get_line_color=[*COUNTRY_RGB, 255], line_width_min_pixels=1),
        _pickable("ScatterplotLayer", "areas", areas, get_position="position", get_radius="radius",
                  radius_units="'meters'", get_fill_color="color", stroked=True,
                  get_line_color=[*AREA_RGB, 230], line_width_min_pixels=1.5, radius_min_pixels=6),
    ]


def geography_layers(frame: pl.DataFrame, basemap: dict[str, Any], *, points: bool = True,
                     selected_id: str | None = None, zoom: float = 1.0) -> list[pdk.Layer]:
    """Countries shaded by count, region/sea areas, venue/city spots with counts (see :mod:`ui.spots`)."""
    shapes, missing = country_shapes(frame, basemap)
    areas = area_spots(frame, missing)
    layers = _geography(shapes, areas)
    if not points:
        return layers
    spots = point_spots(frame, cluster_cell(zoom))
    layers.append(_pickable("ScatterplotLayer", "events", spots, get_position="position", get_fill_color="color",
                            get_radius="radius", radius_units="'pixels'", stroked=True,
                            get_line_color=[255, 255, 255, 220], line_width_min_pixels=1))
    clusters = [s for s in spots if s["n"] > 1]
    if clusters:
        layers.append(pdk.Layer("TextLayer", id="counts", data=clusters, get_position="position", get_text="label",
                                get_size=12, get_color=[255, 255, 255, 255], font_weight="'bold'",
                                outline_width=2, outline_color=[40, 40, 40, 255], pickable=False))
    if selected_id:
        ring = _selected_ring(frame, selected_id, spots, shapes, areas)
        if ring is not None:
            layers.append(ring)
    return layers


def _selected_ring(frame: pl.DataFrame, selected_id: str, spots: list[dict[str, Any]],
                   shapes: list[dict[str, Any]], areas: list[dict[str, Any]]) -> pdk.Layer | None:
    """A dark outline on whatever marker holds the selected event (not pickable)."""
    rows = frame.filter(pl.col("event_id") == selected_id)
    if rows.is_empty():
        return None
    row = rows.row(0, named=True)
    for record in (*spots, *areas):
        if record["event_id"] == selected_id or rows.filter(spot_filter(record["spot"])).height:
            units = "'meters'" if record in areas else "'pixels'"
            return pdk.Layer("ScatterplotLayer", id="selected", data=[record], get_position="position",
                             get_radius="radius", radius_units=units, filled=False, stroked=True,
                             get_line_color=[20, 20, 20, 255], line_width_min_pixels=3, radius_scale=1.25,
                             radius_min_pixels=8, pickable=False)
    if row.get("place_precision") == "country":
        mine = [s for s in shapes if s["spot"] == f"cc:{row.get('place_country')}"]
        if mine:
            return pdk.Layer("PolygonLayer", id="selected", data=mine, get_polygon="polygon", filled=False,
                             stroked=True, get_line_color=[20, 20, 20, 255], line_width_min_pixels=3,
                             pickable=False)
    return None


@dataclass(frozen=True)
class AggregateMap:
    """The aggregate map's records (plain JSON-able lists): per-cell bins of venue/city events,
    shaded countries, areas and one arc per actor pair. Small whatever the number of events, so the
    unfiltered view's map can be computed once per store version and kept (see :mod:`ui.overview`)."""

    bins: list[dict[str, Any]]
    shapes: list[dict[str, Any]]
    areas: list[dict[str, Any]]
    arcs: list[dict[str, Any]]


def aggregate_map(frame: pl.DataFrame, basemap: dict[str, Any]) -> AggregateMap:
    """What the aggregate map draws for ``frame`` (see :func:`build_deck`)."""
    shapes, missing = country_shapes(frame, basemap)
    return AggregateMap(bins=bin_records(frame, precisions=POINT_PRECISIONS), shapes=shapes,
                        areas=area_spots(frame, missing), arcs=pair_arc_records(frame))


def _aggregate_layers(agg: AggregateMap) -> list[pdk.Layer]:
    return [
        *_geography(agg.shapes, agg.areas),
        pdk.Layer("HeatmapLayer", id="heat", data=[{"position": b["position"], "n": b["n"]} for b in agg.bins],
                  get_position="position", get_weight="n", radius_pixels=40, opacity=0.55,
                  aggregation="'SUM'", pickable=False),
        pdk.Layer("ScatterplotLayer", id="bins", data=agg.bins, get_position="position",
                  get_fill_color="color", get_radius="radius", radius_units="'pixels'",
                  stroked=True, get_line_color=[255, 255, 255, 180], line_width_min_pixels=0.5,
                  pickable=True, auto_highlight=True),
        pdk.Layer("ArcLayer", id="pairs", data=agg.arcs, get_source_position="src",
                  get_target_position="dst", get_source_color="color", get_target_color="color",
                  get_width="width", width_units="'pixels'", pickable=True, auto_highlight=True),
    ]


def build_deck(
    frame: pl.DataFrame,
    basemap: dict[str, Any],
    *,
    selected_id: str | None = None,
    aggregate_threshold: int = AGGREGATE_THRESHOLD,
    online_tiles: bool = False,
    offline_style: bool = True,
    view: pdk.ViewState | None = None,
    aggregate: AggregateMap | None = None,
) -> tuple[pdk.Deck, str]:
    """The map for a filtered, windowed events frame; returns (deck, mode) with
    mode "points" or "aggregate" (past ``aggregate_threshold`` venue/city events).
    ``aggregate``: the aggregate map of ``frame`` already computed (drawn as it is)."""
    layers = [] if online_tiles else basemap_layers(basemap, ocean=not offline_style)
    if aggregate is None:
        n_points = frame.select(
            (pl.col("place_precision").is_in(POINT_PRECISIONS) & pl.col("lat").is_not_null()).sum()).item()
        if n_points > aggregate_threshold:
            aggregate = aggregate_map(frame, basemap)
    if aggregate is not None:
        mode = "aggregate"
        layers.extend(_aggregate_layers(aggregate))
    else:
        mode = "points"
        view = view or fit_view(frame)
        geo = geography_layers(frame, basemap, selected_id=selected_id, zoom=float(view.zoom or 1.0))
        layers.extend(geo[:2])  # areas under the arcs, points above them
        layers.append(pdk.Layer("ArcLayer", id="arcs", data=arc_records(frame), get_source_position="src",
                                get_target_position="dst", get_source_color="color", get_target_color="color",
                                get_width="width", width_units="'pixels'", get_height=0.5,
                                pickable=True, auto_highlight=True))
        layers.extend(geo[2:])
    # a layer with no rows still costs the browser a shader program (tens to hundreds of ms on a first
    # paint without a GPU): only layers with something to draw are sent
    layers = [layer for layer in layers if not (isinstance(layer.data, list) and not layer.data)]
    deck = CompactDeck(
        layers=layers,
        initial_view_state=view or fit_view(frame),
        map_provider="carto" if online_tiles else None,
        map_style="light" if online_tiles else (OFFLINE_STYLE if offline_style else None),
        tooltip=TOOLTIP,
        # drawn in layer order, not by depth: a marker stays clickable where an arc ends on it
        parameters={"clearColor": [0.87, 0.92, 0.95, 1], "depthTest": False},
    )
    return deck, mode


def deck_json_safe(deck: pdk.Deck) -> str:
    """Deck JSON that is safe to inline into a ``<script>`` element.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` etc.
    mean the same characters; escaping them means no document text can close the
    script element or open a new one.
    """
    text = deck.to_json()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


MapPick = tuple[str, str]
PICK_LAYERS = ("events", "countries", "areas", "arcs")


def map_pick(selection: Any) -> MapPick | None:
    """What a click on the map chose: ("event", id) for a single event, ("spot", key) for a
    marker that holds several (a cluster, a country, an area); None when nothing was clicked."""
    try:
        objects = selection["selection"]["objects"]
    except (KeyError, TypeError):
        return None
    for layer in PICK_LAYERS:
        for obj in objects.get(layer, []) or []:
            if not isinstance(obj, dict):
                continue
            if obj.get("event_id"):
                return "event", str(obj["event_id"])
            if obj.get("spot"):
                return "spot", str(obj["spot"])
    return None


def selected_event_id(selection: Any) -> str | None:
    """The event id in a ``st.pydeck_chart`` selection state, if a single event was clicked."""
    pick = map_pick(selection)
    return pick[1] if pick and pick[0] == "event" else None


def payload_bytes(deck: pdk.Deck) -> int:
    return len(deck.to_json().encode("utf-8"))
