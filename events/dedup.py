"""Stage 7: one happening told several times becomes one event.

Requires: the events of one document.  Sets: merged events with ``mentions`` = N
and every other telling kept in ``other_evidence``.  Two events are the same
happening when
- their days are equal (or, in one article, one short day range holds the other),
  they share participants (two when both have two) and their places are compatible;
  told in different articles of the page, they must also be the same kind of event;
- a month told again as days in the same article ("in April" / "on April 25-27");
- a month or year with the same participants, type and compatible places.
A cluster grows only with events that are the same happening as every member.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import replace

from events.assemble.sentences import event_id
from events.geo.distance import km
from events.model import PLACE_RANK, Event

_SAME_PLACE_KM = 150.0
_RANK = {"day": 0, "month": 1, "year": 2}


def _contains(a: Event, b: Event) -> bool:
    return a.date_start <= b.date_start and b.date_end <= a.date_end


def _coarse_retelling(a: Event, b: Event) -> bool:
    """'visiting Moscow in April' retells 'will visit Russia on April 25-27' of the same article."""
    coarse, fine = (a, b) if _RANK[a.date_precision] > _RANK[b.date_precision] else (b, a)
    # a month told again as days; a year is too coarse to say it is the same happening
    if (coarse.date_precision, fine.date_precision) != ("month", "day") or not _contains(coarse, fine):
        return False
    if coarse.article_title != fine.article_title or coarse.doc_id != fine.doc_id:
        return False
    shared = set(coarse.actors) & set(fine.actors)
    if len(shared) < min(2, len(coarse.actors)) or (coarse.event_mode != fine.event_mode and coarse.event_type != fine.event_type):
        return False
    return _places_compatible(a, b)


_MEETING_MODES = frozenset({"visit", "meeting", "multilateral", "phone"})


def _kind(e: Event) -> str:
    """PLOVER codes an announced meeting as AGREE (mode 'visit', 'meeting'...): it retells the meeting."""
    return "CONSULT" if e.event_type == "AGREE" and e.event_mode in _MEETING_MODES else e.event_type


def same_happening(a: Event, b: Event) -> bool:
    if _kind(a) != _kind(b) and "OTHER" not in (a.event_type, b.event_type):
        return False  # an attack and the protest it drew are two happenings, even told in one sentence
    if a.date_precision != b.date_precision:
        return _coarse_retelling(a, b)
    if (a.date_start, a.date_end) != (b.date_start, b.date_end):
        # a day range and a day inside it, told in the same article, sharing a participant
        if not (a.date_precision == b.date_precision == "day" and (_contains(a, b) or _contains(b, a))):
            return False
        if a.article_title != b.article_title or not set(a.actors) & set(b.actors):
            return False
        return (b.date_end - b.date_start).days <= 7 and (a.date_end - a.date_start).days <= 7 and _places_compatible(a, b)
    shared = set(a.actors) & set(b.actors)
    if a.date_precision == "day":
        need = min(2, len(a.actors), len(b.actors))
        if len(shared) < max(1, need):
            return False
        if a.article_title != b.article_title and not _same_kind_elsewhere(a, b):
            return False
        return _places_compatible(a, b)
    if set(a.actors) != set(b.actors):
        return False
    return _kind(a) == _kind(b) and _places_compatible(a, b)


def _same_kind_elsewhere(a: Event, b: Event) -> bool:
    """Two articles of a page telling one happening: same kind of event, and a named kind or place."""
    if a.event_type != b.event_type:
        return False
    specific = PLACE_RANK.get(a.place_precision, 0) >= 3 and PLACE_RANK.get(b.place_precision, 0) >= 3
    return specific or (a.event_mode == b.event_mode and bool(a.event_mode))


def _places_compatible(a: Event, b: Event) -> bool:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return True
    if any(math.isnan(x) for x in (a.lat, a.lon, b.lat, b.lon)):
        return True
    if "country" in (a.place_precision, b.place_precision) or "sea" in (a.place_precision, b.place_precision):
        if a.place_country == b.place_country or None in (a.place_country, b.place_country):
            return True
        # a country-level place is weak: the other telling's place must be in one of its participants
        coarse, fine = (a, b) if PLACE_RANK.get(a.place_precision, 0) <= PLACE_RANK.get(b.place_precision, 0) else (b, a)
        return fine.place_country in coarse.actors
    return bool(km(a.lat, a.lon, b.lat, b.lon) <= _SAME_PLACE_KM)


def dedup(events: Sequence[Event]) -> list[Event]:
    """Merge retellings (greedy, in text order; the first telling keeps its offsets).

    Linear in practice: a telling is compared only with the clusters whose first telling it could
    be the same happening as (``_Blocks``), and with one member per distinct ``_signature`` — a
    sentence told 40,000 times is one comparison per telling, not 800 million.
    """
    clusters: list[list[Event]] = []
    members: list[dict[tuple[object, ...], Event]] = []  # per cluster: one member per signature
    blocks = _Blocks()
    known: dict[tuple[tuple[object, ...], tuple[object, ...]], bool] = {}

    def same(ev: Event, sig: tuple[object, ...], other_sig: tuple[object, ...], other: Event) -> bool:
        pair = (sig, other_sig)
        if pair not in known:
            known[pair] = same_happening(ev, other)
        return known[pair]

    for ev in sorted(events, key=lambda e: (e.char_start, e.date_start)):
        sig = _signature(ev)
        for i in blocks.candidates(ev):
            if all(same(ev, sig, other_sig, other) for other_sig, other in members[i].items()):
                clusters[i].append(ev)
                members[i].setdefault(sig, ev)
                break
        else:
            blocks.add(ev, len(clusters))
            clusters.append([ev])
            members.append({sig: ev})
    return [_merge(c) for c in clusters]


def _signature(e: Event) -> tuple[object, ...]:
    """Everything ``same_happening`` reads: two tellings with one signature compare alike with anyone."""
    return (e.date_precision, e.date_start, e.date_end, e.article_title, e.doc_id, e.actors, e.event_mode,
            e.event_type, e.lat, e.lon, e.place_precision, e.place_country)


_WIDE_MONTHS = 120  # a month range longer than this is blocked as "wide" rather than month by month


class _Blocks:
    """Clusters indexed by what their first telling shares with any telling that can join them.

    ``same_happening(ev, first)`` implies a shared key: equal dates (and a shared participant for
    days, the same participants otherwise), overlapping short day ranges with a shared participant,
    or a month holding a day of the same article.  ``candidates`` lists clusters in creation order.
    """

    def __init__(self) -> None:
        self._index: dict[tuple[object, ...], list[int]] = {}

    def add(self, first: Event, cluster: int) -> None:
        for key in self._keys(first, probe=False):
            self._index.setdefault(key, []).append(cluster)

    def candidates(self, ev: Event) -> list[int]:
        found: set[int] = set()
        for key in self._keys(ev, probe=True):
            found.update(self._index.get(key, ()))
        return sorted(found)

    @staticmethod
    def _keys(e: Event, *, probe: bool) -> list[tuple[object, ...]]:
        article = (e.doc_id, e.article_title)
        if e.date_precision == "day":
            actors = set(e.actors)
            keys: list[tuple[object, ...]] = [("eq", e.date_start, e.date_end, a) for a in actors]
            span = (e.date_end - e.date_start).days
            if span <= 7:
                keys += [("in", e.date_start + dt.timedelta(days=d), a) for d in range(span + 1) for a in actors]
            month = (e.date_start.year, e.date_start.month)
            if probe:  # a month of the same article that holds this day
                return [*keys, ("month", *article, *month), ("month", *article, "wide")]
            return [*keys, ("day", *article, *month), ("day", *article, "any")]
        if e.date_precision != "month":
            return [("eq", e.date_precision, e.date_start, e.date_end, frozenset(e.actors))]
        keys = [("eq", "month", e.date_start, e.date_end, frozenset(e.actors))]
        months = _months(e.date_start, e.date_end)
        if probe:  # a day of the same article inside this month
            return keys + ([("day", *article, "any")] if months is None else [("day", *article, *m) for m in months])
        return keys + ([("month", *article, "wide")] if months is None else [("month", *article, *m) for m in months])


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]] | None:
    """(year, month) of every month from ``start`` to ``end``; None past ``_WIDE_MONTHS``."""
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    if last - first > _WIDE_MONTHS:
        return None
    return [(k // 12, k % 12 + 1) for k in range(first, last + 1)]


def _merge(cluster: list[Event]) -> Event:
    if len(cluster) == 1:
        return cluster[0]
    best = max(cluster, key=lambda e: (e.confidence, e.event_type != "OTHER", len(e.actors), -e.char_start))
    placed = max(cluster, key=lambda e: (PLACE_RANK.get(e.place_precision, 0), e.confidence))
    actors: list[str] = []
    people: list[str] = []
    for e in cluster:
        actors += [a for a in e.actors if a not in actors]
        people += [p for p in e.people if p not in people]
    others = tuple((e.doc_id, e.evidence, e.char_start, e.char_end) for e in cluster if e is not best)
    finest = min(_RANK[e.date_precision] for e in cluster)
    dated = [e for e in cluster if _RANK[e.date_precision] == finest]
    start = min(e.date_start for e in dated)
    end = max(e.date_end for e in dated)
    widest = max(dated, key=lambda e: ((e.date_end - e.date_start).days, e.confidence))
    narrowest = min(dated, key=lambda e: ((e.date_end - e.date_start).days, -e.confidence))
    if all(_contains(e, narrowest) for e in dated):
        # "this week" retold as "on Tuesday": the finest telling dates the happening
        start, end, widest = narrowest.date_start, narrowest.date_end, narrowest
    if _RANK[best.date_precision] != finest:
        best = max(dated, key=lambda e: (e.confidence, len(e.actors)))
    merged = replace(
        best,
        date_start=start, date_end=end, date_precision=widest.date_precision,
        date_text=widest.date_text if (start, end) != (best.date_start, best.date_end) else best.date_text,
        date_anchor=widest.date_anchor, date_anchored_on=widest.date_anchored_on,
        actors=tuple(actors),
        people=tuple(people),
        place_name=placed.place_name, place_country=placed.place_country, lat=placed.lat, lon=placed.lon,
        place_precision=placed.place_precision, place_why=placed.place_why,
        mentions=sum(e.mentions for e in cluster),
        confidence=round(min(0.99, best.confidence + 0.05 * (len(cluster) - 1)), 2),
        other_evidence=others + tuple(o for e in cluster for o in e.other_evidence),
    )
    return replace(merged, event_id=event_id(best.doc_id, start, end, actors,
                                             best.event_type, min(e.char_start for e in cluster)))
