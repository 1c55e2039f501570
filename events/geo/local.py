"""Places a gazetteer lookup alone cannot give: the story's own town, buildings and streets in
it, US counties, institutions (embassies, ministries) and organisations named as places.

Requires: candidates and their resolutions from :mod:`events.geo.resolve`. Sets: a point
and a reason for names that are local features of the story, or whose location follows
from what they are rather than from their name.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from events.geo.distance import km
from events.geo.gazetteer import Gazetteer, Place, county_key, fold
from events.geo.recognise import Candidate
from events.geo.resolve import Resolution
from events.model import PlaceMention
from events.resources import SEATS_FILE

POSSESSIVE = re.compile(r"['’]s?$")


def local_mention(cand: Candidate, near: Place, why: str, *, county: bool | None = None) -> PlaceMention:
    """A street, building or county the gazetteer lacks, at the point of the place it is in."""
    county = bool(cand.county_states) if county is None else county
    return PlaceMention(
        start=cand.start, end=cand.end, text=cand.text, name=cand.text, country=near.country,
        lat=near.lat, lon=near.lon, precision="admin" if county else "venue",
        feature="ADM2" if county else ("STRT" if cand.local == "street" else "BLDG"), geonameid=None, why=why,
    )


FACILITY_WORDS = frozenset(
    "street st avenue ave road rd drive boulevard blvd lane parade place square park hospital centre center "
    "school elementary high college university court courthouse stadium church chapel basilica cathedral "
    "hotel inn theatre theater hall museum library club campus airport station castle tower mall market "
    "plantation canal railroad cottage embassy consulate graveyard cemetery bridge building house office "
    "prison jail correctional detention restaurant cafe studio store farm farms ranch golf course bend "
    "lagoon beach pier wharf dock racecourse arena gallery academy ministry headquarters palace quarter "
    "consulate mission township camp base".split()
)
NAMED_FOR_HEADS = FACILITY_WORDS | {"state"}  # "the Mississippi State University"


STREET_WORDS = frozenset("street st avenue ave road rd drive boulevard blvd lane parade place square park bridge".split())
EMBASSY_WORDS = frozenset("embassy embassies consulate consulates mission".split())
# Bodies that sit in their country's capital ("the Russian Foreign Ministry").
SEAT_WORDS = frozenset("ministry ministries government parliament cabinet presidency chancellery".split())


def word_set(text: str) -> set[str]:
    """Lower-case words without possessives or punctuation ("St George’s Chapel" -> st, george, chapel)."""
    return {POSSESSIVE.sub("", w.lower().strip(".,")) for w in text.split()}


def qualified(cand: Candidate) -> bool:
    """The place is written after the facility, as its location: "Robinson College Cambridge"."""
    key = fold(cand.text)
    if not cand.key or not key.endswith(" " + cand.key) or cand.is_adjective:
        return False
    before = key[: -len(cand.key)].split()
    return len(before) >= 2 and (before[-1] in FACILITY_WORDS or before[-1].endswith(","))




@lru_cache(maxsize=1)
def _org_seats() -> dict[str, tuple[str, str]]:
    """Folded occupant name ("united nations", "oas") -> (seat town, ISO3), from geodata/seats.json."""
    with open(SEATS_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    return {fold(name): (entry["city"], entry["country"]) for entry in data["seats"] for name in entry["names"]}


def org_seat(gaz: Gazetteer, cand: Candidate, res: Resolution | None) -> tuple[Place, str] | None:
    """A span naming an organisation ("the United Nations", "OAS") is at its headquarters."""
    if res is not None and not (res.place.kind in ("region", "continent")
                                or (res.place.kind == "city" and res.place.population < 100_000)):
        return None  # a real place reading of the name wins
    key = fold(re.sub(r"^the\s+", "", cand.text.strip(), flags=re.I))
    seat = _org_seats().get(key)
    if seat is None:
        return None
    towns = [p for p, _ in gaz.lookup(fold(seat[0])) if p.country == seat[1] and p.kind == "city"]
    if not towns:
        return None
    town = max(towns, key=lambda p: p.population)
    return town, f"seat of {cand.text}: {town.name}"


def capital_seat(gaz: Gazetteer, cand: Candidate, res: Resolution) -> tuple[Place, str] | None:
    """A ministry or government named after a country sits in its capital."""
    if res.place.kind != "country" or not res.place.country or not word_set(cand.text) & SEAT_WORDS:
        return None
    rec = gaz.countries.get(res.place.country) or {}
    if rec.get("capital_lat") is None:
        return None
    capital = Place(-1, str(rec["capital"]), float(rec["capital_lat"]), float(rec["capital_lon"]),
                    res.place.country, "", 0, "city", None)
    return capital, f"{res.place.name}'s institution; placed at its capital, {capital.name}"


def is_local_feature(cand: Candidate, res: Resolution, focus: Place) -> bool:
    """A building or street (or an unknown small name far from the story) of the main locality."""
    if not cand.approximate and (res.place.kind != "city" or res.place.population >= 15_000):
        return False  # the name itself is in the gazetteer
    words = word_set(cand.text)
    far = km(res.place.lat, res.place.lon, focus.lat, focus.lon)
    if words & FACILITY_WORDS and len(words) > 1:
        if res.place.kind in ("airport", "venue", "port") or qualified(cand):
            return False  # "Heathrow Animal Reception Center", "British Embassy Tokyo": that place
        if words & EMBASSY_WORDS:
            return res.place.country != focus.country  # the Russian Embassy in the story's town
        if cand.is_adjective:
            return True  # "Percy French Hotel", "British International School": a local building
        if not words & STREET_WORDS and res.place.kind in ("country", "admin"):
            return False  # "Colorado State University", "Bank of Japan": the named state or country
        return not (res.place.kind in ("city", "venue", "port", "airport") and far < 100)
    return res.place.kind == "city" and res.place.population < 50_000 and far > 1000 and not res.local


def place_local(
    gaz: Gazetteer, cand: Candidate, focus: Place | None, cands: Sequence[Candidate], resolved: Sequence[Resolution | None]
) -> tuple[Place, str] | None:
    """Streets and buildings go to the main locality; a county to the text's places in its state."""
    if cand.county_states:
        return place_county(gaz, cand, resolved)
    nearby = nearby_city(cand, cands, resolved, focus)
    if nearby is not None:
        return nearby, f"local feature; placed at {nearby.name}, named right next to it"
    if focus is None:
        return None
    return focus, f"local feature; placed at the article's main locality, {focus.name}"


