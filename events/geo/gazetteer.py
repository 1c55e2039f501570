"""The embedded gazetteer: places, their names, adjectives and countries.

Reads the artefacts that ``geodata/build_gazetteer.py`` builds (``gazetteer.pkl``,
``countries.json``). Loading takes about half a second and ~150 MB; it happens on the
first call to :func:`load_gazetteer`, never at import time, and the object is shared.
"""

from __future__ import annotations

import gc
import json
import math
import pickle
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from events.errors import ConfigurationError
from events.resources import COUNTRIES_FILE, GAZETTEER_FILE

GAZETTEER_VERSION = 3

# Kinds curated by hand or taken from the packages, and what they map to on the map.
KIND_PRECISION: dict[str, str] = {
    "city": "city", "admin": "admin", "country": "country", "continent": "admin",
    "region": "admin", "island": "admin", "sea": "sea", "ocean": "sea", "gulf": "sea",
    "strait": "sea", "river": "sea", "lake": "sea", "venue": "venue", "port": "venue",
    "airport": "venue",
}
KIND_FEATURE: dict[str, str] = {
    "city": "PPL", "admin": "ADM1", "country": "PCLI", "continent": "CONT", "region": "RGN",
    "island": "ISL", "sea": "SEA", "ocean": "OCN", "gulf": "GULF", "strait": "STRT",
    "river": "STM", "lake": "LK", "venue": "BLDG", "port": "PRT",
    "airport": "AIRP",
}

_DOTS_DASHES = re.compile(r"[.\u2010-\u2015-]")
_SAINT = re.compile(r"\bsaint\b")
_MOUNT = re.compile(r"\bmount\b")


