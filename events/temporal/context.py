"""Discourse context for anchoring: sentences, tense cues, and the reference time.

The reference time moves as the text names dates ("On November 17 ... The next
day ..."); anaphoric expressions resolve against it, deictic ones ("yesterday",
"last week") against the document creation time (dct).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Tense = Literal["past", "future"] | None
FUTURE_WEIGHT = 1.0
NARRATIVE_GRANULARITY = "day"
NARRATIVE_SENTENCES = 1

_SENT_BREAK = re.compile(r"[.!?][\"')\]']*\s+(?=[\"'`(\[]*[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"'`]{2})")
_PARA_BREAK = re.compile(r"\n\s*\n")
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\sto|expected\sto|scheduled|slated|due\sto|plans?\sto|planning\sto"
    r"|intends?\sto|set\sto|to\sbe\sheld|upcoming|is\sto|are\sto|hopes?\sto|aims?\sto"
    r"|to\sattend|to\svisit|invited\sto|as\ssoon\sas|payable|effective|expires?|deadline)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|made|took|came|went|gave|began|left|saw|got|won|lost|led"
    r"|spoke|fell|rose|sold|bought|paid|sent|brought|thought|found|became|ran|wrote|struck|hit|shot|fled"
    r"|flew|drove|broke|stood|sat|ago|last|earlier|yesterday|[a-z]{2,}ed)\b", re.IGNORECASE)
_PASSIVE_AUX = re.compile(r"(?:\b(?:is|are|be|been|being|am|will|to|'s|'re)\s+)$", re.IGNORECASE)
_NOT_PAST_ED = frozenset({"expected", "scheduled", "planned", "united", "need", "red", "bed", "based",
                          "proposed", "speed", "seed", "feed", "hundred", "limited", "related",
                          "advanced", "embed", "shed", "bred", "indeed", "alleged", "so-called", "wed"})


@dataclass
class Reference:
    """A point the narrative has reached: a date and how precise it is."""

    date: dt.date
    granularity: str  # "day" | "month" | "year"
    label: str  # the words it came from
    pos: int
    explicit_year: bool


@dataclass
class Discourse:
    text: str
    dct: dt.date | None
    sentence_starts: list[int] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    ref: Reference | None = None
    last_year_ref: Reference | None = None  # latest expression that wrote a year
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, pos)
    day_refs: list[tuple[int, dt.date, str]] = field(default_factory=list)  # (pos, date, words)

    @classmethod
    def of(cls, text: str, dct: dt.date | None) -> Discourse:
        starts = [0] + [m.end() for m in _SENT_BREAK.finditer(text)]
        paras = [0] + [m.end() for m in _PARA_BREAK.finditer(text)]
        return cls(text=text, dct=dct, sentence_starts=starts, para_starts=paras)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        s = self.sentence_starts[max(i, 0)]
        e = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return s, e

    def same_paragraph(self, a: int, b: int) -> bool:
        return bisect.bisect_right(self.para_starts, a) == bisect.bisect_right(self.para_starts, b)

    def sentence_distance(self, a: int, b: int) -> int:
        return abs(bisect.bisect_right(self.sentence_starts, a) - bisect.bisect_right(self.sentence_starts, b))

    def tense(self, start: int, end: int) -> Tense:
        """Tense of the clause around [start, end): the nearest tense cue wins, future cues weigh double."""
        s, e = self.sentence(start)
        lo, hi = max(s, start - 120), min(e, end + 80)
        best: tuple[float, Tense] | None = None
        for m in _FUTURE.finditer(self.text, lo, hi):
            if m.start() < end and m.end() > start:
                continue
            d = (start - m.end() if m.end() <= start else m.start() - end) * FUTURE_WEIGHT
            if best is None or d < best[0]:
                best = (d, "future")
        for m in _PAST.finditer(self.text, lo, hi):
            if m.start() < end and m.end() > start:
                continue
            w = m.group(0).lower()
            if w in _NOT_PAST_ED:
                continue
            if w.endswith("ed") and _PASSIVE_AUX.search(self.text, max(lo, m.start() - 12), m.start()):
                continue
            d = float(start - m.end() if m.end() <= start else m.start() - end)
            if best is None or d < best[0]:
                best = (d, "past")
        return best[1] if best else None

    def set_ref(self, date: dt.date, granularity: str, label: str, pos: int, explicit_year: bool) -> None:
        r = Reference(date, granularity, label, pos, explicit_year)
        if self.ref is None or granularity == "day" or self.ref.granularity != "day" \
                or not self.same_paragraph(self.ref.pos, pos):
            self.ref = r
        if explicit_year:
            self.last_year_ref = r
        if granularity == "day":
            s, e = self.sentence(pos)
            self.day_refs.append((pos, date, self.text[s:e].lower()))

    def narrative_year(self, pos: int) -> Reference | None:
        """The year the story is in, when a nearby earlier expression wrote one that differs from dct's."""
        r = self.last_year_ref
        if r is None:
            return None
        if self.dct is None:
            return r
        # With a document date, only a fully written day date in the same or the previous
        # sentence sets the story's year ("On March 5, 2019, ... On March 7, ...").
        if r.date.year != self.dct.year and r.granularity == NARRATIVE_GRANULARITY \
                and self.same_paragraph(r.pos, pos) and self.sentence_distance(r.pos, pos) <= NARRATIVE_SENTENCES:
            return r
        return None
