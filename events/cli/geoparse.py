"""``python -m events geoparse``: toponym recognition and resolution of a JSONL file (a tool, not a stage)."""

from __future__ import annotations

import json
from collections.abc import Callable

from events.geo.backends.nominatim import check_configuration
from events.geo.geoparse import geoparse


def geoparse_file(
    in_path: str,
    out_path: str,
    given_spans: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Geoparse a JSONL file of ``{"doc_id","text"[,"toponyms"]}``; returns documents written.

    Body of ``python -m events geoparse IN --out OUT [--given-spans]``. Fails at once with a
    ConfigurationError when the optional online geocoder is misconfigured.
    """
    check_configuration()
    with open(in_path, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()]
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for i, line in enumerate(lines):
            doc = json.loads(line)
            text = doc.get("text") or ""
            spans = None
            if given_spans:
                spans = [(int(t["start"]), int(t["end"])) for t in doc.get("toponyms") or []]
            mentions = geoparse(text, spans=spans, include_embedded=True)
            row = {
                "doc_id": doc.get("doc_id"),
                "toponyms": [
                    {"start": m.start, "end": m.end, "text": m.text, "lat": m.lat, "lon": m.lon,
                     "geonameid": m.geonameid, "feature": m.feature, "country": m.country}
                    for m in mentions
                ],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += 1
            if progress is not None:
                progress(i + 1, len(lines))
    return written
