"""An event's confidence: named terms added up, capped and rounded in one place.

Two recipes, because the two kinds of event are found differently: a trigger-argument event
(``discourse.clause_records``) knows whether its date came from its own clause and whether it has
an agent; a sentence event (``sentences.sentence_events``: summits, event-relative dates) knows
whether its type is one of PLOVER's and whether its date was inherited from an earlier sentence.
The terms are added in a fixed order (floating-point sums depend on it: the stored values must
not change).
"""

from __future__ import annotations

CEILING = 0.95  # no rule-based event is certain
DIGITS = 2  # stored with two decimals

# --- trigger-argument events ----------------------------------------------------------------------
CLAUSE_BASE = 0.5
CLAUSE_OWN_DATE = 0.15  # the date stands in the trigger's own clause ...
CLAUSE_BORROWED_DATE = 0.05  # ... or came from the discourse (report day, narrative)
CLAUSE_DAY = 0.1  # the date is a day
CLAUSE_PLACE = 0.1  # a place attaches to the trigger
CLAUSE_AGENT = 0.1  # someone does it

# --- sentence events (summits, event-relative dates) ----------------------------------------------
SENTENCE_BASE = 0.45
SENTENCE_TYPED = 0.15  # a PLOVER type ...
SENTENCE_UNTYPED = 0.05  # ... or OTHER
SENTENCE_DAY = 0.1  # the date is a day ...
SENTENCE_MONTH = 0.05  # ... or a month
SENTENCE_ANCHORED = 0.1  # the year is written or taken from the publication date ...
SENTENCE_INFERRED = 0.05  # ... or from the narrative or knowledge
SENTENCE_PLACE = 0.1
SENTENCE_INHERITED = 0.1  # subtracted: the date was carried over from an earlier sentence
SUMMIT = 0.7  # a summit edition named in the text, dated from the curated list


def clause_confidence(own_date: bool, day: bool, placed: bool, has_agent: bool) -> float:
    """Confidence of a trigger-argument event."""
    confidence = CLAUSE_BASE + (CLAUSE_OWN_DATE if own_date else CLAUSE_BORROWED_DATE) + (CLAUSE_DAY if day else 0.0)
    confidence += CLAUSE_PLACE if placed else 0.0
    confidence += CLAUSE_AGENT if has_agent else 0.0
    return round(min(confidence, CEILING), DIGITS)


def sentence_confidence(typed: bool, precision: str, anchored: bool, placed: bool, inherited: bool) -> float:
    """Confidence of a sentence event; ``precision``: "day", "month" or coarser."""
    confidence = SENTENCE_BASE
    confidence += SENTENCE_TYPED if typed else SENTENCE_UNTYPED
    confidence += SENTENCE_DAY if precision == "day" else SENTENCE_MONTH if precision == "month" else 0.0
    confidence += SENTENCE_ANCHORED if anchored else SENTENCE_INFERRED
    confidence += SENTENCE_PLACE if placed else 0.0
    confidence -= SENTENCE_INHERITED if inherited else 0.0
    return round(min(confidence, CEILING), DIGITS)
