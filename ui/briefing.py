"""Exports of the current filtered view, each stamped with how it was made.

Every export carries the same :class:`Stamp`: filters, time window, the link
that reproduces the view, the store's version and the export time.
Document text is escaped for HTML, kept out of matplotlib's math parser in the
PNG, guarded against spreadsheet formulas in the CSV, and inlined into the
offline HTML only as ``<``/``>``/``&``-escaped JSON.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from typing import Any

import polars as pl

from events.model import EVENT_FIELDS
from ui.filters import Filters
from ui.geo import load_basemap
from ui.mapdeck import TOOLTIP, build_deck, deck_json_safe
from ui.style import type_hex, type_order
from ui.timeline import bucket_counts, choose_bucket, span_counts

EXPORT_COLUMNS: tuple[str, ...] = (*EVENT_FIELDS, "date_anchored_on", "place_why", "article_title", "pub_date",
                                   "other_evidence", "highlights")
HTML_TABLE_LIMIT = 500
PNG_TABLE_ROWS = 14


@dataclass(frozen=True)
class Stamp:
    filters: list[str]
    window: str
    link: str
    store_version: str
    exported_at: str
    events: int

    @classmethod
    def make(cls, filters: Filters, base_url: str, store_version: str, n_events: int,
             now: dt.datetime | None = None) -> Stamp:
        now = now or dt.datetime.now(dt.UTC)
        return cls(filters=filters.describe(), window=filters.window_text(), link=filters.link(base_url),
                   store_version=store_version, exported_at=now.isoformat(timespec="seconds"), events=n_events)

    def lines(self) -> list[str]:
        return [
            *self.filters,
            f"Time window: {self.window}",
            f"Events: {self.events:,}",
            f"Reproduce: {self.link}",
            f"Store version {self.store_version} · exported {self.exported_at}",
        ]


def export_rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """The public event record plus provenance, JSON-ready (dates as ISO strings)."""
    rows = frame.select(list(EXPORT_COLUMNS)).to_dicts()
    for row in rows:
        for key in ("date_start", "date_end", "pub_date"):
            if isinstance(row[key], dt.date):
                row[key] = row[key].isoformat()
        for key in ("other_evidence", "highlights"):
            try:
                row[key] = json.loads(row[key]) if row[key] else []
            except ValueError:
                row[key] = []
    return rows


def to_json(frame: pl.DataFrame, stamp: Stamp) -> bytes:
    return json.dumps({"eventscape_export": asdict(stamp), "events": export_rows(frame)},
                      ensure_ascii=False, indent=1).encode("utf-8")


def to_geojson(frame: pl.DataFrame, stamp: Stamp) -> bytes:
    located = frame.filter(pl.col("lat").is_not_null() & pl.col("lon").is_not_null())
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
         "properties": row}
        for row in export_rows(located)
    ]
    meta = {**asdict(stamp), "events_without_place": frame.height - located.height}
    return json.dumps({"type": "FeatureCollection", "eventscape_export": meta, "features": features},
                      ensure_ascii=False).encode("utf-8")


def _cell(value: str) -> str:
    # a cell starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(frame: pl.DataFrame, stamp: Stamp) -> bytes:
    table = frame.select(list(EXPORT_COLUMNS)).with_columns(
        pl.col("actors").list.join(";"), pl.col("people").list.join(";"))
    strings = [c for c, t in table.schema.items() if t == pl.Utf8]
    table = table.with_columns(pl.col(c).map_elements(_cell, return_dtype=pl.Utf8) for c in strings)
    header = "".join(f"# {line}\n" for line in stamp.lines())
    return (header + table.write_csv()).encode("utf-8")


# -- matplotlib (PNG and the HTML's timeline) ------------------------------------------------------
def _draw_timeline(ax: Any, frame: pl.DataFrame, span_ax: Any | None = None) -> None:
    """Stacked bars of day-precision events; month/year-precision events as spans on ``span_ax``."""
    import matplotlib.dates as mdates

    if frame.is_empty():
        ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        if span_ax is not None:
            span_ax.set_axis_off()
        return
    lo, hi = frame["date_start"].min(), frame["date_end"].max()
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
    ax.set_ylabel(f"events per {bucket}", fontsize=8)
    ax.legend(fontsize=7, ncol=min(8, len(types)), loc="upper left", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlim(lo, hi + dt.timedelta(days=1))
    if span_ax is None:
        return
    spans = span_counts(frame)
    lanes = {"month": 1.0, "year": 0.0}
    offsets = {t: i / max(1, len(types)) * 0.8 - 0.4 for i, t in enumerate(types)}
    for row in spans.iter_rows(named=True):
        y = lanes.get(row["date_precision"], 0.0) + offsets.get(row["event_type"], 0.0)
        span_ax.plot([row["date_start"], row["span_end"]], [y, y], color=type_hex(row["event_type"]),
                     linewidth=2.2, solid_capstyle="butt")
    span_ax.set_yticks([1.0, 0.0], ["month-precision", "year-precision"], fontsize=7)
    span_ax.set_ylim(-0.6, 1.6)
    span_ax.spines[["top", "right"]].set_visible(False)
    span_ax.tick_params(axis="x", labelsize=7)
    span_ax.xaxis.set_major_locator(locator)
    span_ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _draw_map(ax: Any, frame: pl.DataFrame) -> None:
    from matplotlib.collections import LineCollection, PolyCollection

    polys = []
    for feature in load_basemap().get("features", []):
        geom = feature["geometry"]
        rings = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        polys.extend(poly[0] for poly in rings)
    ax.add_collection(PolyCollection(polys, facecolors="#f5f3ee", edgecolors="#aaaaaa", linewidths=0.3))
    ax.set_facecolor("#ddeaf3")
    arcs = frame.filter(pl.col("src_lat").is_not_null() & pl.col("dst_lat").is_not_null()).head(3000)
    if not arcs.is_empty():
        segments = [[(r["src_lon"], r["src_lat"]), (r["dst_lon"], r["dst_lat"])]
                    for r in arcs.select("src_lon", "src_lat", "dst_lon", "dst_lat").iter_rows(named=True)]
        colors = [type_hex(t) for t in arcs["event_type"].to_list()]
        ax.add_collection(LineCollection(segments, colors=colors, linewidths=0.6, alpha=0.45))
    located = frame.filter(pl.col("lat").is_not_null())
    if located.height > 20000:
        located = located.sample(20000, seed=1)
    if not located.is_empty():
        ax.scatter(located["lon"].to_list(), located["lat"].to_list(),
                   s=[8 + 6 * m for m in located["mentions"].clip(1, 10).to_list()],
                   c=[type_hex(t) for t in located["event_type"].to_list()], alpha=0.75,
                   edgecolors="white", linewidths=0.3, zorder=3)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 85)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])


def _draw_table(ax: Any, frame: pl.DataFrame) -> None:
    ax.set_axis_off()
    rows = frame.sort("date_start", descending=True).head(PNG_TABLE_ROWS)
    cells = [[r["date_label"], r["event_type"], (r["actors_label"] or "")[:16], (r["title"] or "")[:52]]
             for r in rows.iter_rows(named=True)]
    if not cells:
        ax.text(0.5, 0.5, "no events", ha="center")
        return
    table = ax.table(cellText=cells, colLabels=["Date", "Type", "Actors", "Title"], loc="upper center",
                     cellLoc="left", colWidths=[0.16, 0.13, 0.17, 0.54])
    table.auto_set_font_size(False)
    table.set_fontsize(8)
    table.scale(1, 1.45)
    if frame.height > PNG_TABLE_ROWS:
        ax.set_title(f"newest {PNG_TABLE_ROWS} of {frame.height:,} events", fontsize=8, loc="left")


def _figure(frame: pl.DataFrame, stamp: Stamp) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(16, 10), dpi=100)
    grid = fig.add_gridspec(4, 2, height_ratios=[0.42, 1.0, 0.32, 2.3], width_ratios=[1.15, 1], hspace=0.22,
                            wspace=0.04, left=0.07, right=0.985, top=0.975, bottom=0.02)
    head = fig.add_subplot(grid[0, :])
    head.set_axis_off()
    head.text(0, 1, "Eventscape briefing", fontsize=16, weight="bold", va="top")
    head.text(0, 0.58, "\n".join(stamp.lines()), fontsize=8, va="top", family="monospace", color="#333")
    bars = fig.add_subplot(grid[1, :])
    spans = fig.add_subplot(grid[2, :], sharex=bars)
    _draw_timeline(bars, frame, spans)
    _draw_map(fig.add_subplot(grid[3, 0]), frame)
    _draw_table(fig.add_subplot(grid[3, 1]), frame)
    return fig


def to_png(frame: pl.DataFrame, stamp: Stamp) -> bytes:
    """Timeline + map + table rendered server-side (no browser)."""
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False, "svg.fonttype": "none"}):
        fig = _figure(frame, stamp)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


def _timeline_png(frame: pl.DataFrame) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"text.parse_math": False}):
        fig = Figure(figsize=(12, 3.2), dpi=100)
        ax = fig.add_axes((0.1, 0.36, 0.88, 0.6))
        span_ax = fig.add_axes((0.1, 0.08, 0.88, 0.2), sharex=ax)
        _draw_timeline(ax, frame, span_ax)
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


# -- offline HTML ----------------------------------------------------------------------------------
def _deck_bundle() -> str:
    import pydeck

    path = Path(pydeck.__file__).parent / "nbextension" / "static" / "index.js"
    # a literal "</script" inside the bundle would end our inline element early
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


def _table_html(frame: pl.DataFrame) -> str:
    cols = [("date_label", "Date"), ("event_type", "Type"), ("title", "Title"), ("actors_label", "Actors"),
            ("place_name", "Place"), ("status", "Status"), ("mentions", "Mentions"), ("evidence", "Evidence"),
            ("doc_title", "Document")]
    head = "".join(f"<th>{escape(label)}</th>" for _, label in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(row[c] if row[c] is not None else ''))}</td>" for c, _ in cols) + "</tr>"
        for row in frame.sort("date_start", descending=True).head(HTML_TABLE_LIMIT).iter_rows(named=True)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(frame: pl.DataFrame, stamp: Stamp) -> bytes:
    """One file that works offline: deck.gl bundle inlined, timeline as an image, table."""
    deck, mode = build_deck(frame, load_basemap(), offline_style=False)
    stamp_html = "".join(f"<li>{escape(line)}</li>" for line in stamp.lines())
    timeline = base64.b64encode(_timeline_png(frame)).decode("ascii")
    more = (f"<p class='note'>Table shows the newest {HTML_TABLE_LIMIT} of {frame.height:,} events.</p>"
            if frame.height > HTML_TABLE_LIMIT else "")
    tooltip = json.dumps(TOOLTIP).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:; connect-src data: blob:">
<title>Eventscape briefing</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 16px 24px; color: #222; }}
h1 {{ font-size: 20px; margin: 0 0 6px 0; }}
.stamp {{ font-family: monospace; font-size: 12px; color: #333; background: #f6f8fa; padding: 8px 8px 8px 24px; }}
#deck-container {{ position: relative; width: 100%; height: 520px; border: 1px solid #ccc; margin: 8px 0; }}
table {{ border-collapse: collapse; font-size: 12px; width: 100%; }}
th, td {{ border-bottom: 1px solid #e5e5e5; padding: 3px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f0f3f6; position: sticky; top: 0; }}
.note {{ color: #666; font-size: 12px; }}
</style></head>
<body>
<h1>Eventscape briefing</h1>
<ul class="stamp">{stamp_html}</ul>
<img alt="Timeline of the events" style="max-width:100%" src="data:image/png;base64,{timeline}">
<p class="note">Map ({escape(mode)} mode): drag to pan, scroll to zoom, hover for details.</p>
<div id="deck-container"></div>
{_table_html(frame)}
{more}
<script>{_deck_bundle()}</script>
<script>
const jsonInput = {deck_json_safe(deck)};
createDeck({{container: document.getElementById('deck-container'), jsonInput: jsonInput,
            tooltip: {tooltip}, customLibraries: null, configuration: null}});
</script>
</body></html>
"""
    return page.encode("utf-8")
