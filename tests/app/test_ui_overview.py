"""The unfiltered view pre-aggregated per store version (ui.overview, events.store_aggregates):
what it holds equals what the page computes from every event, and it is kept per version."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from events import store_aggregates
from events.store import Store
from tests.support.synthetic import iter_batches
from ui import overview, scan
from ui.filters import Filters
from ui.frame import data_range, focus_range
from ui.geo import capitals, load_basemap
from ui.legend import legend_html, legend_html_of
from ui.mapdeck import aggregate_map, build_deck, fit_view
from ui.timeline import TimelineCounts, bucket_counts, day_counts, rebucket, timeline_chart

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _store(path: Path, n_events: int, batch_docs: int) -> Store:
    store = Store(path)
    for docs, arts, evs in iter_batches(n_events, per_doc=50, seed=11, batch_docs=batch_docs):
        store.add(docs, arts, evs)
    return store


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Version 1 holds 400 events, version 2 800."""
    store = _store(tmp_path_factory.mktemp("overview") / "store", 800, batch_docs=8)
    assert store.version() == "2"
    return store


def _slim(store: Store, version: int) -> pl.DataFrame:
    return scan.slim_frame(store.scan("events", version), capitals())


def _records(records: list[dict[str, Any]]) -> list[str]:
    """Records in a fixed order (group order of equal counts is not fixed)."""
    return sorted(json.dumps(r, sort_keys=True) for r in records)


def test_the_overview_holds_what_the_page_computes_from_every_event(two_versions: Store,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview, "HYDRATE_LIMIT", 100)  # a "large" view: drawn aggregated
    slim = _slim(two_versions, 2)
    basemap = load_basemap()
    got = overview.compute(slim, basemap)
    assert got.n_events == slim.height == 800
    assert got.bounds == data_range(slim) and got.focus == focus_range(slim)
    fitted = fit_view(slim)
    assert got.fitted_view().to_json() == fitted.to_json()
    for bucket in ("day", "week", "month"):
        for window in (None, (dt.date(2020, 3, 1), dt.date(2020, 9, 30))):
            mine = timeline_chart(slim, window, bucket, domain=got.focus, precomputed=got.timeline)
            theirs = timeline_chart(slim, window, bucket, domain=got.focus)
            assert mine.spec == theirs.spec
            assert scan.to_plain(mine.data).sort(pl.all()).equals(scan.to_plain(theirs.data).sort(pl.all()))
    whole = aggregate_map(slim, basemap)
    assert got.aggregate is not None
    for part in ("bins", "shapes", "areas", "arcs"):
        assert _records(getattr(got.aggregate, part)) == _records(getattr(whole, part)), part
    deck, mode = build_deck(slim, basemap, aggregate=got.aggregate, view=fitted)
    plain, plain_mode = build_deck(slim, basemap, aggregate_threshold=-1, view=fitted)
    assert mode == plain_mode == "aggregate"
    assert [layer.id for layer in deck.layers] == [layer.id for layer in plain.layers]
    assert legend_html_of(got.legend, got.timeline.types) == legend_html(slim)
    assert got.type_counts.sort(pl.all()).equals(overview.type_counts(slim).sort(pl.all()))
    assert got.place_counts.sort(pl.all()).equals(overview.place_counts(slim).sort(pl.all()))
    assert got.type_counts["events"].sum() == 800
    assert got.newest.height == overview.NEWEST or got.newest.height == slim.height
    newest_days = sorted(slim["date_start"].to_list(), reverse=True)[: got.newest.height]
    assert sorted(got.newest["date_start"].to_list(), reverse=True) == newest_days


def test_a_small_view_keeps_the_point_map(two_versions: Store) -> None:
    got = overview.compute(_slim(two_versions, 1), load_basemap())
    assert got.aggregate is None  # 400 events: the page draws points from full rows, per view


