"""events.geo.weights: the ranking's named scores are well-formed and are the ones the prior uses."""

from __future__ import annotations

import math

from events.geo import weights as W
from events.geo.gazetteer import Place
from events.geo.resolve import prior


def _place(kind: str, population: int) -> Place:
    return Place(1, "X", 0.0, 0.0, "FRA", "11", population, kind, None)


def test_distance_bands_grow_outwards_and_their_bonus_shrinks() -> None:
    for bands in (W.ANCHOR_DISTANCE_BONUS, W.GIVEN_POINT_BONUS):
        limits = [km for km, _ in bands]
        bonuses = [b for _, b in bands]
        assert limits == sorted(limits) and bonuses == sorted(bonuses, reverse=True)


def test_prior_reads_the_named_weights() -> None:
    assert prior(_place("country", 0), False) == W.COUNTRY_PRIOR_FLOOR
    assert prior(_place("continent", 0), False) == W.CONTINENT_PRIOR
    assert prior(_place("admin", 0), False) == W.ADMIN_PRIOR_DEFAULT
    assert prior(_place("admin", 0), True) == W.ADMIN_PRIOR_DEFAULT - W.ALTERNATE_NAME_PENALTY
    assert prior(_place("airport", 0), True) == W.AIRPORT_BARE_NAME_PRIOR
    assert prior(_place("sea", 0), False) == W.CURATED_PRIOR
    assert prior(_place("city", 99_990), False) == math.log10(100_000)


def test_a_capital_and_a_country_mention_outweigh_no_evidence_but_not_a_container() -> None:
    # the order the ranking relies on: a container written beside the name beats the softer signals
    assert W.CONTAINER_REGION > W.CONTAINER_NEAR_REGION > W.CONTAINER_COUNTRY > W.CONTAINER_NEAR_CITY
    assert W.CONTAINER_COUNTRY > W.COUNTRY_IN_TEXT + W.COUNTRY_PER_MENTION * W.MENTIONS_CAP
    assert 0 < W.SIGNAL_DISCOUNT < 1 and W.ANCHOR_POPULATION_TRUSTED < W.ANCHOR_POPULATION
