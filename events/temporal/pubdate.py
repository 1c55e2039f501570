"""The publication-date ladder: an article's reference time, and the dates anchored on it.

Stage ``pubdate`` (per article).  Requires: the article text and the people named in it (stage
``actors``), the previous article's date on the same page.  Sets: ``Article.pub_date`` and
``pub_date_source``, and the article's ``DateSpan`` list anchored on that date (``article_dates``).

``find_publication_date`` reads a byline or dateline; ``infer_dct`` adds the latest explicit date;
``publication_date`` is the whole ladder (knowledge, the page, a guess); ``article_dates`` resolves
the article's dates against what the ladder found and says on what each was anchored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import dateparser

from events.knowledge import summits as knowledge  # a module: summits reads the calendar of this package
from events.model import DateSpan, Timex
from events.temporal.calendar import month_end, safe_date
from events.temporal.context import Discourse
from events.temporal.lexicon import DAYNUM, MONTH, month_number
from events.temporal.tagger import resolve, resolve_dates
from events.text.datelines import AGENCY, HEADER_DATELINE, is_wire_story, yearless_dateline_pattern
from events.text.tense import future_context

HEADER_CHARS = 600
_CUE = re.compile(
    rf"(?i:\b(?:published|updated|posted|by|date|dated|released|last\smodified|issued)\b)|\d{{1,2}}:\d\d|{AGENCY}")
_FULL_DATES = re.compile(
    rf"(?P<iso>(?<![\d/.])(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d))"
    rf"|(?P<num>(?<![\d/.])\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d\d)(?![\d/.]\d))"
    rf"|(?P<mdy>{MONTH}\s?{DAYNUM},?\s(?:19|20)\d\d\b)"
    rf"|(?P<dmy>{DAYNUM}\s(?:of\s)?{MONTH},?\s(?:19|20)\d\d\b)"
)
# What may stand before a byline date at the start of its line: punctuation, a weekday, a clock time.
_LINE_PREFIX = re.compile(r"[\s|\-\u2013\u2014:,]*(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s*)?"
                          r"(?:\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?,?\s*)?")
_YEARLESS_DATELINE = yearless_dateline_pattern(MONTH, DAYNUM)


@lru_cache(maxsize=4096)
def parse_header_date(words: str) -> dt.date | None:
    """One date written the way bylines write them: ISO, 4/12/17 (US), 17.04.2017 (European), April 12, 2017.

    The common forms are read by the regexes of ``_header_regex``; dateparser reads the rest (US
    month-first for "/", day-first for ".").  Cached: bylines repeat.
    """
    w = words.strip()
    got = _header_regex(w)  # the common forms, read exactly and quickly
    if got is not None:
        return got
    order = "DMY" if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}", w) or re.match(r"\d", w) and not re.match(r"\d+/", w) \
        else "MDY"
    parsed = dateparser.parse(w, languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed is not None else None


def _header_regex(w: str) -> dt.date | None:
    """ISO, 4/12/17 (US month first), 17.04.2017 (day first), April 12, 2017 and 12 April 2017."""
    m = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", w)
    if m:
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})([/.])(\d{1,2})[/.](\d{4}|\d\d)", w)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if y < 100:
            y += 2000 if y < 50 else 1900
        mo, d = (a, b) if (m.group(2) == "/" and a <= 12) else (b, a)
        return safe_date(y, mo, d)
    m = re.fullmatch(rf"({MONTH})\s?(\d{{1,2}})(?:st|nd|rd|th)?,?\s(\d{{4}})", w)
    if m:
        return safe_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?({MONTH}),?\s(\d{{4}})", w)
    if m:
        return safe_date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    return None


def find_publication_date(text: str, year_hint: int | None = None) -> tuple[dt.date, str] | None:
    """The date a byline or dateline near the start of ``text`` gives, and which it was.

    Full dates ("By X On 4/12/17 at 8:21 AM", "(Xinhua) 19:42, April 12, 2017", "03:49 17.04.2017",
    "Published ... November 24, 2025") are read from the first ~600 characters when they stand on a
    short header line or next to a publication cue (published/updated/by/on, a clock time, an
    agency tag).  A yearless dateline ("HARBIN, April 12 --") is used only when ``year_hint`` (a
    year known from elsewhere) is given.  Returns ``(date, "byline" | "dateline")`` or None.
    """
    header = text[:HEADER_CHARS]
    for m in _FULL_DATES.finditer(header):
        d = parse_header_date(m.group(0))
        if d is None:
            continue
        ls = header.rfind("\n", 0, m.start()) + 1
        before = header[max(ls, m.start() - 40):m.start()]
        starts_line = bool(_LINE_PREFIX.fullmatch(header[ls:m.start()]))
        if not (_CUE.search(before) or starts_line or HEADER_DATELINE.search(header[ls:m.start()].rstrip(" ,"))):
            continue  # a date inside a sentence of the story is not the publication date
        kind = "dateline" if (re.search(AGENCY, before) or HEADER_DATELINE.search(header[ls:m.start()].rstrip(" ,"))) \
            else "byline"
        return d, kind
    if year_hint is not None:
        m2 = _YEARLESS_DATELINE.search(header)
        if m2:
            d = safe_date(year_hint, month_number(m2.group("mon")), int(re.sub(r"\D", "", m2.group("day"))))
            if d is not None:
                return d, "dateline"
    return None


def infer_from_dates(explicit: Sequence[tuple[dt.date, str]]) -> dt.date | None:
    """The article cannot predate what it reports: the latest fully explicit day date; else the end
    of the latest explicit month or year.  (Callers leave out dates in future-tense clauses.)"""
    days = [d for d, p in explicit if p == "day"]
    if days:
        return max(days)
    ends: list[dt.date] = []
    for d, p in explicit:
        if p == "month":
            ends.append(month_end(d.year, d.month))
        elif p == "year":
            ends.append(dt.date(d.year, 12, 31))
    return max(ends) if ends else None


_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|through|to)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)


def infer_dct(text: str) -> tuple[dt.date, str] | None:
    """The article's publication date: byline/dateline first, else inferred from its explicit dates."""
    found = find_publication_date(text)
    if found is not None:
        return found
    dc = Discourse.of(text, None)
    # dates in future-tense clauses ("will be held on June 5, 2025") and deadlines ("by 2030")
    # come after publication
    explicit = [(r.date_start, r.precision) for r in resolve(text, None)
                if r.anchor == "explicit" and r.date_start is not None and r.precision is not None
                and r.type == "DATE" and not r.pieces and dc.tense(r.start, r.end) not in ("future", "scheduled")
                and not _DEADLINE_BEFORE.search(text, max(0, r.start - 24), r.start)]
    d = infer_from_dates(explicit)
    if d is None:
        return None
    yearless = find_publication_date(text, year_hint=d.year)
    if yearless is not None:
        return yearless
    return d, "inferred"


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
    found = infer_dct(text)
    if found is not None and found[1] != "inferred":
        return found
    if bare is None:
        bare = resolve_dates(text, None)
    explicit = [s for s in bare if s.anchor == "explicit" and s.date_start is not None and s.date_end is not None]
    latest_day = max((s.date_start for s in explicit if s.precision == "day" and s.date_start), default=None)
    # a later year written in a past or present sentence bounds the publication date from below
    later_years = [s.date_end for s in explicit if s.date_end and (latest_day is None or s.date_end.year > latest_day.year)
                   and s.precision != "day" and not future_context(text, s.timex.start)]
    if latest_day is not None and not later_years:
        return latest_day, "inferred"
    if previous is not None and previous[1] != "guessed":
        dated = _yearless_dateline(text, previous[0])
        if dated is not None:
            return dated, "dateline"
    page_year = previous[0].year if previous is not None else None  # the page the article is printed on
    known = [f for s in bare if s.date_start is None and (f := _fill_year(s, text, people, page_year)).date_start is not None
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
    found = find_publication_date(text, year_hint=near.year)
    if found is None:
        return None
    d = found[0]
    options = [o for y in (d.year - 1, d.year, d.year + 1) if (o := safe_date(y, d.month, d.day)) is not None]
    return min(options, key=lambda o: abs((o - near).days))


SOURCE_WORDS = {
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
        if s.date_start is not None or not m or not m.group(2) or future_context(text, s.timex.start):
            continue
        d = safe_date(fixed.year, int(m.group(1)), int(m.group(2)))
        if d is not None and d > latest:
            latest = d
    return latest


def _fill_year(span: DateSpan, text: str, people: Sequence[str], document_year: int | None) -> DateSpan:
    """Give a yearless date its year from shipped world knowledge, when it is unambiguous."""
    if span.date_start is not None:
        return span
    m = _YEARLESS.match(span.timex.value)
    if not m:
        return span
    month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    found = knowledge.year_from_knowledge(month, day, text, people, document_year)
    if found is None:
        return span
    year, why = found
    if day:
        start = end = dt.date(year, month, min(day, month_end(year, month).day))
        value = f"{year:04d}-{month:02d}-{day:02d}"
        # a range keeps its end: re-read the expression with its own first day as reference
        again = resolve_dates(span.timex.text, start)
        if again and again[0].date_start == start and again[0].date_end:
            end = again[0].date_end
    else:
        start, end = dt.date(year, month, 1), month_end(year, month)
        value = f"{year:04d}-{month:02d}"
    return replace(span, date_start=start, date_end=end, anchor="knowledge", anchored_on=why,
                   timex=Timex(span.timex.start, span.timex.end, span.timex.text, span.timex.type, value))


def article_dates(
    text: str, pub_date: dt.date | None, source: str, people: Sequence[str], offset: int,
) -> list[DateSpan]:
    """The article's dates anchored on its publication date, each saying what it was anchored on.

    Offsets are shifted by ``offset`` (the article's start in the document).
    """
    spans = resolve_dates(text, pub_date, offset=offset)
    year = pub_date.year if pub_date is not None else None
    if source in ("knowledge", "page", "guessed"):
        # dates whose year knowledge fixed say so, rather than pointing at the date they fixed; with a
        # date only borrowed or guessed, a summit the text names ("in October, at the 20th National
        # Congress") knows the year better than the borrowed date
        fixed = {(s.timex.start + offset, s.timex.end + offset): _shift_span(f, offset)
                 for s in resolve_dates(text, None)
                 if s.date_start is None and (f := _fill_year(s, text, people, year)).date_start is not None
                 and (source == "knowledge" or not f.anchored_on.startswith(_TERMS_ONLY))}
        spans = [fixed.get((s.timex.start, s.timex.end), s) if s.anchor in ("document", None) else s
                 for s in spans]
    spans = [_fill_year(s, text, people, year) for s in spans]
    if source == "guessed":
        # a guessed publication date gives a year, not a day: "Tuesday" or "today" cannot be placed
        spans = [s for s in spans if not (s.anchor == "document" and s.precision == "day"
                                          and not _NAMES_MONTH.search(s.timex.text))]
    return [replace(s, anchored_on=f"{s.anchored_on} ({SOURCE_WORDS.get(source, source)})")
            if s.anchor == "document" else s for s in spans]


def _shift_span(span: DateSpan, offset: int) -> DateSpan:
    t = span.timex
    return replace(span, timex=Timex(t.start + offset, t.end + offset, t.text, t.type, t.value))
