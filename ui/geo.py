"""Offline geography the app ships: the Natural Earth basemap, capital points, country names.

Read from ``events.resources`` (small JSON tables); the app never loads the gazetteer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from events import resources

BASEMAP_PATH = resources.BASEMAP_FILE
COUNTRIES_PATH = resources.COUNTRIES_FILE


def load_basemap(path: Path = BASEMAP_PATH) -> dict[str, Any]:
    """Country outlines as a GeoJSON FeatureCollection (empty if the file is missing)."""
    return resources.basemap(path)


def capitals(path: Path = COUNTRIES_PATH) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) of the capital, falling back to the country's centre point."""
    return resources.capital_points(path)


def country_names(path: Path = COUNTRIES_PATH) -> dict[str, str]:
    return resources.country_names(path)
