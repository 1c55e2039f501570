"""The ordered stages and the runners.

ingest → segment → timex → actors → geocode → assemble → dedup → store.
``run_document`` is pure (text in, records out); ``ingest_*`` add the result to a
store in one transaction; ``extract_paths`` feeds the CLI.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from events import actors as actor_stage
from events import geocode, knowledge, timex
from events import trigger_lookup
from events.assemble import ArticleContext, clause_records, place_events_at_summits, summit_events
from events.assemble_clauses import Reference, dateline
from events.dedup import dedup
from events.errors import EventscapeError, ExtractionFailed, UnusableInput
from events.ingest import documents_from_bytes, documents_from_text, expand_paths, read_path
from events.model import ActorMention, Article, DateSpan, Document, Event, PlaceMention, Sentence, Timex
from events.segment import clean_article_text, segment
from events.store import Store
from events.temporal.calendar import safe_date
from events.temporal.pubdate import is_wire_story

Progress = Callable[[float, str], None]
STAGES: tuple[str, ...] = ("ingest", "segment", "timex", "actors", "geocode", "assemble", "dedup", "store")


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    articles: list[Article]
    events: list[Event]


@dataclass
class IngestReport:
    ok: bool
    message: str
    new_documents: int = 0
    new_events: int = 0
    skipped: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 → short country name, for titles."""
    path = Path(__file__).resolve().parent.parent / "geodata" / "countries.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: str(rec.get("name") or code) for code, rec in data.items()}


def run_document(doc: Document) -> DocumentResult:
    """All pure stages on one document."""
    articles, sentences = segment(doc)
    doc = _titled(doc, articles)
    names = country_names()
    out_articles: list[Article] = []
    events: list[Event] = []
    prev_pub: tuple[dt.date, str] | None = None
    for article in articles:
        text = clean_article_text(doc.text, article)
        mentions = actor_stage.find_actors(text)
        people = [m.person for m in mentions if m.person]
        pub_date: dt.date | None
        if doc.pub_date is not None:
            pub_date, source = doc.pub_date, "source"
        else:
            pub_date, source = publication_date(text, people, prev_pub)
        if pub_date is not None and source != "page":
            prev_pub = (pub_date, source)
        if pub_date is not None:
            # terms of office are read on the article's date: "Bush" in 1990 is George H. W. Bush
            mentions = actor_stage.find_actors(text, on_date=pub_date)
        article = replace(article, pub_date=pub_date, pub_date_source=source)
        out_articles.append(article)
        art_sents = [s for s in sentences if s.article_index == article.index]
        if not art_sents:
            continue
        actor_mentions = [_shift_actor(m, article.start) for m in mentions]
        spans = timex.resolve_dates(text, pub_date, offset=article.start)
        if source in ("knowledge", "page", "guessed"):
            # dates whose year knowledge fixed say so, rather than pointing at the date they fixed; with a
            # date only borrowed or guessed, a summit the text names ("in October, at the 20th National
            # Congress") knows the year better than the borrowed date
            fixed = {(s.timex.start + article.start, s.timex.end + article.start): _shift_span(f, article.start)
                     for s in timex.resolve_dates(text, None)
                     if s.date_start is None and (f := _fill_year(s, text, people)).date_start is not None
                     and (source == "knowledge" or not f.anchored_on.startswith(_TERMS_ONLY))}
            spans = [fixed.get((s.timex.start, s.timex.end), s) if s.anchor in ("document", None) else s
                     for s in spans]
        spans = [_fill_year(s, text, people) for s in spans]
        if source == "guessed":
            # a guessed publication date gives a year, not a day: "Tuesday" or "today" cannot be placed
            spans = [s for s in spans if not (s.anchor == "document" and s.precision == "day"
                                              and not _NAMES_MONTH.search(s.timex.text))]
        spans = [replace(s, anchored_on=f"{s.anchored_on} ({_SOURCE_WORDS.get(source, source)})")
                 if s.anchor == "document" else s for s in spans]
        context_codes = sorted({m.code for m in mentions if len(m.code) == 3})
        places = [_shift_place(p, article.start) for p in geocode.geoparse(text, context=context_codes)]
        ctx = ArticleContext(doc, article, pub_date, names)
        # every edition a mention may be: the event's own date or the publication date picks one
        summits = [replace(m, start=m.start + article.start, end=m.end + article.start)
                   for m in knowledge.summits_in(text)]
        ref = _reference(text, pub_date, source, actor_mentions, context_codes)
        dated = clause_records(ctx, art_sents, spans, actor_mentions, places, trigger_lookup.lookup, ref)
        events.extend(place_events_at_summits(dated, summits, _locate))
        events.extend(summit_events(ctx, art_sents, summits, actor_mentions, spans, _locate))
    return DocumentResult(doc, out_articles, dedup(events))


