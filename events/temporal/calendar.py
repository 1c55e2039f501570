"""Calendar arithmetic and TimeML value <-> interval conversion.

Date arithmetic is delegated to ``dateutil`` (a dateparser dependency); this
module only knows how TimeML writes granularities (``2013-W12``, ``2013-Q1``,
``199X``, ``2013-SU``) and which calendar interval each one names.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from events.temporal.lexicon import SEASON_MONTHS, UNITS, unit_name

Interval = tuple[dt.date, dt.date, str]  # start, end, precision (day|month|year)


def shift(d: dt.date, *, years: int = 0, months: int = 0, weeks: int = 0,
          days: int = 0) -> dt.date:
    out: dt.date = d + relativedelta(years=years, months=months, weeks=weeks, days=days)
    return out


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """(season year, code); winter belongs to the year it starts in (Dec)."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=delta + 7 * (n - 1))
    last = month_end(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(name: str, year: int) -> dt.date | None:
    """Date of a (US/Western news) holiday in a year; None if unknown."""
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
        "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
        "boxing day": (12, 26), "may day": (5, 1), "veterans day": (11, 11),
        "new year's": (1, 1),
    }
    key = name.lower().replace("\u2019", "'")
    if key in fixed:
        m, d = fixed[key]
        return dt.date(year, m, d)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if key in ("thanksgiving", "thanksgiving day"):
        return nth_weekday(year, 11, 4, 4)
    if key == "labor day":
        return nth_weekday(year, 9, 1, 1)
    if key == "memorial day":
        return nth_weekday(year, 5, 1, -1)
    if key == "election day":
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    return None


_VALUE_RE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?"
    r"|(?P<dec>\d{3})X?|(?P<cent>\d\d)"
)


@lru_cache(maxsize=4096)
def value_interval(value: str) -> Interval | None:
    """The calendar interval a TimeML DATE value names, or None (``XXXX-...``, ``PAST_REF``)."""
    m = _VALUE_RE.fullmatch(value)
    if not m:
        return None
    if m.group("dec"):
        y0 = int(m.group("dec")) * 10
        return dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), "year"
    if m.group("cent"):
        y0 = int(m.group("cent")) * 100
        return dt.date(max(1, y0), 1, 1), dt.date(y0 + 99, 12, 31), "year"
    y = int(m.group("y"))
    if m.group("d"):
        d = safe_date(y, int(m.group("m")), int(m.group("d")))
        return (d, d, "day") if d else None
    if m.group("m"):
        mo = int(m.group("m"))
        if not 1 <= mo <= 12:
            return None
        return dt.date(y, mo, 1), month_end(y, mo), "month"
    if m.group("w"):
        try:
            mon = dt.date.fromisocalendar(y, int(m.group("w")), 1)
        except ValueError:
            return None
        if m.group("we"):
            return mon + dt.timedelta(days=5), mon + dt.timedelta(days=6), "day"
        return mon, mon + dt.timedelta(days=6), "day"
    if m.group("q"):
        q = int(m.group("q"))
        return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q), "month"
    if m.group("h"):
        h = int(m.group("h"))
        return dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h), "month"
    if m.group("s"):
        first, last = SEASON_MONTHS[m.group("s")]
        end_year = y + 1 if last < first else y
        return dt.date(y, first, 1), month_end(end_year, last), "month"
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration: (2, 'year') -> 'P2Y', (1.5, 'hour') -> 'PT1H30M', (None, 'week') -> 'PXW'."""
    u = unit_name(unit)
    if u == "decade":
        return "PXDE" if n is None else duration_value(n * 10, "year")
    if u == "century":
        return "PXCE" if n is None else duration_value(n * 100, "year")
    if u == "millennium":
        return "PXML" if n is None else duration_value(n * 1000, "year")
    if u == "fortnight":
        return "PXW" if n is None else duration_value(n * 2, "week")
    if u == "weekend":
        return "PXWE" if n is None else f"P{int(n * 2)}D"
    letter = UNITS.get(u, "X")
    t = "T" if u in ("second", "minute", "hour") else ""
    if n is None:
        return f"P{t}X{letter}"
    whole, frac = int(n), n - int(n)
    if frac == 0:
        return f"P{t}{whole}{letter}"
    smaller = {"year": (12, "M", ""), "month": (30, "D", ""), "week": (7, "D", ""), "day": (12, "H", "T"),
               "hour": (30, "M", ""), "minute": (30, "S", "")}.get(u)
    if smaller is None:
        return f"P{t}{n:g}{letter}"
    mult, letter2, t2 = smaller
    extra = int(round(frac * (mult if letter2 != "M" or u == "year" else 60)))
    if u == "year":
        extra = int(round(frac * 12))
    if u == "hour":
        extra = int(round(frac * 60))
    if u == "minute":
        extra = int(round(frac * 60))
    if u == "day":
        extra = int(round(frac * 24))
    head = f"P{t}{whole}{letter}" if whole else f"P{t}"
    if t2 and not t:
        return f"{head}T{extra}{letter2}"
    return f"{head}{extra}{letter2}"
