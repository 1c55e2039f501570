"""Issue 13 in a real browser, on the bundled demo data: honest geography, a timeline that
filters, links that reproduce the view, briefing exports, deleting a document, and the
first-paint and filter-change times (written to ``test-output/browser/timings.json``)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import time
from pathlib import Path

import polars as pl
import pytest

from events.store import Store
from tests.browser.support import (
    CHROMIUM,
    VIEW,
    Browser,
    Page,
    Server,
    _in_view,
    _map_view,
    _open,
    _project,
    _settle,
    _tooltip_at,
    sync_playwright,
)
from ui.frame import prepare

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(sync_playwright is None or not Path(CHROMIUM).exists(),
                       reason="needs playwright and Chromium at /usr/bin/chromium (apt-get install chromium)"),
]
TIMINGS: dict[str, object] = {}


def _pair(stores: dict[str, Path]) -> pl.DataFrame:
    store = Store(stores["demo"])
    frame = prepare(store.events_frame(), {})
    store.close()
    return frame.filter(pl.col("actors").list.contains("CHN") & pl.col("actors").list.contains("RUS"))


def _wait_url(page: Page, pattern: str, timeout: int = 20_000) -> None:
    page.wait_for_function(f"() => /{pattern}/.test(location.search)", timeout=timeout)


def test_country_is_an_area_and_a_cluster_opens_its_list(browser: Browser, demo_server: Server,
                                                          stores: dict[str, Path], out_dir: Path) -> None:
    pair = _pair(stores)
    view = _map_view(pair)
    page, dialogs = _open(browser, f"{demo_server.url}/?pair=CHN-RUS")
    assert _in_view(page) == pair.height
    russia = pair.filter((pl.col("place_precision") == "country") & (pl.col("place_country") == "RUS"))
    assert russia.height >= 2  # the events that used to stack on one dot in Siberia

    # hovering Russia's centre finds the shaded country, not a pin: one tip for all of them
    tip = _tooltip_at(page, 61.5, 105.3, view)
    assert f"Russia: {russia.height} event(s) placed only as the country" in tip, tip
    chart = page.locator("[data-testid=stDeckGlJsonChart]").first
    box = chart.bounding_box()
    assert box
    x, y = _project(page, 61.5, 105.3, view)
    page.mouse.move(5, 5)  # off the map: no tooltip, no hover highlight
    page.wait_for_timeout(600)
    page.screenshot(path=str(out_dir / "brief-1-areas.png"))
    from PIL import Image

    image = Image.open(out_dir / "brief-1-areas.png").convert("RGB")
    r, g, b = image.getpixel((int(x), int(y)))  # type: ignore[misc]
    assert r > 170 and r > g + 40 and r > b + 60, (r, g, b)  # the country's shading at its centre

    # Moscow and the Kremlin overlap at this zoom: one marker with a count, whose click lists them all
    moscow = pair.filter(pl.col("place_name").is_in(["Moscow", "Kremlin"]))
    tip = _tooltip_at(page, 55.75, 37.62, view)
    assert re.match(rf"{moscow.height} events at ", tip), tip
    x, y = _project(page, 55.75, 37.62, view)
    page.mouse.click(x, y)
    _settle(page)
    page.wait_for_selector(f"text={moscow.height} event(s) at", timeout=20_000)
    listing = page.locator(".st-key-spot_table [data-testid=stDataFrame], [data-testid=stDataFrame].st-key-spot_table")
    grid = listing.first.bounding_box()
    assert grid
    page.mouse.click(grid["x"] + 18, grid["y"] + 35 + 17)
    _settle(page)
    page.wait_for_selector(".event-detail", timeout=20_000)
    assert re.search(r"Moscow|Kremlin", page.locator(".event-detail").first.inner_text())
    page.screenshot(path=str(out_dir / "brief-2-cluster-list.png"))
    assert "ev=" in page.url and not dialogs
    page.close()


def test_brush_sets_the_window_and_a_click_zooms(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    page, _ = _open(browser, f"{demo_server.url}/")
    before = _in_view(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box
    y = box["y"] + 110  # inside the bars' plot area, below the legend
    started = time.perf_counter()
    page.mouse.move(box["x"] + box["width"] * 0.30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.65, y, steps=8)
    page.mouse.up()
    _wait_url(page, "from=")
    _settle(page, 300)
    TIMINGS["brush_to_new_view_s"] = round(time.perf_counter() - started, 2)
    after = _in_view(page)
    assert 0 < after < before
    page.screenshot(path=str(out_dir / "brief-3-brushed.png"))
    page.close()


def test_copied_link_reopens_the_same_view(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    page, _ = _open(browser, f"{demo_server.url}/?pair=CHN-RUS&type=CONSULT")
    count = _in_view(page)
    grid = page.locator(".st-key-event_table [data-testid=stDataFrame], [data-testid=stDataFrame].st-key-event_table")
    grid.first.scroll_into_view_if_needed()
    box = grid.first.bounding_box()
    assert box
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
    _settle(page)
    page.wait_for_selector(".event-detail", timeout=20_000)
    title = page.locator(".event-detail h4").first.inner_text()
    page.get_by_role("button", name="Zoom in", exact=True).click()
    _settle(page)
    _wait_url(page, "map=")
    page.get_by_text("Share this view").click()
    link = page.locator("[data-testid=stCode]").filter(has_text="ev=").first.inner_text().strip()
    for key in ("pair=CHN-RUS", "type=CONSULT", "ev=", "map=", "v="):
        assert key in link, (key, link)
    zoom = re.search(r"map=([-\d.]+,[-\d.]+,[-\d.]+)", link).group(1)  # type: ignore[union-attr]
    page.close()

    context = browser.new_context(viewport=VIEW)  # a reader on another machine: fresh cookies and storage
    reader = context.new_page()
    reader.goto(link)
    reader.wait_for_selector(".event-detail", timeout=60_000)
    _settle(reader)
    assert reader.locator(".event-detail h4").first.inner_text() == title
    assert _in_view(reader) == count
    assert f"map={zoom}" in reader.url and "pair=CHN-RUS" in reader.url and "type=CONSULT" in reader.url
    reader.screenshot(path=str(out_dir / "brief-4-reopened-link.png"))
    context.close()


def test_exports_csv_reads_and_gif_has_stamped_frames(browser: Browser, demo_server: Server,
                                                      tmp_path: Path, out_dir: Path) -> None:
    import pandas as pd
    from PIL import Image, ImageSequence

    page, _ = _open(browser, f"{demo_server.url}/briefing?pair=CHN-RUS", ready="text=Preview")
    page.get_by_label("Title").fill("China–Russia contacts")
    page.keyboard.press("Enter")
    _settle(page, 1500)
    files = {}
    for label in ("CSV", "CSV stamp", "Playback GIF", "PNG page", "Offline HTML"):
        with page.expect_download(timeout=90_000) as info:
            page.get_by_role("button", name=label, exact=True).click()
        files[label] = tmp_path / info.value.suggested_filename
        info.value.save_as(files[label])
    assert re.match(r"eventscape-v\d+-\d{8}T\d{4}\.csv", files["CSV"].name)
    with_pandas = pd.read_csv(files["CSV"])
    with_polars = pl.read_csv(files["CSV"])
    assert len(with_pandas) == len(with_polars) > 0
    assert with_polars["date_start"].to_list() == sorted(with_polars["date_start"].to_list())
    stamp = json.loads(files["CSV stamp"].read_text(encoding="utf-8"))["eventscape_export"]
    assert "pair=CHN-RUS" in stamp["link"] and stamp["events"] == len(with_pandas)
    gif = Image.open(files["Playback GIF"])
    frames = [f.convert("L") for f in ImageSequence.Iterator(gif)]
    assert len(frames) >= 10
    for frame in frames:  # the stamp lines at the top of every frame: dark text on the page colour
        strip = frame.crop((40, 40, 700, 75))
        assert strip.getextrema()[0] < 120
    png = Image.open(io.BytesIO(files["PNG page"].read_bytes()))
    assert png.size[0] > png.size[1] > 1000  # an A4 landscape page at print resolution
    page.screenshot(path=str(out_dir / "brief-5-briefing.png"))
    page.close()

    offline = browser.new_page(viewport=VIEW)  # the offline HTML: the map fills its box, no white bands
    offline.goto(files["Offline HTML"].as_uri())
    offline.wait_for_selector("#deck-container canvas", timeout=30_000)
    offline.wait_for_timeout(2500)
    offline.locator("#deck-container").screenshot(path=str(out_dir / "brief-6-offline-map.png"))
    offline.close()
    shot = Image.open(out_dir / "brief-6-offline-map.png").convert("L")
    width, height = shot.size
    rows = [min(shot.crop((2, y, width - 2, y + 1)).getdata()) for y in range(2, height - 2)]
    cols = [min(shot.crop((x, 2, x + 1, height - 2)).getdata()) for x in range(2, width - 2)]
    assert min(rows) < 250 and all(v < 250 for v in rows) and all(v < 250 for v in cols)


def test_first_paint_and_filter_change_times(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    """Measured in headless Chromium: first meaningful paint and filter change until the new view."""
    # "map" is the map's canvas in the page; "map_drawn" the first WebGL draw call into it (deck.gl's first
    # frame: basemap, shading and points), which is when the analyst sees the map
    marks_js = """
    window.__marks = {};
    const sels = {title: 'h4', counts: '[data-testid=stMarkdownContainer] strong',
      map: '[data-testid=stDeckGlJsonChart] canvas',
      timeline: '[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg.marks'};
    new MutationObserver(() => { for (const [k, s] of Object.entries(sels)) {
      if (!(k in window.__marks) && document.querySelector(s)) window.__marks[k] = Math.round(performance.now()); } })
     .observe(document, {subtree: true, childList: true, attributes: true});
    const GL = window.WebGL2RenderingContext;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
      const draw = GL.prototype[name];
      GL.prototype[name] = function (...args) {
        if (!('map_drawn' in window.__marks) && this.canvas.closest && this.canvas.closest('[data-testid=stDeckGlJsonChart]'))
          window.__marks.map_drawn = Math.round(performance.now());
        return draw.apply(this, args); };
    }
    """
    context = browser.new_context(viewport=VIEW)
    context.add_init_script(marks_js)
    paints = []
    for _ in range(3):
        page = context.new_page()
        page.goto(f"{demo_server.url}/")
        page.wait_for_function("Object.keys(window.__marks).length >= 5", timeout=90_000)
        paints.append(page.evaluate("window.__marks"))
        page.close()
    page = context.new_page()
    page.goto(f"{demo_server.url}/")
    page.wait_for_selector("[data-testid=stDeckGlJsonChart] canvas", timeout=60_000)
    _settle(page)
    changes = []
    for option in ("CONSULT", "COOPERATE", "AGREE"):
        before = _in_view(page)
        box = page.locator(".st-key-f_types").first
        box.click()
        started = time.perf_counter()
        page.get_by_role("option", name=option, exact=True).click()
        page.wait_for_function(
            "(n) => { const el = [...document.querySelectorAll('[data-testid=stMarkdownContainer] p')]"
            ".find(p => p.innerText.includes('events in view'));"
            " return el && !el.innerText.startsWith(n + ' ')"
            " && !document.querySelector('[data-testid=stStatusWidget]')?.innerText.includes('Running'); }",
            arg=f"{before:,}", timeout=20_000)
        changes.append(round(time.perf_counter() - started, 2))
        page.keyboard.press("Escape")
        _settle(page, 300)
    page.close()
    context.close()
    TIMINGS.update({"first_paint_ms": paints, "filter_change_s": changes,
                    "loadavg": open("/proc/loadavg", encoding="ascii").read().split()[:3]})
    (out_dir / "timings.json").write_text(json.dumps(TIMINGS, indent=1), encoding="utf-8")
    print("timings", TIMINGS)
    # targets: title and counts within 2 s, a filter change within 1 s on the demo store (see README);
    # the bounds here are looser so that a machine busy with other work does not fail the suite
    warm = sorted(p["counts"] for p in paints[1:])
    assert warm[0] <= 3000, paints
    assert sorted(changes)[1] <= 2.0, changes


def test_delete_removes_exactly_that_documents_events(browser: Browser, demo_server: Server,
                                                      stores: dict[str, Path], out_dir: Path) -> None:
    store = Store(stores["demo"])
    events = store.events_frame()
    docs = store.documents_frame().filter(pl.col("n_events") > 0).sort("n_events")
    store.close()
    victim = docs.row(0, named=True)
    page, _ = _open(browser, f"{demo_server.url}/sources?view_doc={victim['doc_id']}",
                    ready="text=Documents in the store")
    page.get_by_role("button", name=re.compile("Delete this document")).click()
    _settle(page)
    page.wait_for_selector("text=earlier versions still do", timeout=20_000)
    page.get_by_role("button", name="Yes, delete").click()
    _settle(page)
    page.wait_for_selector("text=Deleted", timeout=20_000)
    page.screenshot(path=str(out_dir / "brief-7-deleted.png"))
    store = Store(stores["demo"])
    after = store.events_frame()
    store.close()
    assert set(events["event_id"]) - set(after["event_id"]) == set(
        events.filter(pl.col("doc_id") == victim["doc_id"])["event_id"])
    assert after.height == events.height - victim["n_events"]
    page.close()


def _window_in_url(page: Page) -> tuple[str, str]:
    query = page.evaluate("location.search")
    start = re.search(r"from=([\d-]+)", query)
    end = re.search(r"to=([\d-]+)", query)
    assert start and end, query
    return start.group(1), end.group(1)


def test_click_on_a_bar_zooms_to_its_period(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    from PIL import Image

    page, _ = _open(browser, f"{demo_server.url}/")
    before = _in_view(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.scroll_into_view_if_needed()
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    box = chart.bounding_box()
    assert box
    chart.screenshot(path=str(out_dir / "brief-8-timeline.png"))
    image = Image.open(out_dir / "brief-8-timeline.png").convert("RGB")
    width, height = image.size
    top, bottom = int(height * 0.22), int(height * 0.62)  # the bars' plot area: below the legend, above the spans

    def coloured(x: int, y: int) -> bool:
        r, g, b = image.getpixel((x, y))  # type: ignore[misc]
        return max(r, g, b) - min(r, g, b) > 60  # a bar's colour, not the grey grid, axis or text

    columns = {x: [y for y in range(top, bottom) if coloured(x, y)] for x in range(60, width - 10)}
    x, ys = max(columns.items(), key=lambda item: len(item[1]))  # the tallest bar
    assert len(ys) >= 8, "no bar found in the timeline"
    page.mouse.click(box["x"] + x, box["y"] + max(ys) - 2)
    _wait_url(page, "from=")
    _settle(page, 300)
    start, end = _window_in_url(page)
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    assert 0 <= days <= 31, (start, end)  # one bar = one month (or a shorter bucket) on the demo data
    after = _in_view(page)
    assert 0 < after < before
    page.screenshot(path=str(out_dir / "brief-9-bar-zoomed.png"))
    page.close()


def test_keyboard_steps_and_plays(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    page, _ = _open(browser, f"{demo_server.url}/?pair=CHN-RUS")
    page.locator("h4").first.click()  # focus the page, not a widget
    page.keyboard.press("l")  # L: one period forward (the first press starts a window at the beginning)
    _wait_url(page, "from=")
    _settle(page, 300)
    first = _window_in_url(page)
    page.locator("h4").first.click()
    page.keyboard.press("l")
    page.wait_for_function(f"() => !location.search.includes('from={first[0]}')", timeout=20_000)
    _settle(page, 300)
    second = _window_in_url(page)
    assert second[0] > first[0], (first, second)
    page.locator("h4").first.click()
    page.keyboard.press("j")  # J: one period back
    page.wait_for_function(f"() => location.search.includes('from={first[0]}')", timeout=20_000)
    _settle(page, 300)
    assert _window_in_url(page) == first

    page.locator("h4").first.click()
    page.keyboard.press("k")  # K: play; the button turns into Pause and the window moves on its own
    page.get_by_role("button", name=re.compile("Pause")).wait_for(timeout=20_000)
    page.wait_for_function(f"() => !location.search.includes('from={first[0]}')", timeout=30_000)
    page.screenshot(path=str(out_dir / "brief-10-keyboard-play.png"))
    for _ in range(4):  # K again: pause (a key pressed while a tick redraws the page can be lost: press again)
        page.locator("h4").first.click()
        page.keyboard.press("k")
        try:
            page.get_by_role("button", name=re.compile("Play")).wait_for(timeout=8_000)
            break
        except Exception:  # noqa: BLE001 - still playing; the key was lost
            continue
    page.wait_for_timeout(3000)  # a tick already running when the key was pressed may still land
    stopped = _window_in_url(page)
    page.wait_for_timeout(2500)
    assert _window_in_url(page) == stopped
    page.close()


def test_legend_explains_the_map_below_it(browser: Browser, demo_server: Server, stores: dict[str, Path]) -> None:
    pair = _pair(stores)
    page, _ = _open(browser, f"{demo_server.url}/?pair=CHN-RUS")
    legend = page.locator(".map-legend").first
    legend.scroll_into_view_if_needed()
    text = legend.inner_text()
    countries = pair.filter(pl.col("place_precision") == "country").height
    for part in ("Colour", "event type", "Points", "size = mentions", "Shaded country", f"as a country ({countries})",
                 "Area", "Arc"):
        assert part in text, (part, text)
    for event_type in pair["event_type"].unique().to_list():
        assert event_type.lower() in text, event_type
    chip = legend.locator("span[style*='border-radius:50%']").first
    assert chip.bounding_box()
    map_box = page.locator("[data-testid=stDeckGlJsonChart]").first.bounding_box()
    legend_box = legend.bounding_box()
    assert map_box and legend_box
    assert legend_box["y"] >= map_box["y"] + map_box["height"] - 1  # under the map, not over it
    assert legend_box["x"] + legend_box["width"] <= map_box["x"] + map_box["width"] + 1
    page.close()


def test_empty_state_says_what_to_change(browser: Browser, demo_server: Server, out_dir: Path) -> None:
    page, _ = _open(browser, f"{demo_server.url}/?q=no-such-words-anywhere", ready="text=No events match")
    body = page.inner_text("body")
    assert "Text contains" in body and "Reset filters" in body
    assert "0.000000" not in body
    assert not page.locator("[data-testid=stDeckGlJsonChart]").count()  # no blank map
    assert not page.locator("[data-testid=stVegaLiteChart]").count()  # no empty timeline with a 0.000000 axis
    page.screenshot(path=str(out_dir / "brief-11-empty.png"))
    page.close()
