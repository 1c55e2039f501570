"""Trigger-argument events across a story: the discourse around each clause.

Requires: an article's body sentences with their date spans, actor mentions and resolved places (document
offsets), the trigger lexicon (:mod:`events.assemble.triggers`), and the article's reference points
(:class:`Reference`: report day, dateline place, home state).
Sets: ``ClauseEvent`` values (:func:`clause_events`) and, from them, ``Event`` records
(:func:`clause_records`) — one per trigger with a date of its own, a date carried by the discourse
(the report day for a news lead or a present perfect, the narrative day after "then"/"later" or a
pronoun subject, the date of the happening a retelling names), a participant and, where the text gives
one, a place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from events.assemble.clauses import (
    _DURATIVE,
    _FRONTED,
    _HAPPENS_SOMEWHERE,
    _NO_PLACE_MODES,
    _PLURAL_REFERENCE,
    _REPORTING,
    _SEQUENCE,
    _STANCES,
    ClauseEvent,
    Token,
    TriggerHit,
    TriggerLookup,
    _clause_start,
    _definite,
    _main_subject,
    _retold,
    clause_actors,
    clause_ids,
    day_span,
    find_triggers,
    here_or_lead,
    pronoun_subject,
    relative_clause,
    status_for,
    subject_actors,
    tokens,
)
from events.assemble.confidence import clause_confidence
from events.assemble.dating import assign_dates
from events.assemble.eventtypes import Trigger
from events.assemble.participants import home_role, named_participant, national_body
from events.assemble.places import SEVERAL_PLACES, pick_place
from events.assemble.senses import contextual_type
from events.assemble.sentences import (
    _DAY_AFTER,
    ArticleContext,
    _attach_undated_retellings,
    _by_sentence,
    _inherit_visit_places,
    _plausible,
    _relative_to_event,
    event_id,
    make_title,
)
from events.model import ActorMention, DateSpan, Event, PlaceMention, Sentence
from events.resources import given_name_sex


@dataclass(frozen=True)
class Reference:
    """What an article gives its sentences for dating and placing undated happenings."""

    report_day: dt.date | None  # the dateline's day, else the publication date
    report_why: str
    dateline_place: PlaceMention | None
    home: str  # the article's home state: the dateline's country, else its most-named state


_NEWS_TOP = 3  # sentences: a present perfect reports news in a story's top, background further down


def _paragraph_break(text: str, a: int, b: int) -> bool:
    return "\n\n" in text[a:b] or "\n \n" in text[a:b]


def clause_events(
    sentences: Sequence[Sentence],
    dates: Sequence[DateSpan],
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    organisations: Sequence[tuple[int, int]],
    lookup: TriggerLookup,
    ref: Reference,
    doc_text: str,
    plausible: Callable[[DateSpan], bool],
    starts: frozenset[str] | None = None,
) -> list[ClauseEvent]:
    """Trigger-argument events of one article's sentences (see module docstring). ``starts``: every word
    that can open a trigger; a sentence with none of them is read for its dates and parties only."""
    out: list[ClauseEvent] = []
    dates_in = _by_sentence(sentences, dates, lambda d: (d.timex.start, d.timex.end))
    actors_in = _by_sentence(sentences, actors, lambda a: (a.start, a.end))
    places_in = _by_sentence(sentences, places, lambda p: (p.start, p.end))
    prev_agents: list[ActorMention] = []
    recent_people: list[ActorMention] = []  # people named in the sentences read so far, latest last
    pair: list[ActorMention] = []  # the last set of two or more parties, for "they", "the two presidents"
    prev_day: DateSpan | None = None  # the day the narrative stands on after the previous sentence
    told: list[tuple[str, frozenset[str], DateSpan]] = []  # happenings the story has dated so far
    prev_end = -1
    lead_done = False
    body_owner = ""  # the state whose parliament or government the story last named ("the Dutch parliament")
    for i, sent in enumerate(sentences):
        if prev_end >= 0 and _paragraph_break(doc_text, prev_end, sent.start) and i > 1:
            prev_day = prev_day if prev_day is not None and prev_day.anchor != "narrative" else None
        prev_end = sent.end
        if not sent.text.strip():
            continue
        s_actors = actors_in[i]
        body_owner = _body_owner(sent, s_actors, body_owner)
        s_dates = [d for d in dates_in[i] if d.date_start and d.date_end]
        if starts is not None and starts.isdisjoint(_WORDS.findall(sent.text.lower())):
            toks, clauses, hits = [], [], []
        else:
            toks = tokens(sent.text)
            if not toks:
                continue
            clauses = clause_ids(toks)
            blocked = [(m.start - sent.start, m.end - sent.start) for m in s_actors]
            blocked += [(p.start - sent.start, p.end - sent.start) for p in places_in[i]]
            blocked += [(d.timex.start - sent.start, d.timex.end - sent.start) for d in dates_in[i]]
            blocked += [(a - sent.start, b - sent.start) for a, b in organisations if sent.start <= a < sent.end]
            hits = find_triggers(sent, toks, clauses, lookup, blocked, starts)
        is_lead = not lead_done
        if hits or s_dates:
            lead_done = True
        hits = [h for h in hits if h.tense != "modal"]  # a possibility or a condition takes no date from the others
        if not hits:
            recent_people = (recent_people + [m for m in s_actors if m.kind == "person" and m.code])[-6:]
            if len({m.code for m in s_actors}) >= 2:
                pair = list(s_actors)
            if s_actors and not pronoun_subject(sent.text):
                prev_agents = [m for m in s_actors if m.kind != "person" or m.code] [:1] or prev_agents
            good = [d for d in s_dates if d.precision == "day" and plausible(d)]
            if good:
                prev_day = good[-1]
            continue
        by_hit = assign_dates(sent, toks, clauses, hits, [d for d in s_dates if plausible(d)])
        subject = subject_actors(sent, toks, clauses, s_actors, hits[0].start)
        pronoun = pronoun_subject(sent.text)
        dated_clauses = {hits[k].clause for k in by_hit}
        undated_done: set[int] = set()
        sentence_day: DateSpan | None = None
        for k, hit in enumerate(hits):
            agents, others = clause_actors(sent, toks, clauses, hit, s_actors)
            if not agents and hit.clause != hits[0].clause and not hit.passive:
                agents = [m for m in subject if m not in others]
            if not agents and not hit.passive and toks[0].low in _FRONTED and len(toks) > 1 \
                    and toks[1].low.endswith(("ing", "ed")):
                # "After touring the capital Thursday, the FBI chief said …": the main clause's subject did it
                agents = _main_subject(sent, toks, clauses, s_actors)
            clause_text = " ".join(t.text for t, c in zip(toks, clauses, strict=True) if c == hit.clause)
            if not agents and pair and _PLURAL_REFERENCE.search(clause_text[:max(0, hit.start - _clause_start(toks, clauses, hit.clause)) + 1] or clause_text):
                agents = list(pair)
            if not agents and pronoun and hit.clause == hits[0].clause and prev_agents:
                agents = _antecedent(sent.text, prev_agents, recent_people)
            if hit.clause != 0 and _OBJECT_PRONOUN.search(clause_text):
                # "Bush said King Hussein assured him …": "him" is the speaker of the reporting clause
                speaker = _speaker(sent, toks, clauses, s_actors)
                others = others + [m for m in speaker if m.code not in {x.code for x in agents + others}]
            role = "" if agents else home_role(clause_text)
            if not role and not agents and not others:
                role = named_participant(toks, clauses, hit, blocked)  # "KKR bought RJR": the home state's
            etype, mode = contextual_type(hit, clause_text, {m.code for m in agents})
            own = by_hit.get(k, [])
            if not own and hit.sense.pos == "verb" and hit.tense in ("past", "perfect"):
                own = _coordinated_date(toks, hits, by_hit, k)  # "have kidnapped … and exploded bombs, … said today"
            date_source = "own"
            chosen: list[DateSpan | None] = list(own)
            if not own:
                if hit.clause in dated_clauses or hit.clause in undated_done:
                    continue
                codes_here = {m.code for m in agents + others}
                retold = _retold(told, etype, codes_here) if hit.tense in ("past", "perfect", "pluperfect", "none") \
                    and (hit.sense.pos == "verb" or _definite(toks, hit)) else None
                if retold is not None and hit.tense == "perfect" and ref.report_day is not None \
                        and retold.date_end is not None and (ref.report_day - retold.date_end).days > _PERFECT_REACH_DAYS:
                    retold = None  # "Iraq has agreed to …": a present perfect is recent, not the 1988 agreement
                if retold is not None:
                    # "The car bomb attack at the embassy killed 253": the attack the story already dated
                    span0 = retold
                    retold_span = DateSpan(span0.timex, span0.date_start, span0.date_end, span0.precision, "narrative",
                                           f"retelling of the {etype.lower()} dated earlier in the story "
                                           f"('{span0.timex.text}', {span0.date_start})")
                    undated_done.add(hit.clause)
                    chosen = [retold_span]
                    date_source = "retelling"
                elif hit.sense.pos != "verb" or hit.tense in ("modal", "none"):
                    continue
                if hit.tense == "future" and not (is_lead or any(w in _REPORTING for w in (t.low for t in toks))):
                    continue  # a plan without a date, not announced in the story's lead, is not on a timeline
                durative = bool(_DURATIVE.search(clause_text))
                if date_source == "retelling":
                    pass
                elif hit.tense == "future" and etype in ("AGREE", "THREATEN", "REJECT"):
                    if not is_lead:
                        continue  # an intention told later in a story needs the day it was told
                    date_source = "lead"  # the intention is expressed on the report day (PLOVER codes the statement)
                elif is_lead and hit.tense in ("past", "perfect", "present", "pluperfect") and not durative \
                        and not (hit.tense == "present" and relative_clause(toks, clauses, hit.clause)):
                    date_source = "lead"
                elif hit.tense == "perfect" and not durative and hit.sense.lemma not in _STANCES and i < _NEWS_TOP:
                    date_source = "perfect"
                elif hit.tense == "past" and prev_day is not None and (pronoun or _SEQUENCE.search(sent.text)):
                    date_source = "narrative"  # "He later spoke with …", "Then the minister …"
                else:
                    continue
                if date_source != "retelling":
                    undated_done.add(hit.clause)
                    chosen = [None]
            place, why = pick_place(sent, toks, clauses, hit, places_in[i], [
                (a - sent.start, b - sent.start) for a, b in organisations if sent.start <= a < sent.end], hits)
            codes = {m.code for m in agents + others} | ({ref.home} if role else set())
            at_home = ref.dateline_place is not None and ref.dateline_place.country in codes \
                and hit.sense.event_type in _HAPPENS_SOMEWHERE
            domestic = bool(ref.home) and (all(m.code == ref.home for m in agents + others) or at_home) \
                and etype in _HAPPENS_SOMEWHERE  # a statement later in a story may be made anywhere
            if place is None and ref.dateline_place is not None and hit.sense.mode not in _NO_PLACE_MODES \
                    and why != SEVERAL_PLACES and not _ELSEWHERE.search(clause_text) \
                    and (here_or_lead(sent.text, is_lead) or domestic) and _near_report_day(chosen, ref):
                place, why = ref.dateline_place, "the dateline (the story is reported from there)"
            for span in chosen:
                if span is None and date_source == "narrative":
                    span = prev_day
                    if span is not None:
                        span = DateSpan(span.timex, span.date_start, span.date_end, span.precision, "narrative",
                                        f"narrative time {span.date_start} (carried from the previous sentence)")
                future = bool(span and ref.report_day and span.date_start and span.date_start > ref.report_day)
                if hit.tense == "modal":
                    continue  # "may visit", "is believed to have been dispatched": speculation is no happening
                out.append(ClauseEvent(
                    sentence=sent, trigger=hit, event_type=etype, mode=mode, span=span,
                    date_source=date_source, agents=tuple(agents), others=tuple(others), home_role=role,
                    home=body_owner if role and national_body(role) else "",
                    place=place, place_reason=why,
                    status="occurred" if span is None and hit.tense == "future" else status_for(hit, clause_text, future),
                ))
                if span is not None and span.precision == "day" and date_source == "own":
                    sentence_day = span
                if span is not None and date_source == "own" and span.precision in ("day", "month"):
                    told.append((etype, frozenset(m.code for m in agents + others), span))
        recent_people = (recent_people + [m for m in s_actors if m.kind == "person" and m.code])[-6:]
        agents0 = [m for m in s_actors if m.start - sent.start < hits[0].start]
        if agents0 and not pronoun:
            prev_agents = agents0
        if len({m.code for m in s_actors}) >= 2:
            pair = list(s_actors)
        good = [d for d in s_dates if d.precision == "day" and plausible(d)]
        if sentence_day is not None:
            prev_day = sentence_day
        elif good:
            prev_day = good[-1]
    return out


_OWNED_BODY = re.compile(r"^(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:parliament|legislature|(?:lower|upper) house|cabinet|"
                         r"government|senate|congress)\b", re.I)


def _body_owner(sent: Sentence, mentions: Sequence[ActorMention], owner: str) -> str:
    """The state the sentence names as owner of a national body ("the Dutch parliament", "Ukraine's
    cabinet"); ``owner`` (the one named before) when it names none."""
    for m in mentions:
        if m.kind == "state" and m.code and _OWNED_BODY.match(sent.text[m.end - sent.start:m.end - sent.start + 40]):
            owner = m.code
    return owner


# "seized a car bomb in a town bordering Northern Ireland": the clause puts it somewhere it does not name,
# so the dateline is not its place
_ELSEWHERE = re.compile(r"\b(?:in|at|near|outside)\s+(?:a|an)\s+(?:[a-z]+\s+)?(?:town|village|city|hamlet|district|"
                        r"province|region|suburb|neighbou?rhood|camp|port|border town)\b")
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")


def _speaker(sent: Sentence, toks: Sequence[Token], clauses: Sequence[int],
             mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The actors named before the main clause's reporting verb ("Bush also said …"), or none."""
    verb = next((k for k, t in enumerate(toks) if clauses[k] == 0 and t.low in _REPORTING), None)
    if verb is None:
        return []
    return [m for m in mentions if m.code and m.start - sent.start < toks[verb].start]


_PERFECT_REACH_DAYS = 31  # how far back a present perfect ("has agreed") may retell a dated happening


# interactions that need a named party: "a train arrived in Amsterdam" is no visit by the Netherlands
_NEEDS_A_PARTY = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})


