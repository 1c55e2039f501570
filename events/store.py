"""The only module that does persistent I/O: an embedded SQLite store.

Stage ``store`` (run by the ingest runners).  Requires: the document, its dated articles and its
deduplicated events.  Sets: rows in the store, added in one transaction (nothing on failure).

Why SQLite: it ships with Python, every write is an ACID transaction (an
interrupted ingest rolls back and leaves the store as it was), WAL mode lets the
app read while the CLI or an upload writes, and one file is easy to copy.
The app reads whole tables once per store version into polars and filters there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from events import config
from events.errors import StoreError
from events.model import Article, Document, Event
from events.resources import DATA_DIR

_SNAPSHOT_MIN_ROWS = 20_000  # below this, reading SQLite directly is already fast
DEMO_DIR = DATA_DIR / "demo"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, text TEXT,
    media_type TEXT NOT NULL, encoding TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, title TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    pub_date TEXT, pub_date_source TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    date_start TEXT NOT NULL, date_end TEXT NOT NULL, date_precision TEXT NOT NULL,
    date_text TEXT NOT NULL, date_anchor TEXT NOT NULL,
    event_type TEXT NOT NULL, event_mode TEXT NOT NULL, title TEXT NOT NULL,
    actors TEXT NOT NULL, people TEXT NOT NULL,
    place_name TEXT, place_country TEXT, lat REAL, lon REAL, place_precision TEXT NOT NULL,
    status TEXT NOT NULL, confidence REAL NOT NULL, mentions INTEGER NOT NULL,
    doc_id TEXT NOT NULL, doc_title TEXT NOT NULL, evidence TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    date_anchored_on TEXT NOT NULL, place_why TEXT NOT NULL, article_title TEXT NOT NULL,
    pub_date TEXT, other_evidence TEXT NOT NULL, highlights TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);
"""

_EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
# Identifiers come from the Event dataclass, never from data; values always go through parameters.
_QUOTED_COLUMNS = ", ".join(f'"{c}"' for c in _EVENT_COLUMNS)
_SELECT_EVENTS = "SELECT " + _QUOTED_COLUMNS + " FROM events"  # noqa: S608 (constant identifiers)
_INSERT_EVENT = "INSERT INTO events (" + _QUOTED_COLUMNS + ") VALUES (" + ", ".join("?" for _ in _EVENT_COLUMNS) + ")"  # noqa: S608

EVENTS_SCHEMA: dict[str, Any] = {
    "event_id": pl.Utf8, "date_start": pl.Date, "date_end": pl.Date, "date_precision": pl.Utf8,
    "date_text": pl.Utf8, "date_anchor": pl.Utf8, "event_type": pl.Utf8, "event_mode": pl.Utf8,
    "title": pl.Utf8, "actors": pl.List(pl.Utf8), "people": pl.List(pl.Utf8),
    "place_name": pl.Utf8, "place_country": pl.Utf8, "lat": pl.Float64, "lon": pl.Float64,
    "place_precision": pl.Utf8, "status": pl.Utf8, "confidence": pl.Float64, "mentions": pl.Int64,
    "doc_id": pl.Utf8, "doc_title": pl.Utf8, "evidence": pl.Utf8, "char_start": pl.Int64,
    "char_end": pl.Int64, "date_anchored_on": pl.Utf8, "place_why": pl.Utf8,
    "article_title": pl.Utf8, "pub_date": pl.Date, "other_evidence": pl.Utf8, "highlights": pl.Utf8,
}
"""Columns of :meth:`Store.events_frame`. ``other_evidence`` and ``highlights`` are JSON text."""


@dataclass(frozen=True)
class AddResult:
    new_documents: int
    known_documents: int
    new_events: int
    merged_events: int


