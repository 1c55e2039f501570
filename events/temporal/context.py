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
from functools import lru_cache
from typing import Literal

from events.text.datelines import opens_paragraph_dateline
from events.text.sentences import sentence_starts
from events.text.tense import ANCHORING_FUTURE, REPORTED_FUTURE, SCHEDULED

Tense = Literal["past", "future", "scheduled"] | None
FUTURE_WEIGHT = 1.0  # distance multiplier for future cues (1.0: nearest cue wins, whatever its tense)
# With a document date, a yearless date takes the story's year only from a fully written day date
# at most this many sentences back in the same paragraph ("On March 5, 2019, ... On March 7, ...").
NARRATIVE_GRANULARITY = "day"
NARRATIVE_SENTENCES = 1

_PARA_BREAK = re.compile(r"\n\s*\n")
# "had been scheduled to expire Friday": a plan in the past perfect lies behind the report
_PLUPERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_AUX_PAST = frozenset({"was", "were"})
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|your|still|newly)\s+$",
                                re.IGNORECASE)
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "said", "told", "met", "held", "made", "took", "came", "went", "gave", "began",
    "left", "saw", "got", "won", "lost", "led", "spoke", "fell", "rose", "sold", "bought", "paid", "sent",
    "brought", "thought", "found", "became", "ran", "wrote", "struck", "hit", "shot", "fled", "flew", "drove",
    "broke", "stood", "sat", "ago", "last", "earlier", "yesterday"})
_WORDS = re.compile(r"[A-Za-z]{2,}")
_UN_VERBS = frozenset({"unveiled", "unleashed", "uncovered", "unearthed", "unloaded", "unfolded", "unraveled",
                       "unravelled", "unsealed", "unlocked", "unpacked", "unplugged", "unseated", "unwrapped",
                       "unified", "unblocked", "unfrozen", "unfroze", "unfurled", "unmasked", "unnerved"})
_PASSIVE_AUX = re.compile(r"(?:\b(?:is|are|be|been|being|am|will|to|'s|'re)\s+)$", re.IGNORECASE)
_NOT_PAST_ED = frozenset({"expected", "scheduled", "planned", "united", "need", "red", "bed", "based", "preferred",
                          "diluted", "fixed", "mixed", "interested", "concerned", "talented",
                          "proposed", "speed", "seed", "feed", "hundred", "limited", "related",
                          "advanced", "embed", "shed", "bred", "indeed", "alleged", "so-called", "wed"})


def is_plan_word(word: str) -> bool:
    """A word that announces a plan ("expire", "scheduled"), even when a past perfect makes it a past cue."""
    return ANCHORING_FUTURE.fullmatch(word) is not None


@lru_cache(maxsize=32)
def _structure(text: str) -> tuple[list[int], list[int]]:
    """Sentence and paragraph starts: the same for every reference date (read-only lists)."""
    return sentence_starts(text), [0] + [m.end() for m in _PARA_BREAK.finditer(text)]


LONG_SENTENCE_REACH = 300  # characters after an expression searched for a late main verb
CLAUSE_PENALTY = 30.0  # characters a clause break (comma, semicolon, dash, bracket) adds to a cue's distance
# "met him in October and will visit in April": a coordinating "and"/"but" opens another clause too
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s(?:--?|\u2013|and|but)\s")
_CUE_MARGIN = 48  # every cue test looks at most 32 characters back: a margin keeps the window exact


