"""JSONL records for the file tools (``timex``, ``geoparse``): read, check, process one at a time.

Requires: a JSONL file path.  Sets: one output line per usable input line.
The file is decoded as an upload is (``ingest.decode``: UTF-8 with or without BOM, else
cp1252/latin-1; a binary or empty file is refused whole).  Every non-blank line must be a JSON
object whose ``text`` is a string; a line that is not, or whose ``work`` fails, is skipped with
a one-line reason naming the file and line number, and the lines after it are still processed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from events.errors import EventscapeError, UnusableInput
from events.ingest import MAX_BYTES, decode
from events.model import REFERENCE_DATES as DCT_RANGE
from events.model import usable_reference
from events.temporal.calendar import safe_date

MAX_TEXT_CHARS = MAX_BYTES  # per record, as for one uploaded file

OnSkip = Callable[[str], None]


class BadRecord(EventscapeError):
    """One line of a JSONL file cannot be processed; the message says why."""


@dataclass(frozen=True)
class Record:
    """One usable input line."""

    line: int
    doc_id: str | int | None
    text: str
    fields: dict[str, Any]


def process_file(
    in_path: str,
    out_path: str,
    work: Callable[[Record], dict[str, Any]],
    on_skip: OnSkip | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write ``work(record)`` as one JSON line per usable input line; returns the lines written.

    Raises ``UnusableInput`` when the file as a whole cannot be read (missing, empty, binary).
    """
    lines = _lines(in_path)
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for i, (number, line) in enumerate(lines, 1):
            try:
                row = work(parse_line(line, number))
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
            except BadRecord as exc:
                _report(on_skip, f"{in_path}:{number}: {exc.user_message}")
            except Exception as exc:  # noqa: BLE001 - a defect on one record must cost that record, not the batch
                _report(on_skip, f"{in_path}:{number}: could not be processed ({type(exc).__name__}: "
                                 f"{str(exc)[:120]}) — please report this")
            if progress is not None:
                progress(i, len(lines))
    return written


def _report(on_skip: OnSkip | None, message: str) -> None:
    if on_skip is not None:
        on_skip(message)


def _lines(path: str) -> list[tuple[int, str]]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UnusableInput(path, f"cannot be read ({exc.strerror})") from exc
    text, _encoding = decode(data, path)
    # only "\n" ends a JSONL line: JSON strings may hold U+2028 and other characters splitlines() splits on
    return [(n, ln) for n, ln in enumerate(text.split("\n"), 1) if ln.strip()]


def parse_line(line: str, number: int) -> Record:
    """One JSONL line as a ``Record``, or ``BadRecord`` saying what is wrong with it."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"not JSON ({exc.msg} at column {exc.colno})") from exc
    except (ValueError, RecursionError) as exc:  # a 1M-digit number, nesting too deep
        raise BadRecord(f"not usable JSON ({type(exc).__name__}: {str(exc)[:80]})") from exc
    if not isinstance(value, dict):
        raise BadRecord(f"a JSON {type(value).__name__}, not an object with a \"text\" field")
    text = value.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}"
        raise BadRecord(f"\"text\" must be a string ({what})")
    if len(text) > MAX_TEXT_CHARS:
        raise BadRecord(f"\"text\" too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})")
    doc_id = value.get("doc_id", value.get("id"))
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        raise BadRecord(f"\"doc_id\" must be a string or an integer (a {type(doc_id).__name__})")
    return Record(number, doc_id, text, value)


def document_date(record: Record) -> dt.date | None:
    """The record's ``dct`` (ISO 8601 or YYYYMMDD); None when absent; ``BadRecord`` when not a usable date."""
    raw = record.fields.get("dct")
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise BadRecord(f"\"dct\" must be a date string like 2013-03-22 (a {type(raw).__name__})")
    date = _parse_date(raw)
    if date is None:
        raise BadRecord(f"\"dct\" {raw[:40]!r} is not a date like 2013-03-22")
    if not in_range(date):
        raise BadRecord(f"\"dct\" {date.isoformat()} is outside the supported range "
                        f"{DCT_RANGE[0].isoformat()} to {DCT_RANGE[1].isoformat()}")
    return date


def in_range(date: dt.date) -> bool:
    return usable_reference(date) is not None


def _parse_date(raw: str) -> dt.date | None:
    if len(raw) < 8:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        digits = raw.replace("-", "")[:8]
        if not digits.isdigit():
            return None
        return safe_date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def given_spans(record: Record) -> list[tuple[int, int]]:
    """The record's ``toponyms`` as (start, end) pairs inside its text, or ``BadRecord``."""
    raw = record.fields.get("toponyms")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise BadRecord(f"\"toponyms\" must be a list (a {type(raw).__name__})")
    spans: list[tuple[int, int]] = []
    for k, item in enumerate(raw):
        if not isinstance(item, dict):
            raise BadRecord(f"toponym {k} must be an object with \"start\" and \"end\"")
        start, end = item.get("start"), item.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            raise BadRecord(f"toponym {k}: \"start\" and \"end\" must be integers (got {start!r:.20}, {end!r:.20})")
        assert isinstance(start, int) and isinstance(end, int)
        if not 0 <= start < end <= len(record.text):
            raise BadRecord(f"toponym {k}: span {start}-{end} is not inside the text ({len(record.text)} characters)")
        spans.append((start, end))
    return spans
