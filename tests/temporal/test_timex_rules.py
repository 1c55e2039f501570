"""TimeML rules added for value accuracy (hand-built sentences, no corpus text)."""

from __future__ import annotations

import datetime as dt

from events.temporal import tag
from tests.temporal.test_timex_conventions import DCT
from tests.temporal.test_timex_conventions import typed as value_of


def test_the_following_month_counts_from_a_named_month() -> None:
    text = "In March, the firm got an offer. The following month, the company put itself up for sale."
    assert value_of(text, "The following month", dt.date(1998, 10, 27)) == ("DATE", "1998-04")


def test_the_previous_month_counts_from_a_named_month() -> None:
    text = "In July, sales rose sharply. The previous month, they had fallen."
    assert value_of(text, "The previous month", dt.date(1998, 10, 27)) == ("DATE", "1998-06")


def test_a_quarter_not_yet_begun_reported_in_the_past_is_last_years() -> None:
    # "profits fell in the fourth quarter" said in January: the fourth quarter just reported
    text = "The company said profits fell 18 percent in the fourth quarter."
    assert value_of(text, "the fourth quarter", dt.date(1998, 1, 26)) == ("DATE", "1997-Q4")


def test_a_quarter_ahead_in_a_future_clause_stays_this_year() -> None:
    text = "The company will report a loss in the fourth quarter."
    assert value_of(text, "the fourth quarter", dt.date(1998, 10, 26)) == ("DATE", "1998-Q4")


def test_would_in_reported_speech_points_a_weekday_ahead() -> None:
    text = "Officials said the delegation would be traveling to Geneva Thursday with the minister."
    assert value_of(text, "Thursday") == ("DATE", "1998-02-19")


def test_a_reporting_verb_next_to_the_weekday_keeps_it_past() -> None:
    text = "The minister said Monday that talks would resume."
    assert value_of(text, "Monday") == ("DATE", "1998-02-16")


def test_a_weekday_with_a_plural_part_of_day_is_a_set() -> None:
    text = "Flights leave Bombay on Tuesday nights."
    assert value_of(text, "Tuesday nights") == ("SET", "XXXX-WXX-2TNI")


def texts(text: str, dct: dt.date | None = DCT) -> list[str]:
    return [t.text for t in tag(text, dct)]


def test_time_words_capitalised_mid_sentence_are_names() -> None:
    # TIDES/TimeML: proper names are not temporal expressions
    assert texts('The minister spoke on ABC\'s "This Week" program.') == []
    assert texts("He told CBS's 60 Minutes about the case.") == []
    assert texts("The poster showed a scene from the film High Noon.") == []
    assert texts("The story ran in USA Today.") == []
    assert texts("Thousands joined the March of the Combatant Mothers.") == []


def test_capitalised_time_words_at_a_sentence_start_stay() -> None:
    assert texts("Today the talks resume.") == ["Today"]
    assert texts('He said, "This week we will decide."') == ["This week"]
    assert texts("Last Week Was Hard For Markets\nStocks fell last week.") == ["Last Week", "last week"]


def test_a_month_or_season_with_a_spelled_year() -> None:
    assert value_of("It happened in January nineteen ninety-seven.", "January nineteen ninety-seven") == \
        ("DATE", "1997-01")
    assert value_of("Prices fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four") == \
        ("DATE", "1994-WI")


def test_a_period_last_year_is_one_expression_a_year_back() -> None:
    text = "Net income rose in the third quarter, up from $2 million in the same period last year."
    assert value_of(text, "the same period last year", dt.date(1989, 11, 1)) == ("DATE", "1988-Q3")
    text = "Sales fell to $3 million from $4 million in the third quarter last year."
    assert value_of(text, "the third quarter last year", dt.date(1989, 11, 1)) == ("DATE", "1988-Q3")


def test_would_in_reported_speech_points_a_day_date_ahead() -> None:
    text = "It said new flights would leave Bombay each Thursday from August 6."
    assert value_of(text, "August 6") == ("DATE", "1998-08-06")


def test_planned_for_is_a_schedule_ahead() -> None:
    text = "The official said the accession was planned for early March."
    assert value_of(text, "early March", dt.date(1999, 2, 10)) == ("DATE", "1999-03")


