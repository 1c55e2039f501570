"""Briefing images drawn server-side with matplotlib (no browser): the PNG page and the GIF
of the playback.

The PNG is laid out at a paper or slide size (:data:`PAGE_SIZES`) with the user's title
and notes, a timeline whose legend sits beside the bars, a map fitted to the events with
place labels (countries shaded, regions as areas, points only for venues and cities,
as on the app's map), a table whose cells wrap instead of being cut, and the stamp.
Document text is kept out of matplotlib's math parser (``text.parse_math`` off).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from typing import Any

import polars as pl

from ui.frame import focus_range
from ui.geo import load_basemap
from ui.spots import AREA_PRECISIONS, AREA_RGB, COUNTRY_RGB, POINT_PRECISIONS
from ui.style import type_hex, type_order
from ui.timeline import bucket_counts, choose_bucket, span_counts, start_window, step_window

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4 landscape": (11.69, 8.27), "Slide 16:9": (13.33, 7.5)}
DPI = 150
SEA = "#ddeaf3"
LAND = "#f5f3ee"
LABELS = 8
GIF_MAX_FRAMES = 24
GIF_MIN_FRAMES = 10
_RC = {"text.parse_math": False, "svg.fonttype": "none", "font.family": "DejaVu Sans"}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


# -- pieces ---------------------------------------------------------------------------------------
def draw_timeline(ax: Any, frame: pl.DataFrame, window: tuple[dt.date, dt.date] | None = None,
                  legend: bool = True) -> None:
    """Stacked bars of day-precision events and thin spans for month/year precision on one x axis."""
    import matplotlib.dates as mdates

    if frame.is_empty():
        ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    lo, hi = focus_range(frame) or (frame["date_start"].min(), frame["date_end"].max())
    assert isinstance(lo, dt.date) and isinstance(hi, dt.date)
    hi = max(hi, lo + dt.timedelta(days=13))
    bucket = choose_bucket(lo, hi)
    counts = bucket_counts(frame, bucket)
    types = type_order(frame["event_type"].unique().to_list())
    bottoms: dict[dt.date, int] = {}
    for etype in types:
        part = counts.filter(pl.col("event_type") == etype)
        if part.is_empty():
            continue
        starts = part["bucket_start"].to_list()
        widths = [(e - s).days for s, e in zip(starts, part["bucket_end"].to_list(), strict=True)]
        heights = part["count"].to_list()
        base = [bottoms.get(s, 0) for s in starts]
        ax.bar(starts, heights, width=widths, bottom=base, align="edge", color=type_hex(etype), label=etype,
               linewidth=0)
        for s, h in zip(starts, heights, strict=True):
            bottoms[s] = bottoms.get(s, 0) + h
    top = max(bottoms.values(), default=1)
    spans = span_counts(frame)
    for row in spans.iter_rows(named=True):  # below the bars, on the same axis
        y = -0.12 * top if row["date_precision"] == "month" else -0.24 * top
        ax.plot([row["date_start"], row["span_end"]], [y, y], color=type_hex(row["event_type"]), linewidth=3,
                solid_capstyle="butt")
    if not spans.is_empty():
        ax.text(1.003, -0.12 * top, "month", transform=ax.get_yaxis_transform(), fontsize=6, va="center")
        ax.text(1.003, -0.24 * top, "year", transform=ax.get_yaxis_transform(), fontsize=6, va="center")
    ax.set_ylim(-0.32 * top if not spans.is_empty() else 0, top * 1.08)
    if window:
        ax.axvspan(window[0], window[1] + dt.timedelta(days=1), color="#4c78a8", alpha=0.12, linewidth=0)
    ax.set_ylabel(f"events per {bucket}", fontsize=7)
    ax.tick_params(labelsize=7)
    if legend:  # beside the bars, never over them
        ax.legend(fontsize=6.5, loc="upper left", bbox_to_anchor=(1.035, 1.0), frameon=False, borderaxespad=0)
    ax.spines[["top", "right"]].set_visible(False)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(lo, hi + dt.timedelta(days=1))


def map_bounds(frame: pl.DataFrame, pad: float = 0.12) -> tuple[float, float, float, float]:
    """(west, east, south, north) around the located events, at least 20° by 12°."""
    located = frame.select("lat", "lon").drop_nulls()
    if located.is_empty():
        return -180.0, 180.0, -60.0, 85.0
    w, e = float(located["lon"].min()), float(located["lon"].max())  # type: ignore[arg-type]
    s, n = float(located["lat"].min()), float(located["lat"].max())  # type: ignore[arg-type]
    dx, dy = max(e - w, 20.0), max(n - s, 12.0)
    cx, cy = (w + e) / 2, (s + n) / 2
    dx, dy = dx * (1 + 2 * pad), dy * (1 + 2 * pad)
    return (max(-180.0, cx - dx / 2), min(180.0, cx + dx / 2), max(-80.0, cy - dy / 2), min(85.0, cy + dy / 2))


def draw_map(ax: Any, frame: pl.DataFrame, bounds: tuple[float, float, float, float] | None = None,
             labels: int = LABELS) -> None:
    """Countries shaded by their country-level events, regions as areas, venue/city points, labels."""
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.patches import Circle

    west, east, south, north = bounds or map_bounds(frame)
    per_country = dict(frame.filter(pl.col("place_precision") == "country").group_by("place_country").len()
                       .drop_nulls().iter_rows())
    top = max(per_country.values(), default=1)
    land, shaded, alphas = [], [], []
    for feature in load_basemap().get("features", []):
        geom = feature["geometry"]
        rings = [poly[0] for poly in ([geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"])]
        code = feature["properties"].get("iso3")
        land.extend(rings)
        if code in per_country:
            shaded.extend(rings)
            alphas.extend([0.25 + 0.6 * math.log1p(per_country[code]) / math.log1p(top)] * len(rings))
    ax.set_facecolor(SEA)
    ax.add_collection(PolyCollection(land, facecolors=LAND, edgecolors="#aaaaaa", linewidths=0.3))
    if shaded:
        r, g, b = (c / 255 for c in COUNTRY_RGB)
        ax.add_collection(PolyCollection(shaded, facecolors=[(r, g, b, a) for a in alphas],
                                         edgecolors=_hex(COUNTRY_RGB), linewidths=0.6))
    arcs = frame.filter(pl.col("src_lat").is_not_null() & pl.col("dst_lat").is_not_null()).head(3000)
    if not arcs.is_empty():
        segments = [[(r["src_lon"], r["src_lat"]), (r["dst_lon"], r["dst_lat"])]
                    for r in arcs.select("src_lon", "src_lat", "dst_lon", "dst_lat").iter_rows(named=True)]
        ax.add_collection(LineCollection(segments, colors=[type_hex(t) for t in arcs["event_type"].to_list()],
                                         linewidths=0.7, alpha=0.45))
    deg_km = 111.0
    for row in frame.filter(pl.col("place_precision").is_in(AREA_PRECISIONS) & pl.col("lat").is_not_null()) \
            .unique(["lat", "lon"]).iter_rows(named=True):
        radius = (320 if row["place_precision"] == "sea" else 180) / deg_km
        ax.add_patch(Circle((row["lon"], row["lat"]), radius, facecolor=(*(c / 255 for c in AREA_RGB), 0.25),
                            edgecolor=_hex(AREA_RGB), linewidth=0.8, zorder=2))
    points = frame.filter(pl.col("place_precision").is_in(POINT_PRECISIONS) & pl.col("lat").is_not_null())
    if points.height > 20000:
        points = points.sample(20000, seed=1)
    if not points.is_empty():
        ax.scatter(points["lon"].to_list(), points["lat"].to_list(),
                   s=[10 + 6 * m for m in points["mentions"].clip(1, 10).to_list()],
                   c=[type_hex(t) for t in points["event_type"].to_list()], alpha=0.85,
                   edgecolors="white", linewidths=0.4, zorder=3)
    named = (frame.filter(pl.col("place_name").is_not_null() & pl.col("lat").is_not_null()
                          & (pl.col("lon") >= west) & (pl.col("lon") <= east)
                          & (pl.col("lat") >= south) & (pl.col("lat") <= north))
             .group_by("place_name").agg(pl.len().alias("n"), pl.col("lat").first(), pl.col("lon").first())
             .sort(["n", "place_name"], descending=[True, False]).head(labels))
    placed: list[tuple[float, float]] = []
    near = 0.06 * (east - west)
    for row in named.iter_rows(named=True):
        if any(abs(row["lon"] - x) < near and abs(row["lat"] - y) < near / 2.5 for x, y in placed):
            continue  # a label on top of another helps nobody
        placed.append((row["lon"], row["lat"]))
        ax.annotate(f"{row['place_name'][:28]} ({row['n']})", (row["lon"], row["lat"]), xytext=(4, 4),
                    textcoords="offset points", fontsize=6.5, color="#222", zorder=4,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(0.2, math.cos(math.radians((south + north) / 2))))
    ax.set_anchor("N")
    ax.text(0, -0.015, "dots: venue or city (size = mentions) · shaded: events placed only as a country · "
            "circles: a region or sea · lines: the two actors' capitals · colour: event type",
            fontsize=5.5, color="#555", va="top", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def draw_table(ax: Any, frame: pl.DataFrame, fontsize: float = 7.0) -> None:
    """The newest events as a table whose cells wrap (never cut), as many rows as fit."""
    ax.set_axis_off()
    rows = frame.sort(["date_start", "event_id"], descending=[True, False]).head(60)
    if rows.is_empty():
        ax.text(0.5, 0.5, "no events", ha="center", transform=ax.transAxes)
        return
    columns = [("Date", "date_label", 0.0, 14), ("Type", "event_type", 0.17, 10), ("Actors", "actors_label", 0.31, 16),
               ("Title / place", "title", 0.52, 40)]
    fig_h_in = ax.get_window_extent().height / ax.figure.dpi
    line_h = fontsize * 1.35 / 72 / max(fig_h_in, 0.1)  # one text line as a share of the axes' height
    y = 1.0
    for head, _, x, _ in columns:
        ax.text(x, y, head, fontsize=fontsize, weight="bold", va="top", transform=ax.transAxes)
    y -= line_h * 1.4
    shown = 0
    for row in rows.iter_rows(named=True):
        cells = []
        for _, col, _, width in columns:
            value = str(row[col] or "")
            if col == "title" and row.get("place_name") and str(row["place_name"]) not in value:
                value = f"{value} — {row['place_name']}"
            cells.append(textwrap.wrap(value, width=width, break_long_words=True) or [""])
        height = max(len(c) for c in cells)
        if y - height * line_h < 0.04:
            break
        for (_, _, x, _), lines in zip(columns, cells, strict=True):
            ax.text(x, y, "\n".join(lines), fontsize=fontsize, va="top", transform=ax.transAxes, linespacing=1.2)
        y -= height * line_h + line_h * 0.45
        ax.plot([0, 1], [y + line_h * 0.25] * 2, color="#e5e5e5", linewidth=0.5, transform=ax.transAxes)
        shown += 1
    if frame.height > shown:
        ax.text(0, 0.0, f"newest {shown} of {frame.height:,} events (the CSV has them all)", fontsize=fontsize - 0.5,
                color="#666", transform=ax.transAxes)


# -- the PNG page ----------------------------------------------------------------------------------
def png_page(frame: pl.DataFrame, stamp_lines: list[str], title: str = "", notes: str = "",
             size: str = "A4 landscape", window: tuple[dt.date, dt.date] | None = None) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    width, height = PAGE_SIZES.get(size, PAGE_SIZES["A4 landscape"])
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), dpi=DPI)
        grid = fig.add_gridspec(3, 2, height_ratios=[0.45, 0.6, 2.2], width_ratios=[1.25, 1], hspace=0.25,
                                wspace=0.05, left=0.06, right=0.985, top=0.965, bottom=0.06)
        head = fig.add_subplot(grid[0, :])
        head.set_axis_off()
        head.text(0, 1, title.strip() or "Eventscape briefing", fontsize=15, weight="bold", va="top",
                  transform=head.transAxes)
        note_lines = textwrap.wrap(" ".join(notes.split()), width=int(width * 12.5))[:4]
        if note_lines:
            head.text(0, 0.6, "\n".join(note_lines), fontsize=8.5, va="top", transform=head.transAxes)
        fig.text(0.06, 0.008, "  ·  ".join(stamp_lines), fontsize=5.5, family="monospace", color="#444",
                 va="bottom", wrap=True)
        bars = fig.add_subplot(grid[1, :])
        box = bars.get_position()
        bars.set_position((box.x0, box.y0, box.width * 0.87, box.height))  # room for the legend beside it
        draw_timeline(bars, frame, window)
        draw_map(fig.add_subplot(grid[2, 0]), frame)
        draw_table(fig.add_subplot(grid[2, 1]), frame)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


# -- the GIF of the playback -----------------------------------------------------------------------
def playback_windows(frame: pl.DataFrame, mode: str = "cumulative",
                     max_frames: int = GIF_MAX_FRAMES) -> list[tuple[dt.date, dt.date]]:
    """The windows playback would step through (at least :data:`GIF_MIN_FRAMES` when time allows)."""
    if frame.is_empty():
        return []
    lo, hi = focus_range(frame) or (frame["date_start"].min(), frame["date_end"].max())
    assert isinstance(lo, dt.date) and isinstance(hi, dt.date)
    bucket = choose_bucket(lo, hi, max_buckets=max_frames)
    bounds = (lo, max(hi, lo + dt.timedelta(days=GIF_MIN_FRAMES - 1)))
    window = start_window(bounds, bucket, "cumulative" if mode == "cumulative" else "moving")
    windows = [window]
    while len(windows) < 400:
        window, done = step_window(window, bounds, bucket, "cumulative" if mode == "cumulative" else "moving")
        windows.append(window)
        if done:
            break
    if len(windows) < GIF_MIN_FRAMES:  # a short stretch: split it evenly instead
        days = (bounds[1] - bounds[0]).days
        ends = [bounds[0] + dt.timedelta(days=round(days * (i + 1) / GIF_MIN_FRAMES)) for i in range(GIF_MIN_FRAMES)]
        windows = [(bounds[0], e) for e in ends]
    if len(windows) > max_frames:
        step = len(windows) / max_frames
        windows = [windows[min(len(windows) - 1, round(i * step))] for i in range(max_frames - 1)] + [windows[-1]]
    return windows


def gif(frame: pl.DataFrame, stamp_lines: list[str], title: str = "", mode: str = "cumulative",
        frame_ms: int = 700) -> bytes:
    """An animated GIF of the playback: the map and timeline per window, the stamp on every frame."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from PIL import Image

    windows = playback_windows(frame, mode)
    bounds = map_bounds(frame)
    images = []
    with matplotlib.rc_context(_RC):
        for window in windows or [None]:
            shown = frame if window is None else frame.filter(
                (pl.col("date_end") >= window[0]) & (pl.col("date_start") <= window[1]))
            fig = Figure(figsize=(9.6, 6.0), dpi=100)
            grid = fig.add_gridspec(3, 1, height_ratios=[0.28, 2.2, 0.75], hspace=0.12, left=0.05, right=0.86,
                                    top=0.98, bottom=0.04)
            head = fig.add_subplot(grid[0])
            head.set_axis_off()
            label = f"{window[0]} to {window[1]}" if window else "all dates"
            head.text(0, 1, f"{title.strip() or 'Eventscape playback'} — {label} · {shown.height:,} events",
                      fontsize=11, weight="bold", va="top", transform=head.transAxes)
            head.text(0, 0.2, " · ".join(textwrap.shorten(line, 90) for line in stamp_lines[-2:]), fontsize=6.5,
                      va="top", family="monospace", color="#444", transform=head.transAxes)
            draw_map(fig.add_subplot(grid[1]), shown, bounds, labels=5)
            draw_timeline(fig.add_subplot(grid[2]), frame, window)
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            images.append(Image.open(io.BytesIO(buf.getvalue())).convert("P", palette=Image.Palette.ADAPTIVE))
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=frame_ms, loop=0,
                   disposal=2)
    return out.getvalue()


def mp4_available() -> bool:
    """MP4 needs an ffmpeg binary; nothing is downloaded to get one."""
    import shutil

    return shutil.which("ffmpeg") is not None
