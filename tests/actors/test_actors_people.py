"""People linked to a country by title, dictionary, earlier mention (hand-made sentences)."""

from __future__ import annotations

import datetime as dt

from events.actors.states import find_actors


def people(text: str, **kw: object) -> list[tuple[str, str, str | None]]:
    return [(a.text, a.code, a.person) for a in find_actors(text, **kw) if a.kind == "person"]  # type: ignore[arg-type]


def test_title_with_adjective_links_an_unlisted_person() -> None:
    text = "Zambian President Hakuna Mwale met the press. Later Mwale said the talks went well."
    assert people(text) == [("Hakuna Mwale", "ZMB", "Hakuna Mwale"), ("Mwale", "ZMB", "Hakuna Mwale")]
    got = [a for a in find_actors(text) if a.kind == "person"]
    assert got[0].via == "title" and got[1].via == "earlier mention"
    assert text[got[0].start:got[0].end] == "Hakuna Mwale"


def test_possessive_country_and_modifiers() -> None:
    text = "Iran's Deputy Foreign Minister Ali Rezaei Karimi arrived."
    assert people(text) == [("Ali Rezaei Karimi", "IRN", "Ali Rezaei Karimi")]


def test_country_after_the_title() -> None:
    text = "Vice Foreign Minister of the People\u2019s Republic of China Zhao Minghui attended."
    assert people(text) == [("Zhao Minghui", "CHN", "Zhao Minghui")]


def test_to_names_the_host_not_the_home_country() -> None:
    text = "Tom Rivers, Permanent Representative of Canada to the United Nations, spoke."
    assert people(text) == [("Tom Rivers", "CAN", "Tom Rivers")]


def test_org_titles() -> None:
    text = "UN Secretary-General Amina Okafor and NATO chief Lars Berg met."
    assert people(text) == [("Amina Okafor", "UN", "Amina Okafor"), ("Lars Berg", "NATO", "Lars Berg")]


def test_surname_of_a_listed_leader_takes_the_full_name() -> None:
    text = "Spanish Prime Minister S\u00e1nchez visited China. S\u00e1nchez spoke."
    assert people(text) == [
        ("S\u00e1nchez", "ESP", "Pedro S\u00e1nchez"), ("S\u00e1nchez", "ESP", "Pedro S\u00e1nchez"),
    ]


def test_dictionary_and_possessive() -> None:
    assert people("Russia's Putin and Xi Jinping met.") == [
        ("Putin", "RUS", "Vladimir Putin"), ("Xi Jinping", "CHN", "Xi Jinping"),
    ]


def test_on_date_chooses_among_homonyms_and_roles() -> None:
    assert people("Premier Li spoke.", on_date=dt.date(2015, 6, 1)) == [("Li", "CHN", "Li Keqiang")]
    assert people("Premier Li spoke.", on_date=dt.date(2024, 6, 1)) == [("Li", "CHN", "Li Qiang")]
    assert people("Rutte said.", on_date=dt.date(2020, 1, 1)) == [("Rutte", "NLD", "Mark Rutte")]
    assert people("Rutte said.", on_date=dt.date(2025, 1, 1)) == [("Rutte", "NATO", "Mark Rutte")]


def test_title_beats_dictionary() -> None:
    text = "Former Dutch Prime Minister Mark Rutte spoke."
    assert people(text, on_date=dt.date(2025, 3, 1)) == [("Mark Rutte", "NLD", "Mark Rutte")]


def test_nearest_title_wins() -> None:
    text = "Only one G7 leader, Italian Prime Minister Marco Verdi, came."
    assert people(text) == [("Marco Verdi", "ITA", "Marco Verdi")]


def test_title_anchor_gives_the_country_to_a_bare_title() -> None:
    text = ("Ambassador Ivan Petrenko gave an interview. Moscow's Ambassador to Beijing told "
            "reporters that ties were good.")
    assert people(text) == [("Ivan Petrenko", "RUS", "Ivan Petrenko")]


def test_known_people_from_earlier_in_the_article() -> None:
    assert people("Mwale said the talks went well.", known_people={"Hakuna Mwale": "ZMB"}) == [
        ("Mwale", "ZMB", "Hakuna Mwale"),
    ]


def test_a_surname_inside_another_full_name_is_someone_else() -> None:
    assert people("Wang Wenbo told reporters.") == []


def test_place_before_apposition_is_no_person() -> None:
    text = "During talks in Alaska, Chinese officials railed against Washington."
    assert people(text) == []


def test_organisation_words_are_not_names() -> None:
    text = "Lt. Gen. Jeffrey Stone, director of the Pentagon Intelligence Agency, said."
    assert all(p[0] != "Intelligence Agency" for p in people(text))


def test_chinese_names_keyed_on_the_family_name() -> None:
    text = "Chinese Vice Premier Zhou Hanming visited. Zhou said trade grew."
    assert people(text) == [("Zhou Hanming", "CHN", "Zhou Hanming"), ("Zhou", "CHN", "Zhou Hanming")]


def test_apposition_after_with() -> None:
    text = "He met first with Tran Van Nam, Vietnamese Ambassador to China."
    assert people(text) == [("Tran Van Nam", "VNM", "Tran Van Nam")]


def test_distinctive_surnames_survive_title_case_headlines() -> None:
    assert [p[2] for p in people("Putin Meets Xi In Beijing")] == ["Vladimir Putin", "Xi Jinping"]


def test_a_name_glued_to_an_apostrophe_is_another_word() -> None:
    assert people("Trade fairs in Xi'an and Xi\u2019an drew crowds; Xi's speech followed.") == [
        ("Xi", "CHN", "Xi Jinping"),
    ]


def test_institution_before_the_title_owns_it() -> None:
    assert people("Kremlin spokesman Ivan Sidorov said.") == [("Ivan Sidorov", "RUS", "Ivan Sidorov")]


def test_name_between_commas_after_the_title() -> None:
    assert people("The Chinese ambassador to the US, Xu Lin, said.") == [("Xu Lin", "CHN", "Xu Lin")]
    assert people("Speaking with the DPRK Ambassador, Liu said that ties were firm.") == []
