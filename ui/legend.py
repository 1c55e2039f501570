"""The map's legend as static HTML: what colour, size, arcs, shading and areas mean.

Only our own constants and counts go into it (no document text), and each value
is escaped anyway.
"""

from __future__ import annotations

from html import escape

import polars as pl

from ui.spots import AREA_RGB, COUNTRY_RGB, POINT_PRECISIONS
from ui.style import type_hex, type_order


def _swatch(css: str) -> str:
    return f"<span style='display:inline-block;width:11px;height:11px;margin:0 3px -1px 0;{css}'></span>"


def legend_counts(view: pl.DataFrame) -> dict[str, int]:
    prec = view["place_precision"]
    located = view["lat"].is_not_null()
    return {
        "points": int((prec.is_in(POINT_PRECISIONS) & located).sum()),
        "countries": int((prec == "country").sum()),
        "areas": int((prec.is_in(["admin", "sea"]) & located).sum()),
        "unplaced": int(((prec == "none") | (~located & (prec != "country"))).sum()),
    }


def legend_html(view: pl.DataFrame) -> str:
    types = view["event_type"].unique().to_list() if not view.is_empty() else []
    return legend_html_of(legend_counts(view), types)


def legend_html_of(counts: dict[str, int], event_types: list[str]) -> str:
    """:func:`legend_html` from a view's :func:`legend_counts` and event types (kept per store version)."""
    types = type_order(list(event_types))
    chips = " ".join(f"<span style='white-space:nowrap'>{_swatch(f'background:{type_hex(t)};border-radius:50%')}"
                     f"{escape(t.lower())}</span>" for t in types)
    cr, cg, cb = COUNTRY_RGB
    ar, ag, ab = AREA_RGB
    rows = [
        f"<b>Colour</b> event type: {chips}" if chips else "",
        f"{_swatch('background:#888;border-radius:50%;border:1px solid #fff')}"
        f"<b>Points</b> venue or city ({counts['points']:,}); size = mentions; "
        "<b>a number</b> = several events at one spot (click it for the list)",
        f"{_swatch(f'background:rgba({cr},{cg},{cb},0.55);border:1px solid rgb({cr},{cg},{cb})')}"
        f"<b>Shaded country</b> events placed only as a country ({counts['countries']:,}); darker = more",
        f"{_swatch(f'background:rgba({ar},{ag},{ab},0.35);border:1px solid rgb({ar},{ag},{ab});border-radius:50%')}"
        f"<b>Area</b> a region or sea, not an exact spot ({counts['areas']:,})",
        "<span style='display:inline-block;width:18px;border-top:2px solid #4c78a8;margin:0 3px 3px 0'></span>"
        "<b>Arc</b> links the two actors of a bilateral event (their capitals)",
    ]
    if counts["unplaced"]:
        rows.append(f"{counts['unplaced']:,} event(s) give no place and are not on the map (they are in the list).")
    body = "".join(f"<div>{r}</div>" for r in rows if r)
    return (f"<div class='map-legend' style='font:12px/1.5 sans-serif;color:#333;background:#fafafa;"
            f"border:1px solid #e3e3e3;border-radius:6px;padding:4px 8px'>{body}</div>")
