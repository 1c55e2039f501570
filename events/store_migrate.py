"""One-shot migration of a SQLite store (Eventscape before the Delta store) into a store folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from events.errors import StoreError
from events.store import ARTICLES_SCHEMA, DOCUMENTS_SCHEMA, EVENTS_SCHEMA, Frames, Store

_CHUNK = 200_000


def migrate_sqlite(source: Path, store: Store) -> int:
    """Copy every document, article and event of the SQLite file ``source`` into an empty
    ``store`` as one store version; returns the number of events. Events keep their merged
    mentions and evidence as they are (nothing is re-merged)."""
    if not source.is_file():
        raise StoreError(f"{source}: no such SQLite store")
    if store.version() != "0":
        raise StoreError(f"{store.path} already holds data (version {store.version()}); migrate into a new folder")
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {source}: {exc}") from exc
    try:
        return store.import_frames(_chunks(conn), note={"migrated_from": str(source)})
    except sqlite3.Error as exc:
        raise StoreError(f"{source} is not a readable Eventscape SQLite store: {exc}") from exc
    finally:
        conn.close()


def _chunks(conn: sqlite3.Connection) -> Iterator[Frames]:
    docs = _frame(conn, "SELECT doc_id, source, title, text, media_type, encoding, ingested_at FROM documents",
                  DOCUMENTS_SCHEMA)
    arts = _frame(conn, 'SELECT doc_id, idx, title, start, "end", pub_date, pub_date_source FROM articles',
                  {**ARTICLES_SCHEMA, "pub_date": pl.Utf8}).with_columns(pl.col("pub_date").str.to_date(strict=False))
    first = True
    columns = list(EVENTS_SCHEMA)
    text_schema = {k: (pl.Utf8 if k in ("date_start", "date_end", "pub_date", "actors", "people") else v)
                   for k, v in EVENTS_SCHEMA.items()}
    cur = conn.execute("SELECT " + ", ".join(f'"{c}"' for c in columns) + " FROM events")  # noqa: S608 (constant identifiers)
    while True:
        rows = cur.fetchmany(_CHUNK)
        if not rows and not first:
            return
        events = pl.DataFrame(rows, schema=text_schema, orient="row").with_columns(
            pl.col("date_start").str.to_date(), pl.col("date_end").str.to_date(),
            pl.col("pub_date").str.to_date(strict=False),
            pl.col("actors").str.json_decode(pl.List(pl.Utf8)), pl.col("people").str.json_decode(pl.List(pl.Utf8)),
        )
        yield Frames(docs if first else docs.clear(), arts if first else arts.clear(), events)
        first = False
        if not rows:
            return


def _frame(conn: sqlite3.Connection, sql: str, schema: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(conn.execute(sql).fetchall(), schema=schema, orient="row")


__all__ = ["migrate_sqlite"]
