"""Stage 6: mentions → event records.

Requires: an article's body sentences with the date spans, actor mentions and
resolved places found in it (document offsets).  Sets: one ``Event`` per dated
happening — a sentence with a resolved date, at least one participant and an
event trigger — with PLOVER type, status, a generated title, a confidence and
full provenance (evidence offsets, what the date was anchored on, why the
place was chosen, highlight offsets inside the evidence).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from events.assemble.confidence import SUMMIT as SUMMIT_CONFIDENCE
from events.assemble.confidence import sentence_confidence
from events.assemble.eventtypes import SentenceTriggers, Trigger, classify, status_of
from events.model import PLACE_RANK, ActorMention, Article, DateSpan, Document, Event, PlaceMention, Sentence, Timex

_PRONOUN_START = re.compile(
    r"^(?:[\"“]?)(?:he|she|they|it|both|the two (?:sides|leaders|presidents|countries|ministers|men)|"
    r"the (?:president|premier|minister|leader|ambassador|delegation)s?|his|her|their)\b",
    re.I,
)
_NOT_EVENT = re.compile(
    r"\b(?:accounted for|per ?cent of|% of|gdp|is projected|are projected|population of|born in|aged?)\b", re.I
)


class SummitLike(Protocol):
    """A dated summit mention (see ``events.knowledge.summits.SummitMention``), offsets in the document."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def org(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def series(self) -> str: ...
    @property
    def date_start(self) -> dt.date: ...
    @property
    def date_end(self) -> dt.date: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


@dataclass(frozen=True)
class ArticleContext:
    """What an article gives its sentences: the publication date and visits it narrates."""

    document: Document
    article: Article
    pub_date: dt.date | None
    names: Mapping[str, str]  # actor code -> display name


def sentence_events(
    ctx: ArticleContext,
    sentences: Sequence[Sentence],
    dates: Sequence[DateSpan],
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
) -> list[Event]:
    """Build events for the sentences of one article (see module docstring)."""
    events: list[Event] = []
    prev_actors: list[ActorMention] = []
    pair: list[ActorMention] = []  # the last two-or-more-party set of participants
    dates_in = _by_sentence(sentences, dates, lambda d: (d.timex.start, d.timex.end))
    actors_in = _by_sentence(sentences, actors, lambda a: (a.start, a.end))
    places_in = _by_sentence(sentences, places, lambda p: (p.start, p.end))
    for i, sent in enumerate(sentences):
        dateline = _DATELINE.match(sent.text)
        body_start = sent.start + (dateline.end() if dateline else 0)
        all_dates = dates_in[i]
        s_dates = [d for d in all_dates if d.date_start and d.date_end and d.timex.start >= body_start]
        s_actors = actors_in[i]
        people_spans = [(a.start, a.end) for a in s_actors if a.kind == "person" or "metonym" in a.via]
        date_spans = [(d.timex.start, d.timex.end) for d in all_dates]
        s_places = [p for p in places_in[i] if p.start >= body_start
                    and not _overlaps(p.start, p.end, people_spans + date_spans)]
        inherited = False
        if not s_actors and prev_actors and _PRONOUN_START.match(sent.text):
            s_actors, inherited = prev_actors, True
        elif pair and _PLURAL_REFERENCE.search(sent.text):
            have = {a.code for a in s_actors}
            s_actors = list(s_actors) + [a for a in pair if a.code not in have]
        if s_actors and not inherited:
            prev_actors = s_actors
            if len({a.code for a in s_actors}) >= 2:
                pair = s_actors
        s_dates = [d for d in s_dates if _plausible(d, ctx.pub_date)]
        if not s_dates or _NOT_EVENT.search(sent.text):
            continue
        other = _DAY_AFTER.search(sent.text)
        if other:
            events.extend(_relative_to_event(ctx, sent, s_dates, s_actors, s_places))
        main_text = sent.text[:other.start()] if other else sent.text
        triggers = SentenceTriggers(main_text)
        trigger = triggers.first()
        if trigger is None:
            continue
        cut = sent.start + (other.start() if other else len(sent.text))
        main_actors = [a for a in s_actors if a.start < cut] or list(s_actors)
        main_places = [p for p in s_places if p.start < cut]
        main_dates = [d for d in s_dates if d.timex.start < cut]
        distinct = _distinct(main_dates)
        for span in distinct:
            near = triggers.near(span.timex.start - sent.start, span.timex.end - sent.start) or trigger
            event = _make_event(ctx, sent, span, near, main_actors, main_places, inherited)
            if event is not None:
                events.append(event)
    events = _inherit_visit_places(events)
    return _attach_undated_retellings(events, sentences, dates, actors_in)