def test_present_tense_of_a_scheduled_event_is_ahead() -> None:
    # DCT is a Tuesday: "meet Monday" is next Monday, "met Monday" the last one
    assert value_of("The two leaders meet separately Monday with the envoy.", "Monday") == ("DATE", "1998-02-23")
    assert value_of("The minister leaves for Rome on Friday.", "Friday") == ("DATE", "1998-02-20")
    assert value_of("The two leaders met separately Monday with the envoy.", "Monday") == ("DATE", "1998-02-16")


def test_an_infinitive_meet_is_no_schedule() -> None:
    text = "It struggled to meet demand well into the summer, the company said."
    assert value_of(text, "the summer", dt.date(1989, 10, 26)) == ("DATE", "1989-SU")


def test_the_week_of_a_date_is_that_week() -> None:
    text = "The case may be resolved in a court hearing the week of March 6."
    assert value_of(text, "the week of March 6", dt.date(2000, 2, 24)) == ("DATE", "2000-W10")


def test_a_year_earlier_counts_from_a_year_the_story_just_wrote() -> None:
    text = "In 1995 he moved to Paris. A year earlier, he had married."
    assert value_of(text, "A year earlier", dt.date(2013, 3, 22)) == ("DATE", "1994")


def test_a_year_earlier_in_an_earnings_story_compares_with_the_reported_quarter() -> None:
    # no chain through the older year, and a quarter reported in January is last year's
    text = ("Quarterly income rose over 1988, when net was below the 1987 level. In the third quarter, "
            "net was $10.5 million, compared with $10.3 million a year earlier.")
    assert value_of(text, "a year earlier", dt.date(1989, 10, 26)) == ("DATE", "1988-Q3")
    text = "In the fourth quarter, net was $10 million, compared with $9 million a year earlier."
    assert value_of(text, "a year earlier", dt.date(2013, 1, 22)) == ("DATE", "2011-Q4")


def test_then_current_is_the_past() -> None:
    assert value_of("Holders may buy shares at the then-current market price.", "then-current") == ("DATE", "PAST_REF")
    assert value_of("It sold at the then current price.", "then current") == ("DATE", "PAST_REF")


def test_the_past_before_a_count_is_not_past_ref() -> None:
    assert "the past" not in texts("Marches have caused violence for the past three summers.")
    assert value_of("In the past, such marches were rare.", "the past") == ("DATE", "PAST_REF")


def test_a_tense_cue_in_the_expressions_own_clause_comes_first() -> None:
    text = "The talks, which began on Monday, will continue through Friday."
    got = {t.text: t.value for t in tag(text, dt.date(2013, 3, 21))}  # a Thursday
    assert got["Monday"] == "2013-03-18"
    assert got["Friday"] == "2013-03-22"


def test_a_year_long_leaves_the_article_out() -> None:
    assert value_of("The decision came after a year-long review.", "year-long") == ("DURATION", "P1Y")


def test_a_semicolon_ends_a_verbs_reach() -> None:
    text = "The blast occurred at 3 p.m.; the vote is at 10:30 a.m. Friday."
    assert value_of(text, "10:30 a.m. Friday", dt.date(2013, 3, 21)) == ("TIME", "2013-03-22T10:30")


def test_the_weeks_ahead_is_a_vague_duration() -> None:
    assert value_of("Funds may sell bonds in the weeks ahead.", "the weeks ahead") == ("DURATION", "PXW")


def test_vague_future_and_past_noun_phrases() -> None:
    assert value_of("Shares may be sold at a later date.", "a later date") == ("DATE", "FUTURE_REF")
    assert value_of("Profits will suffer in the near term.", "the near term") == ("DATE", "FUTURE_REF")
    assert value_of("It placates holders in the short term.", "the short term") == ("DATE", "FUTURE_REF")
    assert "the long term" not in texts("The bank issued the long term-debt.")


def test_the_first_hours_is_a_vague_duration_unless_part_of_a_date() -> None:
    assert value_of("Prisoners were taken in the first hours of the war.", "the first hours") == ("DURATION", "PTXH")
    assert value_of("Fewer lives are saved in the early years.", "the early years") == ("DURATION", "PXY")
    assert "the early hours" not in texts("He was arrested in the early hours of Thursday morning.")


