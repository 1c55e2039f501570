"""The temporal stage: find, anchor and normalise temporal expressions (TimeML/TIMEX3).

One engine serves the ``python -m events timex`` tagger and the event pipeline:

- ``tag(text, dct)`` -> TIMEX3 ``Timex`` list (DATE, TIME, DURATION, SET), offsets into ``text``.
- ``resolve_dates(text, dct, offset=)`` -> ``DateSpan`` for every expression naming a calendar
  day/month/year/range, with precision, anchor (explicit|document|narrative) and what it was
  anchored on.

The publication date is ``events.temporal.pubdate``'s; the JSONL command is ``events.cli.timex``.
Stage ``timex`` (through ``pubdate.article_dates``).  Requires: plain text and, optionally, the
document creation time.  Sets: ``Timex`` and ``DateSpan`` values with offsets into the text.
The finder is a fixed set of compiled regexes scanned once each (linear time); dateparser
parses fully written dates, behind an LRU cache.  See ``events/temporal/`` for the parts.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from events.model import DateSpan, Timex
from events.temporal.context import Discourse
from events.temporal.finder import Candidate, find
from events.temporal.measures import Normalizer
from events.temporal.resolved import Resolved

__all__ = ["tag", "resolve_dates", "resolve"]


def resolve(text: str, dct: dt.date | None) -> list[Resolved]:
    """Every temporal expression in ``text``, normalised, in text order."""
    return list(_resolve_cached(text, dct))


@lru_cache(maxsize=32)
def _resolve_cached(text: str, dct: dt.date | None) -> tuple[Resolved, ...]:
    # the pipeline asks about one article several times (publication date, bare and anchored dates)
    return tuple(_resolve(text, dct))


@lru_cache(maxsize=32)
def _found(text: str) -> tuple[Candidate, ...]:
    # finding does not depend on the reference date: an article resolved twice is scanned once
    return tuple(find(text))


# With no document date and no date in the text, a relative expression ("last week") is still a
# timex; its value keeps only what the words say ("XXXX-WXX").  The shape comes from resolving it
# against an arbitrary date and masking every digit of the calendar.
_SHAPE_DATE = dt.date(2000, 6, 15)
_CALENDAR_DIGITS = re.compile(r"^\d{2,4}|(?<=-W)\d\d|(?<=-Q)\d|(?<=-H)\d|(?<=-)\d\d")


def _resolve(text: str, dct: dt.date | None) -> list[Resolved]:
    dc = Discourse.of(text, dct)
    norm = Normalizer(dc)
    shape: Normalizer | None = None
    out: list[Resolved] = []
    for c in _found(text):
        try:
            r = norm.resolve(c)
        except (OverflowError, ValueError):
            # "the next day" after "12/31/9999": no calendar date exists, so the expression stays unresolved
            r = None
        if r is None and dct is None and dc.ref is None:
            shape = shape or Normalizer(Discourse.of(text, _SHAPE_DATE))
            r = _underspecified(shape.resolve(c))
        if r is not None and r.end > r.start:
            out.append(r)
    return out


def _underspecified(r: Resolved | None) -> Resolved | None:
    """``r`` with its calendar digits masked and no calendar interval ("2000-W24" -> "XXXX-WXX")."""
    if r is None:
        return None

    def mask(v: str) -> str:
        return v if v.startswith("P") or v.endswith("_REF") else _CALENDAR_DIGITS.sub(lambda m: "X" * len(m[0]), v)
    timeml = None if r.timeml is None else (r.timeml[0], r.timeml[1], r.timeml[2], mask(r.timeml[3]))
    return Resolved(**{**r.__dict__, "value": mask(r.value), "calendar": False, "date_start": None,
                       "date_end": None, "precision": None, "anchor": None, "anchored_on": "",
                       "pieces": tuple((a, b, mask(v)) for a, b, v in r.pieces), "timeml": timeml})


def tag(text: str, dct: dt.date | None) -> list[Timex]:
    """TIMEX3 expressions of ``text``; a range's two ends are tagged separately, as TimeML does."""
    out: list[Timex] = []
    for r in resolve(text, dct):
        if r.timeml is not None:
            s, e, typ, v = r.timeml
            out.append(Timex(s, e, text[s:e], typ, v))
        elif r.pieces:
            for s, e, v in r.pieces:
                out.append(Timex(s, e, text[s:e], r.type, v))
        else:
            out.append(Timex(r.start, r.end, r.text, r.type, r.value))
    return out


def resolve_dates(text: str, dct: dt.date | None, *, offset: int = 0) -> list[DateSpan]:
    """Expressions that name a calendar day, month, year, range or open interval, resolved.

    ``date_start``/``date_end`` bound the named interval (a range "November 19-20" is one span;
    "since 2014" and "by April 25th" keep the interval they name and set ``open_ended``).
    When the year cannot be known the dates are None and ``timex.value`` keeps the rest
    ("XXXX-11-14").  Timex offsets are shifted by ``offset``.
    """
    spans: list[DateSpan] = []
    for r in resolve(text, dct):
        if not r.calendar or r.precision is None:
            continue
        value = r.value
        if r.type == "TIME":
            value = r.date_start.isoformat() if r.date_start else value.split("T")[0]
        tx = Timex(r.start + offset, r.end + offset, r.text, "DATE", value)
        spans.append(DateSpan(timex=tx, date_start=r.date_start, date_end=r.date_end, precision=r.precision,
                              anchor=r.anchor or "narrative", anchored_on=r.anchored_on,
                              open_ended=r.open_ended))
    return spans
