"""events.text.tense: each reader's future cues, and why the lists differ."""

from __future__ import annotations

from events.text.tense import ANCHORING_FUTURE, HEADER_FUTURE, REPORTED_FUTURE, SCHEDULED, STATUS_FUTURE, future_context


def test_anchoring_counts_deadlines_but_not_modals() -> None:
    assert ANCHORING_FUTURE.search("the contract expires Friday")
    assert not ANCHORING_FUTURE.search("he may come Friday")
    assert SCHEDULED.search("the council meets Monday") and not SCHEDULED.search("decided not meet Monday")
    assert REPORTED_FUTURE.search("said it would pay")


def test_status_counts_modals_but_not_deadlines() -> None:
    assert STATUS_FUTURE.search("he may visit Moscow")
    assert not STATUS_FUTURE.search("the contract expires Friday")


def test_the_publication_ladder_counts_targets_and_periods() -> None:
    assert HEADER_FUTURE.search("growth by 2030")
    assert not ANCHORING_FUTURE.search("growth by 2030")
    text = "It was a good year. The plan runs until 2030 in full."
    assert future_context(text, text.index("2030"))
    text = "Sales rose. In 2019 they doubled."
    assert not future_context(text, text.index("2019"))
