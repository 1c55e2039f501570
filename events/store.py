"""The only module that does persistent I/O: a Delta Lake store in one folder.

Stage ``store`` (run by the ingest runners).  Requires: the document, its dated articles and its
deduplicated events.  Sets: rows in the store, added as one store version (nothing on failure).

Three Delta tables — ``events``, ``documents``, ``articles`` — read and written through polars,
plus a version log (:mod:`events.store_log`) that makes one ingest one *store* version across
the three tables. Why Delta: every commit is atomic and versioned (an interrupted ingest leaves
the last version intact and readable; any earlier version can be read again — "as known on"),
the files are plain Parquet that polars scans lazily with filters pushed down, and the same
folder works on a path a cluster shares. Ids are content hashes, so re-ingesting a document
adds nothing and an event seen again in another document is merged (mentions, evidence).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from deltalake import DeltaTable, WriterProperties

from events import config, store_aggregates, store_log
from events.errors import StoreError
from events.model import Article, Document, Event
from events.resources import DATA_DIR

DEMO_DIR = DATA_DIR / "demo"
_ROW_GROUP = 64 * 1024
OPTIMIZE_EVERY = 200  # store versions between automatic compactions (thousands of uploads stay fast to read)

_EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))

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

DOCUMENTS_SCHEMA: dict[str, Any] = {
    "doc_id": pl.Utf8, "source": pl.Utf8, "title": pl.Utf8, "text": pl.Utf8,
    "media_type": pl.Utf8, "encoding": pl.Utf8, "ingested_at": pl.Utf8,
}
ARTICLES_SCHEMA: dict[str, Any] = {
    "doc_id": pl.Utf8, "index": pl.Int64, "title": pl.Utf8, "start": pl.Int64, "end": pl.Int64,
    "pub_date": pl.Date, "pub_date_source": pl.Utf8,
}
_SCHEMAS = {"events": EVENTS_SCHEMA, "documents": DOCUMENTS_SCHEMA, "articles": ARTICLES_SCHEMA}


@dataclass(frozen=True)
class AddResult:
    new_documents: int
    known_documents: int
    new_events: int
    merged_events: int


@dataclass(frozen=True)
class StoreVersion:
    """One addressable state of the store (what a share link names)."""

    version: int
    at: dt.datetime | None
    op: str
    n_events: int
    n_documents: int


@dataclass(frozen=True)
class Frames:
    """One batch in columnar form: what Dask workers return and :meth:`Store.add_frames` takes."""

    documents: pl.DataFrame
    articles: pl.DataFrame
    events: pl.DataFrame


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


def events_to_frame(events: Sequence[Event]) -> pl.DataFrame:
    """Events -> a frame with :data:`EVENTS_SCHEMA` (column by column: a million rows in seconds)."""
    cols: dict[str, list[Any]] = {}
    for name in _EVENT_COLUMNS:
        values = [getattr(e, name) for e in events]
        if name in ("other_evidence", "highlights"):
            values = [json.dumps([list(v) for v in x], ensure_ascii=False) for x in values]
        elif name in ("actors", "people"):
            values = [list(x) for x in values]
        cols[name] = values
    return pl.DataFrame(cols, schema=EVENTS_SCHEMA)


def to_frames(documents: Sequence[Document], articles: Sequence[Article], events: Sequence[Event],
              *, keep_text: bool = True) -> Frames:
    docs = pl.DataFrame({
        "doc_id": [d.doc_id for d in documents], "source": [d.source for d in documents],
        "title": [d.title for d in documents], "text": [d.text if keep_text else None for d in documents],
        "media_type": [d.media_type for d in documents], "encoding": [d.encoding for d in documents],
        "ingested_at": [""] * len(documents),
    }, schema=DOCUMENTS_SCHEMA)
    arts = pl.DataFrame({
        "doc_id": [a.doc_id for a in articles], "index": [a.index for a in articles],
        "title": [a.title for a in articles], "start": [a.start for a in articles], "end": [a.end for a in articles],
        "pub_date": [a.pub_date for a in articles], "pub_date_source": [a.pub_date_source for a in articles],
    }, schema=ARTICLES_SCHEMA)
    return Frames(docs, arts, events_to_frame(events))


def default_store_path() -> Path:
    """``$EVENTSCAPE_STORE`` or ``data/store/`` in the repository."""
    return config.store_path()


def _empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=_SCHEMAS[table])


class Store:
    """An event store: a folder of Delta tables (``":memory:"`` gives a temporary folder, for tests).

    Every read takes an optional ``version`` (a store version, see :meth:`versions`); without it
    the latest. Every write takes the store's write lock, reads the latest version from disk
    and publishes one new version, so a Store object never writes to a stale or replaced store.
    """

    def __init__(self, path: str | Path) -> None:
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if str(path) == ":memory:":
            self._tmp = tempfile.TemporaryDirectory(prefix="eventscape-store-")
            path = self._tmp.name
            weakref.finalize(self, self._tmp.cleanup)
        self.path = str(path)
        self.root = Path(self.path)
        if self.root.is_file():
            raise StoreError(f"{self.path} is a file, not a store folder; if it is a SQLite store from an earlier "
                             f"version, run: python -m events store migrate {self.path} --store NEW_FOLDER")
        try:
            store_log.ensure_log(self.root)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    # -- versions ----------------------------------------------------------------
    def version(self) -> str:
        """The latest store version; changes with every committed write — use it as a cache key."""
        return str(store_log.head_version(self.root))

    def identity(self) -> str:
        """Changes when the store folder is deleted and made again (versions then restart)."""
        return store_log.store_id(self.root)

    def versions(self) -> list[StoreVersion]:
        """Every version, oldest first: what an "as known on" control offers."""
        return [_as_version(e) for e in store_log.all_entries(self.root)]

    def version_at(self, when: dt.datetime | dt.date) -> int:
        """The store version that was current at ``when`` (a date means the end of that day, UTC); 0 before any."""
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time.max, tzinfo=dt.UTC)
        elif when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        found = 0
        for v in self.versions():
            if v.at is not None and v.at <= when:
                found = v.version
        return found

    def note(self, version: int | str | None = None) -> dict[str, Any]:
        """What the writer of a version noted (a build's inputs and whether it finished)."""
        return dict(self._entry(version).get("note") or {})

    def _entry(self, version: int | str | None) -> dict[str, Any]:
        n = store_log.head_version(self.root) if version is None else int(version)
        return store_log.read_entry(self.root, n)

    # -- reading -----------------------------------------------------------------
    def scan(self, table: str = "events", version: int | str | None = None) -> pl.LazyFrame:
        """A lazy scan of one table as of a store version: filters and column choices are pushed
        down to the Parquet files, so only what a query needs is read."""
        entry = self._entry(version)
        table_version = entry["tables"].get(table)
        if table_version is None:
            return _empty(table).lazy()
        try:
            return pl.scan_delta(str(self.root / table), version=int(table_version))
        except Exception as exc:  # noqa: BLE001 - deltalake raises several unrelated types
            raise StoreError(f"cannot read the {table} table of {self.path}: {exc}") from exc

    def read_aggregate(self, name: str, version: int | str | None = None) -> dict[str, pl.DataFrame] | None:
        """Frames kept for the aggregate ``name`` of a version (see :mod:`events.store_aggregates`), or None."""
        n = store_log.head_version(self.root) if version is None else int(version)
        return store_aggregates.read(self.root, n, name)

    def write_aggregate(self, name: str, version: int | str, frames: dict[str, pl.DataFrame]) -> bool:
        """Keep an aggregate computed from ``version`` (its content never changes); False when not kept."""
        return store_aggregates.write(self.root, int(version), name, frames)

    def count_events(self, version: int | str | None = None) -> int:
        return int(self._entry(version).get("n_events", 0))

    def events_frame(self, version: int | str | None = None) -> pl.DataFrame:
        """All events as a polars frame with :data:`EVENTS_SCHEMA`."""
        frame = self.scan("events", version).select(list(EVENTS_SCHEMA)).collect()
        return frame.cast(EVENTS_SCHEMA)  # type: ignore[arg-type]

    def iter_events(self, version: int | str | None = None) -> Iterable[Event]:
        for row in self.events_frame(version).iter_rows(named=True):
            row["other_evidence"] = json.loads(row["other_evidence"])
            row["highlights"] = json.loads(row["highlights"])
            yield row_to_event(row)

    def documents_frame(self, version: int | str | None = None) -> pl.DataFrame:
        docs = self.scan("documents", version).select(
            "doc_id", "source", "title", "media_type", "ingested_at", pl.col("text").is_not_null().alias("has_text"))
        n_articles = self.scan("articles", version).group_by("doc_id").agg(pl.len().cast(pl.Int64).alias("n_articles"))
        n_events = self.scan("events", version).group_by("doc_id").agg(pl.len().cast(pl.Int64).alias("n_events"))
        frame = (docs.join(n_articles, on="doc_id", how="left").join(n_events, on="doc_id", how="left")
                 .with_columns(pl.col("n_articles").fill_null(0), pl.col("n_events").fill_null(0))
                 .sort("source").collect())
        return frame.cast({"doc_id": pl.Utf8, "source": pl.Utf8, "title": pl.Utf8, "media_type": pl.Utf8,
                           "ingested_at": pl.Utf8, "has_text": pl.Boolean, "n_articles": pl.Int64,
                           "n_events": pl.Int64})

    def articles_frame(self, version: int | str | None = None) -> pl.DataFrame:
        frame = self.scan("articles", version).select(list(ARTICLES_SCHEMA)).sort("doc_id", "index").collect()
        return frame.cast(ARTICLES_SCHEMA)  # type: ignore[arg-type]

    def document_text(self, doc_id: str, version: int | str | None = None) -> str | None:
        hit = self.scan("documents", version).filter(pl.col("doc_id") == doc_id).select("text").collect()
        return hit["text"][0] if hit.height else None

    def known_document_ids(self, version: int | str | None = None) -> set[str]:
        return set(self.scan("documents", version).select("doc_id").collect()["doc_id"].to_list())

    def close(self) -> None:
        """Nothing stays open between calls; a temporary store is deleted."""
        if self._tmp is not None:
            self._tmp.cleanup()

    # -- writing -----------------------------------------------------------------
    def add(
        self,
        documents: Sequence[Document],
        articles: Sequence[Article],
        events: Sequence[Event],
        *,
        keep_text: bool = True,
        replace: bool = False,
        note: dict[str, Any] | None = None,
    ) -> AddResult:
        """Add documents with their articles and events as one store version.

        A document already in the store (same content hash) adds nothing; an event whose id is
        already stored is merged (mentions and evidence). ``replace`` makes the new version hold
        only this batch (a rebuild; earlier versions stay readable).
        """
        return self.add_frames(to_frames(documents, articles, events, keep_text=keep_text),
                               replace=replace, note=note)

    def add_frames(self, frames: Frames, *, replace: bool = False, note: dict[str, Any] | None = None) -> AddResult:
        """:meth:`add` for a batch already in columnar form (what distributed extraction returns)."""
        try:
            with self._writing() as head:
                result, counts = self._commit_batch(head, frames, replace)
                if result.known_documents and not result.new_documents and not replace:
                    return result  # only documents already stored: nothing changes, no new version
                self._publish(head, counts, "replace" if replace else "add", note)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure of the commit leaves the last version as it was
            raise StoreError(f"the store was left unchanged: {type(exc).__name__}: {exc}") from exc
        self._maybe_optimize()
        return result

    def delete_document(self, doc_id: str) -> int:
        """Remove a document, its articles and its events as one store version; returns the
        number of events removed (0 and no new version when the document is unknown)."""
        try:
            with self._writing() as head:
                if doc_id not in self._existing_docs(head, [doc_id]):
                    return 0
                key = pl.DataFrame({"doc_id": [doc_id]})
                removed = self.scan("events", head["version"]).filter(pl.col("doc_id") == doc_id).select(
                    pl.len()).collect().item()
                tables = dict(head["tables"])
                for table in store_log.TABLES:
                    # a merge on a one-row frame: the id is data, never spliced into a predicate string
                    key.write_delta(str(self.root / table), mode="merge", delta_merge_options={
                        "predicate": "t.doc_id = s.doc_id", "source_alias": "s", "target_alias": "t",
                    }).when_matched_delete().execute()
                    tables[table] = self._table_version(table)
                self._publish(head, {"tables": tables, "n_events": head["n_events"] - int(removed),
                                     "n_documents": head["n_documents"] - 1}, "delete", {"doc_id": doc_id})
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"the store was left unchanged: {type(exc).__name__}: {exc}") from exc
        return int(removed)

    def import_frames(self, chunks: Iterable[Frames], note: dict[str, Any] | None = None) -> int:
        """Append rows as they are (no merging) into an empty store, as one version; returns events."""
        with self._writing() as head:
            if head["version"] != 0:
                raise StoreError(f"{self.path} already holds data; import into a new folder")
            n_events = n_docs = 0
            for frames in chunks:
                for table, frame in (("documents", frames.documents), ("articles", frames.articles),
                                     ("events", frames.events)):
                    if frame.height or not DeltaTable.is_deltatable(str(self.root / table)):
                        frame.select(list(_SCHEMAS[table])).cast(_SCHEMAS[table]).write_delta(  # type: ignore[arg-type]
                            str(self.root / table), mode="append")
                n_events += frames.events.height
                n_docs += frames.documents.height
            tables = {t: self._table_version(t) for t in store_log.TABLES}
            self._publish(head, {"tables": tables, "n_events": n_events, "n_documents": n_docs}, "migrate", note)
        return n_events

    def rollback(self, version: int) -> int:
        """A new version whose content is that of ``version`` (nothing is lost: the versions
        between stay readable). Returns the new version."""
        with self._writing() as head:
            old = store_log.read_entry(self.root, int(version))
            self._publish(head, {"tables": dict(old["tables"]), "n_events": old["n_events"],
                                 "n_documents": old["n_documents"]}, "rollback", {"to": int(version)})
        return int(self.version())

    def optimize(self) -> dict[str, Any]:
        """Compact small files (events clustered by date), write checkpoints; same content, new version."""
        report: dict[str, Any] = {}
        with self._writing() as head:
            tables = dict(head["tables"])
            for table, v in head["tables"].items():
                dt_ = DeltaTable(str(self.root / table))
                if table == "events":
                    # clustered by date in small row groups: a date range (the newest events, a week)
                    # reads only its row groups, skipped by their statistics
                    report[table] = dt_.optimize.z_order(
                        ["date_start"], writer_properties=WriterProperties(max_row_group_size=_ROW_GROUP, compression="SNAPPY"))
                else:
                    report[table] = dt_.optimize.compact()
                dt_ = DeltaTable(str(self.root / table))
                dt_.create_checkpoint()
                tables[table] = dt_.version() if dt_.version() != v else v
            self._publish(head, {"tables": tables, "n_events": head["n_events"],
                                 "n_documents": head["n_documents"], "since_optimize": 0}, "optimize", None)
        return report

    # -- internals ---------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[dict[str, Any]]:
        """Hold the write lock, with every table rolled back to the latest store version (undoing
        commits a killed writer left behind, which no reader ever saw)."""
        store_log.ensure_log(self.root)  # the folder may have been deleted and made anew meanwhile
        with store_log.write_lock(self.root):
            head = self._entry(None)
            head.setdefault("n_events", 0)
            head.setdefault("n_documents", 0)
            self._roll_back_to(head)
            try:
                yield head
            except BaseException:
                try:
                    self._roll_back_to(head)
                except Exception:  # noqa: BLE001 - the next writer rolls back again; readers never see it
                    pass
                raise

    def _roll_back_to(self, head: dict[str, Any]) -> None:
        for table in store_log.TABLES:
            path = self.root / table
            if not DeltaTable.is_deltatable(str(path)):
                continue
            want = head["tables"].get(table)
            current = DeltaTable(str(path))
            if want is None:
                shutil.rmtree(path)  # created by a writer that never published a version
            elif current.version() != int(want):
                current.restore(int(want))

    def _table_version(self, table: str) -> int:
        return int(DeltaTable(str(self.root / table)).version())

    def _existing_docs(self, head: dict[str, Any], ids: Sequence[str]) -> set[str]:
        if not ids or "documents" not in head["tables"]:
            return set()
        hit = (self.scan("documents", head["version"]).select("doc_id")
               .filter(pl.col("doc_id").is_in(list(ids))).collect())
        return set(hit["doc_id"].to_list())

    def _commit_batch(self, head: dict[str, Any], frames: Frames, replace: bool) -> tuple[AddResult, dict[str, Any]]:
        docs = frames.documents.unique("doc_id", keep="first", maintain_order=True)
        known = set() if replace else self._existing_docs(head, docs["doc_id"].to_list())
        fresh = docs.filter(~pl.col("doc_id").is_in(list(known)))
        fresh_ids = fresh["doc_id"].to_list()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        fresh = fresh.with_columns(pl.lit(now).alias("ingested_at"))
        arts = (frames.articles.filter(pl.col("doc_id").is_in(fresh_ids))
                .unique(["doc_id", "index"], keep="first", maintain_order=True))
        events = frames.events.filter(pl.col("doc_id").is_in(fresh_ids))
        known_count = frames.documents.height - len(fresh_ids) if not replace else 0
        if not fresh_ids and not replace:
            return AddResult(0, known_count, 0, 0), {"tables": dict(head["tables"]), "n_events": head["n_events"],
                                                     "n_documents": head["n_documents"]}
        inserts, updates, merged = self._merge_events(head, events, replace)
        tables = dict(head["tables"])
        for table, frame in (("documents", fresh), ("articles", arts), ("events", inserts)):
            if frame.height or replace or table not in tables:
                out = frame.select(list(_SCHEMAS[table]))
                if replace:  # a rebuild: the new version holds only this batch (older ones stay readable)
                    out.write_delta(str(self.root / table), mode="overwrite",
                                    delta_write_options={"schema_mode": "overwrite"})
                else:
                    out.write_delta(str(self.root / table), mode="append")
                tables[table] = self._table_version(table)
        if updates.height:
            updates.select(list(EVENTS_SCHEMA)).write_delta(str(self.root / "events"), mode="merge", delta_merge_options={
                "predicate": "t.event_id = s.event_id", "source_alias": "s", "target_alias": "t",
            }).when_matched_update_all().execute()
            tables["events"] = self._table_version("events")
        base_events = 0 if replace else head["n_events"]
        base_docs = 0 if replace else head["n_documents"]
        counts = {"tables": tables, "n_events": base_events + inserts.height, "n_documents": base_docs + len(fresh_ids)}
        return AddResult(len(fresh_ids), known_count, inserts.height, merged), counts

    def _merge_events(self, head: dict[str, Any], events: pl.DataFrame, replace: bool
                      ) -> tuple[pl.DataFrame, pl.DataFrame, int]:
        """(rows to insert, stored rows updated by a merge, number of events merged).

        An event whose id is stored, or seen earlier in the batch, adds its mentions and its
        evidence to that event instead of a row (the same happening told by two documents).
        """
        ids = events["event_id"]
        stored = pl.DataFrame(schema=EVENTS_SCHEMA)
        if not replace and events.height and "events" in head["tables"]:
            stored = self.scan("events", head["version"]).filter(pl.col("event_id").is_in(ids.unique().to_list())
                                                                 ).select(list(EVENTS_SCHEMA)).collect()
        dup = ids.is_duplicated()
        if not stored.height and not dup.any():
            return events, pl.DataFrame(schema=EVENTS_SCHEMA), 0
        stored_ids = set(stored["event_id"].to_list())
        simple = events.filter(~dup & ~pl.col("event_id").is_in(list(stored_ids)))
        rest = events.filter(dup | pl.col("event_id").is_in(list(stored_ids)))
        base: dict[str, dict[str, Any]] = {r["event_id"]: r for r in stored.iter_rows(named=True)}
        fresh: dict[str, dict[str, Any]] = {}
        merged = 0
        for row in rest.iter_rows(named=True):
            eid = row["event_id"]
            target = base.get(eid) or fresh.get(eid)
            if target is None:
                fresh[eid] = row
                continue
            others = json.loads(target["other_evidence"])
            others.append([row["doc_id"], row["evidence"], row["char_start"], row["char_end"]])
            others.extend(json.loads(row["other_evidence"]))
            target["other_evidence"] = json.dumps(others, ensure_ascii=False)
            target["mentions"] = int(target["mentions"]) + int(row["mentions"])
            merged += 1
        inserts = pl.concat([simple, pl.DataFrame(list(fresh.values()), schema=EVENTS_SCHEMA)]) if fresh else simple
        updates = pl.DataFrame(list(base.values()), schema=EVENTS_SCHEMA) if base else pl.DataFrame(schema=EVENTS_SCHEMA)
        updates = updates.filter(pl.col("event_id").is_in(rest["event_id"].unique().to_list()))
        return inserts, updates, merged

    def _publish(self, head: dict[str, Any], counts: dict[str, Any], op: str, note: dict[str, Any] | None) -> None:
        entry = {"op": op, "since_optimize": int(head.get("since_optimize", 0)) + 1, **counts}
        if note:
            entry["note"] = note
        store_log.append_entry(self.root, entry)

    def _maybe_optimize(self) -> None:
        if int(self._entry(None).get("since_optimize", 0)) >= OPTIMIZE_EVERY:
            try:
                self.optimize()
            except Exception:  # noqa: BLE001 - compaction is an optimisation; the data is committed
                pass


def _as_version(entry: dict[str, Any]) -> StoreVersion:
    at = dt.datetime.fromisoformat(entry["at"]) if entry.get("at") else None
    return StoreVersion(int(entry["version"]), at, str(entry.get("op", "")), int(entry.get("n_events", 0)),
                        int(entry.get("n_documents", 0)))


def load_demo(store: Store, demo_dir: Path = DEMO_DIR, *, replace: bool = False) -> AddResult | None:
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
    return store.add(docs, arts, evs, keep_text=False, replace=replace)


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def open_store(path: str | Path | None = None, *, seed_demo: bool = True) -> Store:
    """Open (creating if needed) the app's store; an empty store gets the demo events."""
    store = Store(path or default_store_path())
    if seed_demo and store.version() == "0":
        try:
            load_demo(store)
        except StoreError:
            pass  # another process seeded it first, or the folder is read-only: the store still opens
    return store