def _titled(doc: Document, articles: Sequence[Article]) -> Document:
    """A page titled by its first line ("Connect with us", "What's new") takes its first article's
    title when that line lies outside every article, i.e. is the site's navigation."""
    if not articles or not articles[0].title:
        return doc
    first = doc.text.find(doc.title) if doc.title else -1
    if first < 0 or first >= articles[0].start or doc.title == articles[0].title:
        return doc  # a title given with the document, or the article's own headline
    if doc.text[:first].strip():
        return doc  # the title is not the page's first line
    return replace(doc, title=articles[0].title)


def publication_date(
    text: str, people: Sequence[str], previous: tuple[dt.date, str] | None,
    bare: Sequence[DateSpan] | None = None,
) -> tuple[dt.date | None, str]:
    """An article's reference time, strongest evidence first.

    1. a byline or dateline; 2. the latest full date the article writes, unless a
    later year is written in a sentence that is not about the future; 3. a yearless
    dateline ("Beijing, November 26th—") in the year nearest the previous article's date;
    4. a yearless day date whose year world knowledge fixes (a summit, terms of office); 5. the
    previous article on the same page when its date was read, not guessed — unless the
    article is an agency story with an undated dateline ("MOSCOW (Reuters) -"), which is
    then left undated; 6. a guess from the latest year the article names; else unknown.
    """
    found = timex.infer_dct(text)
    if found is not None and found[1] != "inferred":
        return found
    if bare is None:
        bare = timex.resolve_dates(text, None)
    explicit = [s for s in bare if s.anchor == "explicit" and s.date_start is not None and s.date_end is not None]
    latest_day = max((s.date_start for s in explicit if s.precision == "day" and s.date_start), default=None)
    # a later year written in a past or present sentence bounds the publication date from below
    later_years = [s.date_end for s in explicit if s.date_end and (latest_day is None or s.date_end.year > latest_day.year)
                   and s.precision != "day" and not _future_context(text, s.timex.start)]
    if latest_day is not None and not later_years:
        return latest_day, "inferred"
    if previous is not None and previous[1] != "guessed":
        dated = _yearless_dateline(text, previous[0])
        if dated is not None:
            return dated, "dateline"
    known = [f for s in bare if s.date_start is None and (f := _fill_year(s, text, people)).date_start is not None
             and f.precision == "day"]
    if known:
        latest = max(known, key=lambda s: s.date_start or dt.date.min)
        assert latest.date_start is not None
        return _latest_reported(latest.date_start, bare, text), "knowledge"
    if is_wire_story(text):
        # an agency story ("MOSCOW (Reuters) -") reprinted on a page is its own story: neither the
        # page's other articles nor a year it mentions in passing date it
        return None, "none"
    if previous is not None and previous[1] != "guessed":
        return previous[0], "page"
    if later_years:
        return max(d for d in later_years if d is not None), "guessed"
    if found is not None:
        return found[0], "guessed"
    return None, "none"


def _yearless_dateline(text: str, near: dt.date) -> dt.date | None:
    """A yearless dateline ("Beijing, November 26th—") in the year that puts it nearest ``near``
    (the date of the page's article before it)."""
    found = timex.find_publication_date(text, year_hint=near.year)
    if found is None:
        return None
    d = found[0]
    options = [o for y in (d.year - 1, d.year, d.year + 1) if (o := safe_date(y, d.month, d.day)) is not None]
    return min(options, key=lambda o: abs((o - near).days))


