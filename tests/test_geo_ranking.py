"""Geoparser ranking rules (hand-built inputs): given spans, containers, alternate names, distances."""

from __future__ import annotations

from events.geo_resolve import haversine_km
from events.geocode import geoparse


def _given(text: str, *names: str) -> dict[str, tuple[str | None, str, str]]:
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    return {m.text: (m.country, m.feature, m.name) for m in geoparse(text, spans=spans, include_embedded=True)}


def test_the_second_name_of_a_pair_is_the_region() -> None:
    found = _given("A baker in Tacoma, Washington shares tips for decorating cookies.", "Tacoma", "Washington")
    assert found["Washington"][:2] == ("USA", "ADM1")


def test_plain_word_parts_of_a_venue_name_are_no_place() -> None:
    # "Hospital" and "Centre" are also village and region names somewhere: not evidence here.
    text = "Staff at Altnagelvin Hospital in Derry, Northern Ireland, and the Macmillan Support Centre said so."
    found = _given(text, "Altnagelvin Hospital", "Derry", "Northern Ireland", "Macmillan Support Centre")
    assert found["Derry"][0] == "GBR"
    assert found["Altnagelvin Hospital"][0] == "GBR"


def test_a_facility_named_for_a_state_is_in_that_state() -> None:
    text = "Researchers at Colorado State University and in Miami, Florida, published the study."
    found = _given(text, "Colorado State University", "Miami", "Florida")
    assert found["Colorado State University"][2] == "Colorado"


def test_haversine_matches_known_distances() -> None:
    assert abs(haversine_km(51.5074, -0.1278, 48.8566, 2.3522) - 343.5) < 1.5  # London-Paris
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_the_main_town_is_where_the_other_towns_cluster() -> None:
    text = ("The homes look a little like the architecture in Charleston, a resident said. "
            "Buyers come from Manassas, Centreville and Gainesville, and Wegmans is a short drive.")
    found = {m.text: m for m in geoparse(text, spans=[(text.index(n), text.index(n) + len(n)) for n in
                                                   ("Charleston", "Manassas", "Centreville", "Gainesville", "Wegmans")])}
    assert abs(found["Wegmans"].lat - 38.8) < 0.5 and abs(found["Wegmans"].lon + 77.5) < 0.5


def test_initials_follow_the_country_the_story_names() -> None:
    text = "Mining affects millions of South Africans. SA holds vast reserves of platinum."
    sa = {m.text: m for m in geoparse(text, spans=[(text.index("SA "), text.index("SA ") + 2)])}["SA"]
    assert sa.country == "ZAF"
    assert not any(m.text == "South" for m in geoparse(text))  # the plural demonym leaves no "South"


def test_the_before_a_name_inside_an_institution_is_the_institution_s() -> None:
    text = "He coached at the Mississippi State University for a decade."
    found = _given(text, "Mississippi")
    assert found["Mississippi"][1] == "ADM1"  # the state, not "the Mississippi" river
