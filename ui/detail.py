"""The detail pane of one event as HTML in which every document character is escaped.

Highlights are applied by offset on the raw evidence, and each slice is escaped
on its own, so a mention can never split an entity and nothing from a document
can become markup (``<script>``, ``<img onerror>``, ``{{…}}`` all stay text).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ui.frame import format_date
from ui.safe import md

HIGHLIGHT_STYLE = {
    "date": "background:#fde68a",
    "place": "background:#bbf7d0",
    "actor": "background:#bfdbfe",
}
_ANCHOR_WORDS = {
    "explicit": "stated in the text",
    "document": "resolved against the publication date",
    "narrative": "resolved against the narrative time",
    "knowledge": "year from shipped world knowledge",
}


def md_text(value: Any) -> str:
    """Document text made inert for ``st.markdown``/captions/alerts: no links, images, emphasis or maths."""
    return md("" if value is None else value)


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def parse_json_list(text: str | None) -> list[list[Any]]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [v for v in value if isinstance(v, list)] if isinstance(value, list) else []


def highlight(text: str, spans: list[tuple[str, int, int]]) -> str:
    """Escaped ``text`` with ``<mark>`` around each (kind, start, end) span.

    Overlapping or out-of-range spans are dropped rather than trusted.
    """
    out: list[str] = []
    pos = 0
    for kind, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        start, end = int(start), int(end)
        if start < pos or end <= start or end > len(text):
            continue
        style = HIGHLIGHT_STYLE.get(kind, "background:#e5e7eb")
        out.append(_e(text[pos:start]))
        out.append(f'<mark class="hl-{_e(kind)}" style="{style};padding:0 2px;border-radius:3px" '
                   f'title="{_e(kind)}">{_e(text[start:end])}</mark>')
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def evidence_html(row: dict[str, Any]) -> str:
    spans = [(str(k), int(s), int(e)) for k, s, e in (h[:3] for h in parse_json_list(row.get("highlights")))
             if isinstance(s, int | float) and isinstance(e, int | float)]
    return highlight(str(row.get("evidence") or ""), spans)


def detail_html(row: dict[str, Any]) -> str:
    """The whole pane for one event row (a dict of a prepared events frame)."""
    date = format_date(row["date_start"], row["date_end"], row["date_precision"])
    anchor = str(row.get("date_anchor") or "")
    anchored_on = str(row.get("date_anchored_on") or "")
    place = row.get("place_name")
    place_line = (f"{_e(place)}{' (' + _e(row.get('place_country')) + ')' if row.get('place_country') else ''}"
                  f" · precision: {_e(row.get('place_precision'))}") if place else "no place given in the text"
    others = parse_json_list(row.get("other_evidence"))
    other_items = "".join(
        f"<li><span style='color:#666'>{_e(o[0])}</span> — {_e(o[1])}</li>" for o in others if len(o) >= 2
    )
    rows = [
        ("Date", f"<b>{_e(date)}</b> · precision: {_e(row['date_precision'])} · "
                 f"anchor: {_e(anchor)} ({_e(_ANCHOR_WORDS.get(anchor, ''))})"
                 + (f"<br><span style='color:#555'>anchored on: {_e(anchored_on)}</span>" if anchored_on else "")
                 + (f"<br><span style='color:#555'>date as written: “{_e(row.get('date_text'))}”</span>"
                    if row.get("date_text") else "")),
        ("Place", place_line + (f"<br><span style='color:#555'>why: {_e(row.get('place_why'))}</span>"
                                if row.get("place_why") else "")),
        ("Type", f"{_e(row.get('event_type'))}{' / ' + _e(row.get('event_mode')) if row.get('event_mode') else ''}"),
        ("Actors", _e(", ".join(row.get("actors") or []) or "—")),
        ("People", _e(", ".join(row.get("people") or []) or "—")),
        ("Status", f"{_e(row.get('status'))} · confidence {float(row.get('confidence') or 0):.2f} · "
                   f"{_e(row.get('mentions'))} mention(s)"),
        ("Source", f"{_e(row.get('doc_title'))}"
                   + (f"<br><span style='color:#555'>article: {_e(row.get('article_title'))}"
                      f"{' · published ' + _e(row.get('pub_date')) if row.get('pub_date') else ''}</span>"
                      if row.get("article_title") else "")
                   + f"<br><span style='color:#777;font-size:0.85em'>doc {_e(row.get('doc_id'))} · "
                     f"chars {_e(row.get('char_start'))}–{_e(row.get('char_end'))}</span>"),
    ]
    table = "".join(
        f"<tr><th style='text-align:left;vertical-align:top;padding:2px 10px 2px 0;color:#444'>{k}</th>"
        f"<td style='padding:2px 0'>{v}</td></tr>" for k, v in rows
    )
    legend = " ".join(f"<mark style='{s};padding:0 3px'>{k}</mark>" for k, s in HIGHLIGHT_STYLE.items())
    return (
        "<div class='event-detail' style='font-family:sans-serif;font-size:14px;line-height:1.45'>"
        f"<h4 style='margin:0 0 6px 0'>{_e(row.get('title'))}</h4>"
        f"<table style='border-collapse:collapse'>{table}</table>"
        f"<div style='margin-top:8px'><b>Evidence</b> <span style='font-size:0.8em'>{legend}</span></div>"
        f"<blockquote class='evidence' style='margin:4px 0;padding:6px 10px;border-left:3px solid #4c78a8;"
        f"background:#f8fafc'>{evidence_html(row)}</blockquote>"
        + (f"<div style='margin-top:6px'><b>Other mentions ({len(others)})</b>"
           f"<ul style='margin:2px 0;font-size:14px'>"
           f"{other_items}</ul></div>" if others else "")
        + "</div>"
    )


def document_html(text: str, start: int | None, end: int | None) -> str:
    """A document's text, escaped, with the evidence span marked and anchored."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        body = _e(text)
    else:
        body = (_e(text[:start]) + "<mark id='evidence' style='background:#fde68a'>" + _e(text[start:end])
                + "</mark>" + _e(text[end:]))
    return f"<div style='white-space:pre-wrap;font-family:serif;font-size:14px'>{body}</div>"
