"""Toponym resolution: pick one gazetteer entry per recognised span, using the document.

Requires: :class:`~events.geo.recognise.Candidate` spans and the gazetteer.
Sets: the chosen :class:`~events.geo.gazetteer.Place` per candidate and a human-readable
reason (``why``).

Each candidate place gets a score: a prior from population and kind (a country outranks
a village of the same name), a penalty for matching only an alternate name, and context
evidence from the same document — countries and first-level regions mentioned or given
(``context``), an explicit container ("Paris, Texas"), the dateline, and the distance to
places already resolved with confidence. Two passes: confident places first, then the
rest with them as anchors.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from events.geo import weights as W
from events.geo.distance import km
from events.geo.gazetteer import Gazetteer, Place, county_key
from events.geo.recognise import Candidate

CURATED_KINDS = frozenset({"sea", "ocean", "gulf", "strait", "river", "lake", "region", "island", "venue", "port", "airport"})
MAX_CANDIDATES = 15
_NOTHING: dict[object, float] = {}  # read-only stand-in for "contributed nothing"
HIGH_LEVEL = frozenset({"country", "continent", "sea", "ocean", "gulf", "strait", "region"})


class Scored(NamedTuple):
    """One ranked reading of a span."""

    score: float
    place: Place
    why: list[str]  # filled for the best reading only
    local: bool  # supported by a container, a region in the text or a place within 100 km


@dataclass(frozen=True)
class Resolution:
    """The chosen place for a candidate and the evidence for it."""

    place: Place
    why: str
    local: bool = False  # supported by a region, a container or a nearby place in the text
    margin: float = 0.0  # score lead over the runner-up


@dataclass
class DocContext:
    """What the document says about where it is."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admins: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    anchors: list[Place] = field(default_factory=list)
    near: list[tuple[float, float]] = field(default_factory=list)
    given: frozenset[str] = frozenset()
    counties: frozenset[str] = frozenset()  # US counties the text names: "KY|bourbon county"
    # What each name (folded key) contributed, so a name never counts as its own evidence.
    own: dict[str, dict[object, float]] = field(default_factory=dict)

    def add(self, place: Place, weight: float = 1.0, key: str = "") -> None:
        mine = self.own.setdefault(key, defaultdict(float))
        if place.country:
            self.countries[place.country] += weight
            mine[place.country] += weight
        if place.kind in ("city", "admin") and place.country and place.admin1:
            self.admins[(place.country, place.admin1)] += weight
            mine[(place.country, place.admin1)] += weight
        if place.kind in ("city", "admin", "venue", "port", "airport", "island") and len(self.anchors) < 40:
            if all(a.pid != place.pid for a in self.anchors):
                self.anchors.append(place)


def prior(place: Place, alternate: bool, admin_size: float = W.ADMIN_PRIOR_DEFAULT) -> float:
    """Score before context: bigger and higher-level places are the usual reading."""
    if place.kind == "country":
        score = max(W.COUNTRY_PRIOR_FLOOR, math.log10(place.population + 1) + W.COUNTRY_PRIOR_LIFT)
    elif place.kind == "continent":
        score = W.CONTINENT_PRIOR
    elif place.kind == "admin":
        score = admin_size  # log10 of a typical region's population in that country
    elif place.kind == "airport" and alternate:
        score = W.AIRPORT_BARE_NAME_PRIOR  # "Heathrow", "Dulles": the bare name of an airport, often also a surname or a town
    elif place.kind in CURATED_KINDS:
        score = W.CURATED_PRIOR
    else:
        score = math.log10(place.population + W.CITY_POPULATION_OFFSET)
    if alternate and place.kind in ("city", "admin"):
        score -= W.ALTERNATE_NAME_PENALTY
    return score


def _km(a: Place, b: tuple[float, float]) -> float:
    return _great_circle_km(a.lat, a.lon, b[0], b[1])


@lru_cache(maxsize=1 << 16)
def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return km(lat1, lon1, lat2, lon2)


