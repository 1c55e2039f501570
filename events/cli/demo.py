"""The bundled demo data: what the pipeline extracts from the reference corpus.

Only extracted records are shipped (events with their evidence sentences,
article titles and publication dates), never the documents' full text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from events.pipeline import extract_paths
from events.store import DEMO_DIR, event_to_row


def demo_records(paths: Sequence[str], on_skip: Callable[[str], None]) -> dict[str, list[dict[str, object]]]:
    docs: list[dict[str, object]] = []
    arts: list[dict[str, object]] = []
    evs: list[dict[str, object]] = []
    for result in extract_paths(paths, on_skip):
        d = result.document
        docs.append({"doc_id": d.doc_id, "source": d.source, "title": d.title,
                     "media_type": d.media_type, "encoding": d.encoding})
        for a in result.articles:
            arts.append({"doc_id": a.doc_id, "index": a.index, "title": a.title, "start": a.start, "end": a.end,
                         "pub_date": a.pub_date.isoformat() if a.pub_date else None,
                         "pub_date_source": a.pub_date_source})
        evs.extend(event_to_row(e) for e in sorted(result.events, key=lambda e: (e.doc_id, e.char_start, e.event_id)))
    return {"documents": docs, "articles": arts, "events": evs}


def write_demo(paths: Sequence[str], out_dir: Path | None, on_skip: Callable[[str], None]) -> int:
    out = out_dir or DEMO_DIR
    out.mkdir(parents=True, exist_ok=True)
    records = demo_records(paths, on_skip)
    for name, rows in records.items():
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return len(records["events"])
