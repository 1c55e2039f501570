"""TIMEX3 tagging: what is found and how it is normalised (hand-built sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from events.temporal import tag

DCT = dt.date(2013, 3, 22)  # a Friday


def values(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def value_of(text: str, words: str, dct: dt.date | None = DCT) -> str:
    for t in tag(text, dct):
        if t.text == words:
            return t.value
    raise AssertionError(f"{words!r} not tagged in {values(text, dct)}")


@pytest.mark.parametrize("text,words,value", [
    ("The treaty was signed on March 5, 1946 in Paris.", "March 5, 1946", "1946-03-05"),
    ("It was signed on 5 March 1946.", "5 March 1946", "1946-03-05"),
    ("The report of 2013-03-20 said so.", "2013-03-20", "2013-03-20"),
    ("The plant opened in September 2017.", "September 2017", "2017-09"),
    ("Output fell in 1998.", "1998", "1998"),
    ("Prices rose in the 1990s.", "the 1990s", "199"),
    ("It was built in the 20th century.", "the 20th century", "19"),
    # a quarter not yet begun at dct (March) reported in the past tense is last year's
    ("Sales fell in the third quarter.", "the third quarter", "2012-Q3"),
    ("Third-quarter profit rose.", "Third-quarter", "2012-Q3"),
    ("Sales will rise in the third quarter.", "the third quarter", "2013-Q3"),
    ("Growth slowed in the second half of 2012.", "the second half of 2012", "2012-H2"),
    ("The company expects gains in fiscal 2014.", "fiscal 2014", "2014"),
    ("We met in the summer of 2010.", "the summer of 2010", "2010-SU"),
    ("It rained on Christmas Day 2010.", "Christmas Day 2010", "2010-12-25"),
])
def test_explicit_dates(text: str, words: str, value: str) -> None:
    assert value_of(text, words) == value


@pytest.mark.parametrize("text,words,value", [
    ("He arrived today.", "today", "2013-03-22"),
    ("He arrived yesterday.", "yesterday", "2013-03-21"),
    ("He leaves tomorrow.", "tomorrow", "2013-03-23"),
    ("Sales fell last year.", "last year", "2012"),
    ("Sales will rise next year.", "next year", "2014"),
    ("Prices fell last month.", "last month", "2013-02"),
    ("The vote is this week.", "this week", "2013-W12"),
    ("The vote was last week.", "last week", "2013-W11"),
    ("He said so two years ago.", "two years ago", "2011"),
    ("It closed ten days ago.", "ten days ago", "2013-03-12"),
    ("It closed three months ago.", "three months ago", "2012-12"),
    ("Prices are high now.", "now", "PRESENT_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("Earlier this year, the firm grew.", "Earlier this year", "2013"),
    ("He was born in the 1960s and left last summer.", "last summer", "2012-SU"),
])
def test_relative_to_document_date(text: str, words: str, value: str) -> None:
    assert value_of(text, words) == value


@pytest.mark.parametrize("text,words,typ,value", [
    ("The strike lasted three days.", "three days", "DURATION", "P3D"),
    ("The flight took two hours.", "two hours", "DURATION", "PT2H"),
    ("It took a year and a half.", "a year and a half", "DURATION", "P1Y6M"),
    ("It took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("a two-year contract", "two-year", "DURATION", "P2Y"),
    ("in the past two months", "the past two months", "DURATION", "P2M"),
    ("for several years", "several years", "DURATION", "PXY"),
    ("The paper appears daily.", "daily", "SET", "P1D"),
    ("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("It pays $5 million a year.", "a year", "SET", "P1Y"),
    ("The blast came at 10:35 a.m. Friday.", "10:35 a.m. Friday", "TIME", "2013-03-22T10:35"),
    ("They spoke this morning.", "this morning", "TIME", "2013-03-22TMO"),
])
def test_durations_sets_times(text: str, words: str, typ: str, value: str) -> None:
    got = [(t.type, t.value) for t in tag(text, DCT) if t.text == words]
    assert got == [(typ, value)], values(text)


@pytest.mark.parametrize("text", [
    "The Security Council adopted Resolution 2803 unanimously.",
    "Revelations 6:3-4 was read aloud.",
    "The port cost $3.6 billion.",
    "They marked the 55th anniversary of the treaty.",
    "The 20th round of talks opened.",
    "About 85,000 people marched.",
    "He was a 44-year-old teacher.",
    "Flight 1549 landed on the river.",
    "The company employs 2000 workers.",
    "She may come, and troops will march later.",
    "Nearly one-quarter of voters and about a quarter of the staff left.",
])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert [t for t in tag(text, DCT) if t.type in ("DATE", "TIME")] == [], values(text)


def test_offsets_index_the_text() -> None:
    text = "Officials said on Tuesday, March 19, that talks resumed in 2012."
    for t in tag(text, DCT):
        assert text[t.start:t.end] == t.text


def test_range_ends_are_tagged_separately() -> None:
    text = "The forum ran from September 8-11, 2024 in Beijing."
    got = values(text)
    assert ("September 8", "DATE", "2024-09-08") in got
    assert ("11, 2024", "DATE", "2024-09-11") in got


def test_without_document_date_the_year_stays_unknown() -> None:
    assert value_of("On Nov. 14, the port opened.", "Nov. 14", None) == "XXXX-11-14"
    assert value_of("He said it on Friday.", "Friday", None) == "XXXX-WXX-5"


def test_spelled_out_years() -> None:
    assert value_of("In nineteen ninety-six the law passed.", "nineteen ninety-six") == "1996"


def test_month_names_need_capitals_and_context() -> None:
    assert values("Soldiers march and she may go.") == []
    assert value_of("He left in May.", "May") == "2012-05"  # before dct, past tense


def test_later_is_a_signal_in_timeml_but_a_date_for_the_pipeline() -> None:
    from events.temporal import resolve_dates

    text = "The talks opened on March 5, 2013. Three days later they collapsed."
    assert ("Three days", "DURATION", "P3D") in values(text)
    assert [s.date_start for s in resolve_dates(text, DCT) if s.timex.text == "Three days later"] == [
        dt.date(2013, 3, 8)]
    assert value_of("Profit rose from a year earlier.", "a year earlier") == "2012"


def test_decades_ahead_are_durations_and_seasons_follow_the_tense() -> None:
    assert value_of("Deficits fall over the next decade.", "the next decade") == "P10Y"
    assert value_of("Talks collapsed in the summer.", "the summer") == "2012-SU"


def test_parts_of_day() -> None:
    assert value_of("Shares rose in mid-afternoon yesterday.", "mid-afternoon yesterday") == "2013-03-21TAF"
    assert value_of("Prices fell overnight.", "overnight") == "2013-03-22TNI"


def test_possessive_before_a_year_and_the_season() -> None:
    assert value_of("It is in the company's 1989 results.", "1989") == "1989"
    assert value_of("Over the summer, rivals slashed prices.", "the summer") == "2012-SU"
    assert values("The fall of the wall was sudden.") == []


def test_generic_today_is_no_date() -> None:
    # "today's world" is the present in general: TimeBank leaves it untagged every time (4 of 4)
    got = values("In today's world, today's meeting matters.")
    assert got == [("today", "DATE", "2013-03-22")]