_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|plans?|planned|is to|are to|expected|scheduled|next|upcoming|by|projected|forecast|"
    r"predicted|estimated|target|goals?|forward|until|through|vision|agenda|period)\b",
    re.I,
)


def _future_context(text: str, pos: int) -> bool:
    """Whether the clause before ``pos`` speaks of the future (a cheap, local tense cue)."""
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), pos - 120)
    window = text[start:pos + 40]
    return bool(_FUTURE_CUE.search(window))


def _only_dated_sentences(text: str, sentences: Sequence[Sentence], spans: Sequence[DateSpan], offset: int) -> str:
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


def _locate(city: str, country: str) -> PlaceMention | None:
    return geocode.resolve(city, context=[country] if country else [])


def _shift_span(span: DateSpan, offset: int) -> DateSpan:
    t = span.timex
    return replace(span, timex=Timex(t.start + offset, t.end + offset, t.text, t.type, t.value))


def _shift_actor(m: ActorMention, offset: int) -> ActorMention:
    # positional construction: dataclasses.replace costs ten times as much, per mention
    return ActorMention(m.start + offset, m.end + offset, m.text, m.code, m.kind, m.person, m.via)


def _shift_place(p: PlaceMention, offset: int) -> PlaceMention:
    return PlaceMention(p.start + offset, p.end + offset, p.text, p.name, p.country, p.lat, p.lon,
                        p.precision, p.feature, p.geonameid, p.why)


_SOURCE_WORDS = {
    "byline": "read from the byline", "dateline": "read from the dateline",
    "inferred": "latest full date in the article", "guessed": "guessed from the years the article names",
    "knowledge": "fixed by world knowledge", "page": "date of the previous article on the page",
    "source": "given with the document",
}
_NAMES_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)|\d{1,2}[./]\d{1,2}", re.I)
_YEARLESS = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
_TERMS_ONLY = "knowledge: term of office"  # a year from who was in office, without a summit to pin it


def _latest_reported(fixed: dt.date, bare: Sequence[DateSpan], text: str) -> dt.date:
    """The article cannot predate what it reports: once knowledge fixes its year, a later yearless
    day date of that year in a sentence not about the future ("announced ... on December 9")
    moves its date on."""
    latest = fixed
    for s in bare:
        m = _YEARLESS.match(s.timex.value)
        if s.date_start is not None or not m or not m.group(2) or _future_context(text, s.timex.start):
            continue
        d = safe_date(fixed.year, int(m.group(1)), int(m.group(2)))
        if d is not None and d > latest:
            latest = d
    return latest


def _fill_year(span: DateSpan, text: str, people: Sequence[str]) -> DateSpan:
    """Give a yearless date its year from shipped world knowledge, when it is unambiguous."""
    if span.date_start is not None:
        return span
    m = _YEARLESS.match(span.timex.value)
    if not m:
        return span
    month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    found = knowledge.year_from_knowledge(month, day, text, people)
    if found is None:
        return span
    year, why = found
    if day:
        start = end = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        value = f"{year:04d}-{month:02d}-{day:02d}"
        # a range keeps its end: re-read the expression with its own first day as reference
        again = timex.resolve_dates(span.timex.text, start)
        if again and again[0].date_start == start and again[0].date_end:
            end = again[0].date_end
    else:
        start, end = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        value = f"{year:04d}-{month:02d}"
    return replace(span, date_start=start, date_end=end, anchor="knowledge", anchored_on=why,
                   timex=Timex(span.timex.start, span.timex.end, span.timex.text, span.timex.type, value))


# -- runners -------------------------------------------------------------------------------

