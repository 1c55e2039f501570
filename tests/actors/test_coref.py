"""Definite descriptions of people ("the king", "the FBI chief") on sentences written for these tests."""

from __future__ import annotations

from events.actors.coref import definite_people
from events.model import ActorMention


def _person(text: str, name: str, code: str, full: str) -> ActorMention:
    i = text.index(name)
    return ActorMention(i, i + len(name), name, code, "person", full, "test")


def test_the_office_refers_to_the_last_person_named_with_it() -> None:
    text = "Queen Ana of Ruritania wrote to President Bors. Later the queen met the president in Ostra."
    found = definite_people(text, [_person(text, "Queen Ana", "RUR", "Ana I"), _person(text, "Bors", "FRE", "Ivo Bors")])
    assert [(m.text, m.code, m.person) for m in found] == [("the queen", "RUR", "Ana I"), ("the president", "FRE", "Ivo Bors")]


def test_an_office_of_the_same_family_and_an_organisation_inside_the_description() -> None:
    text = "RBI Director Lia Moss arrived. The RBI chief said the monarch was absent."
    [chief] = definite_people(text, [_person(text, "Lia Moss", "RUR", "Lia Moss")])
    assert chief.text == "The RBI chief"
    assert chief.code == "RUR" and "coreference" in chief.via  # nobody was named as a monarch


def test_no_antecedent_or_a_description_that_names_its_own_referent_adds_nothing() -> None:
    text = "The president of Freedonia spoke. The minister Ruiz replied."
    assert definite_people(text, [_person(text, "Ruiz", "RUR", "Ana Ruiz")]) == []


def test_the_alliance_is_the_alliance_named_before() -> None:
    from events.actors.coref import definite_organisations
    from events.actors.states import find_actors

    text = "NATO foreign ministers met in Oslo. Finland was admitted to the Western military alliance on Tuesday."
    got = definite_organisations(text, find_actors(text))
    assert [(m.text, m.code) for m in got] == [("the Western military alliance", "NATO")]
    text = "The UN met in Geneva. Finland joined the alliance on Tuesday."
    assert definite_organisations(text, find_actors(text)) == []  # no alliance was named: nobody is guessed
