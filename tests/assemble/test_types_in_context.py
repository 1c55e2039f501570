"""PLOVER types read from a trigger's clause, with the real lexicon (sentences written for these tests)."""

from __future__ import annotations

from events.ingest import documents_from_text
from events.pipeline import run_document


def _events(text: str, head: str = "June 9, 2004"):
    doc = next(iter(documents_from_text(f"{head}\n\n{text}\n", "t.txt")))
    return run_document(doc).events


def _types(text: str) -> list[str]:
    return [e.event_type for e in _events(text)]


def test_joint_exercises_are_cooperation_and_one_states_drills_a_mobilisation() -> None:
    assert _types("Indian and French warships on Tuesday began five days of war games in the Arabian Sea.") == ["COOPERATE"]
    assert _types("Russia and Belarus held joint exercises near Minsk on Tuesday.") == ["COOPERATE"]
    assert _types("Iranian warships staged drills near Bahrain on Tuesday.") == ["MOBILIZE"]


def test_a_light_verb_takes_the_type_of_the_act_it_names() -> None:
    assert _types("Kenya's top court opened a hearing on Tuesday into the disputed election.") == ["ACCUSE"]
    assert _types("Poland issued a stern reminder to Belarus on Tuesday that it must respect the border.") == ["REQUEST"]


def test_peacekeepers_arriving_are_aid() -> None:
    ev = _events("The first Ghanaian peacekeeping troops arrived in Liberia on Tuesday.")
    assert [(e.event_type, e.event_mode) for e in ev] == [("AID", "peacekeeping")]


def test_withdrawing_inspectors_is_a_sanction_and_announcing_it_a_threat() -> None:
    assert _types("The UN withdrew its inspectors from Syria on Tuesday.") == ["SANCTION"]
    assert _types("The UN said on Tuesday it will withdraw its inspectors from Syria.") == ["THREATEN"]
    assert _types("Chad withdrew its troops from Niger on Tuesday.") == ["RETREAT"]


def test_blocking_roads_to_protest_is_a_protest_and_stopping_a_rally_is_coercion() -> None:
    assert _types("Farmers in Poland blocked roads on Tuesday to protest against grain imports from Ukraine.") == ["PROTEST"]
    assert _types("Georgian police on Tuesday prevented the demonstration planned by students in Tbilisi.") == ["COERCE"]


def test_a_reason_or_a_description_is_not_a_second_act() -> None:
    ev = _events("Malaysian authorities on Tuesday deported 40 Indonesians for travelling without visas.")
    assert [e.event_type for e in ev] == ["COERCE"]
    ev = _events("Newly elected Peruvian President Ana Ruiz on Tuesday rejected a demand from Chile.")
    assert [e.event_type for e in ev] == ["REJECT"]
    ev = _events("Spain on Tuesday completed the withdrawal of its invasion forces from Morocco.")
    assert [e.event_type for e in ev] == ["RETREAT"]


def test_refusing_to_respond_to_a_demand_rejects_it_but_declining_to_comment_does_not() -> None:
    assert _types("Serbia has refused to respond to an ultimatum from Kosovo, officials said on Tuesday.") == ["REJECT"]
    assert _types("Serbia declined to respond to questions from Kosovo on Tuesday.") == []


def test_pressure_and_investigation_phrases() -> None:
    assert _types("Germany on Tuesday pressured Hungary to drop its veto.") == ["REQUEST"]
    assert _types("A Dutch citizen was put under investigation in Belgium on Tuesday.") == ["ACCUSE"]
    assert _types("The IAEA on Tuesday dispatched inspectors to a reactor in Iran.") == ["ACCUSE"]


def test_a_present_perfect_does_not_retell_an_agreement_years_earlier() -> None:
    ev = _events("Iran and Iraq agreed in August 1988 to end their war. Iraq has agreed to let 300 Iranians leave Kuwait.",
                 "August 16, 1990")
    assert all(e.date_start.year != 1988 for e in ev if "300 Iranians" in e.evidence)


def test_ending_talks_or_aid_is_a_sanction() -> None:
    assert _types("Egypt on Tuesday suspended its mediation between the two factions in Gaza.") == ["SANCTION"]
    assert _types("Japan cut off aid to Myanmar on Tuesday.") == ["SANCTION"]


def test_named_fire_is_an_assault() -> None:
    assert _types("Ethiopian troops directed artillery, mortar and rocket fire at rebel positions on Tuesday.") == ["ASSAULT"]


def test_an_announced_coercive_act_is_a_threat() -> None:
    ev = _events("Mali's junta said on Tuesday that it would extend the curfew in Bamako.")
    assert [(e.event_type, e.status) for e in ev] == [("THREATEN", "planned")]


def test_a_national_legislature_or_a_company_counts_as_its_state() -> None:
    ev = _events("The House of Lords voted on Tuesday to delay the bill.")
    assert [e.actors for e in ev] == [("GBR",)]
    ev = _events("Gazprom cut off supplies to Moldova on Tuesday, Moldova's Sejm said.")
    assert ev and ev[0].actors[:2] == ("RUS", "MDA")
    ev = _events("Volkswagen agreed on Tuesday to sell its stake in Samsung.")
    assert ev and set(ev[0].actors) == {"DEU", "KOR"}