def _nearest_km(place: Place, points: Sequence[tuple[float, float]]) -> float:
    """Distance to the nearest point, or 1e9 when all are surely beyond 1,000 km."""
    # 1° of latitude is 111 km everywhere: a cheap bound skips far points, and only the
    # nearest in degrees (longitude shrunk by latitude) gets a geodesic measurement.
    near = [p for p in points if abs(p[0] - place.lat) < 9.5]
    if not near:
        return 1e9
    shrink = math.cos(math.radians(place.lat))
    nearest = min(near, key=lambda p: (p[0] - place.lat) ** 2 + (((p[1] - place.lon + 180) % 360 - 180) * shrink) ** 2)
    return _km(place, nearest)


def score_place(
    gaz: Gazetteer, cand: Candidate, place: Place, alternate: bool, ctx: DocContext,
    points: Sequence[tuple[float, float]], explain: bool = False,
) -> tuple[float, list[str], bool, bool]:
    """Prior plus document evidence for one reading of a span; ``points``: anchor places.

    Returns the score, the reasons (only when ``explain``), whether an explicit container
    ("Paris, Texas") supports this reading, and whether local evidence does (a container,
    a first-level region named in the text, or a place named within 100 km).
    """
    score = prior(place, alternate, gaz.admin_size(place.country))
    why: list[str] = []
    if place.kind == "city" and place.population:
        if explain:
            why.append(f"population {place.population:,}")
    signals: list[float] = []
    local = False
    if place.country and place.kind != "country":
        mine = ctx.own.get(cand.key, _NOTHING)
        weight = ctx.countries.get(place.country, 0.0) - mine.get(place.country, 0.0)
        if place.country in ctx.given:
            weight += W.GIVEN_COUNTRY_WEIGHT
        if weight > 0:
            signals.append(W.COUNTRY_IN_TEXT + W.COUNTRY_PER_MENTION * min(weight, W.MENTIONS_CAP))
            if explain:
                why.append(f"{gaz.countries.get(place.country, {}).get('name', place.country)} is in the text")
        admin_key = (place.country, place.admin1)
        admin_weight = ctx.admins.get(admin_key, 0.0) - mine.get(admin_key, 0.0) if place.admin1 else 0.0
        if admin_weight > 0:
            local = True
            signals.append(W.REGION_IN_TEXT + W.REGION_PER_MENTION * min(admin_weight, W.MENTIONS_CAP))
            region = gaz.admin_place(place.country, place.admin1)
            if explain:
                why.append(f"{region.name if region else 'its region'} is in the text")
    in_county = bool(ctx.counties) and place.kind == "city" and gaz.county_of(place) in ctx.counties
    if in_county:
        local = True
        signals.append(W.COUNTY_IN_TEXT)
        if explain:
            why.append("its county is in the text")
    if place.kind == "city" and gaz.is_capital(place):
        score += W.CAPITAL_BONUS
        if explain:
            why.append("national capital")
    contained = in_county  # "Lebanon police ... Wilson County deputies": as good as "Lebanon, Tenn."
    if cand.container is not None:
        bonus, reason = _containment(place, cand.container)
        score += bonus
        contained = contained or bonus > 0
        if reason and explain:
            why.append(reason)
    if place.kind != "country" and points:
        best = _nearest_km(place, points)
        local = local or best <= W.LOCAL_KM
        for limit, bonus in W.ANCHOR_DISTANCE_BONUS:
            if best <= limit:
                signals.append(bonus)
                if explain:
                    why.append(f"{best:.0f} km from other places in the text")
                break
    if ctx.near and place.kind != "country":
        near_km = _nearest_km(place, ctx.near)
        for limit, bonus in W.GIVEN_POINT_BONUS:
            if near_km <= limit:
                score += bonus  # the caller's own evidence, independent of the text
                if explain:
                    why.append(f"{near_km:.0f} km from the given point")
                break
    if signals:
        # The signals are correlated (one region gives all three): the strongest counts fully.
        signals.sort(reverse=True)
        score += signals[0] + W.SIGNAL_DISCOUNT * sum(signals[1:])
    return score, why, contained, local or contained


def _containment(place: Place, container: Candidate) -> tuple[float, str]:
    best = 0.0
    reason = ""
    for outer, _alt in container.places[:MAX_CANDIDATES]:
        if outer.pid == place.pid:
            continue
        bonus = 0.0
        if outer.kind == "country" and outer.country == place.country:
            bonus = W.CONTAINER_COUNTRY
        elif outer.kind == "admin" and outer.country == place.country:
            if place.admin1 and place.admin1 == outer.admin1:
                bonus = W.CONTAINER_REGION
            elif _km(place, (outer.lat, outer.lon)) < W.CONTAINER_NEAR_REGION_KM:
                bonus = W.CONTAINER_NEAR_REGION
        elif outer.kind == "city" and _km(place, (outer.lat, outer.lon)) < W.CONTAINER_NEAR_CITY_KM:
            bonus = W.CONTAINER_NEAR_CITY
        if bonus > best:
            best, reason = bonus, f"written as '{container.text}' container"
    return best, reason


