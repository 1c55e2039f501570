"""Where the shipped data lives, and cached loaders for the small tables every layer reads.

The one place that knows the repository layout: ``geodata/`` (gazetteer, countries, actors,
summits, seats, basemap) and ``data/`` (the demo store).  Loaders are cached; never mutate what
they return.  Requires nothing; sets nothing (not a stage).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
GEODATA = REPO_ROOT / "geodata"
DATA_DIR = REPO_ROOT / "data"
GAZETTEER_FILE = GEODATA / "gazetteer.pkl"
COUNTRIES_FILE = GEODATA / "countries.json"
ACTORS_FILE = GEODATA / "actors.json"
SUMMITS_FILE = GEODATA / "summits.json"
SEATS_FILE = GEODATA / "seats.json"
BASEMAP_FILE = GEODATA / "world_110m.geojson"
GIVEN_NAMES_FILE = GEODATA / "lexicon" / "given_names.json"
TRIGGERS_FILE = GEODATA / "lexicon" / "triggers.json"


@lru_cache(maxsize=4)
def countries(path: Path = COUNTRIES_FILE) -> dict[str, dict[str, Any]]:
    """ISO3 → the country's record in ``countries.json`` (name, centre, capital, population…);
    empty when the file is missing."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


@lru_cache(maxsize=4)
def country_names(path: Path = COUNTRIES_FILE) -> dict[str, str]:
    """ISO3 → short country name, for titles and labels."""
    return {code: str(rec.get("name") or code) for code, rec in countries(path).items()}


@lru_cache(maxsize=4)
def capital_points(path: Path = COUNTRIES_FILE) -> dict[str, tuple[float, float]]:
    """ISO3 → (lat, lon) of the capital, else of the country's representative point."""
    table: dict[str, tuple[float, float]] = {}
    for iso3, info in countries(path).items():
        if info.get("capital_lat") is not None and info.get("capital_lon") is not None:
            table[iso3] = (float(info["capital_lat"]), float(info["capital_lon"]))
        elif info.get("lat") is not None and info.get("lon") is not None:
            table[iso3] = (float(info["lat"]), float(info["lon"]))
    return table


@lru_cache(maxsize=2)
def basemap(path: Path = BASEMAP_FILE) -> dict[str, Any]:
    """Country outlines as a GeoJSON FeatureCollection (empty if the file is missing)."""
    if not path.exists():
        return {"type": "FeatureCollection", "features": []}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=2)
def given_name_sex(path: Path = GIVEN_NAMES_FILE) -> dict[str, str]:
    """First name -> "m" or "f" for names nearly always borne by one sex (built by geodata/build_lexicon.py)."""
    if not path.exists():
        return {}
    names: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["names"]
    return names
