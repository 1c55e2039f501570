"""Dates at the calendar's edge: an expression with no calendar date stays unresolved, nothing raises."""

from __future__ import annotations

import datetime as dt

import pytest

from events.temporal import tag
from events.temporal.tagger import resolve_dates


@pytest.mark.parametrize("text", [
    "12/31/9999 In Lima, Xi met Putin. The next day they signed. Next quarter too. Tomorrow they leave.",
    "January 1, 0001. Yesterday they came. Last year too. The previous week.",
])
@pytest.mark.parametrize("dct", [None, dt.date(2024, 1, 1)])
def test_a_narrative_date_at_the_edge_leaves_what_follows_unresolved(text: str, dct: dt.date | None) -> None:
    # was OverflowError (temporal/relative.py): 9999-12-31 + one quarter
    timexes = tag(text, dct)
    assert timexes and timexes[0].start == 0
    for span in resolve_dates(text, dct):
        assert span.date_start is None or span.date_end is None or span.date_start <= span.date_end


@pytest.mark.parametrize("text", [
    "Brooklyn Park police responded to the 1000 block of Brooklyn Boulevard on Friday.",
    "A man was shot in the 1900 block of Main Street in 2019.",
])
def test_a_street_block_number_is_not_a_year(text: str) -> None:
    # "the 1000 block" became the year 1000: an event in 1000 the app's slider could not draw (issue 14 item 9)
    assert all(not t.value.startswith(("1000", "1900")) for t in tag(text, dt.date(2019, 6, 7)))