_RETELLING = re.compile(r"\b(?:their|the|this|that|his|her)\s+(?:phone\s+|telephone\s+|recent\s+)?"
                        r"(call|conversation|visit|trip|meeting|talks|summit)\b", re.I)
_RETOLD_MODE = {"call": "phone", "conversation": "phone", "visit": "visit", "trip": "visit",
                "meeting": "meeting", "talks": "meeting", "summit": "multilateral"}


def _attach_undated_retellings(
    events: list[Event], sentences: Sequence[Sentence], dates: Sequence[DateSpan],
    actors_in: Sequence[Sequence[ActorMention]],
) -> list[Event]:
    """'During their call, …' retells the one dated call of the article: keep it as evidence.

    Only a sentence with no date of its own, that refers back to a happening ("their
    call", "the visit"), whose participants are among that happening's, and only when
    the article has exactly one event of that kind.
    """
    starts = sorted(d.timex.start for d in dates)  # bisected: a line told 40,000 times is not 40,000²
    dated = {i for i, sent in enumerate(sentences)
             if (k := bisect_left(starts, sent.start)) < len(starts) and starts[k] < sent.end}
    out = list(events)
    for i, sent in enumerate(sentences):
        if i in dated:
            continue
        m = _RETELLING.search(sent.text)
        if m is None:
            continue
        mode = _RETOLD_MODE[m.group(1).lower()]
        codes = {a.code for a in actors_in[i]}
        same = [k for k, e in enumerate(out) if e.event_mode == mode and e.date_precision == "day"]
        if not same or len({(out[k].date_start, out[k].date_end) for k in same}) != 1:
            continue  # none, or several different happenings of that kind: no way to tell which
        k = same[0]
        ev = out[k]
        if not codes & set(ev.actors) or any(o[2] == sent.start for o in ev.other_evidence):
            continue
        out[k] = replace(ev, mentions=ev.mentions + 1,
                         other_evidence=ev.other_evidence + ((ev.doc_id, sent.text, sent.start, sent.end),))
    return out


_DAY_AFTER = re.compile(
    r"\bthe (day|week) (after|before) (?:the |his |her |their |a |an )?"
    r"(visit|meeting|talks|summit|call|arrival|departure|trip|attack|vote|election|signing|speech|announcement)\b",
    re.I,
)


def _relative_to_event(
    ctx: ArticleContext,
    sent: Sentence,
    dates: Sequence[DateSpan],
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
) -> list[Event]:
    """'… on April 13, the day after the visit by Tillerson to Moscow' also dates the visit (April 12).

    The other happening is named after the phrase; its participants and place are
    the ones mentioned from the phrase to the end of the sentence.
    """
    m = _DAY_AFTER.search(sent.text)
    if m is None:
        return []
    at = sent.start + m.start()
    before = [d for d in dates if d.timex.end <= at and d.precision == "day" and d.date_start and d.date_end]
    if not before:
        return []
    ref = before[-1]
    assert ref.date_start is not None
    step = dt.timedelta(days=1 if m.group(1).lower() == "day" else 7)
    day = ref.date_start - step if m.group(2).lower() == "after" else ref.date_start + step
    clause_actors = [a for a in actors if a.start >= at]
    clause_places = [p for p in places if p.start >= at]
    if not clause_actors:
        return []
    trigger = classify(m.group(3)) or Trigger("OTHER", "", m.group(3).lower(), 0, 0)
    trigger = Trigger(trigger.event_type, trigger.mode, trigger.label, m.start(), m.end())
    span = DateSpan(
        timex=Timex(at, sent.start + m.end(), m.group(0), "DATE", day.isoformat()),
        date_start=day, date_end=day, precision="day", anchor="narrative",
        anchored_on=f"'{m.group(0)}' relative to {ref.date_start.isoformat()} ('{ref.timex.text}')",
    )
    event = _make_event(ctx, sent, span, trigger, clause_actors, clause_places, False)
    return [event] if event is not None else []


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
                       r"(?:\([\w ]+\)\s*)?(?:--|—|–|-|_)\s*")
