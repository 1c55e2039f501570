"""TimeML/TimeBank conventions the tagger follows (hand-built sentences, no corpus text)."""

from __future__ import annotations

import datetime as dt

import pytest

from events.temporal import resolve_dates, tag

DCT = dt.date(1998, 2, 17)  # a Tuesday


def typed(text: str, words: str, dct: dt.date | None = DCT) -> tuple[str, str]:
    for t in tag(text, dct):
        if t.text == words:
            return t.type, t.value
    raise AssertionError(f"{words!r} not tagged in {[(t.text, t.value) for t in tag(text, dct)]}")


@pytest.mark.parametrize("text,words,expected", [
    # a weekday with a part of the day is the day (TimeBank practice; see normalize.weekday)
    ("Police arrived Monday morning.", "Monday morning", ("DATE", "1998-02-16")),
    ("The vote was held Sunday night.", "Sunday night", ("DATE", "1998-02-15")),
    ("They will meet Thursday afternoon.", "Thursday afternoon", ("DATE", "1998-02-19")),
    # vague spans of time are durations with an unknown count
    ("Prices have climbed in recent years.", "recent years", ("DURATION", "PXY")),
    ("More cuts are likely in the coming weeks.", "the coming weeks", ("DURATION", "PXW")),
    # "the past year" names the previous calendar year, as "last year" does
    ("Exports fell over the past year.", "the past year", ("DATE", "1997")),
])
def test_timebank_conventions(text: str, words: str, expected: tuple[str, str]) -> None:
    assert typed(text, words) == expected


EARNINGS_DCT = dt.date(1989, 11, 1)


def test_topic_quarter_of_an_earnings_story_is_the_comparison() -> None:
    text = ("Net income rose 20% in the third quarter. Results compared with a flat second quarter. "
            "In the year-earlier period, the company earned $5 million.")
    assert typed(text, "the year-earlier period", EARNINGS_DCT) == ("DATE", "1988-Q3")


def test_a_forecast_quarter_is_not_the_comparison() -> None:
    text = ("Net rose in the third quarter. The company expects fourth-quarter profit to fall. "
            "In the latest quarter, sales rose from $5 million a year ago.")
    assert typed(text, "the latest quarter", EARNINGS_DCT) == ("DATE", "1989-Q3")
    assert typed(text, "a year ago", EARNINGS_DCT) == ("DATE", "1988-Q3")


def test_nine_months_make_the_comparison_a_year() -> None:
    text = ("Net rose in the third quarter. For the nine months, net was $9 million, "
            "up from $7 million a year earlier.")
    assert typed(text, "a year earlier", EARNINGS_DCT) == ("DATE", "1988")


def test_future_weekday_is_not_pulled_to_a_later_date_in_the_sentence() -> None:
    text = ("The freighter left the port on April 10. The ship will start its return journey on Sunday "
            "from the port, and is expected to reach its home port on April 19.")
    got = {s.timex.text: s.date_start for s in resolve_dates(text, dt.date(2017, 4, 12))}
    assert got["Sunday"] == dt.date(2017, 4, 16)
    assert got["April 19"] == dt.date(2017, 4, 19)


def test_weekday_with_part_of_day_still_gives_the_pipeline_a_day() -> None:
    got = {s.timex.text: s for s in resolve_dates("Police arrived Monday morning.", DCT)}
    span = got["Monday morning"]
    assert (span.date_start, span.precision, span.timex.value) == (dt.date(1998, 2, 16), "day", "1998-02-16")


@pytest.mark.parametrize("text,words,expected", [
    ("They will speak tonight.", "tonight", ("TIME", "1998-02-17TNI")),
    ("It may take a couple of years.", "a couple of years", ("DURATION", "P2Y")),
    ("The firm said it would pay the dividend in January.", "January", ("DATE", "1999-01")),
])
def test_more_conventions(text: str, words: str, expected: tuple[str, str]) -> None:
    dct = DCT if "January" not in text else dt.date(1998, 11, 2)
    assert typed(text, words, dct) == expected


def test_now_as_a_discourse_marker_is_not_a_timex() -> None:
    text = "The plan failed. Now, he says, it looks different. Prices are now higher."
    nows = [t for t in tag(text, DCT) if t.text.lower() == "now"]
    assert [(t.start, t.value) for t in nows] == [(text.rindex("now"), "PRESENT_REF")]


def test_deadline_just_passed_is_not_next_year() -> None:
    text = "The agency ordered the child returned by Jan. 14."
    assert typed(text, "Jan. 14", dt.date(2000, 1, 15)) == ("DATE", "2000-01-14")


def test_the_last_decade_is_the_previous_decade() -> None:
    assert typed("Wages lost ground to inflation in the last decade.", "the last decade") == ("DATE", "198")


@pytest.mark.parametrize("text,words", [
    ("The company has cut jobs over the past five years.", "the past five years"),
    ("The trial is expected to last several weeks.", "several weeks"),
    ("They agreed to the 30-day truce.", "30-day"),
])
def test_signals_verbs_and_articles_stay_out_of_duration_spans(text: str, words: str) -> None:
    assert [t.text for t in tag(text, DCT) if t.type == "DURATION"] == [words]


def test_an_early_year_needs_a_preposition() -> None:
    assert [t.text for t in tag("Some 1500 police were deployed.", DCT)] == []
    assert [t.value for t in tag("The church was built in 1500.", DCT)] == ["1500"]


@pytest.mark.parametrize("ended,value", [("July 31", "1989-Q2"), ("Sept. 30", "1989-Q3"), ("Jan. 31", "1988-Q4")])
def test_a_quarter_ending_on_a_date_is_the_calendar_quarter_it_mostly_covers(ended: str, value: str) -> None:
    text = f"In the quarter ended {ended}, 1989, the company lost money."
    assert typed(text, "the quarter", EARNINGS_DCT) == ("DATE", value)


def test_a_plan_in_the_past_perfect_is_behind_the_report() -> None:
    text = "The offer had been scheduled to expire at midnight Friday. It was extended."
    assert typed(text, "midnight Friday", dt.date(1989, 10, 30)) == ("TIME", "1989-10-27T24:00")


@pytest.mark.parametrize("text,words,value", [
    ("The carrier has been on patrol since March and was scheduled to return.", "March", "1997-03"),
    ("Talks have stalled since Monday, and will resume later.", "Monday", "1998-02-16"),
    ("Protesters planned a rally on Saturday and were planning to march.", "Saturday", "1998-02-21"),
])
def test_since_is_past_and_auxiliaries_follow_their_verb(text: str, words: str, value: str) -> None:
    dct = dt.date(1997, 8, 13) if "March" in text else DCT
    assert typed(text, words, dct)[1] == value


def test_an_ed_adjective_is_not_a_past_tense_verb() -> None:
    text = "The split would be paid on a still unspecified date in January."
    assert typed(text, "January", dt.date(1989, 10, 26)) == ("DATE", "1990-01")
