"""Geocoding stage: find and resolve place names (the one module the pipeline and the CLI use).

Requires: text (and optionally the spans to resolve, and ISO3 codes of countries known to
matter, e.g. the article's actors). Sets: :class:`~events.model.PlaceMention` values with
offsets into the text, a point, a precision and the reason the place was chosen.

The embedded gazetteer is the backend; an online geopy geocoder can be switched on with
``EVENTSCAPE_GEOCODER=nominatim`` for names the gazetteer lacks (see ``events.geo.backends.nominatim``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from events.geo import weights as W
from events.geo.backends.nominatim import online_geocoder
from events.geo.gazetteer import Gazetteer, Place, fold, load_gazetteer
from events.geo.local import (
    FACILITY_WORDS,
    NAMED_FOR_HEADS,
    POSSESSIVE,
    capital_seat,
    focus_place,
    is_local_feature,
    local_mention,
    named_county,
    org_seat,
    place_local,
    spelling_variant,
)
from events.geo.recognise import Candidate, recognize
from events.geo.resolve import CURATED_KINDS, Resolution, resolve_all
from events.model import PlaceMention
from events.text.datelines import DATELINE_FOLLOWERS, DATELINE_REACH

_PORT_AFTER = re.compile(r"\s+(?:[Pp]ort|[Hh]arbou?r)\b")
_PORT_BEFORE = re.compile(r"\b(?:[Pp]ort|[Hh]arbou?r) of\s+$")
_STRIP_PREFIX = re.compile(
    r"^(?:the|port of|city of|province of|state of|county of|county|greater|downtown|metro|central|"
    r"north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west|mid|upper|lower|rural|coastal)\s+",
    re.I,
)
_STRIP_SUFFIX = re.compile(
    r"\s+(?:city|county|province|state|region|port|harbou?r|area|district|municipality|metro|"
    r"prefecture|governorate|oblast|island|islands)$",
    re.I,
)
# Regions some countries name with a plain geographic word ("West" in Cameroon, "Central").
GENERIC_REGION_WORDS = frozenset(
    "west western east eastern north northern south southern central centre center middle upper lower "
    "coast coastal capital island islands lake lakes lakes river rivers valley mountain mountains highlands "
    "lowlands border interior plateau north east south west northeast northwest southeast southwest".split()
)
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)")


def _to_mention(cand: Candidate, place: Place, why: str, *, port: bool = False) -> PlaceMention:
    precision = "venue" if port else place.precision
    country = None if place.kind in CURATED_KINDS and not place.country else place.country
    return PlaceMention(
        start=cand.start, end=cand.end, text=cand.text, name=place.name, country=country,
        lat=place.lat, lon=place.lon, precision=precision,  # type: ignore[arg-type]
        feature="PRT" if port and place.kind != "port" else place.feature,
        geonameid=place.geonameid, why=why,
    )


def _keep(gaz: Gazetteer, text: str, cand: Candidate, res: Resolution, countries: Counter[str], include_embedded: bool,
          placed: frozenset[str] = frozenset()) -> bool:
    """Recognition filter: is this span really a place here?

    ``placed``: names the text writes somewhere as a place ("in Taylor", "Taylor, Texas").
    """
    place = res.place
    if cand.embedded in ("person", "event", "name"):
        return False
    if cand.embedded == "organisation" and not include_embedded:
        return False
    single = " " not in cand.key
    # A dictionary word ("Reading", "Nice") needs more evidence, unless it names a country
    # or region ("China", "Turkey") or is a code in capitals that matched exactly ("US").
    common = single and (cand.key in gaz.english_words or cand.key in gaz.common_words) \
        and (place.kind in ("city", "admin") or cand.is_adjective) and not cand.text.isupper() \
        and place.population < 1_000_000  # "Manila" is the city even at a sentence start
    if cand.is_adjective:
        return not (cand.initial and common)
    surface = cand.text
    if len(surface) == 2 and surface.isupper() and place.kind == "admin" and place.country == "USA":
        return text[:cand.start].rstrip().endswith(",")  # "Horry County, SC"
    big = place.kind != "city" or place.population >= 100_000
    local = cand.locative or res.local
    supported = local or (place.country is not None and countries.get(place.country, 0) > 0)
    dateline = cand.dateline or (cand.start < DATELINE_REACH or cand.initial) \
        and text[cand.end: cand.end + 3].lstrip()[:1] in (*DATELINE_FOLLOWERS, ":") \
        or (cand.start < 3 and place.population >= 100_000)  # "LONDON The latest on ..."
    if cand.all_caps and single and place.kind == "city" and not local and not dateline:
        return False  # "COSCO": a company in capitals, not Cusco ("LIMA, Peru —" opens a text)
    if common:
        if cand.initial or (cand.all_caps and not supported):
            return False
        if place.kind == "admin" and cand.key in GENERIC_REGION_WORDS:
            return local  # "West", "Central", "Middle": regions named by plain words need support
        return big or (supported and place.population >= 20_000)
    if single and cand.key in gaz.person_words and cand.key not in placed and not dateline \
            and (place.kind == "airport" or place.kind == "city" and (
                place.population < 200_000 or any(p.pid == place.pid and alt for p, alt in cand.places))):
        return False  # "Taylor said", "Levi", "Barkley": a person's name far more often than a town
    if cand.initial and single and place.kind == "city" and place.population < 5_000:
        return supported and cand.container is not None
    if place.kind == "city" and place.population < 5_000:
        return local  # a hamlet's name needs a nearby place, a region or "in" before it
    if place.kind == "city" and place.population < 15_000 and not supported:
        return False
    return True


def _span_candidate(gaz: Gazetteer, text: str, start: int, end: int) -> Candidate:
    """A given span as a candidate, trying the usual variations of a written name."""
    surface = text[start:end]
    cand = Candidate(start, end, surface, fold(surface))
    if fold(surface).endswith(" county") and gaz.county_states(fold(surface)):
        cand.local, cand.county_states = "county", gaz.county_states(fold(surface))
        return cand
    tries = [(surface, False), (POSSESSIVE.sub("", surface), False)]
    stripped = surface
    for _ in range(2):
        stripped = _STRIP_SUFFIX.sub("", _STRIP_PREFIX.sub("", stripped))
        tries.append((stripped, True))
    follow = _NEXT_WORD.match(text, end)
    named_for = follow is not None and follow.group(1).lower() in NAMED_FOR_HEADS
    if text[max(0, start - 4):start].lower() == "the " and not named_for:
        tries.insert(0, ("the " + surface, False))  # "the Gulf"; not "the Mississippi State University"
    for form, approximate in tries:
        cand.approximate = approximate and form != surface
        key = fold(form)
        adj = gaz.adjective(key)
        if gaz.has(key):
            cand.places = gaz.lookup(key)
            cand.key = key
            if adj is not None and all(p.pid != adj.pid for p, _ in cand.places):
                cand.places = [(adj, False), *cand.places]
            return cand
        if adj is not None:
            cand.adjective = adj
            cand.key = key
            return cand
    inner = [c for c in recognize(surface, gaz) if (c.places or c.adjective) and not _generic_part(gaz, c)]
    if inner:
        # a place over an adjective ("British Embassy Tokyo"), then the longest, then the last
        best = max(inner, key=lambda c: (bool(c.places), c.end - c.start, c.start))
        cand.places, cand.adjective, cand.key = best.places, best.adjective, best.key
        cand.container = best.container  # "Washington, D.C." given whole
        cand.approximate = best.container is None
    return cand


def _generic_part(gaz: Gazetteer, part: Candidate) -> bool:
    """A part of a longer name that is a plain word ("Hospital", "Centre", "Northern"): no place."""
    if " " in part.key or part.is_adjective or any(p.kind == "country" for p, _ in part.places):
        return False  # "Bank of Japan", "US Federal Reserve": a country is no plain word here
    return part.key in FACILITY_WORDS or part.key in GENERIC_REGION_WORDS or part.key in gaz.english_words


def _with_containers(cands: list[Candidate], text: str) -> None:
    ordered = sorted(cands, key=lambda c: c.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = text[a.end: b.start]
        if a.container is None and gap.strip() == "," and "\n" not in gap and b.places and not b.is_adjective:
            a.container = b


def geoparse(
    text: str,
    *,
    spans: Sequence[tuple[int, int]] | None = None,
    context: Sequence[str] = (),
    include_embedded: bool = False,
) -> list[PlaceMention]:
    """Recognise (unless ``spans`` are given) and resolve the place names in ``text``.

    ``context``: ISO3 codes of countries known to be relevant (e.g. the article's actors).
    ``include_embedded``: also return places named inside organisation names ("Bank of
    America" → America), as geoparsing corpora annotate them; the event pipeline leaves
    this off. Offsets index ``text``.
    """
    gaz = load_gazetteer()
    found = recognize(text, gaz)
    given: list[Candidate] = []
    if spans is not None:
        given = [_span_candidate(gaz, text, s, e) for s, e in spans if 0 <= s < e <= len(text) and text[s:e].strip()]
        found = [c for c in found if not any(c.start < g.end and g.start < c.end for g in given)]
    found = [c for c in found if c.embedded in ("", "organisation")]
    for g in given:
        g.embedded = ""
    _with_containers(found + given, text)
    # Round 1 resolves everything to judge which recognised spans are places; round 2
    # resolves again with only those as context, so junk never steers a real place.
    resolved = resolve_all(gaz, found + given, context=context, quick=True)
    countries = _countries(resolved, context)
    placed = frozenset(c.key for c in found if c.locative or c.container is not None or c.dateline)
    kept = [
        c for c, res in zip(found, resolved, strict=False)
        if c.local or (res is not None and _keep(gaz, text, c, res, countries, include_embedded or spans is not None, placed))
    ]
    cands = kept + given
    # A region named inside an organisation ("University of Idaho") still says where the story is:
    # it is context for the others, though not a place of its own here.
    kept_ids = {id(c) for c in kept}
    inside = [c for c, res in zip(found, resolved, strict=False)
              if c.embedded == "organisation" and res is not None and res.place.kind == "admin" and id(c) not in kept_ids]
    resolved = resolve_all(gaz, cands + inside, context=context, trusted=True)[:len(cands)]
    resolved = _initialisms(gaz, text, cands, resolved)
    countries = _countries(resolved, context)
    if spans is not None and given:
        # the given spans are the text's toponyms: a recognised extra name ("the Somerville
        # floor plan") must not become the story's main place
        focus = focus_place(given, resolved[len(cands) - len(given):])
    else:
        focus = focus_place(cands, resolved)
    mentions: list[PlaceMention] = []
    counties: dict[str, list[Candidate]] = {}  # "orange county" -> its spans: named_county looks up, not through
    for c in cands:
        if c.county_states:
            counties.setdefault(fold(c.text), []).append(c)
    for c, res in zip(cands, resolved, strict=True):
        is_given = spans is not None and c in given
        if spans is not None and not is_given:
            continue
        seat = capital_seat(gaz, c, res) if is_given and res is not None else None
        if is_given and seat is None:
            seat = org_seat(gaz, c, res)
        if seat is not None:
            mentions.append(local_mention(c, *seat))
            continue
        if c.local or (is_given and res is not None and focus is not None and is_local_feature(c, res, focus)):
            local = place_local(gaz, c, focus, cands, resolved)
            if local is not None:
                mentions.append(local_mention(c, *local))
            continue
        if res is None:
            variant = spelling_variant(gaz, c, countries) if is_given else None
            if variant is not None:
                mentions.append(_to_mention(c, *variant))
                continue
            local = place_local(gaz, c, focus, cands, resolved) if is_given else None
            fallback = _main_country(gaz, countries)
            if local is not None:
                mentions.append(local_mention(c, local[0], "not in the gazetteer; " + local[1]))
            elif is_given and fallback is not None:
                mentions.append(_to_mention(c, fallback, f"not in the gazetteer; placed in the article's main country, {fallback.name}"))
            elif is_given:
                online = _online(c.text, countries)
                if online is not None:
                    mentions.append(replace(online, start=c.start, end=c.end, text=c.text))
            continue
        county = named_county(gaz, c, res, counties.get(c.key + " county", []), resolved)
        if county is not None:
            mentions.append(local_mention(c, *county, county=True))
            continue
        after = _PORT_AFTER.match(text, c.end)
        before = _PORT_BEFORE.search(text[max(0, c.start - 12): c.start])
        mention = _to_mention(c, res.place, res.why, port=bool(after or before) and res.place.kind == "city")
        if mention.feature == "PRT" and res.place.kind == "city" and not is_given:
            # "Qingdao Port" / "Port of Qingdao": the span names the port, the point is the city's
            start = c.start - len(before.group()) if before else c.start
            end = after.end() if after else c.end
            mention = replace(mention, start=start, end=end, text=text[start:end],
                              why=f"port of {res.place.name}; {res.why}")
        mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    return mentions


_MINOR_WORDS = frozenset({"of", "the", "and", "da", "de", "du", "la", "le"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _MINOR_WORDS).upper()


@lru_cache(maxsize=2)
def _country_initials(gaz: Gazetteer) -> tuple[tuple[str, str, str], ...]:
    """(initials, name, ISO3) of the countries whose names have several words ("SA", "South Africa")."""
    names = [(str(rec.get("name") or ""), iso3) for iso3, rec in gaz.countries.items()]
    return tuple((_initials(name), name, iso3) for name, iso3 in names if " " in name)


def _initialisms(
    gaz: Gazetteer, text: str, cands: Sequence[Candidate], resolved: list[Resolution | None]
) -> list[Resolution | None]:
    """"SA" in a story that names South Africa (or South Africans) is South Africa, not South Australia."""
    named: dict[str, Place] = {}
    short = {c.text for c in cands if 2 <= len(c.text) <= 4 and c.text.isalpha() and c.text.isupper()}
    if not short:
        return resolved
    for initials, name, iso3 in _country_initials(gaz):
        if initials in short and name in text:
            place = gaz.country_place(iso3)
            if place is not None:
                named.setdefault(initials, place)
    for c, res in zip(cands, resolved, strict=True):
        if res is not None and not c.approximate and res.place.kind in ("country", "admin"):
            for name in (c.text, res.place.name):  # "South Africans" names South Africa too
                if " " in name.strip():
                    named.setdefault(_initials(name), res.place)
    if not named:
        return resolved
    out: list[Resolution | None] = []
    for c, res in zip(cands, resolved, strict=True):
        if 2 <= len(c.text) <= 4 and c.text.isalpha() and c.text.isupper():
            place = named.get(c.text)
            if place is not None and (res is None or res.place.pid != place.pid):
                res = Resolution(place, f"initials of {place.name}, named in the text", True, W.CERTAIN_MARGIN)
        out.append(res)
    return out


def _main_country(gaz: Gazetteer, countries: Counter[str]) -> Place | None:
    if not countries:
        return None
    return gaz.country_place(countries.most_common(1)[0][0])


def _countries(resolved: Sequence[Resolution | None], context: Sequence[str]) -> Counter[str]:
    """How often each country is named in the text (adjectives say less: "French fries")."""
    countries: Counter[str] = Counter(context)
    for res in resolved:
        if res is not None and res.place.kind == "country" and res.place.country:
            countries[res.place.country] += 1
    return countries


def _online(name: str, countries: Counter[str]) -> PlaceMention | None:
    backend = online_geocoder()
    if backend is None:
        return None
    hit = backend.lookup(name, country_codes=[c for c, _ in countries.most_common(3)])
    if hit is None:
        return None
    lat, lon, label = hit
    return PlaceMention(0, len(name), name, label, None, lat, lon, "city", "", None, "online geocoder (cached)")


def resolve(name: str, *, context: Sequence[str] = (), near: Sequence[tuple[float, float]] = ()) -> PlaceMention | None:
    """Resolve one place name (offsets 0..len(name)); ``near`` points pull towards them."""
    gaz = load_gazetteer()
    cand = _span_candidate(gaz, name, 0, len(name))
    res = resolve_all(gaz, [cand], context=context, near=near)[0]
    if res is None:
        online = _online(name, Counter(context))
        return online
    return _to_mention(cand, res.place, res.why)


def country_point(iso3: str) -> tuple[float, float] | None:
    """Representative point of a country (GeoNames-style, inside it)."""
    rec = load_gazetteer().countries.get(iso3.upper())
    if not rec or rec.get("lat") is None:
        return None
    return float(rec["lat"]), float(rec["lon"])


def capital_point(iso3: str) -> tuple[str, float, float] | None:
    """(capital name, lat, lon) of a country, or None."""
    rec = load_gazetteer().countries.get(iso3.upper())
    if not rec or rec.get("capital_lat") is None:
        return None
    return str(rec["capital"]), float(rec["capital_lat"]), float(rec["capital_lon"])