def place_county(gaz: Gazetteer, cand: Candidate, resolved: Sequence[Resolution | None]) -> tuple[Place, str] | None:
    """A US county: inside itself (its towns' mean position), else at the text's own town in its
    state, else its namesake town, else the state. The state is the one the text names most."""
    us = [r.place for r in resolved if r is not None and r.place.country == "USA" and r.place.kind in ("city", "admin")]
    in_state = Counter(p.admin1 for p in us if p.admin1 in cand.county_states)
    states = sorted(cand.county_states, key=lambda code: -in_state.get(code, 0))
    key = fold(cand.text)
    point = gaz.county_point(states[0], key)
    if point is not None:
        lat, lon, largest = point
        county = Place(-1, cand.text, lat, lon, "USA", states[0], 0, "admin", None)
        return county, f"county in {states[0]} (its towns' mean position; largest town {largest})"
    towns = [p for p in us if p.kind == "city" and p.admin1 == states[0]]
    if towns:
        anchor = Counter(p.pid for p in towns).most_common(1)[0][0]
        place = next(p for p in towns if p.pid == anchor)
        return place, f"county in {place.admin1}; placed at {place.name}, the text's place in that state"
    base = fold(re.sub(r"\s+county$", "", cand.text, flags=re.I))
    namesakes = [p for p, _ in gaz.lookup(base) if p.country == "USA" and p.kind == "city" and p.admin1 == states[0]]
    if namesakes:
        town = max(namesakes, key=lambda p: p.population)
        return town, f"county in {town.admin1}; placed at its namesake town {town.name}"
    state = gaz.admin_place("USA", states[0])
    return (state, f"county in {state.name}") if state is not None else None


