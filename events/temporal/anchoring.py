"""Choosing which occurrence of a partial date is meant, and saying why.

A yearless "March", "Friday" or "Christmas" has one occurrence per year (week);
which one the text means depends on the anchor (dct or narrative time) and on
the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from events.model import Anchor

Mode = Literal["past", "future", "last", "next", "this", "nearest", "lean_past", "lean_future", "mostly_past"]
NEWS_PAST_BIAS = 1.3
NEAREST_AHEAD = 1  # an untensed weekday may be tomorrow, never later in the week
LEAN = 2.5  # a tense cue makes the occurrence on its side this many times "closer"
# a past verb that governs a month from afar (the sentence's main verb): only an occurrence within
# about a month ahead (the month about to start) beats the past one (most of a year back)
MOSTLY = 10.0
Occurrence = Callable[[int], "tuple[dt.date, dt.date] | None"]


def pick_year(occ: Occurrence, ref: dt.date, mode: Mode) -> int | None:
    """The year whose occurrence ``occ(year)`` the mode selects relative to ``ref``."""
    found: list[tuple[int, dt.date, dt.date]] = []
    for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1, ref.year + 2):
        iv = occ(y)
        if iv is not None:
            found.append((y, iv[0], iv[1]))
    if not found:
        return None
    if mode == "this":
        return ref.year
    if mode == "past":
        past = [f for f in found if f[1] <= ref]
        return past[-1][0] if past else found[0][0]
    if mode == "future":
        fut = [f for f in found if f[2] >= ref]
        return fut[0][0] if fut else found[-1][0]
    if mode == "last":
        past = [f for f in found if f[2] < ref]
        return past[-1][0] if past else None
    if mode == "next":
        fut = [f for f in found if f[1] > ref]
        return fut[0][0] if fut else None

    def distance(f: tuple[int, dt.date, dt.date]) -> tuple[float, int]:
        if f[1] <= ref <= f[2]:
            return (0, 0)
        future = f[1] > ref
        gap: float = (f[1] - ref).days if future else (ref - f[2]).days
        if (mode == "lean_past" and future) or (mode == "lean_future" and not future):
            gap *= LEAN
        elif mode == "mostly_past" and future:
            gap *= MOSTLY
        elif mode == "nearest" and future:
            gap *= NEWS_PAST_BIAS  # untensed news mostly reports what has happened
        return (gap, 1 if future else 0)  # a tie goes to the past: news reports what happened

    return min(found, key=distance)[0]


def pick_weekday(weekday: int, ref: dt.date, mode: Mode) -> dt.date:
    """The date of an ISO weekday relative to ``ref``."""
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    if mode == "next":
        return ref + dt.timedelta(days=fwd or 7)
    if mode == "future" or mode == "this":
        return ref + dt.timedelta(days=fwd)
    if mode == "nearest" and fwd < back and fwd <= NEAREST_AHEAD:
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


def dct_label(dct: dt.date) -> str:
    return f"publication date {dct.isoformat()}"


def narrative_label(date: dt.date, words: str, granularity: str = "day") -> str:
    shown = {"day": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}[granularity]
    return f"narrative time {shown} ('{words}')"


def tense_mode(tense: str | None) -> Mode:
    return "past" if tense == "past" else "future" if tense in ("future", "scheduled") else "nearest"


AnchorInfo = tuple[Anchor, str]
