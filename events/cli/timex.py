"""``python -m events timex``: TimeML tagging of a JSONL file (a tool beside the pipeline, not a stage)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from events.temporal import infer_dct, tag


def _parse_dct(raw: object) -> dt.date | None:
    if not isinstance(raw, str) or len(raw) < 8:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        digits = raw.replace("-", "")[:8]
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None


def tag_file(in_path: str, out_path: str, progress: Callable[[int, int], None] | None = None) -> int:
    """Tag every JSONL document ``{"doc_id","text","dct"?}``; write ``{"doc_id","timexes":[...]}``.

    A missing or unreadable ``dct`` is inferred with ``infer_dct``.  ``progress(done, total)`` is
    called after each document.  Returns the number of documents written.
    """
    with open(in_path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip()]
    total = len(lines)
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for line in lines:
            doc = json.loads(line)
            text = doc.get("text") or ""
            dct = _parse_dct(doc.get("dct"))
            if dct is None:
                got = infer_dct(text)
                dct = got[0] if got else None
            timexes = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                       for t in tag(text, dct)]
            out.write(json.dumps({"doc_id": doc.get("doc_id"), "timexes": timexes}) + "\n")
            n += 1
            if progress is not None:
                progress(n, total)
    return n