def test_a_year_after_a_capitalised_name_is_part_of_the_name() -> None:
    assert texts("They set up a joint venture called Orion 1980, making space parts.") == []
    assert texts("The dam was finished in 1980, officials said.") == ["1980"]
    assert texts("In June 1998 he fled; Spring 2013 sales rose.") == ["June 1998", "Spring 2013"]


def test_recently_before_a_date_is_a_signal() -> None:
    assert texts("Three doctors were shot, most recently last October.") == ["last October"]
    assert value_of("The party recently took 13 percent.", "recently") == ("DATE", "PAST_REF")


def test_a_past_verb_right_before_a_day_date_makes_it_past() -> None:
    text = "In the fiscal year ended Jan. 31, the company reported sales of $59 million."
    assert value_of(text, "Jan. 31", dt.date(1989, 10, 31)) == ("DATE", "1989-01-31")


def test_a_reporting_verb_or_a_plan_before_a_day_date_only_leans() -> None:
    assert value_of("The offer had been set to expire Nov. 6.", "Nov. 6", dt.date(1989, 11, 2)) == \
        ("DATE", "1989-11-06")
    assert value_of("The group announced Oct. 26 as the date of the vote.", "Oct. 26", dt.date(1989, 10, 20)) == \
        ("DATE", "1989-10-26")


def test_the_previous_or_following_weekday_counts_from_the_narrative_day() -> None:
    text = "The index closed lower again Friday, down 4.5% from the previous Friday."
    got = {t.text: t.value for t in tag(text, dt.date(1989, 10, 30))}  # a Monday
    assert got["Friday"] == "1989-10-27"
    assert got["the previous Friday"] == "1989-10-20"
    text = "The talks opened on March 4, 1999. The following Monday, they collapsed."
    assert value_of(text, "The following Monday", dt.date(1999, 3, 20)) == ("DATE", "1999-03-08")


def test_a_late_main_verb_in_the_past_governs_a_fronted_month() -> None:
    text = ("In January, a week after the anniversary of the court decision, a clinic bombing in a "
            "southern city far from the capital killed a security guard and wounded a nurse.")
    assert value_of(text, "January", dt.date(1998, 10, 25)) == ("DATE", "1998-01")


def test_a_past_verb_from_afar_still_lets_the_month_about_to_start_win() -> None:
    text = "Traders placed heavy orders in the morning to start the first trading day for November deals."
    assert value_of(text, "November", dt.date(1989, 10, 30)) == ("DATE", "1989-11")


def test_an_un_ed_adjective_is_no_past_tense() -> None:
    text = "Qantas will double its flights by August in the search for new markets untouched by the crisis."
    assert value_of(text, "August") == ("DATE", "1998-08")
    text = "Officials unveiled the plan in August."
    assert value_of(text, "August") == ("DATE", "1997-08")


def test_common_ed_adjectives_are_no_past_tense() -> None:
    text = "The company said it will redeem 9.5 million Series H preferred shares on Oct. 31."
    assert value_of(text, "Oct. 31", dt.date(1989, 10, 27)) == ("DATE", "1989-10-31")


def test_the_day_before_an_event_clause_is_a_signal() -> None:
    assert "the day before" not in texts("He was last seen on the day before authorities issued a warrant.")
    # in apposition to a date it restates that date (TimeBank tags it once, leaves it once)
    assert value_of("He was last seen Nov. 3, the day before authorities issued a warrant.", "the day before",
                    dt.date(1999, 5, 7)) == ("DATE", "1998-11-03")
    text = "On March 5, 1999, the talks opened. The day before, delegates arrived."
    assert value_of(text, "The day before") == ("DATE", "1999-03-04")