def _cues_around(text: str, lo: int, hi: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Tense cues of text[lo:hi] (offsets into ``text``), found in a slightly wider window.

    Only the clause around an expression is ever asked about, so scanning just that
    window keeps the tagger's cost proportional to its expressions, not to the text.
    """
    a, b = max(0, lo - _CUE_MARGIN), min(len(text), hi + _CUE_MARGIN)
    cues = _tense_cues(text[a:b])
    shifted = [(cs + a, ce + a, kind) for cs, ce, kind in cues if lo - 1 <= cs + a < hi]
    return [c[0] for c in shifted], shifted


@lru_cache(maxsize=32)
def _tense_cues(text: str) -> list[tuple[int, int, str]]:
    """Tense cues of a text; they do not depend on the reference date, so one scan serves both passes."""
    cues: list[tuple[int, int, str]] = [
        (m.start(), m.end(), "past" if _PLUPERFECT.search(text, max(0, m.start() - 32), m.start())
         else "future") for m in ANCHORING_FUTURE.finditer(text)]
    cues.extend((m.start(), m.end(), "reported") for m in REPORTED_FUTURE.finditer(text))
    cues.extend((m.start(), m.end(), "scheduled") for m in SCHEDULED.finditer(text))
    for m in _WORDS.finditer(text):
        w = m.group(0).lower()
        if w in _NOT_PAST_ED or not (w in _PAST_WORDS or (w.endswith("ed") and len(w) > 3)):
            continue
        if w.startswith("un") and w.endswith("ed") and not w.startswith("under") and w not in _UN_VERBS:
            continue  # "markets untouched by", "unnamed officials": an adjective, not a verb
        if _PASSIVE_AUX.search(text, max(0, m.start() - 12), m.start()):
            continue
        if w.endswith("ed") and w not in _PAST_WORDS \
                and _DETERMINER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "a still unspecified date", "the proposed merger": an adjective, not a verb
        cues.append((m.start(), m.end(), "past"))
    cues.sort()
    # "were planning to", "was expected to": the auxiliary's tense belongs to the future cue
    future_starts = {cs for cs, _, kind in cues if kind == "future"}
    cues = [cu for cu in cues if not (cu[2] == "past" and text[cu[0]:cu[1]].lower() in _AUX_PAST
                                       and cu[1] + 1 in future_starts)]
    return cues


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
    # where the text last named a comparison period longer than a quarter ("the nine months",
    # "the first half"): a later "a year earlier" compares that period, not the quarter
    last_period_pos: int = -1
    day_refs: list[tuple[int, dt.date, str]] = field(default_factory=list)  # (pos, date, words)
    # a paragraph that opens with its own dateline ("Beijing, November 26th—Liu met here today"):
    # (position, date); deictic words in that paragraph count from it, not from dct
    dateline: tuple[int, dt.date] | None = None
    cursor: int = 0  # where the expression being resolved starts

    @classmethod
    def of(cls, text: str, dct: dt.date | None) -> Discourse:
        starts, paras = _structure(text)
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

    def tense(self, start: int, end: int, reported: bool = False) -> Tense:
        """Tense of the clause around [start, end): the nearest tense cue in the sentence wins.

        ``reported``: count "would" (future in reported speech) as a future cue."""
        return self.tense_cue(start, end, reported)[0]

    def tense_cue(self, start: int, end: int, reported: bool = False) -> tuple[Tense, float]:
        """The tense and how far (characters) its cue is from the expression."""
        t, d, _ = self.tense_cue_word(start, end, reported)
        return t, d

    def tense_cue_word(self, start: int, end: int, reported: bool = False) -> tuple[Tense, float, str]:
        """The tense, how far (characters) its cue is from the expression, and the cue's words.

        The clause around the expression is searched first; a long sentence whose verb comes
        late ("In January, a week after ..., a bombing killed ...") is then searched to its end."""
        s, e = self.sentence(start)
        found = self._cue_in(start, end, reported, max(s, start - 120), min(e, end + 80))
        if found[0] is None and e > end + 80:
            found = self._cue_in(start, end, reported, max(s, start - 120), min(e, end + LONG_SENTENCE_REACH))
        return found

    def _cue_in(self, start: int, end: int, reported: bool, lo: int, hi: int) -> tuple[Tense, float, str]:
        starts, cues = _cues_around(self.text, lo, hi)
        best: tuple[float, float, Tense, str] | None = None
        for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
            cs, ce, kind = cues[k]
            if ce > hi or (cs < end and ce > start) or (kind == "reported" and not reported):
                continue
            if kind == "reported":
                kind = "future"
            d = float(start - ce if ce <= start else cs - end)
            gap = self.text[ce:start] if ce <= start else self.text[end:cs]
            if ";" in gap:
                continue  # a semicolon joins independent clauses: their verbs do not govern each other
            # "which began on Monday, will continue": a cue in the expression's own clause comes first
            rank = d + CLAUSE_PENALTY * len(_CLAUSE_BREAK.findall(gap))
            if kind == "future":
                rank *= FUTURE_WEIGHT
            if best is None or rank < best[0]:
                best = (rank, d, kind, self.text[cs:ce])  # type: ignore[assignment]
        return (best[2], best[1], best[3]) if best else (None, float("inf"), "")

    def set_ref(self, date: dt.date, granularity: str, label: str, pos: int, explicit_year: bool) -> None:
        r = Reference(date, granularity, label, pos, explicit_year)
        if self.ref is None or granularity == "day" or self.ref.granularity != "day" \
                or not self.same_paragraph(self.ref.pos, pos):
            self.ref = r
        if explicit_year:
            self.last_year_ref = r
        if granularity == "day" and self._opens_paragraph_dateline(pos, pos + len(label)):
            self.dateline = (pos, date)
        if granularity == "day":
            s, e = self.sentence(pos)
            s, e = max(s, pos - 300), min(e, pos + 300)  # bounded: a text without full stops stays linear
            self.day_refs.append((pos, date, self.text[s:e].lower()))

    def _opens_paragraph_dateline(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.para_starts, start) - 1
        ps = self.para_starts[i] if i >= 0 else 0
        return opens_paragraph_dateline(self.text, ps, start, end)

    def dateline_date(self) -> dt.date | None:
        """The date of the paragraph dateline the current expression stands under, if any."""
        if self.dateline is None or self.cursor <= self.dateline[0] or not self.same_paragraph(self.dateline[0],
                                                                                              self.cursor):
            return None
        return self.dateline[1]

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
