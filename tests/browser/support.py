"""Shared browser-test machinery (fixtures are registered in conftest.py): one Streamlit server per store for the whole session, one
headless Chromium, and helpers that wait for Streamlit and read the page."""

from __future__ import annotations

import math
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from events.store import Store, open_store
from tests.support.synthetic import add_xss_document, build_store
from ui.mapdeck import fit_view

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("EVENTSCAPE_CHROMIUM", "/usr/bin/chromium")
OUT = Path(os.environ.get("EVENTSCAPE_TEST_OUTPUT", ROOT / "test-output")) / "browser"
VIEW = {"width": 1440, "height": 900}

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None  # type: ignore[assignment]

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


@pytest.fixture(scope="session")
def out_dir() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT


@pytest.fixture(scope="session")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("browser")
    main = base / "main"
    build_store(main, 600, per_doc=40, seed=21).close()
    hostile = base / "hostile"
    store = Store(hostile)
    add_xss_document(store)
    store.close()
    demo = base / "demo"
    open_store(demo).close()  # the bundled demo data (94 events, China–Russia among them)
    return {"main": main, "hostile": hostile, "demo": demo}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(stores: dict[str, Path]) -> Iterator[Server]:
    srv = Server(stores["main"])
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def demo_server(stores: dict[str, Path]) -> Iterator[Server]:
    srv = Server(stores["demo"])
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
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
        page.wait_for_selector("[data-testid=stDeckGlJsonChart] canvas", timeout=90_000)
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