def test_coordinated_weekdays_stay_together() -> None:
    got = {t.text: t.value for t in tag("The adviser will hold talks in Geneva on Tuesday and Wednesday, the paper said.",
                                         dt.date(2024, 11, 14))}  # a Thursday
    assert (got["Tuesday"], got["Wednesday"]) == ("2024-11-19", "2024-11-20")
    got = {t.text: t.value for t in tag("Statements were made Friday and Thursday by a lawyer.", dt.date(1998, 2, 6))}
    assert (got["Friday"], got["Thursday"]) == ("1998-02-06", "1998-02-05")
    got = {t.text: t.value for t in tag("The shops were closed Saturday through Monday.", dt.date(2024, 11, 14))}
    assert (got["Saturday"], got["Monday"]) == ("2024-11-09", "2024-11-11")


def test_a_season_before_a_capitalised_word_is_a_name() -> None:
    assert texts("He looked forward to meeting Xi at the Winter Olympics in February.") == ["February"]


def test_looking_forward_to_points_ahead() -> None:
    text = "He said he looked forward to meeting Xi in Beijing in February \u2013 an event the White House last week said it would boycott."
    assert value_of(text, "February", dt.date(2024, 11, 14)) == ("DATE", "2025-02")


def test_a_bullet_starts_a_sentence() -> None:
    assert texts("Highlights:\n  \u2022 Earlier this year, the president traveled to Beijing.") == ["Earlier this year"]


def test_name_filter_edges() -> None:
    assert texts("The show ran on ABC's This Week.") == []  # a short sentence is no headline
    assert texts("The vote (Tomorrow is the deadline) was delayed.") == ["Tomorrow"]
    assert texts("Talks Resume Next Week In Geneva\nThe talks resume next week.") == ["Next Week", "next week"]


def test_that_year_takes_the_story_year_even_sentences_later() -> None:
    text = "In 1995 he moved to Paris. He found work. He met friends. That year, he married."
    assert value_of(text, "That year", dt.date(2013, 3, 22)) == ("DATE", "1995")


def test_until_a_weekday_is_a_deadline_ahead() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("The island has until Monday to raise the money.", "Monday", friday) == ("DATE", "2013-03-25")
    # a past verb that defers still points ahead; one that tells what happened does not
    assert value_of("Officials postponed the hearing until Tuesday.", "Tuesday", friday) == ("DATE", "2013-03-26")
    assert value_of("The talks lasted until Wednesday.", "Wednesday", friday) == ("DATE", "2013-03-20")
    assert value_of("It was not until Tuesday that he spoke.", "Tuesday", friday) == ("DATE", "2013-03-19")


def test_that_same_day_in_a_month_is_a_day_of_that_month() -> None:
    text = "The last attack came in October, when a doctor was shot. His name was crossed out that same day."
    assert value_of(text, "that same day", dt.date(1999, 2, 6)) == ("DATE", "1998-10-XX")


def test_the_day_before_a_named_weekday_is_one_expression() -> None:
    text = "The day before last Tuesday's court hearing, the lawyer visited the family."
    assert value_of(text, "The day before last Tuesday", dt.date(2000, 2, 24)) == ("DATE", "2000-02-21")


def test_thousands_of_years_are_a_duration_not_the_year_2000() -> None:
    text = "Families have kept their secrets for more than two thousand years."
    assert value_of(text, "more than two thousand years") == ("DURATION", "P2000Y")
    assert texts("The city is two thousand years old.") == []
    assert value_of("In two thousand one, the war began.", "two thousand one") == ("DATE", "2001")


def test_plural_weekdays_are_sets() -> None:
    assert value_of("The museum is closed on Mondays.", "Mondays") == ("SET", "XXXX-WXX-1")
    assert texts("The museum is closed on Mondays and Tuesdays.") == ["Mondays", "Tuesdays"]


def test_the_end_of_the_decade_is_this_decade() -> None:
    text = "By the end of the decade, the city expects its population to double."
    assert value_of(text, "the end of the decade", dt.date(2013, 3, 22)) == ("DATE", "201")


def test_day_ranges_before_the_month_and_alternatives() -> None:
    friday = dt.date(2013, 3, 22)
    for text in ("The summit will be held 28-29 March.", "The summit will be held on 28 and 29 March.",
                 "The summit will be held on 28 or 29 March."):
        assert [(t.text, t.value) for t in tag(text, friday)] == [("28", "2013-03-28"), ("29 March", "2013-03-29")]
    assert [(t.text, t.value) for t in tag("Parliament will vote on March 28 or 29.", friday)] == [
        ("March 28", "2013-03-28"), ("29", "2013-03-29")]
    assert texts("On March 5 or 10 people died.", friday) == ["March 5"]


