"""``python -m events timex``: TimeML tagging of a JSONL file (a tool beside the pipeline, not a stage)."""

from __future__ import annotations

from collections.abc import Callable

from events.cli.records import Record, document_date, in_range, process_file
from events.temporal import infer_dct, tag


def tag_file(in_path: str, out_path: str, progress: Callable[[int, int], None] | None = None,
             on_skip: Callable[[str], None] | None = None) -> int:
    """Tag every JSONL document ``{"doc_id","text","dct"?}``; write ``{"doc_id","timexes":[...]}``.

    A missing ``dct`` is inferred with ``infer_dct``; a line that is not such a document (see
    ``events.cli.records``) is skipped with a reason passed to ``on_skip``.  ``progress(done, total)``
    is called after each line.  Returns the number of documents written.
    """

    def work(record: Record) -> dict[str, object]:
        dct = document_date(record)
        if dct is None:
            got = infer_dct(record.text)
            dct = got[0] if got and in_range(got[0]) else None
        timexes = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                   for t in tag(record.text, dct)]
        return {"doc_id": record.doc_id, "timexes": timexes}

    return process_file(in_path, out_path, work, on_skip, progress)