def _near_report_day(spans: Sequence[DateSpan | None], ref: Reference, days: int = 7) -> bool:
    """The dateline says where the story is filed: it places what happens about then, not a signing in 1949
    or a rescue months before."""
    if ref.report_day is None:
        return True
    return all(s is None or s.date_start is None or abs((s.date_start - ref.report_day).days) <= days for s in spans)


def _sex(m: ActorMention) -> str:
    """"m", "f" or "" from a person's first name ("Madeleine Albright" -> "f")."""
    names = given_name_sex()
    for word in (m.person or m.text).replace(".", " ").split():
        if word in names:
            return names[word]
        if word[:1].isupper() and len(word) > 2:
            return ""  # the first real name word decides; titles are not in the table
    return ""


def _antecedent(text: str, prev_agents: list[ActorMention], recent: list[ActorMention]) -> list[ActorMention]:
    """Who "he" or "she" opening a sentence is: the last subject, unless that was a person of the other sex,
    then the latest person named whose sex fits ("Albright invited Geremek … He will travel")."""
    first = text.lstrip("\"“ ").split(" ", 1)[0].lower()
    sex = {"he": "m", "she": "f"}.get(first)
    people = [m for m in prev_agents if m.kind == "person"]
    if sex is None or not people or any(_sex(m) in ("", sex) for m in people):
        return list(prev_agents)
    fits = [m for m in reversed(recent) if _sex(m) in ("", sex) and m not in prev_agents]
    return fits[:1] or list(prev_agents)


