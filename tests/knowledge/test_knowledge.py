"""Summits and terms of office as knowledge for yearless dates (hand-made sentences)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from events.knowledge.summits import summits, summits_in, year_from_knowledge

GEODATA = Path(__file__).resolve().parents[2] / "geodata"


def labels(text: str, **kw: object) -> list[str]:
    return [s.label for s in summits_in(text, **kw)]  # type: ignore[arg-type]


def test_host_city_lists_every_edition_held_there() -> None:
    assert labels("the APEC summit in Lima") == [
        "APEC 2008 Lima (2008-11-22..23)", "APEC 2016 Lima (2016-11-19..20)", "APEC 2024 Lima (2024-11-15..16)",
    ]


def test_year_hint_keeps_the_nearest_edition() -> None:
    assert labels("the APEC summit in Lima", year_hint=2023) == ["APEC 2024 Lima (2024-11-15..16)"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("the Asia-Pacific Economic Cooperation (APEC) summit in Lima last year", None),
        ("at the G20 summit in Rio", "G20 2024 Rio de Janeiro (2024-11-18..19)"),
        ("at the BRICS summit in Kazan", "BRICS 2024 Kazan (2024-10-22..24)"),
        ("at the SCO heads of government meeting in Moscow", "SCO-HG 2025 Moscow (2025-11-17..18)"),
        ("the Xiamen BRICS summit", "BRICS 2017 Xiamen (2017-09-03..05)"),
        ("the 32nd APEC Economic Leaders' Meeting", "APEC 2025 Gyeongju (2025-10-31..2025-11-01)"),
        ("COP28 in Dubai", "COP 2023 Dubai (2023-11-30..2023-12-12)"),
        ("the 78th session of the UN General Assembly", "UNGA 2023 New York (2023-09-19..26)"),
        ("the 2017 BRICS summit", "BRICS 2017 Xiamen (2017-09-03..05)"),
        ("the third Belt and Road Forum", "BRF 2023 Beijing (2023-10-17..18)"),
    ],
)
def test_one_edition(text: str, label: str | None) -> None:
    got = labels(text)
    if label is None:
        assert len(got) == 3
    else:
        assert got == [label]


def test_host_country_named_with_a_preposition() -> None:
    got = summits_in("APEC in the Republic of Korea")
    assert {s.date_start.year for s in got} == {2005, 2025}
    assert {s.country for s in got} == {"KOR"}


def test_single_host_series_needs_no_host() -> None:
    assert [s.date_start.year for s in summits_in("the Belt and Road Forum")] == [2017, 2019, 2023]


def test_series_without_host_edition_or_year_is_not_a_mention() -> None:
    assert summits_in("APEC members agreed on trade rules.") == []
    assert summits_in("Summer Davos in Tianjin") == []


def test_mention_offsets_and_fields() -> None:
    text = "He flew to the G20 summit in Hangzhou."
    (s,) = summits_in(text)
    assert text[s.start:s.end] == s.text == "G20 summit in Hangzhou"
    assert (s.org, s.city, s.country, s.date_start, s.date_end) == (
        "G20", "Hangzhou", "CHN", dt.date(2016, 9, 4), dt.date(2016, 9, 5))


def test_year_from_summit_and_terms() -> None:
    text = ("On Nov. 14, the leader and Peruvian President Dina Boluarte opened a port, "
            "which coincided with the APEC summit in Lima.")
    year, why = year_from_knowledge(11, 14, text, ["Dina Boluarte"]) or (0, "")
    assert year == 2024
    assert why.startswith("knowledge: APEC 2024 Lima (2024-11-15..16)")
    assert "Dina Boluarte" in why


def test_ambiguous_summit_without_people_gives_none() -> None:
    assert year_from_knowledge(11, 14, "It coincided with the APEC summit in Lima.", []) is None


def test_date_inside_a_single_edition() -> None:
    got = year_from_knowledge(5, 14, "the Belt and Road summit in Beijing on May 14-15", [])
    assert got == (2017, "knowledge: BRF 2017 Beijing (2017-05-14..15)")


def test_month_only_date() -> None:
    got = year_from_knowledge(11, None, "the Apec summit in San Francisco in November", [])
    assert got is not None and got[0] == 2023


def test_date_far_from_every_edition_gives_none() -> None:
    assert year_from_knowledge(3, 2, "the G20 summit in Hangzhou", []) is None


def test_people_alone_need_a_single_year() -> None:
    assert year_from_knowledge(6, 1, "Defence Minister Li Shangfu said.", ["Li Shangfu", "Xi Jinping"]) == (
        2023, "knowledge: term of office of Li Shangfu, Xi Jinping")
    # Liz Truss was in office (two roles) on 20 October of both 2021 and 2022.
    assert year_from_knowledge(10, 20, "Liz Truss said.", ["Liz Truss"]) is None
    assert year_from_knowledge(3, 1, "Putin said.", ["Vladimir Putin"]) is None
    assert year_from_knowledge(3, 1, "Nobody said.", []) is None


def test_curated_summits_are_well_formed() -> None:
    raw = json.loads((GEODATA / "summits.json").read_text(encoding="utf-8"))
    countries = json.loads((GEODATA / "countries.json").read_text(encoding="utf-8"))
    seen = set()
    for s in summits():
        assert s.date_start <= s.date_end <= s.date_start + dt.timedelta(days=17), s  # the Olympics run 17 days
        assert s.country in countries, s
        assert s.series in raw["series"], s
        assert (s.series, s.date_start) not in seen, s
        seen.add((s.series, s.date_start))
    assert len(seen) >= 200


def test_curated_leaders_are_well_formed() -> None:
    rows = json.loads((GEODATA / "actors_leaders.json").read_text(encoding="utf-8"))["people"]
    actors = json.loads((GEODATA / "actors.json").read_text(encoding="utf-8"))
    org_codes = {code for _, code, kind, _ in actors["forms"] if kind == "org"}
    countries = json.loads((GEODATA / "countries.json").read_text(encoding="utf-8"))
    for name, code, role, start, end, aliases in rows:
        assert code in countries or code in org_codes, name
        assert role and isinstance(aliases, list)
        s = dt.date.fromisoformat(start)
        assert end is None or dt.date.fromisoformat(end) >= s, name
    assert len(rows) >= 300


def test_a_city_named_without_a_locative_is_no_host() -> None:
    assert summits_in("SCO members pledged to uphold the Shanghai Spirit at their summit.") == []
    assert summits_in("BRICS leaders sent delegations to China for the summit.") == []


def test_series_held_in_several_places_needs_a_clue() -> None:
    assert summits_in("an EU-China summit later this year") == []
    assert [s.date_start.year for s in summits_in("the 2023 EU-China summit")] == [2023]


def test_one_mention_with_an_acronym_in_brackets() -> None:
    got = summits_in("the Asia-Pacific Economic Cooperation (APEC) Economic Leaders' Meeting in Gyeongju")
    assert [(s.text, s.date_start.year) for s in got] == [
        ("Asia-Pacific Economic Cooperation (APEC) Economic Leaders' Meeting in Gyeongju", 2025),
    ]


def test_people_pick_the_edition_of_a_host_city() -> None:
    text = "On Nov. 19, Peruvian President Pedro Pablo Kuczynski hosted the APEC summit in Lima."
    got = year_from_knowledge(11, 19, text, ["Pedro Pablo Kuczynski"])
    assert got is not None and got[0] == 2016


def test_summit_wording_drops_ministerial_editions() -> None:
    got = summits_in("the Beijing Summit of the Forum on China-Africa Cooperation")
    assert [s.date_start.year for s in got] == [2006, 2018, 2024]


def test_sco_councils_are_told_apart() -> None:
    assert [s.series for s in summits_in("the SCO summit in Tianjin")] == ["SCO"]
    assert {s.series for s in summits_in("the SCO heads of government meeting in Bishkek")} == {"SCO-HG"}


def test_ordinal_of_another_name_is_no_edition() -> None:
    text = "After the 20th Central Committee plenum, which set goals, SCO leaders met."
    assert summits_in(text) == []
    assert [s.date_start.year for s in summits_in("the Twentieth SCO summit")] == [2020]


def test_party_congresses_of_china_are_numbered_editions() -> None:
    got = summits_in("Xi Jinping named his team in October, at the Communist Party's 20th National Congress.")
    assert [(s.series, s.date_start) for s in got] == [("CPC-NC", dt.date(2022, 10, 16))]
    assert [s.edition for s in summits_in("At the 19th Party Congress, Xi Jinping set out his thought.")] == [19]
    assert summits_in("The ANC's 54th National Congress met in Johannesburg.") == []
    assert summits_in("Vietnam's Communist Party held its 13th National Congress.") == []
    assert year_from_knowledge(10, None, "Xi Jinping named his team in October, at the Communist Party's "
                               "20th National Congress.", ["Xi Jinping"])[0] == 2022  # type: ignore[index]


def test_olympic_games_by_season_and_host() -> None:
    text = "He looked forward to meeting Xi at the Winter Olympics in Beijing in February."
    assert [(s.series, s.date_start) for s in summits_in(text)] == [("OLY-W", dt.date(2022, 2, 4))]
    assert [s.date_start.year for s in summits_in("The Beijing Olympics in 2008 were a showcase.")] == [2008]
    assert summits_in("She won gold at the Olympics.") == []
    assert year_from_knowledge(2, None, text, [])[0] == 2022  # type: ignore[index]


def test_every_trigger_match_holds_its_required_literal() -> None:
    # the literal lets a text that lacks it skip the trigger's regex: it must be in every match
    from events.knowledge.summits import _data, _required_literal

    assert _required_literal(r"U\.N\. General Assembly") == "U.N. General Assembly"
    assert _required_literal(r"(?<!Winter )(?<!Special )Olympics") == "Olympics"
    assert _required_literal(r"(?:St\.? |Saint[ -])Petersburg Forum(?: \(X\))?") == "Petersburg Forum"
    assert _required_literal(r"COP ?\d{1,2}") == "COP"
    assert _required_literal(r"G7|Group of Seven") is None  # a top-level alternation has no common literal
    assert _required_literal(r"[Ss]ummit") is None
    samples = ["U.N. General Assembly", "St Petersburg International Economic Forum (SPIEF)",
               "Saint-Petersburg International Economic Forum", "Summer Olympic Games", "Olympics", "APEC", "G-20"]
    for series in _data()[0]:
        for source in series.trigger_sources:
            literal = _required_literal(source)
            for text in samples:
                m = re.fullmatch(source, text)
                if m is not None and literal is not None:
                    assert literal in text, (source, text)
