"""States, organisations and capitals (hand-made sentences; no corpus text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from events.actors.states import find_actors, leader_terms
from events.model import ActorMention


def codes(text: str, **kw: object) -> list[str]:
    return [a.code for a in find_actors(text, **kw) if a.kind != "person"]  # type: ignore[arg-type]


def by_text(text: str) -> dict[str, ActorMention]:
    return {a.text: a for a in find_actors(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China and the United States agreed.", ["CHN", "USA"]),
        ("The U.S. and the UK disagreed with Russia.", ["USA", "GBR", "RUS"]),
        ("Peruvian officials met Chinese investors.", ["PER", "CHN"]),
        ("Many Russians visited Türkiye.", ["RUS", "TUR"]),
        ("The Islamic Republic of Iran protested.", ["IRN"]),
        ("Officials of the Democratic People's Republic of Korea spoke.", ["PRK"]),
        ("South Korea and North Korea met.", ["KOR", "PRK"]),
        ("The Kremlin and the White House talked.", ["RUS", "USA"]),
    ],
)
def test_state_names_adjectives_institutions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_offsets_index_the_text_and_typographic_apostrophes() -> None:
    text = "Yesterday the People\u2019s Republic of China replied."
    (a,) = find_actors(text)
    assert (a.code, a.text) == ("CHN", "People\u2019s Republic of China")
    assert text[a.start:a.end] == a.text


def test_combining_forms_give_both_states() -> None:
    got = find_actors("the Sino\u2013Peruvian port and Sino-US talks")
    assert [(a.text, a.code, a.via) for a in got] == [
        ("Sino", "CHN", "combining form"), ("Peruvian", "PER", "adjective"),
        ("Sino", "CHN", "combining form"), ("US", "USA", "name"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ships sailed the Persian Gulf and the South China Sea.",
        "Trade with Latin America and the Indo-Pacific grew.",
        "He moved to New Mexico.",
    ],
)
def test_look_alikes_are_not_actors(text: str) -> None:
    assert find_actors(text) == []


def test_organisations_and_name_variants() -> None:
    text = ("The Shanghai Cooperation Organisation, Apec, ASEAN, the G20, NATO, the European Union "
            "and the United Nations Security Council met; the IMF and the World Bank too.")
    assert codes(text) == ["SCO", "APEC", "ASEAN", "G20", "NATO", "EU", "UN", "IMF", "WB"]
    assert by_text(text)["United Nations Security Council"].via == "organisation (Security Council)"


def test_capital_metonym_and_capital_as_place() -> None:
    got = by_text("Beijing said it had summoned the envoy, who arrived in Moscow on Monday.")
    assert (got["Beijing"].code, got["Beijing"].via) == ("CHN", "capital metonym")
    assert (got["Moscow"].code, got["Moscow"].via) == ("RUS", "capital (place)")


def test_capital_places_can_be_left_out() -> None:
    text = "Moscow warned Washington during talks in Beijing."
    assert codes(text, include_capital_places=False) == ["RUS", "USA"]
    assert codes(text) == ["RUS", "USA", "CHN"]


def test_possessive_capital_is_a_metonym() -> None:
    got = by_text("Moscow's ambassador to Beijing spoke.")
    assert got["Moscow"].via == "capital metonym"
    assert got["Beijing"].via == "capital (place)"


def test_capital_inside_a_longer_name_is_no_actor() -> None:
    assert codes("George Washington read the Washington Post.") == []


def test_brussels_as_metonym_is_the_eu_as_a_place_belgium() -> None:
    got = find_actors("Brussels imposed tariffs, officials in Brussels said.")
    assert [(a.code, a.kind, a.via) for a in got] == [
        ("EU", "org", "capital metonym"), ("BEL", "state", "capital (place)"),
    ]


def test_all_caps_short_forms_in_headlines_are_ignored() -> None:
    assert codes("PLEASE LET US KNOW") == []
    assert codes("The US said") == ["USA"]


def test_given_name_that_is_a_country() -> None:
    assert codes("Jordan Peterson spoke in Jordan.") == ["JOR"]


def test_leader_terms() -> None:
    terms = leader_terms("Vladimir Putin")
    assert ("RUS", "President", dt.date(2012, 5, 7), None) in terms
    assert leader_terms("Putin") == terms
    assert leader_terms("Nobody Atall") == []
    assert any(code == "EU" for code, *_ in leader_terms("Josep Borrell"))


def test_empty_text() -> None:
    assert find_actors("") == []


def test_organisation_codes_never_collide_with_state_codes() -> None:
    geodata = Path(__file__).resolve().parents[2] / "geodata"
    actors = json.loads((geodata / "actors.json").read_text(encoding="utf-8"))
    countries = json.loads((geodata / "countries.json").read_text(encoding="utf-8"))
    org_codes = {code for _, code, kind, _ in actors["forms"] if kind == "org"}
    assert org_codes.isdisjoint(countries), sorted(org_codes & set(countries))
    summits = json.loads((geodata / "summits.json").read_text(encoding="utf-8"))
    for series in summits["series"].values():
        # a series may name no organisation (the Olympic Games); one it names is an actor
        assert series["org"] == "" or series["org"] in org_codes or series["org"] in countries, series


def test_state_names_that_are_also_personal_names() -> None:
    assert codes("Reporting by Steve Holland; in Holland, farmers protested.") == ["NLD"]


def test_euro_combining_form_needs_an_actor_after_it() -> None:
    assert codes("Euro-Asian security and Euro-American ties") == ["EU", "USA"]


def test_capital_after_a_venue_is_a_place() -> None:
    got = by_text("He spoke at the Guildhall, London, on Monday.")
    assert got["London"].via == "capital (place)"


def test_bare_un_organs_need_the_article() -> None:
    got = find_actors("The Security Council voted; Russia's Security Council met; the National Security Council")
    assert [(a.text, a.code) for a in got] == [("Security Council", "UN"), ("Russia", "RUS")]


def test_capital_after_a_name_particle_is_a_surname() -> None:
    assert codes("The painter Mario de Santiago lives in Santiago.") == ["CHL"]
    assert codes("African Americans voted.") == []


def test_shipped_dictionary_matches_its_sources() -> None:
    """geodata/actors.json is rebuilt (python geodata/build_actors.py) whenever a source changes."""
    import importlib.util

    geodata = Path(__file__).resolve().parents[2] / "geodata"
    spec = importlib.util.spec_from_file_location("build_actors", geodata / "build_actors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((geodata / "actors.json").read_text(encoding="utf-8"))
    assert module.build() == shipped, "run: python geodata/build_actors.py"


def test_ship_prefixes_name_the_navy_not_the_namesake() -> None:
    from events.actors.states import find_actors

    found = find_actors("The USS Carl Vinson and the HMS Queen Elizabeth sailed on.")
    assert [(a.text, a.code, a.kind) for a in found] == [
        ("USS Carl Vinson", "USA", "state"), ("HMS Queen Elizabeth", "GBR", "state")]


def test_an_adjective_before_a_doctrine_is_no_party() -> None:
    from events.actors.states import find_actors

    assert [m.code for m in find_actors("They vowed to oppose Japanese militarism and Western imperialism.")] == []
    assert [m.code for m in find_actors("Japanese troops landed on Monday.")] == ["JPN"]
