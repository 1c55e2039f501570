"""Where an event goes on the map, as honestly as its place is known.

* ``venue`` and ``city`` precision: a point. Events at the same spot (same
  coordinates to about a kilometre) are one marker with a count; clicking it
  lists every event there, so none hides under another.
* ``country`` precision: the country's outline from the shipped Natural Earth
  basemap, shaded by how many events name only that country. Never a pin at the
  country's centre, which would claim a place the text never gave.
* ``admin`` and ``sea`` precision: a translucent area around the region's point
  (we ship no region outlines), never a pin.
* ``none``: not on the map; the page says how many.

Every marker carries a ``spot`` key; :func:`spot_filter` turns a key back into
the rows it stands for, so the page can list them.
"""

from __future__ import annotations

import math
from typing import Any

import polars as pl

from ui.names import name
from ui.style import type_color

POINT_PRECISIONS = ("venue", "city")
AREA_PRECISIONS = ("admin", "sea")
AREA_RADIUS_M = {"admin": 180_000, "sea": 320_000}
COUNTRY_RGB = (231, 111, 81)
AREA_RGB = (120, 94, 168)
SPOT_DIGITS = 2  # areas at the same point (to about a kilometre) are one area
MIN_CELL_DEG = 0.01
CLUSTER_PX = 16  # points closer than this on screen are one marker
TIP_LIST = 6


