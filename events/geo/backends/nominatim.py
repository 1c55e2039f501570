"""Optional online geocoder (geopy) behind a persistent cache and a rate limiter.

Off by default. ``EVENTSCAPE_GEOCODER=nominatim`` switches it on (set
``EVENTSCAPE_GEOCODER_USER_AGENT`` to identify your application, as Nominatim's policy
asks; ``EVENTSCAPE_GEOCODER_CACHE`` to move the cache file). Any other value fails at
start with a message that says how to fix it. The embedded gazetteer stays the first
backend; this one is asked only for names the gazetteer does not know.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from events.config import Settings


class GeopyLike(Protocol):
    """The part of a geopy geocoder we use (a fake in tests)."""

    def geocode(self, query: str, **kwargs: Any) -> Any: ...


class OnlineGeocoder:
    """A geopy geocoder with a persistent SQLite cache (misses cached too) and a rate limit."""

    def __init__(self, geocoder: GeopyLike, cache_path: str | Path, *, min_delay_seconds: float = 1.0,
                 rate_limit: Callable[..., Callable[..., Any]] | None = None) -> None:
        if rate_limit is None:
            from geopy.extra.rate_limiter import RateLimiter

            self._geocode: Callable[..., Any] = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                                            max_retries=2, swallow_exceptions=True)
        else:
            self._geocode = rate_limit(geocoder.geocode)
        self.cache_path = Path(cache_path)
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(self.cache_path) as db:
            db.execute("CREATE TABLE IF NOT EXISTS geocode (query TEXT PRIMARY KEY, lat REAL, lon REAL, label TEXT)")

    def lookup(self, name: str, country_codes: Sequence[str] = ()) -> tuple[float, float, str] | None:
        query = name.strip()
        key = f"{query}|{','.join(country_codes)}"
        with sqlite3.connect(self.cache_path) as db:
            row = db.execute("SELECT lat, lon, label FROM geocode WHERE query = ?", (key,)).fetchone()
        if row is not None:
            return None if row[0] is None else (float(row[0]), float(row[1]), str(row[2]))
        kwargs: dict[str, Any] = {"exactly_one": True}
        if country_codes:
            kwargs["country_codes"] = [_alpha2(c) for c in country_codes if _alpha2(c)]
        loc = self._geocode(query, **kwargs)
        hit = None if loc is None else (float(loc.latitude), float(loc.longitude), str(getattr(loc, "address", query)))
        with sqlite3.connect(self.cache_path) as db:
            db.execute("INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?)",
                       (key, *(hit if hit else (None, None, None))))
        return hit


def _alpha2(iso3: str) -> str:
    import pycountry

    rec = pycountry.countries.get(alpha_3=iso3.upper())
    return rec.alpha_2.lower() if rec else ""


def check_configuration(env: dict[str, str] | None = None) -> str | None:
    """The configured backend name, None when off; raises ConfigurationError when wrong."""
    return Settings.from_env(env).geocoder


@lru_cache(maxsize=1)
def online_geocoder() -> OnlineGeocoder | None:
    """The configured online backend (None when off)."""
    settings = Settings.from_env()
    if settings.geocoder is None:
        return None
    from geopy.geocoders import Nominatim

    return OnlineGeocoder(Nominatim(user_agent=settings.geocoder_user_agent, timeout=10), str(settings.geocoder_cache))
