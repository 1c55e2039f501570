"""The normaliser's output: a TIMEX3 value plus the calendar interval it names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from events.model import Anchor, Precision, TimexType


@dataclass(frozen=True)
class Resolved:
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    precision: Precision | None = None
    anchor: Anchor | None = None
    anchored_on: str = ""
    open_ended: bool = False
    calendar: bool = False  # names a calendar day/month/year/range (what the pipeline wants)
    # TimeML tags a range's ends separately: (start, end, value) of each end for ``tag``
    pieces: tuple[tuple[int, int, str], ...] = ()
    # TimeML tags "three days later" as the DURATION "three days" (the signal "later" stays out),
    # while the pipeline wants the date it points to: (start, end, type, value) for ``tag``
    timeml: tuple[int, int, TimexType, str] | None = None