def event_to_row(event: Event) -> dict[str, Any]:
    """Event -> JSON-friendly dict (the export record plus provenance)."""
    row: dict[str, Any] = {}
    for name in _EVENT_COLUMNS:
        value = getattr(event, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        row[name] = value
    return row


def row_to_event(row: dict[str, Any]) -> Event:
    """Inverse of :func:`event_to_row` (accepts JSON-decoded rows)."""
    kwargs: dict[str, Any] = {}
    for name in _EVENT_COLUMNS:
        value = row.get(name)
        if name in ("date_start", "date_end", "pub_date") and value:
            value = dt.date.fromisoformat(str(value)[:10])
        elif name in ("actors", "people"):
            value = tuple(value or ())
        elif name in ("other_evidence", "highlights"):
            value = tuple(tuple(v) for v in (value or ()))
        kwargs[name] = value
    for name, default in (("date_anchored_on", ""), ("place_why", ""), ("article_title", "")):
        if kwargs.get(name) is None:
            kwargs[name] = default
    return Event(**kwargs)


def default_store_path() -> Path:
    """``$EVENTSCAPE_STORE`` or ``data/eventscape.sqlite`` in the repository."""
    return config.store_path()


class Store:
    """An event store in one SQLite file (``":memory:"`` for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.executescript(_SCHEMA)
            # identifies this store file: a rebuilt store restarts its version count
            self._conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('store_id', ?)", (uuid.uuid4().hex[:12],))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    # -- writing -----------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES('version', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            conn.execute("COMMIT")

    def add(
        self,
        documents: Sequence[Document],
        articles: Sequence[Article],
        events: Sequence[Event],
        *,
        keep_text: bool = True,
    ) -> AddResult:
        """Add documents with their articles and events in one transaction.

        A document already in the store (same content hash) adds nothing; an
        event whose id is already stored is merged (mentions and evidence).
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        new_docs = known = new_events = merged = 0
        try:
            with self._transaction() as conn:
                fresh: set[str] = set()
                for doc in documents:
                    hit = conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc.doc_id,)).fetchone()
                    if hit:
                        known += 1
                        continue
                    fresh.add(doc.doc_id)
                    new_docs += 1
                    conn.execute(
                        "INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                        (doc.doc_id, doc.source, doc.title, doc.text if keep_text else None,
                         doc.media_type, doc.encoding, now),
                    )
                conn.executemany(
                    'INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?)',
                    [(a.doc_id, a.index, a.title, a.start, a.end,
                      a.pub_date.isoformat() if a.pub_date else None, a.pub_date_source)
                     for a in articles if a.doc_id in fresh],
                )
                for event in events:
                    if event.doc_id not in fresh:
                        continue
                    if self._merge_event(conn, event):
                        merged += 1
                    else:
                        self._insert_event(conn, event)
                        new_events += 1
        except sqlite3.Error as exc:
            raise StoreError(f"the store was left unchanged: {exc}") from exc
        return AddResult(new_docs, known, new_events, merged)

    def _insert_event(self, conn: sqlite3.Connection, event: Event) -> None:
        row = event_to_row(event)
        for key in ("actors", "people", "other_evidence", "highlights"):
            row[key] = json.dumps(row[key], ensure_ascii=False)
        conn.execute(_INSERT_EVENT, [row[c] for c in _EVENT_COLUMNS])

    def _merge_event(self, conn: sqlite3.Connection, event: Event) -> bool:
        hit = conn.execute(
            "SELECT mentions, other_evidence FROM events WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        if not hit:
            return False
        others = json.loads(hit[1])
        others.append([event.doc_id, event.evidence, event.char_start, event.char_end])
        others.extend(list(o) for o in event.other_evidence)
        conn.execute(
            "UPDATE events SET mentions = ?, other_evidence = ? WHERE event_id = ?",
            (int(hit[0]) + event.mentions, json.dumps(others, ensure_ascii=False), event.event_id),
        )
        return True

    def delete_document(self, doc_id: str) -> int:
        """Remove a document, its articles and its events in one transaction; returns the
        number of events removed (0 and no new version when the document is unknown)."""
        try:
            if not self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
                return 0
            with self._transaction() as conn:
                removed = conn.execute("DELETE FROM events WHERE doc_id = ?", (doc_id,)).rowcount
                conn.execute("DELETE FROM articles WHERE doc_id = ?", (doc_id,))
                conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        except sqlite3.Error as exc:
            raise StoreError(f"the store was left unchanged: {exc}") from exc
        return int(removed)

    # -- reading -----------------------------------------------------------------
    def version(self) -> str:
        """Changes with every committed write; use it as a cache key."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return str(row[0]) if row else "0"

    def count_events(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def iter_events(self) -> Iterable[Event]:
        cur = self._conn.execute(_SELECT_EVENTS)
        for values in cur:
            row = dict(zip(_EVENT_COLUMNS, values, strict=True))
            for key in ("actors", "people", "other_evidence", "highlights"):
                row[key] = json.loads(row[key])
            yield row_to_event(row)

    def events_frame(self) -> pl.DataFrame:
        """All events as a polars frame with :data:`EVENTS_SCHEMA`.

        For a file store the frame is also kept as a Parquet snapshot named after
        the store version, so the next process (the app after a restart) reads
        columns instead of rebuilding a million rows from SQLite.
        """
        snapshot = self._snapshot_path()
        if snapshot is not None and snapshot.exists():
            try:
                return pl.read_parquet(snapshot)
            except (OSError, pl.exceptions.ComputeError):
                snapshot.unlink(missing_ok=True)
        frame = self._read_events_frame()
        if snapshot is not None and frame.height >= _SNAPSHOT_MIN_ROWS:
            self._write_snapshot(frame, snapshot)
        return frame

    def _snapshot_path(self) -> Path | None:
        if self.path == ":memory:":
            return None
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        return Path(f"{self.path}.events-v{self.version()}-{row[0] if row else 'x'}.parquet")

    def _write_snapshot(self, frame: pl.DataFrame, snapshot: Path) -> None:
        """Best effort: a snapshot that cannot be written is simply not used."""
        try:
            for old in snapshot.parent.glob(Path(self.path).name + ".events-v*.parquet"):
                old.unlink(missing_ok=True)
            tmp = snapshot.with_suffix(".tmp")
            frame.write_parquet(tmp)
            tmp.replace(snapshot)
        except OSError:
            pass

    def _read_events_frame(self) -> pl.DataFrame:
        rows = self._conn.execute(_SELECT_EVENTS).fetchall()
        cols = list(zip(*rows, strict=True)) if rows else [() for _ in _EVENT_COLUMNS]
        data: dict[str, Any] = dict(zip(_EVENT_COLUMNS, cols, strict=True))
        frame = pl.DataFrame(
            {k: list(v) for k, v in data.items()},
            schema={k: (pl.Utf8 if k in ("date_start", "date_end", "pub_date", "actors", "people") else EVENTS_SCHEMA[k])
                    for k in _EVENT_COLUMNS},
        )
        return frame.with_columns(
            pl.col("date_start").str.to_date(),
            pl.col("date_end").str.to_date(),
            pl.col("pub_date").str.to_date(strict=False),
            pl.col("actors").str.json_decode(pl.List(pl.Utf8)),
            pl.col("people").str.json_decode(pl.List(pl.Utf8)),
        )

    def documents_frame(self) -> pl.DataFrame:
        rows = self._conn.execute(
            "SELECT d.doc_id, d.source, d.title, d.media_type, d.ingested_at, d.text IS NOT NULL, "
            "(SELECT count(*) FROM articles a WHERE a.doc_id = d.doc_id), "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) FROM documents d ORDER BY d.source"
        ).fetchall()
        names = ["doc_id", "source", "title", "media_type", "ingested_at", "has_text", "n_articles", "n_events"]
        schema = {"doc_id": pl.Utf8, "source": pl.Utf8, "title": pl.Utf8, "media_type": pl.Utf8,
                  "ingested_at": pl.Utf8, "has_text": pl.Boolean, "n_articles": pl.Int64, "n_events": pl.Int64}
        return pl.DataFrame([dict(zip(names, r, strict=True)) for r in rows], schema=schema)

    def articles_frame(self) -> pl.DataFrame:
        rows = self._conn.execute(
            'SELECT doc_id, idx, title, start, "end", pub_date, pub_date_source FROM articles ORDER BY doc_id, idx'
        ).fetchall()
        names = ["doc_id", "index", "title", "start", "end", "pub_date", "pub_date_source"]
        schema = {"doc_id": pl.Utf8, "index": pl.Int64, "title": pl.Utf8, "start": pl.Int64,
                  "end": pl.Int64, "pub_date": pl.Utf8, "pub_date_source": pl.Utf8}
        frame = pl.DataFrame([dict(zip(names, r, strict=True)) for r in rows], schema=schema)
        return frame.with_columns(pl.col("pub_date").str.to_date(strict=False))

    def document_text(self, doc_id: str) -> str | None:
        row = self._conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._conn.close()


def load_demo(store: Store, demo_dir: Path = DEMO_DIR) -> AddResult | None:
    """Fill an empty store with the bundled demo events (no document text is shipped)."""
    events_path = demo_dir / "events.jsonl"
    if not events_path.exists():
        return None
    docs = [Document(**{**json.loads(line), "text": ""}) for line in _lines(demo_dir / "documents.jsonl")]
    arts = []
    for line in _lines(demo_dir / "articles.jsonl"):
        raw = json.loads(line)
        raw["pub_date"] = dt.date.fromisoformat(raw["pub_date"]) if raw.get("pub_date") else None
        arts.append(Article(**raw))
    evs = [row_to_event(json.loads(line)) for line in _lines(events_path)]
    return store.add(docs, arts, evs, keep_text=False)


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def open_store(path: str | Path | None = None, *, seed_demo: bool = True) -> Store:
    """Open (creating if needed) the app's store; an empty store gets the demo events."""
    store = Store(path or default_store_path())
    if seed_demo and store.version() == "0":
        load_demo(store)
    return store