_PLURAL_REFERENCE = re.compile(r"\b(?:they|their|them|both (?:sides|leaders|countries|men)|"
                               r"the two (?:sides|leaders|presidents|countries|ministers|men|premiers|nations))\b", re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|to|near|inside|outside|off|visit(?:ed|ing|s)?)\s+(?:the\s+)?$", re.I)


_MAX_SPAN = dt.timedelta(days=3 * 366)  # a decade or a century dates an era, not a happening
_MAX_AHEAD = dt.timedelta(days=5 * 366)  # "2050 targets" are plans of a kind no map of events needs


def _plausible(span: DateSpan, pub_date: dt.date | None) -> bool:
    if span.date_start is None or span.date_end is None:
        return False
    if span.date_end - span.date_start > _MAX_SPAN:
        return False
    return pub_date is None or span.date_start <= pub_date + _MAX_AHEAD


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


_M = TypeVar("_M")


def _by_sentence(
    sentences: Sequence[Sentence], items: Sequence[_M], span: Callable[[_M], tuple[int, int]]
) -> list[list[_M]]:
    """Items wholly inside each sentence, in one sorted sweep (sentences are in text order)."""
    starts = [s.start for s in sentences]
    out: list[list[_M]] = [[] for _ in sentences]
    for item in items:
        a, b = span(item)
        i = bisect_right(starts, a) - 1
        if i >= 0 and b <= sentences[i].end:
            out[i].append(item)
    for bucket in out:
        bucket.sort(key=lambda it: span(it)[0])
    return out


def _inside(start: int, end: int, sent: Sentence) -> bool:
    return sent.start <= start and end <= sent.end


def _distinct(spans: Sequence[DateSpan]) -> list[DateSpan]:
    """Drop spans nested in another span of the same sentence and repeated values."""
    out: list[DateSpan] = []
    for span in sorted(spans, key=lambda s: (s.timex.start, -(s.timex.end - s.timex.start))):
        if any(o.timex.start <= span.timex.start and span.timex.end <= o.timex.end for o in out):
            continue
        if any(o.date_start == span.date_start and o.date_end == span.date_end for o in out):
            continue
        out.append(span)
    return out


def _make_event(
    ctx: ArticleContext,
    sent: Sentence,
    span: DateSpan,
    trigger: Trigger,
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    inherited: bool,
) -> Event | None:
    assert span.date_start is not None and span.date_end is not None

    def place_score(p: PlaceMention) -> tuple[int, int]:
        before = sent.text[max(0, p.start - sent.start - 20):p.start - sent.start]
        score = PLACE_RANK.get(p.precision, 0) + (3 if _LOCATIVE.search(before) else 0)
        return (score, -p.start)

    place = max(places, key=place_score, default=None)
    codes: list[str] = []
    people: list[str] = []
    for a in sorted(actors, key=lambda m: m.start):
        if a.code and a.code not in codes:
            codes.append(a.code)
        if a.kind == "person" and a.person and a.person not in people:
            people.append(a.person)
    if place is not None and place.country and place.precision in ("venue", "city", "admin") and codes:
        if place.country not in codes:
            codes.append(place.country)
    if not codes and place is not None and place.country and place.precision in ("venue", "city", "admin"):
        codes.append(place.country)  # an event at a named place involves that place's state
    if not codes:
        return None
    future = bool(ctx.pub_date and span.date_start > ctx.pub_date)
    status = status_of(sent.text, future)
    confidence = sentence_confidence(trigger.event_type != "OTHER", span.precision,
                                     span.anchor in ("explicit", "document"), place is not None, inherited)
    doc = ctx.document
    rel = sent.start
    highlights = [("date", span.timex.start - rel, span.timex.end - rel)]
    highlights += [("actor", a.start - rel, a.end - rel) for a in actors if not inherited]
    highlights += [("place", p.start - rel, p.end - rel) for p in places]
    title = make_title(codes, ctx.names, trigger, place)
    return Event(
        event_id=event_id(doc.doc_id, span.date_start, span.date_end, codes, trigger.event_type, sent.start),
        date_start=span.date_start,
        date_end=span.date_end,
        date_precision=span.precision,
        date_text=span.timex.text,
        date_anchor=span.anchor,
        event_type=trigger.event_type,
        event_mode=trigger.mode,
        title=title,
        actors=tuple(codes),
        people=tuple(people),
        place_name=place.name if place else None,
        place_country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        place_precision=place.precision if place else "none",
        status=status,  # type: ignore[arg-type]
        confidence=confidence,
        mentions=1,
        doc_id=doc.doc_id,
        doc_title=doc.title,
        evidence=sent.text,
        char_start=sent.start,
        char_end=sent.end,
        date_anchored_on=span.anchored_on,
        place_why=(place.why or f"named in the sentence ({place.text})") if place else "",
        article_title=ctx.article.title,
        pub_date=ctx.pub_date,
        highlights=tuple(sorted(set(highlights), key=lambda h: (h[1], h[2], h[0]))),
    )