def _clip(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def event_line(row: dict[str, Any]) -> str:
    when = row.get("date_label") or row.get("date_start") or ""
    return f"• {when} · {row.get('event_type') or ''} · {_clip(row.get('title'), 70)}"


def event_tip(row: dict[str, Any]) -> str:
    """Plain text for one event's tooltip (shown as text, never as HTML)."""
    return "\n".join([
        _clip(row.get("title"), 120),
        f"{row.get('date_label') or row.get('date_start') or ''} · {row.get('event_type') or ''} · {row.get('status') or ''}",
        f"Actors: {row.get('actors_label') or '—'}",
        f"Place: {row.get('place_name') or '—'} ({row.get('place_precision') or '?'})",
        f"Mentions: {row.get('mentions')}",
    ])


def _list_tip(head: str, rows: list[dict[str, Any]], n: int) -> str:
    lines = [head, *(event_line(r) for r in rows[:TIP_LIST])]
    if n > TIP_LIST:
        lines.append(f"… and {n - TIP_LIST} more")
    lines.append("Click for the list of these events.")
    return "\n".join(lines)


_TIP_COLS = ["event_id", "title", "date_label", "event_type", "status", "actors_label", "place_name",
             "place_precision", "mentions", "date_start"]


def _tip_columns(frame: pl.DataFrame) -> list[pl.Expr]:
    """The tooltip columns. The large-store frame (:mod:`ui.scan`) has no titles or date labels:
    those stay empty there (a tooltip then shows the start date) rather than loading 10M titles."""
    return [pl.col(c) if c in frame.columns else pl.lit(None, pl.Utf8).alias(c) for c in _TIP_COLS]


def _groups(frame: pl.DataFrame, keys: list[str]) -> list[dict[str, Any]]:
    """One dict per group of ``keys``, largest first: the keys, ``n``, summed ``mentions``, mean
    ``lat``/``lon``, the most common ``top_type``, ``places`` by frequency, and the newest
    :data:`TIP_LIST` events as ``rows``. Aggregated in polars: a million rows stay fast."""
    ordered = frame.sort(["date_start", "event_id"], descending=[True, False])
    grouped = ordered.group_by(keys, maintain_order=True).agg(
        pl.len().alias("n"),
        pl.col("mentions").fill_null(1).sum().alias("mentions_sum"),
        pl.col("lat").mean().alias("lat_mean"),
        pl.col("lon").mean().alias("lon_mean"),
        pl.col("event_type").mode().sort().first().alias("top_type"),
        pl.col("place_name").drop_nulls().value_counts(sort=True).struct.field("place_name").alias("places"),
        pl.struct(_TIP_COLS).head(TIP_LIST).alias("rows"),
    ).sort("n", descending=True, maintain_order=True)
    return grouped.to_dicts()


def cluster_cell(zoom: float, pixels: float = CLUSTER_PX) -> float:
    """Degrees of longitude that ``pixels`` cover at a web-mercator ``zoom`` (512-px world)."""
    return max(MIN_CELL_DEG, pixels * 360.0 / (512.0 * 2.0 ** zoom))


def point_spots(frame: pl.DataFrame, cell_deg: float = MIN_CELL_DEG) -> list[dict[str, Any]]:
    """Venue/city events, one marker per grid cell of ``cell_deg`` (see :func:`cluster_cell`: points
    that would overlap at the map's zoom are one marker with a count); ``event_id`` is set when a
    marker holds one event."""
    pts = frame.select(*_tip_columns(frame), "lat", "lon").filter(
        pl.col("place_precision").is_in(POINT_PRECISIONS) & pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    if pts.is_empty():
        return []
    cell = round(cell_deg, 4)
    pts = pts.select(*_TIP_COLS, "lat", "lon", (pl.col("lat") / cell).floor().cast(pl.Int64).alias("ci"),
                     (pl.col("lon") / cell).floor().cast(pl.Int64).alias("cj"))
    out = []
    for group in _groups(pts, ["ci", "cj"]):
        n, rows = group["n"], group["rows"]
        r, g, b = type_color(group["top_type"])
        places = group["places"] or []
        place = ", ".join(places[:3]) + ("…" if len(places) > 3 else "") or "this spot"
        out.append({
            "spot": f"pt:{group['ci']},{group['cj']},{cell}",
            "event_id": rows[0]["event_id"] if n == 1 else "",
            "n": n,
            "label": str(n) if n > 1 else "",
            "position": [round(group["lon_mean"], 4), round(group["lat_mean"], 4)],
            "color": [r, g, b, 200],
            "radius": round(3.0 + 2.5 * math.sqrt(max(1, group["mentions_sum"])), 1) if n == 1
            else round(7.0 + 3.0 * math.sqrt(n), 1),
            "tip": event_tip(rows[0]) if n == 1 else _list_tip(f"{n} events at {_clip(place, 60)}", rows, n),
        })
    return out


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    """Outer rings of a (Multi)Polygon."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [poly[0] for poly in polygons]


def country_shapes(frame: pl.DataFrame, basemap: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Country-precision events as shaded outlines: (polygon records, ISO3 codes without an outline)."""
    cty = frame.select(*_tip_columns(frame), "place_country", "lat", "lon").filter(
        (pl.col("place_precision") == "country") & pl.col("place_country").is_not_null())
    if cty.is_empty():
        return [], []
    outlines: dict[str, list[list[list[float]]]] = {}
    for feature in basemap.get("features", []):
        code = feature["properties"].get("iso3")
        if code:
            outlines.setdefault(code, []).extend(_rings(feature["geometry"]))
    groups = _groups(cty.select(*_TIP_COLS, "place_country", "lat", "lon"), ["place_country"])
    top = max(group["n"] for group in groups)
    out: list[dict[str, Any]] = []
    missing: list[str] = []
    for group in groups:
        code, n, rows = group["place_country"], group["n"], group["rows"]
        if code not in outlines:
            missing.append(code)
            continue
        alpha = int(70 + 150 * math.log1p(n) / math.log1p(max(top, 1)))
        tip = (event_tip(rows[0]) if n == 1
               else _list_tip(f"{name(code)}: {n} event(s) placed only as the country", rows, n))
        for ring in outlines[code]:
            out.append({"spot": f"cc:{code}", "event_id": rows[0]["event_id"] if n == 1 else "", "n": n,
                        "polygon": ring, "color": [*COUNTRY_RGB, alpha], "tip": tip})
    return out, missing


def area_spots(frame: pl.DataFrame, countries_without_outline: list[str] | None = None) -> list[dict[str, Any]]:
    """Region- and sea-precision events (and countries too small for the basemap) as areas."""
    cond = pl.col("place_precision").is_in(AREA_PRECISIONS)
    if countries_without_outline:
        cond = cond | ((pl.col("place_precision") == "country") & pl.col("place_country").is_in(countries_without_outline))
    areas = frame.select(*_tip_columns(frame), "place_country", "lat", "lon").filter(
        cond & pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    if areas.is_empty():
        return []
    areas = areas.select(*_TIP_COLS, "lat", "lon", pl.col("lat").round(SPOT_DIGITS).alias("slat"),
                         pl.col("lon").round(SPOT_DIGITS).alias("slon"))
    out = []
    for group in _groups(areas, ["place_name", "place_precision", "slat", "slon"]):
        n, rows = group["n"], group["rows"]
        kind = "country" if group["place_precision"] == "country" else group["place_precision"]
        place = _clip(group["place_name"] or "this area", 60)
        out.append({
            "spot": f"ar:{group['slat']:.{SPOT_DIGITS}f},{group['slon']:.{SPOT_DIGITS}f}",
            "event_id": rows[0]["event_id"] if n == 1 else "",
            "n": n,
            "position": [group["slon"], group["slat"]],
            "radius": AREA_RADIUS_M.get(kind, 120_000),
            "color": [*AREA_RGB, int(50 + 60 * min(1.0, math.log1p(n) / math.log(20)))],
            "tip": event_tip(rows[0]) if n == 1 else _list_tip(f"{n} events in {place} ({kind})", rows, n),
        })
    return out


def spot_filter(spot: str) -> pl.Expr:
    """The rows a map marker stands for (see the ``spot`` key of each record)."""
    kind, _, value = spot.partition(":")
    if kind == "cc":
        return (pl.col("place_precision") == "country") & (pl.col("place_country") == value)
    if kind == "pt":
        try:
            ci, cj, cell = int(value.split(",")[0]), int(value.split(",")[1]), float(value.split(",")[2])
        except (ValueError, IndexError):
            return pl.lit(False)
        return (pl.col("place_precision").is_in(POINT_PRECISIONS)
                & ((pl.col("lat") / cell).floor().cast(pl.Int64) == ci)
                & ((pl.col("lon") / cell).floor().cast(pl.Int64) == cj))
    try:
        lat, lon = (float(v) for v in value.split(",", 1))
    except ValueError:
        return pl.lit(False)
    tolerance = 10 ** -(SPOT_DIGITS + 3)  # the key went through text: compare rounded values, not bits
    near = (((pl.col("lat").round(SPOT_DIGITS) - lat).abs() < tolerance)
            & ((pl.col("lon").round(SPOT_DIGITS) - lon).abs() < tolerance))
    if kind == "ar":
        return near & ~pl.col("place_precision").is_in(POINT_PRECISIONS)
    return pl.lit(False)


def spot_title(spot: str, rows: pl.DataFrame) -> str:
    kind, _, value = spot.partition(":")
    if kind == "cc":
        return f"{name(value)} (events placed only as the country)"
    places = rows["place_name"].drop_nulls().unique().to_list() if not rows.is_empty() else []
    return ", ".join(sorted(places)[:3]) or "this spot"


def unplaced(frame: pl.DataFrame) -> int:
    """Events the map cannot show: no place, or coordinates missing."""
    return frame.filter((pl.col("place_precision") == "none") | pl.col("lat").is_null()
                        & (pl.col("place_precision") != "country")).height