def named_county(
    gaz: Gazetteer, cand: Candidate, res: Resolution, cands: Sequence[Candidate], resolved: Sequence[Resolution | None]
) -> tuple[Place, str] | None:
    """"Suffolk" in a text that names Suffolk County is the county, unless the town is in it."""
    if res.place.kind != "city" or cand.county_states or " " in cand.key:
        return None
    wanted = cand.key + " county"
    for other in cands:
        if other is cand or not other.county_states or fold(other.text) != wanted:
            continue
        if gaz.county_of(res.place) in {county_key(state, wanted) for state in other.county_states}:
            return None  # "Orange" in Orange County: the town itself
        placed = place_county(gaz, other, resolved)
        if placed is not None:
            return placed[0], f"short for {other.text}, named in the text; {placed[1]}"
    return None


def _km_between(a: Place, b: Place) -> float:
    return km(a.lat, a.lon, b.lat, b.lon)


def nearby_city(
    cand: Candidate, cands: Sequence[Candidate], resolved: Sequence[Resolution | None], focus: Place | None, window: int = 60
) -> Place | None:
    """A town named right after or before a venue ("the gas station in Riverdale")."""
    best: tuple[int, Place] | None = None
    for c, res in zip(cands, resolved, strict=True):
        if res is None or c is cand or c.local or c.approximate or res.place.kind != "city":
            continue
        gap = c.start - cand.end if c.start >= cand.end else cand.start - c.end
        if 0 <= gap <= window and (best is None or gap < best[0]):
            # only a town that fits the story: supported by the text, or near its main locality
            credible = res.local or res.place.population >= 15_000
            if focus is None or (res.place.country == focus.country and credible
                                 and (_km_between(res.place, focus) < 300 or res.place.population >= 50_000)):
                best = (gap, res.place)
    return best[1] if best else None


def focus_place(cands: Sequence[Candidate], resolved: Sequence[Resolution | None]) -> Place | None:
    """The main locality: the most mentioned city of the text's main country (else a region)."""
    by_country: Counter[str] = Counter()
    counts: Counter[int] = Counter()
    by_pid: dict[int, Place] = {}
    mentioned: list[Place] = []
    for rank_, (c, res) in enumerate(zip(cands, resolved, strict=True)):
        if res is None or c.is_adjective or c.local or c.approximate:
            continue
        place = res.place
        if place.country:
            by_country[place.country] += 1
        if place.kind not in ("city", "admin"):
            continue
        if place.kind == "city" and place.population < 15_000 and not res.local:
            continue
        # a town written with its region or near the text's other places is the story's own
        counts[place.pid] += (2 if place.kind == "city" else 1) + (1 if rank_ == 0 else 0) \
            + (1 if res.local and place.kind == "city" else 0)
        by_pid[place.pid] = place
        mentioned.append(place)
    if not counts:
        return None
    # The story's town has the story's other towns around it ("like the architecture in
    # Charleston" names a far town once; the suburbs cluster round the real one).
    for pid, place in by_pid.items():
        if place.kind == "city":
            counts[pid] += sum(1 for other in mentioned if other.pid != pid and other.kind == "city" and _km_between(place, other) <= 100)
    main = by_country.most_common(1)[0][0] if by_country else None
    ranked = sorted(counts, key=lambda pid: (by_pid[pid].country == main, by_pid[pid].kind == "city", counts[pid]), reverse=True)
    return by_pid[ranked[0]]


def spelling_variant(gaz: Gazetteer, cand: Candidate, countries: Counter[str]) -> tuple[Place, str] | None:
    """A one-word name the gazetteer spells one letter differently ("Valdai" -> Valday, "Brasoc" -> Brasov).

    One edit (a letter changed, added or dropped, not at the end), the same first letter, and
    only towns and regions in a country the text names; the most populous such town wins.
    """
    key = fold(POSSESSIVE.sub("", cand.text))
    if not countries or " " in key or not key.isalpha() or len(key) < 5 or key in gaz.english_words:
        return None
    # a name one letter longer or shorter at its end is another word ("Capitol"/"Capitola")
    choices = [k for k in gaz.names_starting(key[0])
               if abs(len(k) - len(key)) <= 1 and not k.startswith(key) and not key.startswith(k)]
    found = process.extract(key, choices, scorer=Levenshtein.distance, score_cutoff=1, limit=20)
    options = [(p.population, p, k) for k, _dist, _ in found
               for p, _alt in gaz.lookup(k) if p.kind in ("city", "admin") and p.country in countries]
    if not options:
        return None
    _pop, place, spelled = max(options, key=lambda o: o[0])
    return place, f"spelled '{spelled}' in the gazetteer (one letter apart); {place.country} is in the text"