def _coordinated_date(toks: Sequence[Token], hits: Sequence[TriggerHit], by_hit: dict[int, list[DateSpan]],
                      k: int) -> list[DateSpan]:
    """The date of a verb joined to this one by "and" in the same clause (one subject, two acts)."""
    hit = hits[k]
    for j, other in enumerate(hits):
        if j == k or j not in by_hit or other.clause != hit.clause or other.sense.pos != "verb" \
                or other.tense not in ("past", "perfect"):
            continue
        lo, hi = sorted((other.end, hit.end))
        between = [t.low for t in toks if lo <= t.start < hi]
        if "and" in between and len(between) <= 14 and "," not in between[:1]:
            return by_hit[j]
    return []


_WORDS = re.compile(r"[a-z][a-z'’]*(?:-[a-z]+)*")


def clause_records(
    ctx: ArticleContext,
    sentences: Sequence[Sentence],
    dates: Sequence[DateSpan],
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    lookup: TriggerLookup,
    ref: Reference,
    starts: frozenset[str] | None = None,
) -> list[Event]:
    """Trigger-argument events as records (titles, confidence, provenance, highlight offsets); ``starts``
    as for :func:`clause_events`."""
    organisations = [(a.start, a.end) for a in actors if a.kind == "org"]
    found = clause_events(sentences, dates, actors, places, organisations, lookup, ref,
                          ctx.document.text, lambda s: _plausible(s, ctx.pub_date), starts)
    events: list[Event] = []
    for ce in found:
        span = ce.span
        sent = ce.sentence
        if span is None:
            if ref.report_day is None:
                continue
            why = ("a news lead without a date word reports" if ce.date_source == "lead"
                   else "the present perfect reports")
            span = day_span(ref.report_day, "", "document", f"{why} the report day: {ref.report_why}",
                                    ce.trigger.start + sent.start, ce.trigger.end + sent.start)
        assert span.date_start is not None and span.date_end is not None
        codes: list[str] = []
        people: list[str] = []
        for a in list(ce.agents) + list(ce.others):
            if a.code and a.code not in codes:
                codes.append(a.code)
            if a.kind == "person" and a.person and a.person not in people:
                people.append(a.person)
        home = ce.home or ref.home
        if ce.home_role and home and home not in codes:
            codes.insert(0, home)
        place = ce.place
        if place is not None and place.country and place.precision in ("venue", "city", "admin") and codes \
                and place.country not in codes:
            codes.append(place.country)
        if not codes and place is not None and place.country and place.precision in ("venue", "city", "admin") \
                and ce.event_type not in _NEEDS_A_PARTY:
            codes.append(place.country)
        if not codes and place is None and ref.dateline_place is not None and ref.home \
                and ref.dateline_place.country == ref.home and ce.event_type not in _NEEDS_A_PARTY:
            codes.append(ref.home)  # a happening in a story filed at home ("Elian was found at sea"): the home state's
        if not codes:
            continue
        trig = Trigger(ce.event_type, ce.mode, ce.trigger.sense.lemma, ce.trigger.start, ce.trigger.end)
        confidence = clause_confidence(ce.date_source == "own", span.precision == "day", place is not None,
                                       bool(ce.agents))
        rel = sent.start
        # an agent carried over from an earlier sentence ("They ...") has nothing to highlight here
        highlights = [("actor", a.start - rel, a.end - rel) for a in list(ce.agents) + list(ce.others)
                      if sent.start <= a.start and a.end <= sent.end]
        if span.timex.text and sent.start <= span.timex.start < sent.end:
            highlights.append(("date", span.timex.start - rel, span.timex.end - rel))
        if place is not None and sent.start <= place.start < sent.end:
            highlights.append(("place", place.start - rel, place.end - rel))
        doc = ctx.document
        events.append(Event(
            event_id=event_id(doc.doc_id, span.date_start, span.date_end, codes, ce.event_type,
                              sent.start * 1000 + ce.trigger.start),
            date_start=span.date_start, date_end=span.date_end, date_precision=span.precision,
            date_text=span.timex.text, date_anchor=span.anchor, event_type=ce.event_type, event_mode=ce.mode,
            title=make_title(codes, ctx.names, trig, place), actors=tuple(codes), people=tuple(people),
            place_name=place.name if place else None, place_country=place.country if place else None,
            lat=place.lat if place else None, lon=place.lon if place else None,
            place_precision=place.precision if place else "none",
            status=ce.status,  # type: ignore[arg-type]
            confidence=confidence, mentions=1, doc_id=doc.doc_id, doc_title=doc.title,
            evidence=sent.text, char_start=sent.start, char_end=sent.end,
            date_anchored_on=span.anchored_on,
            place_why=(f"{ce.place_reason}: {place.why}" if place.why else ce.place_reason) if place else "",
            article_title=ctx.article.title, pub_date=ctx.pub_date,
            highlights=tuple(sorted(set(highlights), key=lambda h: (h[1], h[2], h[0]))),
        ))
    # "the day after the visit": the other happening is dated by the sentence's own date
    dates_in = _by_sentence(sentences, dates, lambda d: (d.timex.start, d.timex.end))
    actors_in = _by_sentence(sentences, actors, lambda a: (a.start, a.end))
    places_in = _by_sentence(sentences, places, lambda p: (p.start, p.end))
    for i, sent in enumerate(sentences):
        if _DAY_AFTER.search(sent.text):
            s_dates = [d for d in dates_in[i] if d.date_start and d.date_end and _plausible(d, ctx.pub_date)]
            events.extend(_relative_to_event(ctx, sent, s_dates, actors_in[i], places_in[i]))
    events = _inherit_visit_places(events)
    return _attach_undated_retellings(events, sentences, dates, actors_in)