def make_title(codes: Sequence[str], names: Mapping[str, str], trigger: Trigger, place: PlaceMention | None) -> str:
    """A one-line title such as 'China – Peru: inauguration in Chancay'."""
    who = " – ".join(names.get(c, c) for c in codes[:3]) + (" …" if len(codes) > 3 else "")
    label = trigger.label if trigger.mode in ("", "statement") else f"{trigger.label} ({trigger.mode})" if trigger.mode not in trigger.label else trigger.label
    where = f" in {place.name}" if place else ""
    return f"{who}: {label}{where}"


def event_id(doc_id: str, start: dt.date, end: dt.date, codes: Sequence[str], etype: str, offset: int) -> str:
    """Content-derived id: same document and mention → same id on every run."""
    key = "|".join([doc_id, start.isoformat(), end.isoformat(), ",".join(sorted(codes)), etype, str(offset)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _inherit_visit_places(events: list[Event]) -> list[Event]:
    """An event without a place takes the place of a visit or a hosted gathering it happens during.

    Only when the text supports it: a visit event with a place whose dates
    contain this event's dates and which shares a participant.
    """
    visits = [e for e in events if e.event_mode in ("visit", "multilateral") and e.lat is not None
              and e.place_precision in ("city", "venue") and (e.date_end - e.date_start).days <= 14]
    if not visits:
        return events
    out: list[Event] = []
    for ev in events:
        if ev.lat is None and ev.date_precision == "day":
            for v in visits:
                if v is ev or not (v.date_start <= ev.date_start and ev.date_end <= v.date_end):
                    continue
                if not set(v.actors) & set(ev.actors):
                    continue
                codes = list(ev.actors)
                if v.place_country and v.place_country not in codes:
                    codes.append(v.place_country)
                ev = replace(
                    ev, place_name=v.place_name, place_country=v.place_country, lat=v.lat, lon=v.lon,
                    place_precision=v.place_precision, actors=tuple(codes),
                    place_why=f"during the {'visit to' if v.event_mode == 'visit' else 'gathering in'} {v.place_name} ({v.date_start:%d %b %Y}–{v.date_end:%d %b %Y}) told in: "
                    f"“{v.evidence[:120]}”",
                )
                break
        out.append(ev)
    return out


def summit_events(
    ctx: ArticleContext,
    sentences: Sequence[Sentence],
    summits: Sequence[SummitLike],
    actors: Sequence[ActorMention],
    dates: Sequence[DateSpan],
    locate: Callable[[str, str], PlaceMention | None],
) -> list[Event]:
    """Events for recurring summits named without a date ("the APEC summit in Lima").

    The edition comes from the shipped summit list: the one nearest the article's
    publication date, or the only candidate when the article has no date.  A
    sentence that dates the summit itself is left to :func:`sentence_events`.
    """
    by_span: dict[tuple[int, int], list[SummitLike]] = {}
    for s in summits:
        by_span.setdefault((s.start, s.end), []).append(s)
    out: list[Event] = []
    for (start, end), cands in sorted(by_span.items()):
        sent = next((x for x in sentences if x.start <= start and end <= x.end), None)
        if sent is None or any(_inside(d.timex.start, d.timex.end, sent) and d.date_start for d in dates):
            continue
        if ctx.pub_date is not None:
            pub = ctx.pub_date
            chosen = min(cands, key=lambda c: abs((c.date_start - pub).days))
            if abs((chosen.date_start - pub).days) > 400:
                continue
        elif len(cands) == 1:
            chosen = cands[0]
        else:
            continue
        codes = [chosen.org] if chosen.org else []
        people: list[str] = []
        for a in sorted((a for a in actors if _inside(a.start, a.end, sent)), key=lambda m: m.start):
            if a.code not in codes:
                codes.append(a.code)
            if a.kind == "person" and a.person and a.person not in people:
                people.append(a.person)
        if chosen.country and chosen.country not in codes:
            codes.append(chosen.country)
        place = locate(chosen.city, chosen.country) if chosen.city else None
        label = f"{chosen.series} {chosen.date_start.year} {chosen.city}".strip()
        rel = sent.start
        trigger = Trigger("CONSULT", "multilateral", "summit", start - rel, end - rel)
        out.append(Event(
            event_id=event_id(ctx.document.doc_id, chosen.date_start, chosen.date_end, codes, "CONSULT", start),
            date_start=chosen.date_start, date_end=chosen.date_end,
            date_precision="day", date_text=ctx.document.text[start:end], date_anchor="knowledge",
            event_type="CONSULT", event_mode="multilateral",
            title=make_title(codes, ctx.names, trigger, place), actors=tuple(codes), people=tuple(people),
            place_name=place.name if place else chosen.city or None, place_country=chosen.country or None,
            lat=place.lat if place else chosen.lat, lon=place.lon if place else chosen.lon,
            place_precision=place.precision if place else ("city" if chosen.lat is not None else "none"),
            status="occurred" if ctx.pub_date is None or chosen.date_end <= ctx.pub_date else "planned",
            confidence=SUMMIT_CONFIDENCE, mentions=1, doc_id=ctx.document.doc_id, doc_title=ctx.document.title,
            evidence=sent.text, char_start=sent.start, char_end=sent.end,
            date_anchored_on=f"knowledge: {label} ({chosen.date_start.isoformat()}..{chosen.date_end.isoformat()}), "
            "edition nearest the publication date" if ctx.pub_date else f"knowledge: {label}, the only edition that fits",
            place_why=f"host city of {label} (shipped summit list)",
            article_title=ctx.article.title, pub_date=ctx.pub_date,
            highlights=(("date", start - rel, end - rel),),
        ))
    return out


def place_events_at_summits(
    events: Sequence[Event], summits: Sequence[SummitLike], locate: Callable[[str, str], PlaceMention | None]
) -> list[Event]:
    """A dated event whose sentence names a summit edition held in its dates takes the summit's host as place.

    "In March 2023 … attended the opening ceremony of the Boao Forum for Asia" is at
    Boao: the shipped summit list knows where that edition met.  Only events without
    a more precise place than a country are changed.
    """
    out: list[Event] = []
    for ev in events:
        if PLACE_RANK.get(ev.place_precision, 0) > PLACE_RANK["sea"]:
            out.append(ev)
            continue
        fits = [s for s in summits if ev.char_start <= s.start and s.end <= ev.char_end
                and s.date_start <= ev.date_end and ev.date_start <= s.date_end]
        if len({(s.city, s.date_start) for s in fits}) != 1:
            out.append(ev)
            continue
        s = fits[0]
        place = locate(s.city, s.country) if s.city else None
        lat = s.lat if s.lat is not None else (place.lat if place else None)
        lon = s.lon if s.lon is not None else (place.lon if place else None)
        if lat is None or lon is None:
            out.append(ev)
            continue
        codes = list(ev.actors)
        for code in (s.org, s.country):
            if code and code not in codes:
                codes.append(code)
        label = f"{s.series} {s.date_start.year} {s.city}".strip()
        out.append(replace(
            ev, place_name=s.city or (place.name if place else None), place_country=s.country or None,
            lat=lat, lon=lon, place_precision="venue" if s.lat is not None else "city", actors=tuple(codes),
            place_why=f"the sentence names {label} ({s.date_start.isoformat()}..{s.date_end.isoformat()}), "
            "held within the event's dates (shipped summit list)",
        ))
    return out
