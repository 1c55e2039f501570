"""Offline geography the app ships: the Natural Earth basemap and capital points."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
BASEMAP_PATH = GEODATA / "world_110m.geojson"
COUNTRIES_PATH = GEODATA / "countries.json"


@lru_cache(maxsize=2)
def load_basemap(path: Path = BASEMAP_PATH) -> dict[str, Any]:
    """Country outlines as a GeoJSON FeatureCollection (empty if the file is missing)."""
    if not path.exists():
        return {"type": "FeatureCollection", "features": []}
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def capitals(path: Path = COUNTRIES_PATH) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of the capital, falling back to the country's centre point.

    Prefers ``events.geocode.capital_point`` when that module exists; reads
    ``geodata/countries.json`` otherwise; an empty mapping (no arcs) if neither.
    """
    table: dict[str, tuple[float, float]] = {}
    raw: dict[str, Any] = {}
    if path.exists():
        raw = json.loads(path.read_text(encoding="utf-8"))
    try:
        from events.geocode import capital_point  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - optional module from another part of the project
        capital_point = None
    for iso3, info in raw.items():
        point = None
        if capital_point is not None:
            try:
                hit = capital_point(iso3)
                point = (float(hit[1]), float(hit[2])) if hit else None
            except Exception:  # noqa: BLE001
                point = None
        if point is None and info.get("capital_lat") is not None and info.get("capital_lon") is not None:
            point = (float(info["capital_lat"]), float(info["capital_lon"]))
        if point is None and info.get("lat") is not None and info.get("lon") is not None:
            point = (float(info["lat"]), float(info["lon"]))
        if point is not None:
            table[iso3] = point
    return table


@lru_cache(maxsize=2)
def country_names(path: Path = COUNTRIES_PATH) -> dict[str, str]:
    if not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {iso3: str(info.get("name") or iso3) for iso3, info in raw.items()}
