"""Which trigger a date of the sentence belongs to: the nearest trigger of the date's own clause; a date
in a clause without a trigger to the nearest verb of the sentence; a stretch of time ("since 1990") only
to the noun it modifies or to the happening its "when" clause tells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from events.assemble.clauses import _FINITE, _REPORTING, Token, TriggerHit
from events.model import DateSpan, Sentence

_COORDINATOR = re.compile(r"\b(?:and|but|or|while|then)\b")


def _date_distance(text: str, hit: TriggerHit, a: int, b: int) -> int:
    """How far a date is from a trigger, in characters, with English's preference built in: a date
    follows what it dates ("joined NATO on March 12"), a verb is dated before a noun, and a date
    is not carried across "and"/"but" to the next predicate."""
    if hit.end <= a:
        gap = a - hit.end
        between = text[hit.end:a]
        penalty = 0
    elif hit.sense.pos == "noun" and hit.start - b <= 20 and not re.search(r"[,;]|\b(?:of|in|into|on|at|to|for|from|with|over|about|against|and|but)\b",
                                                                       text[b:hit.start]):
        return -1  # "the August 7 bombings", "its 1990 invasion": a date before a noun dates that noun
    else:
        gap = max(0, hit.start - b)
        between = text[b:hit.start]
        penalty = 25
    if _COORDINATOR.search(between):
        penalty += 20
    if hit.sense.pos != "verb":
        penalty += 5
    if hit.sense.event_type == "OTHER":
        penalty += 10
    return gap + penalty


def assign_dates(
    sent: Sentence,
    toks: Sequence[Token],
    clauses: Sequence[int],
    hits: Sequence[TriggerHit],
    spans: Sequence[DateSpan],
) -> dict[int, list[DateSpan]]:
    """Each date of the sentence to the nearest trigger of its own clause (index into ``hits``);
    a date in a clause without a trigger goes to the sentence's nearest trigger that has no
    date of its own clause."""
    out: dict[int, list[DateSpan]] = {}
    starts = [t.start for t in toks]

    def clause_at(off: int) -> int:
        k = 0
        for j, s in enumerate(starts):
            if s <= off:
                k = j
            else:
                break
        return clauses[k] if toks else 0

    orphans: list[DateSpan] = []
    for span in spans:
        a = span.timex.start - sent.start
        b = span.timex.end - sent.start
        c = clause_at(a)
        own = [k for k, h in enumerate(hits) if h.clause == c]
        if not own:
            orphans.append(span)
            continue
        if span.open_ended:
            # "arrested since 1990", "the second time since 1991": a stretch of time dates no happening; only
            # a noun the date modifies ("since the Feb. 23 accord") is dated by it
            own = [k for k in own if hits[k].sense.pos != "verb" and 0 <= hits[k].start - b <= 12]
            if not own:
                continue
        k = min(own, key=lambda k: _date_distance(sent.text, hits[k], a, b))
        out.setdefault(k, []).append(span)
    for span in orphans:
        a = span.timex.start - sent.start
        if _own_predicate(toks, clauses, clause_at(a)):
            continue  # "… but there was no word in Washington on Tuesday": the date dates its own clause's state
        if span.open_ended:
            # a stretch of time in a clause without a trigger dates nothing, except what its "when" tells:
            # "since 2014, when Russia annexed Crimea"
            b = span.timex.end - sent.start
            if re.match(r",?\s+when\b", sent.text[b:]):
                after = [k for k, h in enumerate(hits) if h.start > b and k not in out]
                if after:
                    out.setdefault(after[0], []).append(span)
            continue
        free = [k for k, h in enumerate(hits) if k not in out and not (span.open_ended and h.sense.pos == "verb")
                and not _subject_noun(toks, h) and not _in_relative_clause(toks, clauses, h.clause)]
        if not free:
            continue
        if _reporting_clause(toks, clauses, clause_at(a)):
            # "Tanzania expelled five men questioned over the bombing …, a newspaper reported Friday": the
            # report dates the act its clause reports — the main verb — not the nearest noun
            verbs = [k for k in free if hits[k].sense.pos == "verb"]
            free = verbs or free
        k = min(free, key=lambda k: abs(hits[k].start - a))
        out.setdefault(k, []).append(span)
    return out


_STATE_FINITE = frozenset("is are was were".split())


def _own_predicate(toks: Sequence[Token], clauses: Sequence[int], clause: int) -> bool:
    """A clause with a finite "be" of its own and no reporting verb: "there was no word on Tuesday" says
    what the state was that day; unlike "…, officials said Tuesday", it dates no act of another clause."""
    words = [t.low for t, c in zip(toks, clauses, strict=True) if c == clause]
    return any(w in _STATE_FINITE for w in words) and not any(w in _REPORTING for w in words) \
        and words[:1] != ["when"] and "since" not in words[:2]


def _reporting_clause(toks: Sequence[Token], clauses: Sequence[int], clause: int) -> bool:
    """ "…, officials said Tuesday": a clause of a reporting verb."""
    return any(t.low in _REPORTING for t, c in zip(toks, clauses, strict=True) if c == clause)


def _in_relative_clause(toks: Sequence[Token], clauses: Sequence[int], clause: int) -> bool:
    """ "The man who hurled a grenade … was identified Thursday": a relative clause tells an earlier act,
    which the main clause's date does not date."""
    first = next((k for k, c in enumerate(clauses) if c == clause), None)
    return first is not None and first > 0 and toks[first].low in ("who", "whom", "whose", "which")


def _subject_noun(toks: Sequence[Token], hit: TriggerHit) -> bool:
    """A noun trigger that is the subject of a finite verb ("The alliance has expanded …, adding X in 1952"):
    it names a thing, and a date in another clause does not date it."""
    if hit.sense.pos != "noun":
        return False
    nxt = next((k for k, t in enumerate(toks) if t.start >= hit.end), None)
    return nxt is not None and toks[nxt].low in _FINITE
