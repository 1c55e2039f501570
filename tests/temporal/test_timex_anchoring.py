"""resolve_dates: intervals, precision, anchors and the narrative reference time."""

from __future__ import annotations

import datetime as dt

from events.model import DateSpan
from events.temporal import resolve_dates

PUB = dt.date(2024, 11, 20)  # a Wednesday


def spans(text: str, dct: dt.date | None = PUB) -> dict[str, DateSpan]:
    return {s.timex.text: s for s in resolve_dates(text, dct)}


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def test_explicit_partial_and_document_anchors() -> None:
    got = spans("In March 2023 the deal was signed. On November 14 the port opened.")
    march = got["March 2023"]
    assert (march.date_start, march.date_end, march.precision, march.anchor) == (
        d("2023-03-01"), d("2023-03-31"), "month", "explicit")
    nov = got["November 14"]
    assert (nov.date_start, nov.precision, nov.anchor) == (d("2024-11-14"), "day", "document")
    assert nov.anchored_on == "publication date 2024-11-20"


def test_narrative_time_moves_with_the_story() -> None:
    text = ("On November 17 the minister arrived in Lima. The next day he met the president. "
            "On the same day, he signed a deal. The previous day had been quiet.")
    got = spans(text)
    assert got["November 17"].date_start == d("2024-11-17")
    nxt = got["The next day"]
    assert (nxt.date_start, nxt.anchor) == (d("2024-11-18"), "narrative")
    assert nxt.anchored_on == "narrative time 2024-11-17 ('November 17')"
    assert got["the same day"].date_start == d("2024-11-18")
    assert got["The previous day"].date_start == d("2024-11-17")


def test_day_after_an_arrival_uses_the_arrival_date() -> None:
    text = ("He arrived in Moscow on October 3. Talks were held on October 5. "
            "On the day after his arrival, he laid a wreath.")
    assert spans(text)["the day after his arrival"].date_start == d("2024-10-04")


def test_weekdays_follow_the_tense() -> None:
    got = spans("He visited Moscow on Tuesday. He will visit Paris on Friday. "
                "Last Wednesday he spoke. The summit is scheduled to open on Sunday.")
    assert got["Tuesday"].date_start == d("2024-11-19")
    assert got["Friday"].date_start == d("2024-11-22")
    assert got["Last Wednesday"].date_start == d("2024-11-13")
    assert got["Sunday"].date_start == d("2024-11-24")


def test_relative_periods() -> None:
    got = spans("Exports fell last month and last year; this year they rose. "
                "Later this year a plant opens. Prices fell in the second half of 2023.")
    assert (got["last month"].date_start, got["last month"].date_end) == (d("2024-10-01"), d("2024-10-31"))
    assert got["last year"].date_start == d("2023-01-01")
    assert got["this year"].date_end == d("2024-12-31")
    assert got["Later this year"].date_start == d("2024-01-01")
    half = got["the second half of 2023"]
    assert (half.date_start, half.date_end, half.precision) == (d("2023-07-01"), d("2023-12-31"), "month")


def test_decades_seasons_quarters() -> None:
    got = spans("Trade boomed in the 1990s. Last summer was dry. Sales rose in the fiscal first quarter.")
    assert (got["the 1990s"].date_start, got["the 1990s"].date_end) == (d("1990-01-01"), d("1999-12-31"))
    assert got["Last summer"].date_start == d("2024-06-01")
    assert got["the fiscal first quarter"].date_end == d("2024-03-31")


def test_ranges_are_one_span() -> None:
    text = ("Talks on November 19-20 followed visits on October 30-November 1. From September 8-11, 2024 "
            "the forum met; delegations meet on October 17 and 18.")
    got = spans(text)
    assert (got["November 19-20"].date_start, got["November 19-20"].date_end) == (d("2024-11-19"), d("2024-11-20"))
    assert (got["October 30-November 1"].date_start, got["October 30-November 1"].date_end) == (
        d("2024-10-30"), d("2024-11-01"))
    sep = got["September 8-11, 2024"]
    assert (sep.date_start, sep.date_end, sep.anchor) == (d("2024-09-08"), d("2024-09-11"), "explicit")
    assert got["October 17 and 18"].date_end == d("2024-10-18")


def test_open_intervals() -> None:
    got = spans("Trade has grown since 2014. The deal must be signed by April 25th. Talks from October 25-26.")
    assert got["2014"].open_ended
    assert got["April 25th"].open_ended
    assert not got["October 25-26"].open_ended


def test_yearless_month_and_future_plans() -> None:
    pub = dt.date(2017, 4, 12)
    got = spans("In March, the company was founded. In December he resigned. "
                "On April 25-27 the delegation will visit Beijing.", pub)
    assert got["March"].date_start == d("2017-03-01")
    assert got["December"].date_start == d("2016-12-01")  # later month, past tense: the year before
    assert got["April 25-27"].date_start == d("2017-04-25")


def test_unknown_year_is_left_for_later() -> None:
    got = spans("On Nov. 14, Xi Jinping inaugurated a port in Chancay.", None)
    nov = got["Nov. 14"]
    assert (nov.date_start, nov.date_end, nov.timex.value, nov.precision) == (None, None, "XXXX-11-14", "day")


def test_narrative_year_without_publication_date() -> None:
    got = spans("In 2019 the plant opened. On March 5 it was attacked. Two days later it closed.", None)
    assert got["March 5"].date_start == d("2019-03-05")
    assert got["March 5"].anchor == "narrative"
    assert got["Two days later"].date_start == d("2019-03-07")


def test_offset_shifts_timex_positions() -> None:
    text = "It happened on May 14, 2015."
    (span,) = resolve_dates(text, None, offset=100)
    assert (span.timex.start, span.timex.end) == (115, 127)


def test_times_and_numbers_are_not_dates() -> None:
    text = ("At 10:30 he left. Resolution 2803 passed. Revelations 6:3-4 was read. $3.6 billion was spent "
            "on the 55th anniversary and the 20th round; 85,000 people came.")
    assert resolve_dates(text, PUB) == []


def test_clock_time_with_a_day_names_the_day() -> None:
    (span,) = resolve_dates("The blast came at 10:35 a.m. Friday.", PUB)
    assert (span.date_start, span.precision, span.timex.value) == (d("2024-11-15"), "day", "2024-11-15")


def test_inference_skips_dates_of_future_plans() -> None:
    from events.temporal import infer_dct

    text = "The pact of May 2, 2016 was renewed on June 9, 2016. The summit will be held on June 5, 2025."
    assert infer_dct(text) == (d("2016-06-09"), "inferred")


def test_day_after_in_apposition_restates_the_date() -> None:
    text = ("Putin received the vice-premier on April 13, which was, incidentally, "
            "the day after the visit by the US Secretary of State to Moscow.")
    got = spans(text, dt.date(2017, 4, 20))
    assert got["the day after the visit"].date_start == d("2017-04-13")


def test_a_past_verb_with_its_object_governs_the_day_after_it() -> None:
    got = spans("Iraq invaded Kuwait on August 2.", dt.date(2000, 6, 1))
    assert got["August 2"].date_start == dt.date(1999, 8, 2)
    got = spans("The minister said the talks open on August 2.", dt.date(2000, 6, 1))
    assert got["August 2"].date_start == dt.date(2000, 8, 2)