def test_a_date_that_falls_on_a_weekday_points_ahead() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("The anniversary, which falls on Saturday, will be marked.", "Saturday", friday) == ("DATE", "2013-03-23")
    assert value_of("The holiday fell on Saturday.", "Saturday", friday) == ("DATE", "2013-03-16")


def test_spans_beyond_the_calendar_are_durations_not_crashes() -> None:
    assert value_of("It happened 2099 decades earlier.", "2099 decades") == ("DURATION", "P20990Y")


def test_an_average_daily_figure_is_no_set() -> None:
    assert texts("It is less than 5% of the exchange's average daily volume.") == []
    assert value_of("Demonstrators gather daily outside the house.", "daily") == ("SET", "P1D")


def test_o_clock_times() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("He arrived at three o'clock yesterday afternoon.", "three o'clock yesterday afternoon",
                    friday) == ("TIME", "2013-03-21T15:00")
    assert value_of("The meeting began at twelve o'clock on January 3, 1984.", "twelve o'clock on January 3, 1984",
                    friday) == ("TIME", "1984-01-03T12:00")
    assert texts("He has two clocks.") == []


def test_the_edge_of_a_named_unit_is_one_expression() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("It will cut jobs by the end of next year.", "the end of next year", friday) == ("DATE", "2014")
    assert value_of("Sales fell at the end of last year.", "the end of last year", friday) == ("DATE", "2012")
    assert value_of("Since the beginning of the year, prices rose.", "the beginning of the year",
                    friday) == ("DATE", "2013")
    assert value_of("Since year-end, shares fell.", "year-end", friday) == ("DATE", "2012")
    assert texts("The end of the world.", friday) == []


def test_a_quarter_followed_by_its_year() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("Third-quarter 2013 results were released.", "Third-quarter 2013", friday) == ("DATE", "2013-Q3")
    assert value_of("In the fourth quarter 2012, sales fell.", "the fourth quarter 2012", friday) == ("DATE", "2012-Q4")


def test_a_decade_with_a_typographic_apostrophe() -> None:
    assert value_of("It operated differently in the 1990\u2019s.", "the 1990\u2019s") == ("DATE", "199")
    assert value_of("It was popular in the \u201980s.", "the \u201980s") == ("DATE", "198")


def test_a_date_in_a_since_clause_does_not_become_the_story_time() -> None:
    from events.temporal import resolve_dates

    text = ("Since China brokered their deal on March 10, 2023, as well as its later role, the third meeting "
            "was held in Tehran on December 9.")
    got = {s.timex.text: s for s in resolve_dates(text, dt.date(2025, 12, 31))}
    assert got["December 9"].date_start == dt.date(2025, 12, 9) and got["December 9"].anchor == "document"
    told = "On March 10, 2023, the deal was signed. The meeting was held on December 9."
    got = {s.timex.text: s for s in resolve_dates(told, dt.date(2025, 12, 31))}
    assert got["December 9"].date_start == dt.date(2023, 12, 9) and got["December 9"].anchor == "narrative"


def test_the_same_period_is_a_quarter_only_in_a_report_of_periods() -> None:
    text = "Macron has visited China twice since early 2018. Yet, during this same period, no British leader went."
    assert "same period" not in texts(text, dt.date(2025, 9, 1))
    report = "Net rose 5% in the third quarter. In the same period, sales rose."
    assert value_of(report, "the same period", dt.date(1989, 10, 26)) == ("DATE", "1989-Q3")


def test_the_same_day_repeats_the_last_day_named() -> None:
    from events.temporal import resolve_dates

    text = ("On December 2, the minister co-chaired talks.\n\nHe said relations developed well this year.\n\n"
            "He also met his counterpart on the same day.\n")
    got = {s.timex.text: s for s in resolve_dates(text, dt.date(2025, 12, 9))}
    assert got["the same day"].date_start == dt.date(2025, 12, 2) and got["the same day"].anchor == "narrative"


