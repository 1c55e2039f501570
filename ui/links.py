"""Links that reproduce a view: filters and window (:class:`ui.filters.Filters`), plus the
selected event, the map's centre and zoom, and the store version the view was made on.

The base of a shared link is the team's public address, ``EVENTSCAPE_PUBLIC_URL``
(e.g. ``https://eventscape.example.org/``); without it, the address the browser used.
A link made on ``http://127.0.0.1:8501`` is useless on another machine, so the page
says when the setting is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from events.config import public_url
from ui.filters import Filters

VIEW_KEYS: tuple[str, ...] = ("ev", "map", "v")


@dataclass(frozen=True)
class MapView:
    latitude: float
    longitude: float
    zoom: float

    def to_param(self) -> str:
        return f"{self.latitude:.3f},{self.longitude:.3f},{self.zoom:.2f}"

    @classmethod
    def from_param(cls, value: str | list[str] | None) -> MapView | None:
        if isinstance(value, list):
            value = value[-1] if value else None
        try:
            lat, lon, zoom = (float(v) for v in str(value or "").split(","))
        except ValueError:
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 20):
            return None
        return cls(lat, lon, zoom)


@dataclass(frozen=True)
class ViewLink:
    """Everything a link carries beyond the filters."""

    event: str | None = None
    map_view: MapView | None = None
    version: str | None = None

    def to_query(self) -> dict[str, str]:
        query: dict[str, str] = {}
        if self.event:
            query["ev"] = self.event
        if self.map_view:
            query["map"] = self.map_view.to_param()
        if self.version:
            query["v"] = self.version
        return query

    @classmethod
    def from_query(cls, params: Mapping[str, str | list[str]]) -> ViewLink:
        def one(key: str) -> str | None:
            value = params.get(key)
            if isinstance(value, list):
                value = value[-1] if value else None
            return str(value) if value else None

        return cls(event=one("ev"), map_view=MapView.from_param(params.get("map")), version=one("v"))


def public_base_url(browser_url: str | None = None) -> tuple[str, bool]:
    """(base URL of the Explore view, whether it is the configured public one)."""
    configured = public_url()
    if configured:
        return configured.split("?")[0].rstrip("/") + "/", True
    base = (browser_url or "http://localhost:8501/").split("?")[0].rstrip("/")
    for page in ("/briefing", "/actors", "/sources", "/explore"):
        base = base.removesuffix(page)
    return base + "/", False


def share_link(base_url: str, filters: Filters, view: ViewLink) -> str:
    query = {**filters.to_query(), **view.to_query()}
    return f"{base_url.split('?')[0]}?{urlencode(query, safe=',')}" if query else base_url.split("?")[0]


def version_note(link_version: str | None, current: str) -> str | None:
    """What to tell the reader when a link names a version other than the one shown (``?v=N`` is
    reproduced by time travel, so this happens only when the store no longer holds version N)."""
    if not link_version or link_version == current:
        return None
    return (f"This link was made on store version {link_version}, which this store does not hold (it was "
            f"rebuilt or moved); showing version {current}. Documents added or deleted since then change what you see.")