def test_a_place_after_a_nested_happening_is_that_happenings_place() -> None:
    ev = _events("The African Union said on Tuesday it would investigate the killings of civilians in Darfur.")
    assert ev and all(e.place_name != "Darfur" for e in ev if e.event_type == "ACCUSE")
    ev = _events("Greece and Egypt launched a large naval drill together in the Aegean Sea on Tuesday.")
    assert [(e.event_type, e.place_name) for e in ev] == [("COOPERATE", "Aegean Sea")]


def test_a_date_in_a_clause_stating_a_condition_dates_no_act_of_another_clause() -> None:
    ev = _events("Norway sent police officers to Chile to investigate the shootings, but there was no word in Oslo on Tuesday of any arrest.")
    assert all(e.date_text != "Tuesday" for e in ev)
    ev = _events("Chadian troops attacked a rebel base near Abeche, officials said on Tuesday.")
    assert [e.date_text for e in ev] == ["Tuesday"]


def test_backing_out_is_no_support() -> None:
    assert "SUPPORT" not in _types("On Tuesday Serbia was backing out of the agreement with Kosovo.")


def test_a_closing_report_dates_the_main_act_not_a_noun_near_it() -> None:
    ev = _events("Kenya deported three Somalis held over the bombing of a hotel in Mombasa last month, a newspaper reported Friday.")
    assert ("COERCE", "Friday") in [(e.event_type, e.date_text) for e in ev]


def test_being_asked_about_something_is_a_question_not_a_request() -> None:
    assert _types("The Jordanian prince was asked on Tuesday about the letter from Iraq.") == []


def test_a_bare_national_body_belongs_to_the_state_whose_body_the_story_named() -> None:
    text = ("BRUSSELS, June 8 (Xinhua) -- The upper house of the Danish parliament voted on Tuesday to ratify the treaty. "
            "The lower house approved the treaty in early May this year.")
    ev = [e for e in _events(text) if "lower house" in e.evidence]
    assert [e.actors for e in ev] == [("DNK",)]


def test_the_territory_invaded_or_annexed_is_the_place() -> None:
    ev = _events("Armenia invaded Azerbaijan on Tuesday.")
    assert [(e.place_name, e.place_precision) for e in ev] == [("Azerbaijan", "country")]


def test_off_the_coast_of_a_place_is_a_locative() -> None:
    ev = _events("Greek coastguards rescued 40 migrants off the coast of Crete on Tuesday.")
    assert [e.place_name for e in ev] == ["Crete"]


def test_a_city_written_without_its_transliteration_marks_is_found() -> None:
    ev = _events("A roadside bomb near the town of Samarra on Tuesday killed two soldiers, the army said.")
    assert ev and ev[0].place_name and ev[0].place_country == "IRQ"


def test_adjectives_of_former_state_names_are_read() -> None:
    ev = _events("Vietnamese troops attacked Kampuchean guerrilla camps on Tuesday.")
    assert ev and set(ev[0].actors) == {"VNM", "KHM"}


def test_an_interest_in_doing_something_is_no_act() -> None:
    assert _types("Iran said on Tuesday it had signalled its interest in resuming talks with Egypt.") == []


def test_proceedings_in_a_city_court_are_a_legal_happening_placed_there() -> None:
    ev = _events("Nokia's bankruptcy proceedings began on Tuesday in a Helsinki court.")
    assert [(e.event_type, e.actors, e.place_name) for e in ev] == [("OTHER", ("FIN",), "Helsinki")]


def test_a_happening_the_text_puts_in_an_unnamed_town_does_not_take_the_dateline() -> None:
    ev = _events("DUBLIN, Ireland (AP)_ Police seized a car bomb on Tuesday in a village near the border.")
    assert ev and all(e.place_name != "Dublin" for e in ev)
    ev = _events("DUBLIN, Ireland (AP)_ Police seized a car bomb on Tuesday.")
    assert [e.place_name for e in ev] == ["Dublin"]


def test_an_event_noun_naming_a_document_is_no_second_act() -> None:
    ev = _events("Slovak President Ivan Novak signed his country's accession treaty on Tuesday.")
    assert [e.event_type for e in ev] == ["SUPPORT"]  # PLOVER: signing an agreement or treaty is SUPPORT


def test_people_in_custody_are_detained() -> None:
    ev = _events("Kenyan police said on Tuesday that six men were in custody over the bombing.")
    assert [e.event_type for e in ev] == ["COERCE"]


def test_an_appeals_court_is_no_appeal() -> None:
    assert "REQUEST" not in _types("A Kenyan appeals court on Tuesday upheld the sentence of the former minister.")


def test_him_in_a_reported_clause_is_the_speaker() -> None:
    ev = _events("Macron said on Tuesday that the Emir of Qatar had assured him Qatar would release the hostages.")
    assert ev and "FRA" in ev[0].actors and "QAT" in ev[0].actors


def test_a_decision_to_do_something_is_the_act_done_now() -> None:
    ev = _events("Kenya's Supreme Court on Tuesday decided to allow the opposition leader to run in the election.")
    assert [(e.event_type, e.status) for e in ev] == [("CONCEDE", "occurred")]


def test_as_before_a_bare_noun_phrase_is_a_preposition() -> None:
    ev = _events("Croatia on Tuesday condemned as a grave provocation Serbia's blockade of the border.")
    assert ev and {"HRV", "SRB"} <= set(ev[0].actors)
