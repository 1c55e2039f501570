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
from dataclasses import asdict, dataclass, replace
from html import escape
from pathlib import Path
from typing import Any

import polars as pl

from events.model import EVENT_FIELDS
from ui import figures
from ui.filters import Filters
from ui.geo import load_basemap
from ui.links import ViewLink, share_link
from ui.mapdeck import TOOLTIP, build_deck, deck_json_safe, fit_view
from ui.safe import cell, one_line

EXPORT_COLUMNS: tuple[str, ...] = (*EVENT_FIELDS, "date_anchored_on", "place_why", "article_title", "pub_date",
                                   "other_evidence", "highlights")
CSV_COLUMNS: tuple[str, ...] = (
    "date_start", "date_end", "date_precision", "date_label", "event_type", "title", "actors", "people",
    "place_name", "place_country", "place_precision", "lat", "lon", "status", "confidence", "mentions",
    "evidence", "doc_title", "pub_date", "event_id")
HTML_TABLE_LIMIT = 500


@dataclass(frozen=True)
class Stamp:
    filters: list[str]
    window: str
    link: str
    store_version: str
    exported_at: str
    events: int
    title: str = ""
    notes: str = ""

    @classmethod
    def make(cls, filters: Filters, base_url: str, store_version: str, n_events: int,
             now: dt.datetime | None = None, title: str = "", notes: str = "",
             view: ViewLink | None = None) -> Stamp:
        now = now or dt.datetime.now(dt.UTC)
        link = share_link(base_url, filters, replace(view or ViewLink(), version=store_version))
        return cls(filters=filters.describe(), window=filters.window_text(), link=link,
                   store_version=store_version, exported_at=now.isoformat(timespec="seconds"), events=n_events,
                   title=title.strip(), notes=notes.strip())

    def lines(self) -> list[str]:
        """One line each, whatever the filter text holds (a newline in ``?q=`` must not start a CSV line)."""
        return [one_line(line) for line in (
            *self.filters,
            f"Time window: {self.window}",
            f"Events: {self.events:,}",
            f"Reproduce: {self.link}",
            f"Store version {self.store_version} · exported {self.exported_at}",
        )]


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


def csv_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The analyst's columns, oldest first; lists joined with ";", formulas neutralised."""
    table = frame.sort(["date_start", "date_end", "event_id"]).select(list(CSV_COLUMNS)).with_columns(
        pl.col("actors").list.join(";"), pl.col("people").list.join(";"))
    strings = [c for c, t in table.schema.items() if t == pl.Utf8]
    return table.with_columns(pl.col(c).map_elements(cell, return_dtype=pl.Utf8) for c in strings)


def to_csv(frame: pl.DataFrame, stamp: Stamp) -> bytes:
    """Plain CSV with a header row, nothing before it: every reader opens it as it is.
    The stamp goes in the file name and the sidecar JSON (:func:`csv_sidecar`)."""
    return csv_frame(frame).write_csv().encode("utf-8")


def csv_sidecar(stamp: Stamp) -> bytes:
    meta = {**asdict(stamp), "columns": list(CSV_COLUMNS),
            "note": "actors and people are ';'-separated; a text cell starting with = + - @ is prefixed with ' "
                    "so a spreadsheet does not run it; the JSON export has the full records."}
    return json.dumps({"eventscape_export": meta}, ensure_ascii=False, indent=1).encode("utf-8")


def file_stem(stamp: Stamp) -> str:
    """``eventscape-v12-20260102T0304`` — the store version and export time in every file name."""
    when = stamp.exported_at.replace("-", "").replace(":", "")[:13]
    return f"eventscape-v{stamp.store_version}-{when}"


# -- images (drawn in ui.figures) -----------------------------------------------------------------
def to_png(frame: pl.DataFrame, stamp: Stamp, size: str = "A4 landscape") -> bytes:
    """Title, notes, timeline, fitted map and wrapping table on one A4 or slide-sized page."""
    return figures.png_page(frame, stamp.lines(), stamp.title, stamp.notes, size)


def to_gif(frame: pl.DataFrame, stamp: Stamp, mode: str = "cumulative") -> bytes:
    """The playback as an animated GIF, the stamp on every frame."""
    return figures.gif(frame, stamp.lines(), stamp.title, mode)


def _timeline_png(frame: pl.DataFrame) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"text.parse_math": False}):
        fig = Figure(figsize=(12, 2.6), dpi=100)
        ax = fig.add_axes((0.07, 0.14, 0.8, 0.8))
        figures.draw_timeline(ax, frame)
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
    # the view fitted to the events (the whole world at this width leaves bands beside it), and the
    # container painted sea-coloured so nothing around the globe shows white
    deck, mode = build_deck(frame, load_basemap(), offline_style=False, view=fit_view(frame, width=1200, height=560))
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
#deck-container {{ position: relative; width: 100%; height: 560px; border: 1px solid #ccc; margin: 8px 0;
                   background: rgb(221,234,243); overflow: hidden; }}
table {{ border-collapse: collapse; font-size: 12px; width: 100%; }}
th, td {{ border-bottom: 1px solid #e5e5e5; padding: 3px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f0f3f6; position: sticky; top: 0; }}
.note {{ color: #666; font-size: 12px; }}
</style></head>
<body>
<h1>{escape(stamp.title or "Eventscape briefing")}</h1>
{f"<p>{escape(stamp.notes)}</p>" if stamp.notes else ""}
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
