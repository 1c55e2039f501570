"""Stage: dedup — retellings merge, different happenings stay apart, no chaining."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from events.dedup import dedup, same_happening
from events.model import Event

BASE = Event(
    event_id="a", date_start=dt.date(2017, 4, 25), date_end=dt.date(2017, 4, 27), date_precision="day",
    date_text="April 25-27", date_anchor="document", event_type="CONSULT", event_mode="visit", title="t",
    actors=("CHN", "RUS"), people=(), place_name="Moscow", place_country="RUS", lat=55.75, lon=37.62,
    place_precision="city", status="planned", confidence=0.8, mentions=1, doc_id="d", doc_title="D",
    evidence="He will visit Russia on April 25-27.", char_start=100, char_end=136, article_title="A",
)


def test_same_day_same_pair_merges_and_keeps_all_evidence() -> None:
    other = replace(BASE, event_id="b", char_start=400, char_end=450, evidence="The visit on April 25-27 ...")
    (merged,) = dedup([other, BASE])
    assert merged.mentions == 2
    assert merged.char_start == 100 or merged.other_evidence
    assert {o[1] for o in merged.other_evidence} | {merged.evidence} == {BASE.evidence, other.evidence}


def test_coarse_retelling_folds_into_the_finer_date() -> None:
    coarse = replace(BASE, event_id="c", date_start=dt.date(2017, 4, 1), date_end=dt.date(2017, 4, 30),
                     date_precision="month", date_text="in April", char_start=300, evidence="visiting Moscow in April")
    (merged,) = dedup([BASE, coarse])
    assert (merged.date_start, merged.date_end, merged.date_precision) == (BASE.date_start, BASE.date_end, "day")
    assert merged.mentions == 2


def test_far_apart_places_or_other_days_stay_apart() -> None:
    elsewhere = replace(BASE, event_id="e", place_name="Lima", place_country="PER", lat=-12.0, lon=-77.0, char_start=500)
    other_day = replace(BASE, event_id="f", date_start=dt.date(2017, 5, 1), date_end=dt.date(2017, 5, 1), char_start=600)
    assert not same_happening(BASE, elsewhere)
    assert len(dedup([BASE, elsewhere, other_day])) == 3


def test_no_chaining_through_a_middle_event() -> None:
    a = replace(BASE, date_start=dt.date(2017, 4, 13), date_end=dt.date(2017, 4, 13), event_id="1")
    b = replace(BASE, date_start=dt.date(2017, 4, 13), date_end=dt.date(2017, 4, 18), event_id="2", char_start=200)
    c = replace(BASE, date_start=dt.date(2017, 4, 18), date_end=dt.date(2017, 4, 18), event_id="3", char_start=300)
    # a and c are different days; b contains both but must not glue them together
    assert len(dedup([a, b, c])) == 2


def test_this_week_retold_as_a_day_keeps_the_day() -> None:
    week = replace(BASE, event_id="w", date_start=dt.date(2017, 4, 24), date_end=dt.date(2017, 4, 30),
                   date_text="this week", char_start=10, evidence="They met this week.")
    day = replace(BASE, event_id="d", date_start=dt.date(2017, 4, 25), date_end=dt.date(2017, 4, 25),
                  date_text="on Tuesday", char_start=200, evidence="They met on Tuesday.")
    (merged,) = dedup([week, day])
    assert (merged.date_start, merged.date_end, merged.date_text) == (day.date_start, day.date_end, "on Tuesday")
    assert merged.mentions == 2


def test_two_kinds_of_happening_in_one_sentence_stay_apart() -> None:
    attack = replace(BASE, event_id="x", event_type="ASSAULT", event_mode="")
    protest = replace(BASE, event_id="y", event_type="ACCUSE", event_mode="")
    assert len(dedup([attack, protest])) == 2


def test_an_announced_meeting_coded_agree_retells_the_meeting_but_an_agreement_does_not() -> None:
    hosted = replace(BASE, event_id="h", event_type="AGREE", event_mode="multilateral", actors=("CHN",), char_start=300,
                     date_start=dt.date(2017, 4, 25), date_end=dt.date(2017, 4, 26), evidence="will host envoys")
    meet = replace(BASE, event_id="m", date_start=dt.date(2017, 4, 25), date_end=dt.date(2017, 4, 25), lat=None, lon=None,
                   place_name=None, place_country=None, place_precision="none", evidence="to meet Xi on April 25")
    assert same_happening(meet, hosted)
    deal = replace(hosted, event_mode="", evidence="agreed to a deal")
    assert not same_happening(meet, deal)


def _pairwise_dedup(events: list[Event]) -> list[Event]:
    """The definition dedup must keep: every cluster tried in order, every member compared."""
    from events.dedup import _merge

    clusters: list[list[Event]] = []
    for ev in sorted(events, key=lambda e: (e.char_start, e.date_start)):
        for cluster in clusters:
            if all(same_happening(ev, other) for other in cluster):
                cluster.append(ev)
                break
        else:
            clusters.append([ev])
    return [_merge(c) for c in clusters]


def test_blocked_dedup_merges_exactly_as_comparing_every_pair() -> None:
    import random

    rng = random.Random(14)
    places = [("Moscow", "RUS", 55.75, 37.62, "city"), ("Lima", "PER", -12.0, -77.0, "city"),
              ("Russia", "RUS", 61.0, 99.0, "country"), ("", None, None, None, "none"),
              ("Tver", "RUS", 56.86, 35.9, "city")]
    for _round in range(60):
        events = []
        for k in range(rng.randint(1, 40)):
            precision = rng.choice(["day", "day", "day", "month", "year"])
            day = dt.date(2017, rng.choice([3, 4, 4, 5]), rng.randint(1, 28))
            if precision == "day":
                start, end = day, day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 3, 7, 8, 30]))
            elif precision == "month":
                start = day.replace(day=1)
                end = rng.choice([dt.date(2017, start.month, 28), dt.date(2017, 6, 30), dt.date(2030, 1, 31)])
            else:
                start, end = dt.date(2017, 1, 1), dt.date(2017, 12, 31)
            name, country, lat, lon, pp = rng.choice(places)
            events.append(replace(
                BASE, event_id=str(k), date_start=start, date_end=end, date_precision=precision,  # type: ignore[arg-type]
                actors=tuple(rng.sample(["CHN", "RUS", "USA", "PER"], rng.randint(0, 3))),
                event_type=rng.choice(["CONSULT", "AGREE"]), event_mode=rng.choice(["visit", ""]),
                article_title=rng.choice(["A", "B"]), place_name=name, place_country=country, lat=lat, lon=lon,
                place_precision=pp, char_start=rng.randint(0, 5000)))  # type: ignore[arg-type]
        events += [replace(e, event_id=e.event_id + "r", char_start=e.char_start + 1) for e in events[:5]]
        assert dedup(events) == _pairwise_dedup(events)


def test_one_sentence_told_thousands_of_times_is_linear() -> None:
    import time

    def told(n: int) -> float:
        events = [replace(BASE, event_id=str(k), char_start=k * 40, char_end=k * 40 + 36) for k in range(n)]
        events += [replace(BASE, event_id=f"x{k}", actors=(), char_start=k * 40 + 20) for k in range(n)]
        t = time.perf_counter()
        merged = dedup(events)
        assert len(merged) == n + 1 and merged[0].mentions == n  # the actor-less tellings stay apart
        return time.perf_counter() - t

    told(500)
    assert told(3000) < 1.5  # comparing every pair: 9 million comparisons, minutes
