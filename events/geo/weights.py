"""The scores of toponym ranking, named in one place (``geo/resolve.py`` adds them up).

A reading's score is its prior (how likely the name means this place before the text is read)
plus evidence from the text.  The values were tuned on GeoWebNews and the event corpora;
changing one changes what the pipeline places where, so change them with the scorers at hand.
"""

from __future__ import annotations

# --- the prior: bigger and higher-level places are the usual reading ---------------------------
COUNTRY_PRIOR_FLOOR = 6.8  # a country scores at least this (log10 population + COUNTRY_PRIOR_LIFT)
COUNTRY_PRIOR_LIFT = 0.6
CONTINENT_PRIOR = 9.0
ADMIN_PRIOR_DEFAULT = 5.6  # log10 of a typical region's population, when the country's is unknown
AIRPORT_BARE_NAME_PRIOR = 4.0  # "Heathrow", "Dulles": often also a surname or a town
CURATED_PRIOR = 7.6  # seas, rivers, regions, venues ...: curated, so taken when named
CITY_POPULATION_OFFSET = 10  # a city's prior is log10(population + this)
ALTERNATE_NAME_PENALTY = 1.5  # a town or region matched only by an alternate name
CAPITAL_BONUS = 0.7  # a national capital
CITY_UNDER_COUNTRY_PENALTY = 2.5  # "Mexico", "Lebanon": the country, unless written "Mexico, Missouri"

# --- evidence from the text (signals: the strongest counts fully, the rest SIGNAL_DISCOUNT) --------
COUNTRY_IN_TEXT = 0.9  # the place's country is named ...
COUNTRY_PER_MENTION = 0.2  # ... plus this per mention,
MENTIONS_CAP = 3.0  # up to this many
GIVEN_COUNTRY_WEIGHT = 2.0  # a country the caller gives counts as this many mentions
REGION_IN_TEXT = 1.6  # the place's first-level region is named ...
REGION_PER_MENTION = 0.3  # ... plus this per mention (up to MENTIONS_CAP)
COUNTY_IN_TEXT = 2.2  # its US county is named
SIGNAL_DISCOUNT = 0.3  # the signals are correlated (one region gives all three)
# distance to places already resolved: (within km, bonus), nearest band first
ANCHOR_DISTANCE_BONUS: tuple[tuple[float, float], ...] = ((30.0, 2.6), (100.0, 2.0), (300.0, 1.2), (1000.0, 0.5))
LOCAL_KM = 100.0  # a place within this of another counts as local evidence
# distance to a point the caller gives (independent of the text, so added to the score directly)
GIVEN_POINT_BONUS: tuple[tuple[float, float], ...] = ((50.0, 4.0), (200.0, 2.5), (1000.0, 1.0))

# --- an explicit container: "Paris, Texas" ---------------------------------------------------------
CONTAINER_COUNTRY = 4.0  # written after its country
CONTAINER_REGION = 6.0  # written after its own first-level region
CONTAINER_NEAR_REGION = 4.5  # written after a region of its country whose centre is within ...
CONTAINER_NEAR_REGION_KM = 400
CONTAINER_NEAR_CITY = 3.0  # written after a city within ...
CONTAINER_NEAR_CITY_KM = 60

# --- the context a resolved name adds for the others -----------------------------------------------
ADJECTIVE_WEIGHT = 0.5  # "Canadian" says less about where a story is than "Canada"
DATELINE_WEIGHT = 2.0  # the dateline says where the story is told from
CONFIDENT_MARGIN = 1.0  # a winner this far ahead of the runner-up anchors the second pass
CERTAIN_MARGIN = 9.0  # the lead of a reading nothing rivals (an adjective, the only place of a name)
# a town anchors the others only with this many people (fewer when the spans are known to be places)
ANCHOR_POPULATION = 20_000
ANCHOR_POPULATION_TRUSTED = 5_000