def test_a_cue_after_and_belongs_to_another_clause() -> None:
    text = "The president met his counterpart in October and will visit the country in April."
    assert value_of(text, "October", dt.date(2025, 12, 9)) == ("DATE", "2025-10")
    assert value_of(text, "April", dt.date(2025, 12, 9)) == ("DATE", "2026-04")


def test_without_any_date_relative_expressions_keep_what_their_words_say() -> None:
    got = [(t.text, t.type, t.value) for t in tag("The talks took place last week; a year ago, this morning.", None)]
    assert got == [("last week", "DATE", "XXXX-WXX"), ("a year ago", "DATE", "XXXX"),
                   ("this morning", "TIME", "XXXX-XX-XXTMO")]
    from events.temporal import resolve_dates

    assert resolve_dates("The talks took place last week.", None) == []  # no calendar interval is made up


def test_expected_on_a_weekday_points_ahead() -> None:
    text = "The vote, which was delayed on Tuesday, is now expected on Thursday."
    assert value_of(text, "Thursday", dt.date(2013, 3, 22)) == ("DATE", "2013-03-28")
    assert value_of(text, "Tuesday", dt.date(2013, 3, 22)) == ("DATE", "2013-03-19")


def test_every_other_week_is_every_two() -> None:
    assert value_of("He visits every other week.", "every other week") == ("SET", "P2W")


def test_a_month_after_an_article_is_a_month() -> None:
    text = "The firm is trying to sell itself under a June agreement with a shareholder."
    assert value_of(text, "June", dt.date(1989, 10, 26)) == ("DATE", "1989-06")
    assert texts("The song was written by June Carter.") == []


def test_the_day_before_an_event_restating_an_abbreviated_date() -> None:
    text = "Eight trading days after Oct. 12, the day before the stock market plunge, it rose."
    assert value_of(text, "the day before", dt.date(1989, 10, 26)) == ("DATE", "1989-10-12")
    assert texts("The day before the vote, he resigned.", dt.date(1989, 10, 26)) == []


def test_a_paragraph_dateline_is_now_for_its_paragraph() -> None:
    from events.temporal import resolve_dates

    text = ("The following article was first published on the website.\n\n"
            "Beijing, November 26th\u2014Liu met here today with the ambassador.\n\nHe will travel next week.\n")
    got = {s.timex.text: s for s in resolve_dates(text, dt.date(2025, 11, 17))}
    assert got["today"].date_start == dt.date(2025, 11, 26) and got["today"].anchor == "narrative"
    assert got["next week"].date_start == dt.date(2025, 11, 24)  # the next paragraph counts from the page's date


def test_part_of_the_year_is_one_expression() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("Growth was strong in the second half of the year.", "the second half of the year",
                    friday) == ("DATE", "2013-H2")
    assert value_of("Sales rose in the first quarter of the year.", "the first quarter of the year",
                    friday) == ("DATE", "2013-Q1")


def test_half_of_a_decade_is_the_decade() -> None:
    text = "It followed the trend of the last half of the '80s, with sales flat."
    assert value_of(text, "the last half of the '80s", dt.date(1989, 10, 26)) == ("DATE", "198")
    assert value_of("In the first half, sales rose.", "the first half", dt.date(1989, 10, 26)) == ("DATE", "1989-H1")


def test_scheduled_present_and_us_time_zones() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("The summit runs from Monday to Wednesday.", "Monday", friday) == ("DATE", "2013-03-25")
    assert value_of("The talks are set for Sunday in Geneva.", "Sunday", friday) == ("DATE", "2013-03-24")
    assert value_of("The festival took place on Saturday.", "Saturday", friday) == ("DATE", "2013-03-16")
    assert value_of("Trading resumes at noon ET Friday.", "noon ET Friday", friday) == ("TIME", "2013-03-22T12:00")


def test_the_end_of_the_week_is_that_week() -> None:
    friday = dt.date(2013, 3, 22)
    assert value_of("A deal is expected by the end of the week.", "the end of the week", friday) == ("DATE", "2013-W12")
    assert value_of("Talks resume at the start of next week.", "the start of next week", friday) == ("DATE", "2013-W13")
