"""Geoparser ranking rules (hand-built inputs): given spans, containers, alternate names, distances."""

from __future__ import annotations

from events.geo.distance import km as haversine_km
from events.geo.geoparse import geoparse
from events.model import PlaceMention


def _resolved(text: str, names: tuple[str, ...]) -> list[PlaceMention]:
    """Resolve the first occurrence of each name as a given span."""
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return geoparse(text, spans=spans, include_embedded=True)


def _given(text: str, *names: str) -> dict[str, tuple[str | None, str, str]]:
    return {m.text: (m.country, m.feature, m.name) for m in _resolved(text, names)}


def _points(text: str, *names: str) -> dict[str, tuple[float, float, str]]:
    return {m.text: (m.lat, m.lon, m.feature) for m in _resolved(text, names)}


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


def test_airports_by_name_and_inside_venue_names() -> None:
    text = ("Pets flying out of Kansas City reach the Heathrow Animal Reception Center in London; "
            "others leave from Dulles International Airport or land at Heathrow.")
    found = _points(text, "Kansas City", "Heathrow Animal Reception Center", "London",
                    "Dulles International Airport", "Heathrow")
    for name, (lat, lon) in {"Heathrow": (51.47, -0.46), "Heathrow Animal Reception Center": (51.47, -0.46),
                             "Dulles International Airport": (38.95, -77.46)}.items():
        assert haversine_km(found[name][0], found[name][1], lat, lon) < 10, name
    assert found["Heathrow"][2] == "AIRP"


def test_institutions_named_after_countries() -> None:
    text = ("In Cairo, pupils of the British International School met officials from the Russian "
            "Foreign Ministry and staff of the Russian Embassy, then visited the British Embassy Tokyo.")
    found = _points(text, "Cairo", "British International School", "Russian Foreign Ministry",
                    "Russian Embassy", "British Embassy Tokyo")
    cairo, moscow, tokyo = (30.06, 31.25), (55.75, 37.62), (35.69, 139.69)
    assert haversine_km(*found["British International School"][:2], *cairo) < 20  # a building in town
    assert haversine_km(*found["Russian Embassy"][:2], *cairo) < 20  # in the host city
    assert haversine_km(*found["Russian Foreign Ministry"][:2], *moscow) < 20  # in its capital
    assert haversine_km(*found["British Embassy Tokyo"][:2], *tokyo) < 30  # where it says


def test_a_facility_named_after_a_town_is_not_there() -> None:
    text = "Guests of the Hotel Kyjev in Bratislava, Slovakia, crossed to Vienna."
    found = _points(text, "Hotel Kyjev", "Bratislava", "Slovakia", "Vienna")
    assert haversine_km(*found["Hotel Kyjev"][:2], 48.15, 17.11) < 30


def test_transliterations_of_mid_sized_towns_and_arabic_articles() -> None:
    text = "Pilgrims went from Yerevan to Echmiadzin; in Syria, fighting reached Qamishli."
    found = _points(text, "Yerevan", "Echmiadzin", "Syria", "Qamishli")
    assert haversine_km(*found["Echmiadzin"][:2], 40.16, 44.29) < 20
    assert haversine_km(*found["Qamishli"][:2], 37.05, 41.23) < 30


def test_organisations_named_as_places_are_at_their_seat() -> None:
    text = "Delegates walked out of the United Nations and the OAS as Brussels waited on the EU."
    found = _points(text, "United Nations", "OAS", "Brussels", "EU")
    assert haversine_km(*found["United Nations"][:2], 40.71, -74.01) < 20
    assert haversine_km(*found["OAS"][:2], 38.90, -77.04) < 20
    assert haversine_km(*found["EU"][:2], 50.85, 4.35) < 20


def test_the_story_town_is_the_one_written_with_its_region() -> None:
    text = ("A new club opened in Gainesville, Va., with a nod to Charleston. Near Centreville, "
            "the Stonewall Golf Club and the Haymarket Village Center draw buyers.")
    found = _points(text, "Gainesville", "Va.", "Charleston", "Centreville", "Stonewall Golf Club",
                    "Haymarket Village Center")
    assert haversine_km(*found["Stonewall Golf Club"][:2], 38.80, -77.61) < 40
    assert haversine_km(*found["Haymarket Village Center"][:2], 38.80, -77.61) < 40


def test_a_county_is_placed_inside_itself() -> None:
    text = "Officials in Cuyahoga County, Ohio, and in Columbus met on Monday."
    found = _points(text, "Cuyahoga County", "Ohio", "Columbus")
    assert haversine_km(*found["Cuyahoga County"][:2], 41.48, -81.68) < 40  # not at Columbus
    assert found["Cuyahoga County"][2] == "ADM2"


