"""events.assemble.confidence: the named terms add up as the events have always stored them."""

from __future__ import annotations

from events.assemble.confidence import CEILING, SUMMIT, clause_confidence, sentence_confidence


def test_clause_confidence_terms() -> None:
    assert clause_confidence(own_date=False, day=False, placed=False, has_agent=False) == 0.55
    assert clause_confidence(own_date=True, day=False, placed=False, has_agent=False) == 0.65
    assert clause_confidence(own_date=True, day=True, placed=False, has_agent=True) == 0.85
    assert clause_confidence(own_date=True, day=True, placed=True, has_agent=True) == CEILING  # 0.95 capped


def test_sentence_confidence_terms() -> None:
    assert sentence_confidence(typed=False, precision="year", anchored=False, placed=False, inherited=False) == 0.55
    assert sentence_confidence(typed=True, precision="month", anchored=True, placed=False, inherited=False) == 0.75
    assert sentence_confidence(typed=True, precision="day", anchored=True, placed=True, inherited=False) == 0.9
    assert sentence_confidence(typed=True, precision="day", anchored=True, placed=True, inherited=True) == 0.8


def test_confidences_are_stored_with_two_decimals_and_a_summit_is_below_the_ceiling() -> None:
    for own in (False, True):
        for day in (False, True):
            c = clause_confidence(own, day, True, False)
            assert c == round(c, 2) and 0 < c <= CEILING
    assert SUMMIT < CEILING
