"""events.text.datelines: each stage's reading of a story's dateline."""

from __future__ import annotations

from events.temporal.lexicon import DAYNUM, MONTH
from events.text.datelines import (
    HEADER_DATELINE,
    is_wire_story,
    opens_paragraph_dateline,
    story_dateline,
    yearless_dateline_pattern,
)


def test_story_dateline_gives_place_region_and_day() -> None:
    assert story_dateline("May 7, 2021\n\nNAIROBI, May 6 (Xinhua) --\n\nText") == ("Nairobi", "", "May 6")
    assert story_dateline("THE HAGUE, Netherlands (AP)_ The court ruled") == ("The Hague", "Netherlands", "")
    assert story_dateline("President Bush said today") is None
    assert story_dateline("AP -- a wire tag is no place") is None


def test_a_wire_story_opens_with_an_agency_dateline_near_the_start() -> None:
    assert is_wire_story("Headline\n\nMOSCOW (Reuters) - Talks began.")
    assert not is_wire_story("MOSCOW - Talks began.")
    assert not is_wire_story("x" * 1600 + "\nMOSCOW (Reuters) - Talks began.")


def test_header_dateline_is_a_capitalised_place_before_the_date() -> None:
    assert HEADER_DATELINE.search("WASHINGTON")
    assert HEADER_DATELINE.search("BEIJING, China (Xinhua)")
    assert not HEADER_DATELINE.search("talks in Washington")


def test_yearless_dateline_reads_month_and_day() -> None:
    pattern = yearless_dateline_pattern(MONTH, DAYNUM)
    m = pattern.search("Headline\nHARBIN, April 12 -- Officials said")
    assert m is not None and m.group("mon") == "April" and m.group("day") == "12"
    assert pattern.search("He said on April 12 that") is None


def test_a_paragraph_dateline_has_a_place_before_and_a_dash_after_the_date() -> None:
    text = "Intro.\n\nBeijing, November 26th\u2014Liu met here today."
    para = text.index("Beijing")
    start = text.index("November")
    end = start + len("November 26th")
    assert opens_paragraph_dateline(text, para, start, end)
    assert not opens_paragraph_dateline(text, para, start, end - 2)  # no dash right after
    far = "Intro.\n\n" + "A" + "b" * 60 + ", November 26th\u2014Liu met."
    s = far.index("November")
    assert not opens_paragraph_dateline(far, 8, s, s + len("November 26th"))
