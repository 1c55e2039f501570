"""Proper names that contain time words: TIDES/TimeML leave them unannotated.

"USA Today", "60 Minutes", ABC's "This Week", "High Noon", "the Winter Olympics", "Orion 1980",
"the March of the Combatant Mothers": a time word capitalised mid-sentence, a season before a
capitalised word, a year right after a capitalised name.  Sentence starts, opening quotes and
title-case headlines keep their capitals.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from events.temporal.lexicon import MONTHS, SEASONS, WEEKDAY_PLURALS, WEEKDAYS
from events.text.sentences import sentence_initial

if TYPE_CHECKING:
    from events.temporal.finder import Candidate

__all__ = ["in_name"]


# Words written capitalised in running text anyway: a capital there says nothing about a name.
_CAPITALISED_ANYWAY = frozenset(MONTHS) | frozenset(WEEKDAYS) | WEEKDAY_PLURALS | frozenset(SEASONS) | {"i"}
_ALPHA_WORD = re.compile(r"[A-Za-z]+")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
_HOLIDAY_WORDS = frozenset({"christmas", "easter", "thanksgiving", "eve", "day", "fiscal"})
_CAPITAL_NEXT = re.compile(r"\s(?:[A-Z][a-z])")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][a-z]")


def _headline(text: str, pos: int) -> bool:
    """The line around ``pos`` is title case ("Talks Resume Next Week"): capitals mark no name there."""
    a = text.rfind("\n", max(0, pos - 200), pos) + 1
    b = text.find("\n", pos, pos + 200)
    lo, hi = (a if a > 0 else max(0, pos - 200)), (b if b >= 0 else min(len(text), pos + 200))
    if text[lo:hi].rstrip().endswith((".", "?", "!", '"', "'", "\u201d")):
        return False  # a sentence, not a title
    words = _ALPHA_WORD.findall(text, lo, hi)
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.6 * len(long)


def in_name(c: Candidate, text: str) -> bool:
    """Part of a title or name: a time word capitalised mid-sentence ("USA Today", "60 Minutes",
    ABC's "This Week", "High Noon").  TIDES/TimeML leave proper names unannotated."""
    if c.rule == "holiday":
        return False
    if c.rule in ("month", "season") and _OF_NAME.match(text, c.end):
        return True  # "the March of the Combatant Mothers", "Spring of Life" rallies
    season = c.groups.get("season") or ""
    if c.rule == "season" and not c.groups.get("year") and _CAPITAL_NEXT.match(text, c.end) \
            and season[:1].isupper() and not season.isupper():
        return True  # "the Winter Olympics", "Summer Games": a name
    if c.rule == "year" and not c.groups.get("mod") and not c.groups.get("pfx"):
        nb = _NAME_BEFORE.search(text, max(0, c.start - 30), c.start)
        if nb and nb.group(1).lower() not in _CAPITALISED_ANYWAY and nb.group(1).lower() not in _HOLIDAY_WORDS \
                and not sentence_initial(text, nb.start(1)) and not _headline(text, c.start):
            return True  # "a venture called Orion 1980", "Windows 2000": a name with a number
    for m in _ALPHA_WORD.finditer(text, c.start, c.end):
        w = m.group(0)
        if not w[0].isupper() or w.isupper() or w.lower() in _CAPITALISED_ANYWAY:
            continue
        if m.start() == c.start and _sentence_initial_or_quoted(text, m.start()):
            continue
        return not _headline(text, m.start())
    return False


def _sentence_initial_or_quoted(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" \t")
    return sentence_initial(text, pos) or (before[-1:] in ("\"", "`", "'", "\u201c", "(", "[") and not before[-2:] == "s'")