def run_isolated(doc: Document) -> DocumentResult:
    """``run_document``, with a failure on this one document raised as ``ExtractionFailed``
    so that a batch skips it with a message and keeps the others."""
    try:
        return run_document(doc)
    except Exception as exc:  # noqa: BLE001 - any defect in a stage must cost one document, not the batch
        raise ExtractionFailed(doc.source, exc) from exc


def extract_paths(
    paths: Sequence[str], on_skip: Callable[[str], None], progress: Progress | None = None
) -> Iterator[DocumentResult]:
    files = expand_paths(list(paths))
    for i, path in enumerate(files):
        if progress:
            progress(i / max(1, len(files)), path.name)
        try:
            docs = read_path(path)
        except UnusableInput as exc:
            on_skip(exc.user_message)
            continue
        for doc in docs:
            try:
                yield run_isolated(doc)
            except ExtractionFailed as exc:
                on_skip(exc.user_message)
    if progress:
        progress(1.0, "done")


def _ingest_documents(docs: list[Document], store: Store, progress: Progress | None) -> IngestReport:
    results: list[DocumentResult] = []
    failed: list[str] = []
    for i, doc in enumerate(docs):
        if progress:
            progress(i / (len(docs) + 1), f"extracting events from {doc.source}")
        try:
            results.append(run_isolated(doc))
        except ExtractionFailed as exc:
            failed.append(exc.user_message)
    if failed and not results:
        return IngestReport(False, "; ".join(failed) + " The store was left unchanged.", skipped=failed)
    if progress:
        progress(len(docs) / (len(docs) + 1), "saving")
    added = store.add([r.document for r in results], [a for r in results for a in r.articles],
                      [e for r in results for e in r.events])
    if progress:
        progress(1.0, "done")
    note = "".join(f" Skipped {m}" for m in failed)
    if added.new_documents == 0:
        return IngestReport(True, "Already in the store: nothing was added." + note, 0, 0, failed)
    if added.new_events == 0:
        return IngestReport(True, f"Added {added.new_documents} document(s); no dated happening was found in the text."
                            + note, added.new_documents, 0, failed)
    return IngestReport(True, f"Added {added.new_documents} document(s) with {added.new_events} event(s)." + note,
                        added.new_documents, added.new_events, failed)


def ingest_bytes(name: str, data: bytes, store: Store, progress: Progress | None = None) -> IngestReport:
    """Upload path of the app: never raises for bad input; the store is untouched on failure."""
    try:
        return _ingest_documents(documents_from_bytes(name, data), store, progress)
    except EventscapeError as exc:
        return IngestReport(False, exc.user_message)


def ingest_text(text: str, name: str, store: Store, progress: Progress | None = None) -> IngestReport:
    try:
        return _ingest_documents(documents_from_text(text, name), store, progress)
    except EventscapeError as exc:
        return IngestReport(False, exc.user_message)


def _reference(text: str, pub_date: dt.date | None, source: str, actors: Sequence[ActorMention],
               context: Sequence[str]) -> Reference:
    """The report day, dateline place and home state of an article."""
    from collections import Counter

    found = dateline(text)
    place: PlaceMention | None = None
    report_day, why = pub_date, f"publication date {pub_date} ({_SOURCE_WORDS.get(source, source)})"
    if found is not None:
        name, region, month_day = found
        query = f"{name}, {region}" if region else name
        # "BUFFALO, N.Y.": the first name is the place, the second only says which one
        parsed = [p for p in geocode.geoparse(query, context=list(context)) if p.start == 0]
        place = parsed[0] if parsed else geocode.resolve(name, context=list(context))
        if month_day and pub_date is not None:
            spans = timex.resolve_dates(month_day, pub_date)
            day = spans[0].date_start if spans and spans[0].precision == "day" else None
            if day is not None and dt.timedelta(0) <= pub_date - day <= dt.timedelta(days=3):
                report_day, why = day, f"dateline {day} ('{month_day}')"
    counts = Counter(a.code for a in actors if a.kind == "state" and len(a.code) == 3 and a.via != "adjective")
    home = place.country if place is not None and place.country else (counts.most_common(1)[0][0] if counts else "")
    return Reference(report_day, why, place, home or "")