def rank(
    gaz: Gazetteer, cand: Candidate, ctx: DocContext, self_pids: frozenset[int] = frozenset(), explain: bool = True
) -> list[Scored]:
    """Candidate places for one span, best first (the best with its reasons when ``explain``)."""
    options = cand.places
    if len(cand.text) <= 3 and cand.text.isupper() and any(p.kind != "city" for p, _ in options):
        options = [pa for pa in options if pa[0].kind != "city"]  # "WA", "SA": codes of regions
    if len(options) > MAX_CANDIDATES:
        # The most likely by prior, plus any in a country or region the text names.
        ordered = sorted(options, key=lambda pa: -prior(pa[0], pa[1], gaz.admin_size(pa[0].country)))
        options = ordered[:MAX_CANDIDATES] + [
            pa for pa in ordered[MAX_CANDIDATES:]
            if pa[0].country in ctx.given or (pa[0].country, pa[0].admin1) in ctx.admins
        ]
    high_level = any(p.kind in HIGH_LEVEL for p, _ in options)
    points = [(a.lat, a.lon) for a in ctx.anchors if a.pid not in self_pids]
    scored: list[tuple[float, Place, bool, bool]] = []
    for place, alt in options:
        s, _why, contained, local = score_place(gaz, cand, place, alt, ctx, points)
        if high_level and place.kind == "city" and not contained:
            s -= W.CITY_UNDER_COUNTRY_PENALTY  # "Mexico", "Lebanon": the country, unless written "Mexico, Missouri"
        scored.append((s, place, alt, local))
    scored.sort(key=lambda t: -t[0])
    best = scored[0]
    why = score_place(gaz, cand, best[1], best[2], ctx, points, explain=True)[1] if explain else []
    return [Scored(best[0], best[1], why, best[3]), *(Scored(sc, pl, [], lo) for sc, pl, _alt, lo in scored[1:])]


