"""Publication date of an article: from its byline or dateline, else inferred from its dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

import dateparser

from events.temporal.calendar import safe_date
from events.temporal.lexicon import DAYNUM, MONTH, month_number

HEADER_CHARS = 600
_AGENCY = r"\((?:Xinhua|AP|AFP|Reuters|UPI|dpa|ANI|IANS|PTI|TASS|Sputnik|Bloomberg|CNN|BBC|KUNA|WAM|SPA|APA|MENA)\)"
_CUE = re.compile(
    rf"(?i:\b(?:published|updated|posted|by|date|dated|released|last\smodified|issued)\b)|\d{{1,2}}:\d\d|{_AGENCY}")
_DATELINE_HEAD = re.compile(rf"(?:^|\n)\s*[A-Z][A-Z .'\u2019-]{{2,}}(?:,\s*[A-Z][A-Za-z .]+)?,?\s*(?:{_AGENCY}\s*)?$")
_FULL_DATES = re.compile(
    rf"(?P<iso>(?<![\d/.])(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d))"
    rf"|(?P<num>(?<![\d/.])\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d\d)(?![\d/.]\d))"
    rf"|(?P<mdy>{MONTH}\s?{DAYNUM},?\s(?:19|20)\d\d\b)"
    rf"|(?P<dmy>{DAYNUM}\s(?:of\s)?{MONTH},?\s(?:19|20)\d\d\b)"
)
# What may stand before a byline date at the start of its line: punctuation, a weekday, a clock time.
_LINE_PREFIX = re.compile(r"[\s|\-\u2013\u2014:,]*(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s*)?"
                          r"(?:\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?,?\s*)?")
# "MOSCOW (Reuters) -" opening a story: a reprinted agency story, dated by its own line or not at all.
WIRE_DATELINE_REACH = 1500  # characters: a dateline opens the story, after its headline and byline
_WIRE_DATELINE = re.compile(rf"(?m)^[ \t]*[A-Z][A-Z .'\u2019-]{{2,}}(?:,\s*[A-Za-z .]+)?\s*{_AGENCY}\s*[-\u2013\u2014]")


def is_wire_story(text: str) -> bool:
    """Does the text open with an agency dateline ("MOSCOW (Reuters) -", "BEIJING (Xinhua) --")?"""
    return _WIRE_DATELINE.search(text, 0, WIRE_DATELINE_REACH) is not None


_YEARLESS_DATELINE = re.compile(
    rf"(?:^|\n)\s*[A-Z][A-Za-z .'\u2019-]{{2,40}},\s*(?:[A-Z][A-Za-z .]+,\s*)?(?P<mon>{MONTH})\s?(?P<day>{DAYNUM})"
    rf"\s*(?:{_AGENCY})?\s*(?:--|\u2014|\u2013|-|_|\()"
)


@lru_cache(maxsize=4096)
def parse_header_date(words: str) -> dt.date | None:
    """One date written the way bylines write them: ISO, 4/12/17 (US), 17.04.2017 (European), April 12, 2017.

    dateparser parses (US month-first for "/", day-first for "."); the regexes below are the
    fallback and the guard against dateparser's leniency.  Cached: bylines repeat.
    """
    w = words.strip()
    order = "DMY" if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}", w) or re.match(r"\d", w) and not re.match(r"\d+/", w) \
        else "MDY"
    got = dateparser.parse(w, languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False})
    if got is not None:
        return got.date()
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
        if not (_CUE.search(before) or starts_line or _DATELINE_HEAD.search(header[ls:m.start()].rstrip(" ,"))):
            continue  # a date inside a sentence of the story is not the publication date
        kind = "dateline" if (re.search(_AGENCY, before) or _DATELINE_HEAD.search(header[ls:m.start()].rstrip(" ,"))) \
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
            ends.append(dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1) - dt.timedelta(days=1))
        elif p == "year":
            ends.append(dt.date(d.year, 12, 31))
    return max(ends) if ends else None
