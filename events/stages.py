"""The stages, in the order the pipeline runs them, and what each requires and sets.

Like a spaCy component, every stage declares the fields of the work it reads (``requires``)
and the fields it writes (``sets``); ``tests/meta/test_stages.py`` checks that each requirement
is set by an earlier stage.  A stage's ``run`` is a plain function of the ``Work``; ``scope`` says
whether it runs once per document (before the articles, or at the end) or once per article.  ``ingest`` and ``store`` are done by
the runners in ``events/pipeline.py`` (they read files and write the store) and have no ``run``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from events.actors.coref import definite_organisations, definite_people
from events.actors.lexicon import lexicon
from events.actors.states import find_actors
from events.assemble.discourse import Reference, clause_records
from events.assemble.sentences import ArticleContext, place_events_at_summits, summit_events
from events.assemble.triggers import lookup as trigger_lookup
from events.assemble.triggers import trigger_words
from events.dedup import dedup
from events.geo.geoparse import geoparse, resolve
from events.knowledge.summits import SummitMention, summits_in
from events.model import (
    ActorMention,
    Article,
    DateSpan,
    Document,
    Event,
    PlaceMention,
    Sentence,
    usable_reference,
)
from events.resources import country_names
from events.segment import clean_article_text, segment, titled
from events.temporal.pubdate import SOURCE_WORDS, article_dates, publication_date
from events.temporal.tagger import resolve_dates
from events.text.datelines import story_dateline

Scope = Literal["runner", "document", "article", "document_end"]


@dataclass
class Work:
    """What the stages know about one document so far (an article's fields are reset per article)."""

    document: Document
    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    country_names: dict[str, str] = field(default_factory=dict)
    dated_articles: list[Article] = field(default_factory=list)
    previous_pub: tuple[dt.date, str] | None = None
    # the article in hand
    article: Article | None = None
    text: str = ""
    mentions: list[ActorMention] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    pub_date: dt.date | None = None
    pub_source: str = "none"
    article_sentences: list[Sentence] = field(default_factory=list)
    spans: list[DateSpan] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    summits: list[SummitMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    name: str
    scope: Scope
    requires: tuple[str, ...]
    sets: tuple[str, ...]
    module: str  # where the stage's work is done; its docstring says what it requires and sets
    run: Callable[[Work], bool | None] | None = None  # False: nothing more to do for this article


def _segment(w: Work) -> None:
    w.articles, w.sentences = segment(w.document)
    w.document = titled(w.document, w.articles)
    w.country_names = country_names()


def _actors(w: Work) -> None:
    assert w.article is not None
    w.text = clean_article_text(w.document.text, w.article)
    w.mentions = _with_descriptions(w.text, find_actors(w.text))
    w.people = [m.person for m in w.mentions if m.person]


def _with_descriptions(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions plus the people and organisations referred to as "the king", "the FBI chief", "the
    alliance" (events.actors.coref)."""
    extra = definite_people(text, mentions) + definite_organisations(text, mentions)
    return sorted(mentions + extra, key=lambda m: (m.start, m.end)) if extra else mentions


def _with_bases(events: list[Event]) -> list[Event]:
    """A non-state group's events also carry the state it acts from ("HAMAS" -> also "PSE")."""
    bases = lexicon().organisation_bases
    out = []
    for e in events:
        extra = tuple(bases[c] for c in e.actors if c in bases and bases[c] not in e.actors)
        out.append(replace(e, actors=e.actors + extra) if extra else e)
    return out


def _pubdate(w: Work) -> bool:
    assert w.article is not None
    if w.document.pub_date is not None:
        w.pub_date, w.pub_source = w.document.pub_date, "source"
    else:
        w.pub_date, w.pub_source = publication_date(w.text, w.people, w.previous_pub)
    if usable_reference(w.pub_date) is None:  # "12/31/9999": no "next day" can be computed from it
        w.pub_date, w.pub_source = None, "none"
    if w.pub_date is not None and w.pub_source != "page":
        w.previous_pub = (w.pub_date, w.pub_source)
    if w.pub_date is not None and any(m.kind == "person" for m in w.mentions):
        # terms of office are read on the article's date: "Bush" in 1990 is George H. W. Bush
        w.mentions = _with_descriptions(w.text, find_actors(w.text, on_date=w.pub_date))
    w.article = replace(w.article, pub_date=w.pub_date, pub_date_source=w.pub_source)
    w.dated_articles.append(w.article)
    # segment() emits sentences in article order: bisect, not a scan of every sentence per article
    lo = bisect_left(w.sentences, w.article.index, key=_article_of)
    hi = bisect_right(w.sentences, w.article.index, key=_article_of)
    w.article_sentences = w.sentences[lo:hi]
    return bool(w.article_sentences)  # an article without body sentences yields no events


def _article_of(s: Sentence) -> int:
    return s.article_index


def _timex(w: Work) -> None:
    assert w.article is not None
    w.spans = article_dates(w.text, w.pub_date, w.pub_source, w.people, w.article.start)


def _geocode(w: Work) -> None:
    assert w.article is not None
    context_codes = sorted({m.code for m in w.mentions if len(m.code) == 3})
    # a sentence may hold a happening without a date (a news lead), so every sentence with a date or an
    # event word is read; the others are blanked (same offsets), which halves the geocoder's work
    geo_text = only_event_sentences(w.text, w.article_sentences, w.spans, w.article.start)
    w.places = [shift_place(p, w.article.start) for p in geoparse(geo_text, context=context_codes)]


def _knowledge(w: Work) -> None:
    assert w.article is not None
    # every edition a mention may be: the event's own date or the publication date picks one
    w.summits = [replace(m, start=m.start + w.article.start, end=m.end + w.article.start)
                 for m in summits_in(w.text)]


def _assemble(w: Work) -> None:
    assert w.article is not None
    ctx = ArticleContext(w.document, w.article, w.pub_date, w.country_names)
    actors = [shift_actor(m, w.article.start) for m in w.mentions]
    ref = reference(w.text, w.pub_date, w.pub_source, actors)
    dated = _with_bases(clause_records(ctx, w.article_sentences, w.spans, actors, w.places, trigger_lookup, ref,
                                       trigger_words() | {"must"}))
    w.events.extend(place_events_at_summits(dated, w.summits, locate))
    w.events.extend(summit_events(ctx, w.article_sentences, w.summits, actors, w.spans, locate))


def _dedup(w: Work) -> None:
    w.events = dedup(w.events)


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "runner", (), ("document",), "events.ingest"),
    Stage("segment", "document", ("document",), ("articles", "sentences", "country_names"),
          "events.segment", _segment),
    Stage("actors", "article", ("document", "article"), ("text", "mentions", "people"),
          "events.actors.states", _actors),
    Stage("pubdate", "article", ("text", "people", "previous_pub", "sentences"),
          ("pub_date", "pub_source", "previous_pub", "dated_articles", "article_sentences", "mentions"),
          "events.temporal.pubdate", _pubdate),
    Stage("timex", "article", ("text", "pub_date", "pub_source", "people"), ("spans",),
          "events.temporal.tagger", _timex),
    Stage("geocode", "article", ("text", "mentions", "article_sentences", "spans"), ("places",),
          "events.geo.geoparse", _geocode),
    Stage("knowledge", "article", ("text",), ("summits",), "events.knowledge.summits", _knowledge),
    Stage("assemble", "article",
          ("document", "article", "pub_date", "country_names", "article_sentences", "spans", "mentions",
           "places", "summits", "text", "pub_source"), ("events",), "events.assemble.discourse", _assemble),
    Stage("dedup", "document_end", ("events",), ("events",), "events.dedup", _dedup),
    Stage("store", "runner", ("document", "dated_articles", "events"), (), "events.store"),
)
# set by the article loop of ``run_document`` itself, before an article's stages run
LOOP_SETS = ("article", "previous_pub")


def only_event_sentences(text: str, sentences: Sequence[Sentence], spans: Sequence[DateSpan], offset: int) -> str:
    """The article text with every sentence that names no date and no event word blanked (same offsets)."""
    starts = sorted(s.timex.start - offset for s in spans)
    words = trigger_words()
    pieces: list[str] = []
    pos = 0
    for sent in sentences:
        a, b = sent.start - offset, sent.end - offset
        i = bisect_left(starts, a)
        dated = i < len(starts) and starts[i] < b
        if dated or not words.isdisjoint(_WORDS.findall(text[a:b].lower())):
            pieces.append(_BLANK.sub(" ", text[pos:a]))
            pieces.append(text[a:b])
            pos = b
    pieces.append(_BLANK.sub(" ", text[pos:]))
    return "".join(pieces)


_WORDS = re.compile(r"[a-z][a-z'-]*")


def only_dated_sentences(text: str, sentences: Sequence[Sentence], spans: Sequence[DateSpan], offset: int) -> str:
    """The article text with every sentence that names no date blanked (same offsets).

    Only dated sentences become events, so only their places are needed; the
    article's countries still reach the geocoder as context.  Halves its work.
    """
    starts = sorted(s.timex.start - offset for s in spans)
    pieces: list[str] = []
    pos = 0
    for sent in sentences:
        a, b = sent.start - offset, sent.end - offset
        i = bisect_left(starts, a)
        if i < len(starts) and starts[i] < b:
            pieces.append(_BLANK.sub(" ", text[pos:a]))
            pieces.append(text[a:b])
            pos = b
    pieces.append(_BLANK.sub(" ", text[pos:]))
    return "".join(pieces)


_BLANK = re.compile(r"[^\n]")


def locate(city: str, country: str) -> PlaceMention | None:
    return resolve(city, context=[country] if country else [])


def shift_actor(m: ActorMention, offset: int) -> ActorMention:
    # positional construction: dataclasses.replace costs ten times as much, per mention
    return ActorMention(m.start + offset, m.end + offset, m.text, m.code, m.kind, m.person, m.via)


def shift_place(p: PlaceMention, offset: int) -> PlaceMention:
    return PlaceMention(p.start + offset, p.end + offset, p.text, p.name, p.country, p.lat, p.lon,
                        p.precision, p.feature, p.geonameid, p.why)


def reference(text: str, pub_date: dt.date | None, source: str, actors: Sequence[ActorMention]) -> Reference:
    """An article's reference points: the report day (a dateline's day, else the publication date),
    the dateline's place ("BUFFALO, N.Y." is Buffalo) and the home state (the dateline's, else the
    state the article names most often as a noun)."""
    found = story_dateline(text)
    context = sorted({m.code for m in actors if len(m.code) == 3})
    place: PlaceMention | None = None
    report_day, why = pub_date, f"publication date {pub_date} ({SOURCE_WORDS.get(source, source)})"
    if found is not None:
        name, region, month_day = found
        query = f"{name}, {region}" if region else name
        parsed = [p for p in geoparse(query, context=context) if p.start == 0]
        place = parsed[0] if parsed else resolve(name, context=context)
        if place is None and region:
            # "O'SMACH, Cambodia": a town the gazetteer lacks is still in the country (an area, not a pin)
            place = resolve(region, context=context)
        if month_day and pub_date is not None:
            spans = resolve_dates(month_day, pub_date)
            day = spans[0].date_start if spans and spans[0].precision == "day" else None
            if day is not None and dt.timedelta(0) <= pub_date - day <= dt.timedelta(days=3):
                report_day, why = day, f"dateline {day} ('{month_day}')"
    counts = Counter(a.code for a in actors if a.kind == "state" and len(a.code) == 3 and a.via != "adjective")
    home = place.country if place is not None and place.country else (counts.most_common(1)[0][0] if counts else "")
    return Reference(report_day, why, place, home or "")
