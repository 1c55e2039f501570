"""Tense and future cues: the words that say a clause speaks of what is still to come.

Four readers ask "is this about the future?" with different costs and different errors to avoid,
and each list is tuned (and scored) for its reader; merging them would change what the pipeline
extracts, so they stay side by side here, named for their reader:

- ``ANCHORING_FUTURE`` (+ ``SCHEDULED``, ``REPORTED_FUTURE``) — temporal anchoring: the nearest
  cue decides whether "Friday" is the coming or the last one, so plans, deadlines and
  scheduling verbs all count ("expires", "takes effect");
- ``HEADER_FUTURE`` / ``future_context`` — the publication-date ladder: a date in a clause that
  speaks of a plan, a forecast or a target ("by 2030", "the 2021-2025 period") is no evidence of
  when the article was written, so even "by", "until" and "through" count;
- ``STATUS_FUTURE`` — an event's status (planned vs. occurred) from its sentence: modals count
  ("may", "could"), as an event that might happen has not occurred;
- ``AUX_FUTURE``, ``INTENT_VERBS``, ``COMMITMENT_VERBS`` — word sets for a trigger's own
  auxiliaries (assemble/clauses reads the few tokens before a trigger).
"""

from __future__ import annotations

import re

from events.text.sentences import clause_start

__all__ = ["ANCHORING_FUTURE", "SCHEDULED", "REPORTED_FUTURE", "HEADER_FUTURE", "future_context", "STATUS_FUTURE",
           "AUX_FUTURE", "INTENT_VERBS", "COMMITMENT_VERBS"]

# --- temporal anchoring ----------------------------------------------------------------------------
ANCHORING_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\sto|expected\sto|expects?\sto|agreed\sto|agreement\sto|scheduled|slated|planned\sfor|due\sto|plans?\sto|planning\sto"
    r"|intends?\sto|set\sto|to\sbe\sheld|upcoming|(?:expected|due)\s(?:on|in|by|around|before|next|later|early)|look(?:s|ed|ing)?\sforward\sto|is\sto|are\sto|hopes?\sto|aims?\sto"
    r"|to\sattend|to\svisit|invited\sto|as\ssoon\sas|payable|effective|expires?|deadline|begins|starts|opens|ends|takes\seffect|runs\sthrough)\b", re.IGNORECASE)
# The present tense of a scheduled event points ahead ("meets Monday", "leaves for Rome on Friday"):
# a weaker cue than "will" (a weekday takes the coming one, a date only leans ahead).
SCHEDULED = re.compile(r"\b(?:meets|(?<!\bto\s)(?<!\bnot\s)meet|leaves\sfor|arrives|departs|convenes|reconvenes"
                       r"|heads\sto|flies\sto|falls\s+on|runs\s+from|takes\s+place|(?:is|are)\s+set\s+for)\b", re.IGNORECASE)
# Future in reported speech ("said it would pay in January"): a cue for months, too weak for weekdays
# ("said Wednesday that he would ...").
REPORTED_FUTURE = re.compile(r"\bwould\b", re.IGNORECASE)

# --- the publication-date ladder -------------------------------------------------------------------
HEADER_FUTURE = re.compile(
    r"\b(?:will|shall|plans?|planned|is to|are to|expected|scheduled|next|upcoming|by|projected|forecast|"
    r"predicted|estimated|target|goals?|forward|until|through|vision|agenda|period)\b",
    re.I,
)
FUTURE_CONTEXT_REACH = 120  # characters before the date searched for a cue
FUTURE_CONTEXT_AFTER = 40  # and after it


def future_context(text: str, pos: int) -> bool:
    """Whether the clause before ``pos`` speaks of the future (a cheap, local tense cue)."""
    start = clause_start(text, pos, FUTURE_CONTEXT_REACH)
    window = text[start:pos + FUTURE_CONTEXT_AFTER]
    return bool(HEADER_FUTURE.search(window))


# --- an event's status -----------------------------------------------------------------------------
STATUS_FUTURE = re.compile(
    r"\b(?:will|shall|would|to be held|is (?:expected|scheduled|set|due|slated|planning|going) to|are (?:expected|scheduled|set|due|planning|going) to|"
    r"plans? to|intends? to|may|might|could|upcoming|forthcoming|next (?:week|month|year)|later this|ahead of)\b",
    re.I,
)

# --- a trigger's auxiliaries (lower-cased tokens) --------------------------------------------------
AUX_FUTURE = frozenset("will 'll shall".split())
# "plans to visit": a verb of intention before "to" makes the infinitive a future act
INTENT_VERBS = frozenset(
    "plans plan planned planning intends intend intended expects expected hopes hope hoped wants want wanted "
    "seeks seek sought wished willing ready prepared scheduled due set going trying tried agreed agree agrees "
    "offered offer offers promised promise promises pledged pledge pledges threatened threaten threatens "
    "decided decide decides refused refuse refuses vowed vow vows proposed propose proposes asked urged "
    "called".split()
)
# "agreed to withdraw", "vowed to retaliate": a commitment before "to" makes the act future whatever
# else the clause says
COMMITMENT_VERBS = ("willing", "ready", "prepared", "agreed", "offered", "promised", "pledged", "vowed", "threatened")