def county_key(state: str, key: str) -> str:
    """"KY|bourbon county" from a state code and a folded county name, with or without "county"."""
    return f"{state}|{key if key.endswith(' county') else key + ' county'}"


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Index key: accents stripped, lower case, dots/dashes as spaces, Saint→St, Mount→Mt."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("’", "'").replace("‘", "'").lower()
    if "." in text or "-" in text or not text.isascii():
        text = _DOTS_DASHES.sub(" ", text)
    if "saint" in text:
        text = _SAINT.sub("st", text)
    if "mount" in text:
        text = _MOUNT.sub("mt", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    pid: int
    name: str
    lat: float
    lon: float
    country: str | None  # ISO3
    admin1: str  # GeoNames admin1 code for cities (US: state code); region code for admins
    population: int
    kind: str
    geonameid: int | None

    @property
    def precision(self) -> str:
        return KIND_PRECISION.get(self.kind, "city")

    @property
    def feature(self) -> str:
        return KIND_FEATURE.get(self.kind, self.kind.upper())


class Gazetteer:
    """Read-only view over the built place table (never mutate what it returns)."""

    def __init__(self, payload: dict[str, Any], countries: dict[str, dict[str, Any]]) -> None:
        if payload.get("version") != GAZETTEER_VERSION:
            raise ConfigurationError(
                f"{GAZETTEER_FILE} is version {payload.get('version')}, expected {GAZETTEER_VERSION}: "
                "rebuild it with `python geodata/build_gazetteer.py`"
            )
        cols = payload["cols"]
        self._name: Sequence[str] = cols["name"]
        self._lat: Sequence[float] = cols["lat"]  # array('d')
        self._lon: Sequence[float] = cols["lon"]
        self._country: Sequence[str | None] = cols["country"]
        self._admin1: Sequence[str] = cols["admin1"]
        self._pop: Sequence[int] = cols["pop"]  # array('q')
        self._kind: Sequence[str] = cols["kind"]
        self._gid: Sequence[int] = cols["gid"]
        self._index: dict[str, int | tuple[int, ...]] = payload["index"]  # place_id*2+alternate
        self._lookups: dict[str, list[tuple[Place, bool]]] = {}
        self._by_letter: dict[str, tuple[str, ...]] | None = None
        self._adjectives: dict[str, int] = payload["adjectives"]
        # First words of all names: most capitalised words start no name at all.
        self.first_words: frozenset[str] = payload["first_words"]
        self.common_words: frozenset[str] = payload["common_words"]
        # Words an English dictionary writes in lower case ("police", "reading", "hope").
        self.english_words: frozenset[str] = payload["english_words"]
        # Common given names and surnames ("taylor", "levi"): a small town named so needs support.
        self.person_words: frozenset[str] = payload.get("person_words", frozenset())
        # Short names match only as written ("US" yes, "us" no; "Us" the French village as is).
        self.short_forms: dict[str, list[str]] = payload["short_forms"]
        self.countries = countries
        self.sources_digest: str = payload.get("sources_digest", "")
        self._us_counties: dict[str, list[str]] = payload["us_counties"]
        self._us_county_points: dict[str, tuple[float, float, str]] = payload.get("us_county_points", {})
        self._us_county_of_town: dict[int, str] = payload.get("us_county_of_town", {})
        self._country_pid: dict[str, int] = payload["country_pid"]
        self._capitals = {
            (iso3, round(rec["capital_lat"], 2), round(rec["capital_lon"], 2))
            for iso3, rec in countries.items() if rec.get("capital_lat") is not None
        }
        self._admin_by_code: dict[tuple[str, str], int] = payload["admin_by_code"]
        regions: dict[str, int] = {}
        for iso3, _code in self._admin_by_code:
            regions[iso3] = regions.get(iso3, 0) + 1
        self._admin_size: dict[str, float] = {
            iso3: min(5.8, max(3.5, math.log10(max(1.0, float(countries[iso3].get("population") or 0)) / n)))
            for iso3, n in regions.items() if iso3 in countries
        }

    def __len__(self) -> int:
        return len(self._name)

    def place(self, pid: int) -> Place:
        gid = self._gid[pid]
        return Place(pid, self._name[pid], self._lat[pid], self._lon[pid], self._country[pid],
                     self._admin1[pid], self._pop[pid], self._kind[pid], gid or None)

    def lookup(self, key: str) -> list[tuple[Place, bool]]:
        """Places named ``key`` (already folded), each with whether the name is an alternate one.

        The returned list is shared (cached): never mutate it.
        """
        hit = self._lookups.get(key)
        if hit is None:
            codes = self._index.get(key, ())
            if isinstance(codes, int):
                codes = (codes,)
            hit = [(self.place(code >> 1), bool(code & 1)) for code in codes]
            if len(self._lookups) < 200_000:
                self._lookups[key] = hit
        return hit

    def has(self, key: str) -> bool:
        return key in self._index

    def names_starting(self, letter: str) -> tuple[str, ...]:
        """All one-word index keys that start with ``letter`` (for spelling variants)."""
        if self._by_letter is None:
            groups: dict[str, list[str]] = {}
            for key in self._index:
                if " " not in key and key.isalpha():
                    groups.setdefault(key[0], []).append(key)
            self._by_letter = {k: tuple(sorted(v)) for k, v in groups.items()}
        return self._by_letter.get(letter, ())

    def county_states(self, key: str) -> list[str]:
        """US state codes having a county of this (folded) name: "collier county" -> ["FL"]."""
        return self._us_counties.get(key, [])

    def county_point(self, state: str, key: str) -> tuple[float, float, str] | None:
        """(lat, lon, largest town) of a US county ("cuyahoga" or "cuyahoga county"): its towns' mean position."""
        return self._us_county_points.get(county_key(state, key))

    def county_of(self, place: Place) -> str | None:
        """"KY|bourbon county" for a US town in that county (by GeoNames id), else None."""
        return self._us_county_of_town.get(place.geonameid or 0) if place.country == "USA" else None

    def adjective(self, key: str) -> Place | None:
        pid = self._adjectives.get(key)
        return None if pid is None else self.place(pid)

    def country_place(self, iso3: str) -> Place | None:
        pid = self._country_pid.get(iso3.upper())
        return None if pid is None else self.place(pid)

    def admin_place(self, iso3: str, code: str) -> Place | None:
        pid = self._admin_by_code.get((iso3, code))
        return None if pid is None else self.place(pid)

    def admin_size(self, iso3: str | None) -> float:
        """log10 of a typical first-level region's population there (a Bermudan parish is small)."""
        return self._admin_size.get(iso3 or "", 5.6)

    def is_capital(self, place: Place) -> bool:
        """Is this city its country's capital (the usual metonym: "Washington said")?"""
        return (place.country, round(place.lat, 2), round(place.lon, 2)) in self._capitals

    def country_radius_km(self, iso3: str | None) -> float:
        """Half the square root of a country's area: how far its representative point may be off."""
        rec = self.countries.get(iso3 or "")
        area = float(rec.get("area_km2") or 0.0) if rec else 0.0
        return max(50.0, 0.5 * math.sqrt(area))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shared gazetteer; fails with a how-to-fix message when the artefact is missing."""
    if not GAZETTEER_FILE.exists() or not COUNTRIES_FILE.exists():
        raise ConfigurationError(
            f"gazetteer not built ({GAZETTEER_FILE.name} missing): run `python geodata/build_gazetteer.py`"
        )
    raw = GAZETTEER_FILE.read_bytes()  # uncompressed: gunzip would cost a quarter of the load
    collecting = gc.isenabled()
    gc.disable()  # half a million new objects, none cyclic: the collector would only slow us
    try:
        payload = pickle.loads(raw)  # noqa: S301 — our own build artefact
    finally:
        if collecting:
            gc.enable()
    with open(COUNTRIES_FILE, encoding="utf-8") as fh:
        countries = json.load(fh)
    gazetteer = Gazetteer(payload, countries)
    # Move the half million long-lived objects out of the collector's sight: otherwise every
    # full collection walks them all, which costs the geoparser a good share of its time.
    gc.freeze()
    return gazetteer