def test_day_counts_rebucketed_equal_bucket_counts() -> None:
    days = [dt.date(2021, 12, 27) + dt.timedelta(days=i % 50) for i in range(300)]
    frame = pl.DataFrame({
        "date_start": days, "date_end": days,
        "date_precision": ["day" if i % 4 else "month" for i in range(300)],
        "event_type": [("CONSULT", "AGREE", "FIGHT")[i % 3] for i in range(300)],
    })
    for bucket in ("day", "week", "month"):
        assert rebucket(day_counts(frame), bucket).equals(bucket_counts(frame, bucket))
    counts = TimelineCounts.of(frame)
    assert counts.days["count"].sum() == 225 and counts.spans["count"].sum() == 75


def test_side_tables_round_trip_and_are_kept_per_version(two_versions: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview, "HYDRATE_LIMIT", 100)
    basemap = load_basemap()
    first = overview.for_version(two_versions, 1, lambda: _slim(two_versions, 1), basemap)
    second = overview.for_version(two_versions, 2, lambda: _slim(two_versions, 2), basemap)
    assert (first.n_events, second.n_events) == (400, 800)  # an old version shows its own counts

    def not_again() -> pl.DataFrame:
        raise AssertionError("the kept overview should be read, not computed again")

    for version, computed in ((1, first), (2, second)):
        kept = overview.for_version(two_versions, version, not_again, basemap)
        assert kept.n_events == computed.n_events and kept.bounds == computed.bounds
        assert kept.focus == computed.focus and kept.fitted == computed.fitted and kept.legend == computed.legend
        assert kept.timeline.types == computed.timeline.types
        assert kept.timeline.days.equals(computed.timeline.days)
        assert kept.timeline.spans.equals(computed.timeline.spans)
        assert kept.type_counts.equals(computed.type_counts) and kept.newest.equals(computed.newest)
        assert (kept.aggregate is None) == (computed.aggregate is None)
        if kept.aggregate and computed.aggregate:
            assert kept.aggregate.bins == computed.aggregate.bins
            assert kept.aggregate.shapes == computed.aggregate.shapes


def test_a_kept_aggregate_belongs_to_one_store_and_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    frames = {"meta": pl.DataFrame({"n": [1]})}
    assert store.read_aggregate("thing-1", 3) is None
    assert store.write_aggregate("thing-1", 3, frames)
    assert not store.write_aggregate("thing-1", 3, {"meta": pl.DataFrame({"n": [2]})})  # the first copy stays
    kept = store.read_aggregate("thing-1", 3)
    assert kept is not None and kept["meta"]["n"].to_list() == [1]
    assert store.read_aggregate("thing-1", 4) is None and store.read_aggregate("thing-2", 3) is None
    with pytest.raises(ValueError):
        store_aggregates.read(store.root, 3, "../escape")


def test_a_store_made_anew_does_not_see_the_old_aggregates(tmp_path: Path) -> None:
    path = tmp_path / "s"
    store = _store(path, 100, batch_docs=2)
    assert store.write_aggregate("thing-1", 1, {"meta": pl.DataFrame({"n": [1]})})
    for child in path.iterdir():  # the store folder deleted and made again, except the side tables
        if child.name != "_aggregates":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    again = _store(path, 100, batch_docs=2)
    assert again.version() == "1" and again.read_aggregate("thing-1", 1) is None


def test_is_unfiltered() -> None:
    assert overview.is_unfiltered(Filters())
    assert overview.is_unfiltered(Filters(start=dt.date(2020, 1, 1), end=dt.date(2020, 2, 1), text="  "))
    assert overview.is_unfiltered(Filters(actor_mode="all"))
    for filters in (Filters(types=("AGREE",)), Filters(text="x"), Filters(actors=("CHN",)),
                    Filters(pair=("CHN", "RUS")), Filters(docs=("d",)), Filters(statuses=("planned",)),
                    Filters(precisions=("day",))):
        assert not overview.is_unfiltered(filters)