def test_the_region_after_a_town_wins_over_a_capital() -> None:
    text = ("Miami Beach and Boise bakers agree; Mary Ann from Celebrity Cake Studio in Tacoma, "
            "Washington shares tips. The Museum in Miami Beach opened.")
    found = _given(text, "Miami Beach", "Boise", "Tacoma", "Washington")
    assert found["Washington"][:2] == ("USA", "ADM1")


def test_a_region_reading_with_support_is_not_overridden_by_a_written_city() -> None:
    from events.geo.gazetteer import load_gazetteer
    from events.geo.recognise import Candidate
    from events.geo.resolve import Resolution, _one_sense_per_text

    gaz = load_gazetteer()
    places = gaz.lookup("washington")
    city = next(p for p, _ in places if p.kind == "city" and p.admin1 == "DC")
    state = next(p for p, _ in places if p.kind == "admin")
    written = Candidate(80, 90, "Washington", "washington", places=list(places))
    written.container = Candidate(92, 96, "D.C.", "d c")
    bare = Candidate(10, 20, "Washington", "washington", places=list(places))
    other = Candidate(30, 40, "Washington", "washington", places=list(places))
    out = _one_sense_per_text(
        [bare, other, written],
        [Resolution(state, "its region is in the text", True), Resolution(state, "no support"), Resolution(city, "container", True)],
    )
    assert out[0] is not None and out[0].place.kind == "admin"  # "at home in Washington" (", Wash." dateline)
    assert out[1] is not None and out[1].place.pid == city.pid  # no evidence of its own: as written later


def test_local_news_keeps_the_local_namesake_of_a_capital() -> None:
    text = "The mayor of Athens, a town in Henderson County, Texas, said Athens schools will close."
    found = [m for m in geoparse(text) if m.text == "Athens"]
    assert found and all(m.country == "USA" for m in found)


def test_a_town_in_a_county_the_text_names_is_that_town() -> None:
    for text, lat, lon in (
        ("Bourbon County deputies said the crash happened near Paris. Lexington and Paris schools closed.", 38.21, -84.25),
        ("Residents of Lamar County in Texas say the council in Paris approved the budget.", 33.66, -95.56),
    ):
        paris = [m for m in geoparse(text) if m.text == "Paris"]
        assert paris and all(haversine_km(m.lat, m.lon, lat, lon) < 20 for m in paris), text


def test_local_news_towns_named_like_countries_and_capitals() -> None:
    lebanon = geoparse("Lebanon police and Wilson County deputies responded. Lebanon High School and Mt. Juliet schools closed.")
    assert [m.country for m in lebanon if m.text == "Lebanon"] == ["USA"]  # its county is named: the Tennessee town
    moscow = geoparse("Moscow police said a University of Idaho student was hurt. Pullman officers assisted Moscow police.")
    assert {m.country for m in moscow if m.text == "Moscow"} == {"USA"}  # the state inside the university's name
    assert not [m for m in moscow if m.text == "Idaho"]  # still no place of its own there


def test_spelling_variants_of_towns_in_the_text_countries() -> None:
    text = "Putin spoke at the Valdai forum in Russia; in Romania, protests reached Brasoc and Bucharest."
    found = _points(text, "Valdai", "Russia", "Romania", "Brasoc", "Bucharest")
    assert haversine_km(*found["Valdai"][:2], 57.98, 33.25) < 20  # Valday
    assert haversine_km(*found["Brasoc"][:2], 45.65, 25.61) < 20  # Brasov
    capitol = _given("Lawmakers met at the Capitol in Oklahoma City, in the United States.", "Capitol", "Oklahoma City")
    assert capitol["Capitol"][2] != "Capitola"  # one letter more at the end is another name


def test_a_township_named_for_a_city_is_local() -> None:
    text = "Police in Hackensack, New Jersey, said the crash in Washington Township closed Route 17."
    found = _points(text, "Hackensack", "New Jersey", "Washington Township")
    assert haversine_km(*found["Washington Township"][:2], 40.89, -74.04) < 60  # not Washington, D.C.


def test_a_bare_name_is_the_county_the_text_names() -> None:
    text = "Suffolk County detectives searched a house in Southold, New York, the Suffolk police said."
    found = geoparse(text, spans=[(text.index("Suffolk police"), text.index("Suffolk police") + 7),
                                  (0, 14), (text.index("Southold"), text.index("Southold") + 8)], include_embedded=True)
    bare = next(m for m in found if m.start == text.index("Suffolk police"))
    assert bare.feature == "ADM2" and haversine_km(bare.lat, bare.lon, 40.9, -72.8) < 60  # not Suffolk, Virginia
