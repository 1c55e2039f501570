"""The honest map (areas for countries and regions, spots for venues and cities), names for
codes, and links that carry the selected event, the map view and the store version."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import replace

import polars as pl

from events.model import Document
from events.store import Store
from tests.support.synthetic import make_event
from ui.filters import Filters
from ui.frame import prepare
from ui.geo import load_basemap
from ui.legend import legend_html
from ui.links import MapView, ViewLink, public_base_url, share_link, version_note
from ui.mapdeck import build_deck, map_pick
from ui.names import label, name
from ui.spots import area_spots, country_shapes, point_spots, spot_filter


def _frame(specs: list[dict]) -> pl.DataFrame:  # type: ignore[type-arg]
    store = Store(":memory:")
    events = [replace(make_event(i, random.Random(i), "d1", "Doc"), **spec) for i, spec in enumerate(specs)]
    store.add([Document(doc_id="d1", source="t", title="t", text="x")], [], events)
    return prepare(store.events_frame(), {})


SIBERIA = {"place_name": "Russia", "place_country": "RUS", "lat": 61.5, "lon": 105.3, "place_precision": "country"}
MOSCOW = {"place_name": "Moscow", "place_country": "RUS", "lat": 55.7558, "lon": 37.6173, "place_precision": "city"}
CRIMEA = {"place_name": "Crimea", "place_country": "UKR", "lat": 45.3, "lon": 34.4, "place_precision": "admin"}


def test_country_events_are_outlines_never_pins() -> None:
    frame = _frame([SIBERIA] * 8 + [MOSCOW] * 3 + [CRIMEA])
    deck, _ = build_deck(frame, load_basemap())
    layers = {layer["id"]: layer["data"] for layer in json.loads(deck.to_json())["layers"]}
    points = layers["events"]
    assert [p["n"] for p in points] == [3]  # only Moscow is a point: one spot holding three events
    assert all(abs(p["position"][1] - 61.5) > 1 for p in points)  # nothing at the country's centre
    russia = [c for c in layers["countries"] if c["spot"] == "cc:RUS"]
    assert russia and all(c["n"] == 8 for c in russia) and max(len(c["polygon"]) for c in russia) > 20
    assert [a["spot"] for a in layers["areas"]] == ["ar:45.30,34.40"]
    assert layers["counts"][0]["label"] == "3"


def test_spot_keys_list_the_events_they_stand_for() -> None:
    frame = _frame([SIBERIA] * 2 + [MOSCOW] * 3 + [CRIMEA])
    spots = point_spots(frame)
    assert spots[0]["event_id"] == "" and "3 events at Moscow" in spots[0]["tip"]
    assert frame.filter(spot_filter(spots[0]["spot"])).height == 3
    shapes, missing = country_shapes(frame, load_basemap())
    assert not missing and frame.filter(spot_filter(shapes[0]["spot"])).height == 2
    area = area_spots(frame)[0]
    assert area["event_id"] and frame.filter(spot_filter(area["spot"])).height == 1  # one event: opens directly


def test_map_pick_prefers_single_events_and_reports_spots() -> None:
    assert map_pick({"selection": {"objects": {"events": [{"event_id": "e1", "spot": "pt:1,1"}]}}}) == ("event", "e1")
    assert map_pick({"selection": {"objects": {"countries": [{"event_id": "", "spot": "cc:RUS"}]}}}) == ("spot", "cc:RUS")
    assert map_pick({"selection": {"objects": {}}}) is None and map_pick(None) is None


def test_legend_explains_every_mark() -> None:
    html = legend_html(_frame([SIBERIA, MOSCOW, CRIMEA, {"place_name": None, "place_country": None, "lat": None,
                                                         "lon": None, "place_precision": "none"}]))
    for words in ("Colour", "Points", "Shaded country", "Area", "Arc", "not on the map"):
        assert words in html


def test_names_not_codes() -> None:
    assert name("CHN") == "China" and name("RUS") == "Russia"
    assert label("CHN").startswith("China (CHN)") and "Xi Jinping" in label("CHN")
    assert name("UN") == "United Nations"


def test_links_carry_event_map_view_and_version(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    filters = Filters(pair=("CHN", "RUS"), types=("CONSULT",), start=dt.date(2017, 4, 1), end=dt.date(2017, 4, 30))
    view = ViewLink(event="abc123", map_view=MapView(55.75, 37.62, 4.0), version="17")
    monkeypatch.delenv("EVENTSCAPE_PUBLIC_URL", raising=False)
    base, public = public_base_url("http://127.0.0.1:8501/briefing?x=1")
    assert (base, public) == ("http://127.0.0.1:8501/", False)
    monkeypatch.setenv("EVENTSCAPE_PUBLIC_URL", "https://eventscape.example.org/app")
    base, public = public_base_url("http://127.0.0.1:8501/")
    assert public and base == "https://eventscape.example.org/app/"
    link = share_link(base, filters, view)
    assert link.startswith("https://eventscape.example.org/app/?")
    params = dict(p.split("=", 1) for p in link.split("?", 1)[1].split("&"))
    assert Filters.from_query(params) == filters
    assert ViewLink.from_query(params) == view
    assert version_note("17", "17") is None and "version 17" in (version_note("17", "19") or "")
    assert MapView.from_param("95,0,1") is None and MapView.from_param("x") is None