def resolve_all(
    gaz: Gazetteer,
    cands: Sequence[Candidate],
    *,
    context: Sequence[str] = (),
    near: Sequence[tuple[float, float]] = (),
    trusted: bool = False,
    quick: bool = False,
) -> list[Resolution | None]:
    """Choose a place (and say why) for every candidate, in two passes.

    ``trusted``: the spans are known to be places (given, or kept by the recognition
    filter), so even a hamlet with a unique name may anchor the others. ``quick``: one
    ranking pass only, without the evidence in the reasons (enough to judge which recognised
    spans are places).
    """
    min_pop = W.ANCHOR_POPULATION_TRUSTED if trusted else W.ANCHOR_POPULATION

    def substantial(place: Place) -> bool:
        return place.kind != "city" or place.population >= min_pop

    counties = frozenset(county_key(state, c.key) for c in cands for state in c.county_states)
    ctx = DocContext(near=list(near), given=frozenset(c.upper() for c in context), counties=counties)
    for iso3 in ctx.given:
        ctx.countries[iso3] += 1.0
    # Pass 0: what is certain without ranking — adjectives, single-reading names.
    for c in cands:
        if c.is_adjective and c.adjective is not None:
            ctx.add(c.adjective, W.ADJECTIVE_WEIGHT, c.key)
        elif len(c.places) == 1 and substantial(c.places[0][0]):
            ctx.add(c.places[0][0], 1.0, c.key)
        elif c.places and all(p.kind == "country" for p, _ in c.places):
            ctx.add(c.places[0][0], 1.0, c.key)
        elif c.places and all(p.kind == "admin" and p.country == c.places[0][0].country
                              for p, _ in c.places):
            ctx.add(c.places[0][0], 1.0, c.key)  # one region listed twice ("Northern Ireland")
    # Pass 1: rank with that; keep confident winners as anchors.
    first: list[list[Scored]] = []
    cache: dict[tuple[str, str], list[Scored]] = {}
    for c in cands:
        ck = (c.key, c.container.key if c.container is not None else "")
        if ck not in cache or (c.places and not cache[ck]):
            # no reasons yet: a one-reading name gets its own, and the rest are ranked again below;
            # a span of the same name with no reading ("Echo Park." before "Echo Park") ranks nothing
            cache[ck] = rank(gaz, c, ctx, frozenset(p.pid for p, _ in c.places), False) if c.places else []
        first.append(cache[ck])
    ctx2 = DocContext(countries=defaultdict(float, ctx.countries), admins=defaultdict(float, ctx.admins),
                      anchors=list(ctx.anchors), near=ctx.near, given=ctx.given, counties=ctx.counties,
                      own={k: defaultdict(float, v) for k, v in ctx.own.items()})
    for c, ranked in zip(cands, first, strict=True):
        if ranked and c.dateline:
            ctx2.add(ranked[0][1], W.DATELINE_WEIGHT, c.key)  # the dateline says where the story is told from
        if ranked and len(c.places) > 1:
            margin = ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)
            if (margin >= W.CONFIDENT_MARGIN and substantial(ranked[0][1])) or c.container is not None:
                ctx2.add(ranked[0][1], 1.0, c.key)
    out: list[Resolution | None] = []
    cache.clear()
    for c, ranked in zip(cands, first, strict=True):
        if c.is_adjective and c.adjective is not None:
            out.append(Resolution(c.adjective, f"adjective/demonym of {c.adjective.name}", True, W.CERTAIN_MARGIN))
            continue
        if not c.places:
            out.append(None)
            continue
        ck = (c.key, c.container.key if c.container is not None else "")
        if ck not in cache:
            if quick or len(c.places) == 1:
                cache[ck] = ranked
            else:
                cache[ck] = rank(gaz, c, ctx2, frozenset(p.pid for p, _ in c.places))
        final = cache[ck]
        score, place, why, local = final[0]
        margin = score - final[1].score if len(final) > 1 else W.CERTAIN_MARGIN
        local = local or c.container is not None
        if len(final) == 1:
            why = ["only place of that name"]
        elif place.kind in ("country", "continent") or place.kind in CURATED_KINDS:
            why = [f"{place.kind} reading preferred over {len(final) - 1} other places", *why]
        else:
            why = [f"best of {len(final)} places named '{c.text}'", *why]
        out.append(Resolution(place, "; ".join(dict.fromkeys(why)), local, margin))
    return _one_sense_per_text(cands, _regions_of_towns(cands, out))


def _regions_of_towns(cands: Sequence[Candidate], out: list[Resolution | None]) -> list[Resolution | None]:
    """"Tacoma, Washington": the name written after a town is the region that town is in."""
    fixed = list(out)
    position = {id(c): i for i, c in enumerate(cands)}
    for c, res in zip(cands, out, strict=True):
        outer = c.container
        if res is None or outer is None or res.place.kind != "city" or not res.place.admin1 or id(outer) not in position:
            continue
        region = next((p for p, _ in outer.places if p.kind == "admin" and p.country == res.place.country
                       and p.admin1 == res.place.admin1), None)
        i = position[id(outer)]
        current = fixed[i]
        if region is not None and (current is None or current.place.pid != region.pid):
            fixed[i] = Resolution(region, f"the region of {res.place.name}, written after it", True, W.CERTAIN_MARGIN)
    return fixed


def _one_sense_per_text(cands: Sequence[Candidate], out: list[Resolution | None]) -> list[Resolution | None]:
    """A name written once as "Paris, Texas" means that Paris in the rest of the text too."""
    anchored: dict[str, Resolution] = {}
    for c, res in zip(cands, out, strict=True):
        if res is not None and c.container is not None and c.key not in anchored and res.local:
            anchored[c.key] = res
    if not anchored:
        return out
    fixed: list[Resolution | None] = []
    for c, res in zip(cands, out, strict=True):
        first = anchored.get(c.key)
        if first is not None and res is not None and c.container is None and res.place.pid != first.place.pid \
                and not (res.local and res.place.kind == "admin") \
                and any(p.pid == first.place.pid for p, _ in c.places):
            res = Resolution(first.place, f"same place as '{first.place.name}' written with its region earlier", True, res.margin)
        fixed.append(res)
    return fixed
