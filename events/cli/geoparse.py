"""``python -m events geoparse``: toponym recognition and resolution of a JSONL file (a tool, not a stage)."""

from __future__ import annotations

from collections.abc import Callable

from events.cli import records
from events.geo.backends.nominatim import check_configuration
from events.geo.geoparse import geoparse


def geoparse_file(
    in_path: str,
    out_path: str,
    given_spans: bool = False,
    progress: Callable[[int, int], None] | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> int:
    """Geoparse a JSONL file of ``{"doc_id","text"[,"toponyms"]}``; returns documents written.

    Body of ``python -m events geoparse IN --out OUT [--given-spans]``. Fails at once with a
    ConfigurationError when the optional online geocoder is misconfigured; a line that is not
    such a document (see ``events.cli.records``) is skipped with a reason passed to ``on_skip``.
    """
    check_configuration()

    def work(record: records.Record) -> dict[str, object]:
        spans = records.given_spans(record) if given_spans else None
        mentions = geoparse(record.text, spans=spans, include_embedded=True)
        return {
            "doc_id": record.doc_id,
            "toponyms": [
                {"start": m.start, "end": m.end, "text": m.text, "lat": m.lat, "lon": m.lon,
                 "geonameid": m.geonameid, "feature": m.feature, "country": m.country}
                for m in mentions
            ],
        }

    return records.process_file(in_path, out_path, work, on_skip, progress)
