"""The app in a real browser: Debian's headless Chromium driven by Playwright against
``streamlit run app.py`` on a temporary store. Screenshots of every step go to
``test-output/browser/`` (or ``$EVENTSCAPE_TEST_OUTPUT``).

Skipped when Chromium or Playwright is missing; ``.ci/run`` installs Chromium.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from events.store import Store
from tests.support.synthetic import PLACES, add_xss_document, build_store
from ui.mapdeck import fit_view

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("EVENTSCAPE_CHROMIUM", "/usr/bin/chromium")
OUT = Path(os.environ.get("EVENTSCAPE_TEST_OUTPUT", ROOT / "test-output")) / "browser"
VIEW = {"width": 1440, "height": 900}

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(sync_playwright is None or not Path(CHROMIUM).exists(),
                       reason="needs playwright and Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, store: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "EVENTSCAPE_STORE": str(store)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def out_dir() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("browser")
    main = base / "main.sqlite"
    build_store(main, 600, per_doc=40, seed=21).close()
    hostile = base / "hostile.sqlite"
    store = Store(hostile)
    add_xss_document(store)
    store.close()
    return {"main": main, "hostile": hostile}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(stores: dict[str, Path]) -> Iterator[Server]:
    srv = Server(stores["main"])
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def hostile_server(stores: dict[str, Path]) -> Iterator[Server]:
    srv = Server(stores["hostile"])
    yield srv
    srv.stop()


def _open(browser: Browser, url: str, ready: str = "text=events in view") -> tuple[Page, list[str]]:
    page = browser.new_page(viewport=VIEW, accept_downloads=True)
    dialogs: list[str] = []

    def on_dialog(dialog):  # type: ignore[no-untyped-def]
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    page.wait_for_selector("[data-testid=stSidebar]", timeout=60_000)
    page.wait_for_selector(ready, timeout=90_000)
    _settle(page)
    if ready == "text=events in view":  # the Explore page: wait for the map's WebGL canvas
        page.wait_for_selector("[data-testid=stDeckGlJsonChart] canvas", timeout=30_000)
        page.wait_for_timeout(500)
    return page, dialogs


def _settle(page: Page, quiet_ms: int = 600) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')",
        timeout=60_000)
    page.wait_for_timeout(quiet_ms)


def _in_view(page: Page) -> int:
    text = page.get_by_text(re.compile(r"events in view")).first.inner_text()
    return int(re.match(r"([\d,]+)", text).group(1).replace(",", ""))  # type: ignore[union-attr]


def _map_view(frame: pl.DataFrame) -> tuple[float, float, float]:
    """The view the app fits to these (filtered) events: see ui.mapdeck.fit_view."""
    view = fit_view(frame)
    return view.latitude, view.longitude, view.zoom


def _project(page: Page, lat: float, lon: float, map_view: tuple[float, float, float]) -> tuple[float, float]:
    """Screen position of (lat, lon) on the pydeck map (deck.gl web-mercator, 512 px tiles)."""
    box = page.locator("[data-testid=stDeckGlJsonChart]").first.bounding_box()
    assert box
    clat, clon, zoom = map_view
    scale = 512 * 2 ** zoom

    def world(la: float, lo: float) -> tuple[float, float]:
        x = scale * (lo + 180) / 360
        y = scale * (1 - math.log(math.tan(math.pi / 4 + math.radians(la) / 2)) / math.pi) / 2
        return x, y

    (x, y), (cx, cy) = world(lat, lon), world(clat, clon)
    return box["x"] + box["width"] / 2 + (x - cx), box["y"] + box["height"] / 2 + (y - cy)


def _tooltip_at(page: Page, lat: float, lon: float, map_view: tuple[float, float, float]) -> str:
    x, y = _project(page, lat, lon, map_view)
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=4)
    page.wait_for_timeout(400)
    tip = page.locator(".deck-tooltip")
    return tip.first.inner_text() if tip.count() and tip.first.is_visible() else ""


def _click_row(page: Page, index: int) -> None:
    grid = page.locator(".st-key-event_table [data-testid=stDataFrame], [data-testid=stDataFrame].st-key-event_table").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box
    page.mouse.click(box["x"] + 18, box["y"] + 35 * (index + 1) + 17)
    _settle(page)
    page.wait_for_selector(".event-detail", timeout=30_000)


def _detail_text(page: Page) -> str:
    return page.locator(".event-detail").first.inner_text()


def _map_has_pixels(page: Page, path: Path) -> None:
    chart = page.locator("[data-testid=stDeckGlJsonChart]").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    chart.screenshot(path=str(path))
    from PIL import Image

    colours = Image.open(path).convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50, "the map canvas looks blank"


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
            seen += 1
            assert re.search(r"Actors: (CHN, RUS|RUS, CHN)", tip), tip
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
    # the button is redrawn on every tick, so click it as soon as it is there
    for _ in range(5):
        try:
            page.get_by_role("button", name=re.compile("Pause")).click(timeout=5_000, force=True)
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
    for label in ("PNG image", "Offline HTML", "CSV", "GeoJSON", "JSON"):
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
        assert "Reproduce" in text or "eventscape_export" in text, label
    assert downloads["PNG image"].read_bytes()[:4] == b"\x89PNG"

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


def test_page_screenshots(browser: Browser, server: Server, out_dir: Path) -> None:
    """One 1440×900 screenshot per page (light theme), for the README."""
    pages = (("explore", "/", "text=events in view"), ("actors", "/actors", "text=Who with whom"),
             ("sources", "/sources", "text=Documents in the store"), ("briefing", "/briefing", "text=Preview"))
    for name, path, ready in pages:
        page, dialogs = _open(browser, f"{server.url}{path}", ready)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out_dir / f"page-{name}.png"))
        assert not page.locator("[data-testid=stException]").count(), name
        page.close()
    if os.environ.get("EVENTSCAPE_UPDATE_SCREENSHOTS"):
        docs = ROOT / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for png in out_dir.glob("page-*.png"):
            shutil.copy(png, docs / png.name)