def test_explore_keeps_the_overview_of_the_version_it_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "store", 600, batch_docs=6)
    monkeypatch.setenv("EVENTSCAPE_STORE", str(store.root))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["v"] = "1"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    kept = store.read_aggregate(overview.NAME, 1)
    assert kept is not None and store.read_aggregate(overview.NAME, 2) is None
    assert overview.from_frames(kept).n_events == 300
    assert any("**300** events in view" in md.value for md in at.markdown)


def test_bins_count_cells_with_their_most_common_type_and_place() -> None:
    from ui.mapdeck import bin_records

    rows = [  # cell (10.5, 20.5): 3 AGREE, 2 FIGHT; places Lima ×2, Cusco ×2, none ×1 → the first by name
        (10.1, 20.2, "AGREE", "Lima"), (10.9, 20.9, "AGREE", "Lima"), (10.5, 20.5, "AGREE", "Cusco"),
        (10.2, 20.1, "FIGHT", "Cusco"), (10.3, 20.3, "FIGHT", None),
        # cell (-0.5, -0.5): 1 CONSULT and 1 AGREE (a tie: AGREE by name)
        (-0.2, -0.7, "CONSULT", "Quito"), (-0.4, -0.1, "AGREE", "Quito"),
        (5.0, 5.0, "AGREE", "Faraway"),  # a country-precision event: not a point, not binned
    ]
    frame = pl.DataFrame(rows, schema=["lat", "lon", "event_type", "place_name"], orient="row").with_columns(
        pl.Series("place_precision", ["city"] * 7 + ["country"]), pl.col("event_type").cast(pl.Categorical))
    bins = bin_records(frame, precisions=("venue", "city"))
    assert [(b["position"], b["n"]) for b in bins] == [([20.5, 10.5], 5), ([-0.5, -0.5], 2)]
    assert bins[0]["tip"] == "5 events near Cusco\nMost common type: AGREE"
    assert bins[1]["tip"] == "2 events near Quito\nMost common type: AGREE"


def test_nearest_quantiles_are_polars_quantiles() -> None:
    import numpy as np

    from ui.mapdeck import nearest_quantiles

    rng = np.random.default_rng(5)
    for n in (1, 2, 3, 19, 20, 21, 1000, 4097):
        values = rng.normal(size=n).round(1)  # repeated values too
        expected = [pl.Series(values).quantile(q, interpolation="nearest") for q in (0.05, 0.95)]
        assert nearest_quantiles(values, (0.05, 0.95)) == expected


def test_explore_draws_the_kept_aggregate_map_when_unfiltered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "store", 600, batch_docs=12)
    monkeypatch.setenv("EVENTSCAPE_STORE", str(store.root))
    monkeypatch.setattr(overview, "HYDRATE_LIMIT", 100)  # 600 events count as a large view: the map aggregates
    monkeypatch.setattr(scan, "HYDRATE_LIMIT", 100)
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    kept = store.read_aggregate(overview.NAME, 1)
    assert kept is not None and overview.from_frames(kept).aggregate is not None
    assert any("binned per 1° cell" in c.value for c in at.caption)
    assert any("**600** events in view" in md.value for md in at.markdown)
    at.multiselect(key="f_types").set_value(["AGREE"]).run()  # a filter: the view is computed from the events

    assert not at.exception, [e.value for e in at.exception]
    n_agree = store.events_frame().filter(pl.col("event_type") == "AGREE").height
    assert any(f"**{n_agree:,}** events in view" in md.value for md in at.markdown)


def test_only_the_versions_kept_last_stay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    store = Store(tmp_path / "s")
    monkeypatch.setattr(store_aggregates, "KEEP", 3)
    for version in range(1, 6):
        assert store.write_aggregate("thing-1", version, {"meta": pl.DataFrame({"n": [version]})})
        folder = store.root / "_aggregates" / store.identity() / f"v{version}"
        os.utime(folder, (version, version))  # written in this order, whatever the clock's resolution
    assert [store.read_aggregate("thing-1", v) is not None for v in range(1, 6)] == [False, False, True, True, True]
    assert not any(p.name.startswith(".") for p in (store.root / "_aggregates" / store.identity()).iterdir())
