"""Participants no dictionary codes: a public body or office-holder named in the trigger's clause ("KKR
bought RJR", "Governor Jane Miller toured") stands for the article's home state. A private person's name
("John Doe bought a ticket") does not: the public side of a name is its form (an acronym, a company or
party suffix) or the office written before it. A role noun with no state ("police", "a federal court", "the lower
house") also stands for a state: ``home_role`` finds it, ``national_body`` says whether it is a national body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from events.assemble.clauses import Token, TriggerHit, _covered

_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ORG_WORDS = frozenset(
    "inc inc. corp corp. co co. ltd ltd. plc llc ag sa nv group holdings bank party front army council ministry "
    "agency department commission committee court union federation association authority company corporation "
    "airlines airways fund institute university".split())
_OFFICES = frozenset(
    "governor gov gov. senator sen sen. mayor judge justice president minister secretary chancellor premier "
    "chief director chairman chairwoman commander general gen gen. rep rep. representative congressman "
    "congresswoman ambassador prosecutor attorney sheriff lawmaker legislator spokesman spokeswoman king queen "
    "prince emir sultan leader officials".split())
_NOT_NAMES = frozenset("i a an the this that these those he she it we they in on at after before when while "
                       "if as but and yesterday today earlier later meanwhile still also mr mrs ms dr".split())


def named_participant(toks: Sequence[Token], clauses: Sequence[int], hit: TriggerHit,
                      blocked: Sequence[tuple[int, int]]) -> str:
    """A proper name in the trigger's clause that no dictionary codes ("KKR bought RJR", "Keating's
    convictions were thrown out", "Governor Jane Miller toured"), read as a participant of the article's
    home state: the agent before the trigger, or after "by" in a passive."""
    idx = [k for k, c in enumerate(clauses) if c == hit.clause]
    if hit.passive:
        by = next((k for k in idx if toks[k].low == "by" and toks[k].start >= hit.end), None)
        idx = [k for k in idx if by is not None and k > by] or [k for k in idx if toks[k].end <= hit.start]
    else:
        idx = [k for k in idx if toks[k].end <= hit.start]
    for k in idx:
        tok = toks[k]
        if not tok.text[:1].isupper() or not tok.text[:1].isalpha() or tok.low in _CALENDAR or tok.low in _NOT_NAMES:
            continue
        if _covered(tok.start, tok.end, blocked):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        first = k == 0 or toks[k - 1].text in ('"', "“", "(", "--", "_", ":", "—", "–")
        if first and not (nxt is not None and (nxt.text[:1].isupper() or tok.text.endswith(("'s", "’s")))):
            continue  # a capital that only opens the sentence is no name
        if _public(toks, k):
            return tok.text
    return ""


def _public(toks: Sequence[Token], k: int) -> bool:
    """Whether the name starting at token k is a body or an office-holder (see module docstring)."""
    word = toks[k].text.rstrip("'’s")
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return True  # "KKR", "NATO"
    j = k
    while j < len(toks) and (toks[j].text[:1].isupper() or toks[j].low in ("of", "&", "and")):
        if toks[j].low in _ORG_WORDS:
            return True  # "RJR Nabisco Inc.", "Acme Holdings", "Bank of Ruritania"
        j += 1
    return any(t.low in _OFFICES for t in toks[max(0, k - 3):k + 1])  # "New York governor George Pataki"


_ROLE_NOUNS = re.compile(
    r"\b(?:police(?:men)?|policemen|troops|soldiers|army|navy|air force|military|security forces|"
    r"court|judge|jury|prosecutors?|parliament|congress|senate|lawmakers|legislators|legislature|"
    r"(?:lower|upper) house|cabinet|government|ministry|minister|officials|authorities|administration|"
    r"rebels|guerrillas|militants|protesters|demonstrators|company|firm)\b",
    re.I,
)
_FEDERAL = re.compile(r"\b(?:federal|state|national|city|local|county)\s+(?:appeals\s+)?(?:court|judge|jury|"
                      r"prosecutors?|police|agents?|officials|authorities|government)\b", re.I)


_NATIONAL_BODY = re.compile(r"\b(?:parliament|legislature|(?:lower|upper) house|cabinet|government|ministry)\b", re.I)


def national_body(role: str) -> bool:
    """A role noun naming a national body, which belongs to the state the story is about at that point."""
    return bool(_NATIONAL_BODY.search(role))


def home_role(clause_text: str) -> str:
    """A role noun standing for a state body that names no state ("police", "a federal court")."""
    m = _FEDERAL.search(clause_text) or _ROLE_NOUNS.search(clause_text)
    return m.group(0) if m else ""
