"""The app in a real browser: Debian's headless Chromium driven by Playwright against
``streamlit run app.py`` on a temporary store. Screenshots of every step go to
``test-output/browser/`` (or ``$EVENTSCAPE_TEST_OUTPUT``).

Skipped when Chromium or Playwright is missing; ``.ci/run`` installs Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import polars as pl
import pytest

from events.store import Store
from tests.browser.support import (
    CHROMIUM,
    ROOT,
    VIEW,
    Browser,
    Server,
    _click_row,
    _detail_text,
    _in_view,
    _map_has_pixels,
    _map_view,
    _open,
    _settle,
    _tooltip_at,
    sync_playwright,
)
from tests.support.synthetic import PLACES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(sync_playwright is None or not Path(CHROMIUM).exists(),
                       reason="needs playwright and Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def test_pair_link_play_and_evidence(browser: Browser, server: Server, stores: dict[str, Path],
                                     out_dir: Path) -> None:
    store = Store(stores["main"])
    frame = store.events_frame()
    store.close()
    pair = frame.filter(pl.col("actors").list.contains("CHN") & pl.col("actors").list.contains("RUS"))
    map_view = _map_view(pair)
    page, dialogs = _open(browser, f"{server.url}/?pair=CHN-RUS")
    page.screenshot(path=str(out_dir / "1-pair-link.png"))

    # the view holds exactly the CHN–RUS events, and the URL kept the filter
    assert _in_view(page) == pair.height
    assert "pair=CHN-RUS" in page.url
    assert page.locator("[data-testid=stDeckGlJsonChart] canvas").count() >= 1
    _map_has_pixels(page, out_dir / "2-map.png")

    # every place on the map shows a CHN–RUS event in its tooltip
    places = {(p[2], p[3]) for p in PLACES if p[0] in set(pair["place_name"].drop_nulls().to_list())}
    seen = 0
    for lat, lon in places:
        tip = _tooltip_at(page, lat, lon, map_view)
        if tip:
            seen += 1  # one event, or several at one spot (each listed with its own line)
            assert re.search(r"Actors: (CHN, RUS|RUS, CHN)", tip) or re.match(r"\d+ events at", tip), tip
    assert seen >= 3
    page.screenshot(path=str(out_dir / "3-tooltip.png"))

    # the list: each row opened shows a CHN–RUS event with its evidence
    for index in range(3):
        _click_row(page, index)
        detail = _detail_text(page)
        assert re.search(r"Actors\s+(CHN, RUS|RUS, CHN)", detail), detail
        assert "Evidence" in detail and page.locator(".event-detail .evidence mark").count() >= 2
    page.locator(".event-detail").first.scroll_into_view_if_needed()
    page.screenshot(path=str(out_dir / "4-evidence.png"))

    # play: the window moves and the map follows
    page.evaluate("window.scrollTo(0, 0)")
    before = page.locator("[data-testid=stSliderThumbValue]").all_inner_texts()
    page.get_by_role("button", name=re.compile("Play")).click()

    def thumbs_after(previous: list[str], limit_ms: int = 20_000) -> list[str]:
        waited = 0
        while waited < limit_ms:  # a loaded machine may be slow to tick; wait for the window to move
            page.wait_for_timeout(500)
            waited += 500
            now = page.locator("[data-testid=stSliderThumbValue]").all_inner_texts()
            if now and now != previous:
                return now
        return previous

    during = thumbs_after(before)
    page.screenshot(path=str(out_dir / "5-playing.png"))
    later = thumbs_after(during)
    assert during != before and later != during, (before, during, later)
    assert "from=" in page.url and "pair=CHN-RUS" in page.url
    # the button is redrawn on every tick, so a click can land on a button being replaced: retry until it says Play
    for _ in range(6):
        try:
            page.get_by_role("button", name=re.compile("Pause")).click(timeout=5_000, force=True)
            page.get_by_role("button", name=re.compile("Play")).wait_for(timeout=4_000)
            break
        except Exception:  # noqa: BLE001 - redrawn between locating and clicking; try again
            page.wait_for_timeout(200)
    page.wait_for_timeout(3000)
    page.screenshot(path=str(out_dir / "6-paused.png"))
    page.get_by_role("button", name=re.compile("Play")).wait_for(timeout=15_000)
    stopped = page.locator("[data-testid=stSliderThumbValue]").all_inner_texts()
    page.wait_for_timeout(2500)
    assert page.locator("[data-testid=stSliderThumbValue]").all_inner_texts() == stopped
    assert not dialogs
    page.close()


def test_hostile_document_stays_text(browser: Browser, hostile_server: Server, out_dir: Path,
                                     tmp_path: Path, stores: dict[str, Path]) -> None:
    hostile_path = stores["hostile"]
    page, dialogs = _open(browser, f"{hostile_server.url}/")
    injected = ("() => document.querySelectorAll('img[src=\"x\"]').length"
                " + [...document.scripts].filter(s => s.textContent.trim() === 'alert(1)').length")
    assert page.evaluate(injected) == 0

    # tooltip on the event in Lima
    store = Store(hostile_path)
    map_view = _map_view(store.events_frame())
    store.close()
    tip = _tooltip_at(page, -12.0432, -77.0282, map_view)
    assert "<script>alert(1)</script>" in tip and "<img src=x onerror=alert(1)>" in tip and "{{7*7}}" in tip
    page.screenshot(path=str(out_dir / "xss-1-tooltip.png"))

    # detail pane (via the list) and the document text
    _click_row(page, 0)
    detail = _detail_text(page)
    assert "<script>alert(1)</script>" in detail and "<img src=x onerror=alert(1)>" in detail and "{{7*7}}" in detail
    page.get_by_text("Source document text").first.click()
    page.wait_for_timeout(500)
    page.screenshot(path=str(out_dir / "xss-2-detail.png"))
    assert page.evaluate(injected) == 0

    # every export from the Briefing page
    page.get_by_role("link", name="Briefing").click()
    page.wait_for_selector("text=Preview", timeout=60_000)
    _settle(page, 1500)
    downloads = {}
    for label in ("PNG page", "Offline HTML", "CSV", "CSV stamp", "GeoJSON", "JSON"):
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=label, exact=True).click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        downloads[label] = target
        assert target.stat().st_size > 0
    page.screenshot(path=str(out_dir / "xss-3-briefing.png"))
    for label in ("CSV", "GeoJSON", "JSON"):
        text = downloads[label].read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" in text, label  # data formats keep the text verbatim, as text
    for label in ("CSV stamp", "GeoJSON", "JSON"):
        assert "eventscape_export" in downloads[label].read_text(encoding="utf-8"), label
    assert downloads["PNG page"].read_bytes()[:4] == b"\x89PNG"

    # the offline HTML export: opened from disk, shows the text, runs nothing injected, fetches nothing
    html_page = browser.new_page(viewport=VIEW)
    html_dialogs: list[str] = []
    html_page.on("dialog", lambda d: (html_dialogs.append(d.message), d.dismiss()))
    requests: list[str] = []
    html_page.on("request", lambda r: requests.append(r.url))
    html_page.goto(downloads["Offline HTML"].as_uri())
    html_page.wait_for_timeout(2500)
    body = html_page.locator("body").inner_text()
    assert "<script>alert(1)</script>" in body and "{{7*7}}" in body
    assert html_page.evaluate(injected) == 0
    assert html_page.locator("#deck-container canvas").count() >= 1
    assert not [u for u in requests if u.startswith("http")], requests
    html_page.screenshot(path=str(out_dir / "xss-4-offline-html.png"))
    html_page.close()
    assert not dialogs and not html_dialogs
    page.close()


def test_page_screenshots(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    """One 1440×900 screenshot per page (light theme) on the bundled demo data, for the README."""
    server = demo_server
    pages = (("explore", "/?pair=CHN-RUS", "text=events in view"), ("actors", "/actors", "text=Who with whom"),
             ("sources", "/sources", "text=Documents in the store"), ("briefing", "/briefing", "text=Preview"))
    for name, path, ready in pages:
        page, dialogs = _open(browser, f"{server.url}{path}", ready)
        # every element drawn: no loading placeholders, every table's grid painted (on a loaded machine a
        # screenshot taken earlier showed grey placeholders and empty tables)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=stSkeleton]') && [...document.querySelectorAll("
            "'[data-testid=stDataFrame]')].every(d => d.querySelector('canvas'))", timeout=90_000)
        page.mouse.move(1435, 895)  # no hover toolbars or sidebar buttons in the picture
        page.wait_for_timeout(2500)
        page.screenshot(path=str(out_dir / f"page-{name}.png"))
        assert not page.locator("[data-testid=stException]").count(), name
        page.close()
    if os.environ.get("EVENTSCAPE_UPDATE_SCREENSHOTS"):
        docs = ROOT / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for png in out_dir.glob("page-*.png"):
            shutil.copy(png, docs / png.name.removeprefix("page-"))



@pytest.mark.parametrize(("path", "ready"), [
    ("/explore", "text=events in view"), ("/actors", "text=Who with whom"),
    ("/sources", "text=Documents in the store"), ("/briefing", "text=Preview"),
    ("/?from=2024-01-01&to=9999-12-31", "text=events in view"),
])
def test_every_page_url_opens_that_page(browser: Browser, server: Server, path: str, ready: str) -> None:
    # /explore used to open a "Page not found" dialog: the default page is served only at the root
    page, _dialogs = _open(browser, f"{server.url}{path}", ready)
    body = page.inner_text("body").lower()
    assert "page not found" not in body and not page.locator("[data-testid=stException]").count(), path
    page.close()


def test_the_app_fetches_nothing_from_outside_the_machine(browser: Browser, demo_server: Server) -> None:
    """Offline by design: every page loads with no request to another host (basemap, fonts and icons are bundled)."""
    from urllib.parse import urlparse

    page = browser.new_page(viewport=VIEW)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("data:", "blob:")) and urlparse(r.url).hostname not in ("127.0.0.1", "localhost")
            else None)
    for path, ready in (("/?pair=CHN-RUS", "text=events in view"), ("/actors", "text=Who with whom"),
                        ("/sources", "text=Documents in the store"), ("/briefing", "text=Preview")):
        page.goto(f"{demo_server.url}{path}")
        page.wait_for_selector(ready, timeout=90_000)
        page.wait_for_timeout(1500)
    page.close()
    assert outside == []
