"""Distributed extraction on a Dask cluster (imported only when ``--workers`` or ``--scheduler`` is given).

Work is handed out as chunks of file paths, never as data: each worker reads its files, runs
:func:`events.pipeline.run_isolated` on every document not already in the store, and returns
the chunk's documents, articles and events as Arrow-backed polars frames. The gazetteer and
the compiled rules load once per worker process (the stages cache them), so a worker pays
for them on its first chunk only. The client alone writes to the store, batch by batch.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from events.errors import ExtractionFailed, UnusableInput
from events.model import Document
from events.store import Frames, to_frames


@dataclass
class ChunkResult:
    """What a worker sends back for one chunk of paths (or documents)."""

    frames: Frames
    skipped: list[str] = field(default_factory=list)
    documents: int = 0
    already_stored: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def extract_chunk(paths: Sequence[str], skip_ids: frozenset[str] = frozenset(), keep_text: bool = True) -> ChunkResult:
    """Runs on a worker: read the files, extract every new document, return the frames."""
    from events.ingest import read_path

    docs: list[Document] = []
    skipped: list[str] = []
    for path in paths:
        try:
            docs.extend(read_path(Path(path)))
        except UnusableInput as exc:
            skipped.append(exc.user_message)
    return _extract(docs, skip_ids, keep_text, skipped)


def extract_documents(docs: Sequence[Document], skip_ids: frozenset[str] = frozenset(),
                      keep_text: bool = True) -> ChunkResult:
    """Runs on a worker: extract documents already read (the benchmark's TimeBank/GeoWebNews rows)."""
    return _extract(list(docs), skip_ids, keep_text, [])


def _extract(docs: list[Document], skip_ids: frozenset[str], keep_text: bool, skipped: list[str]) -> ChunkResult:
    from events.pipeline import run_isolated

    t0, c0 = time.perf_counter(), time.process_time()
    results = []
    known = 0
    for doc in docs:
        if doc.doc_id in skip_ids:
            known += 1
            continue
        try:
            results.append(run_isolated(doc))
        except ExtractionFailed as exc:
            skipped.append(exc.user_message)
    frames = to_frames([r.document for r in results], [a for r in results for a in r.articles],
                       [e for r in results for e in r.events], keep_text=keep_text)
    return ChunkResult(frames, skipped, len(results), known, time.perf_counter() - t0, time.process_time() - c0)


def warm_up() -> None:
    """Load the gazetteer and compile the rules on a worker before any timing starts."""
    from events.pipeline import run_document

    run_document(Document("warm-up", "warm-up", "warm-up", "On 3 May 2021 Chinese leaders met Russia's in Moscow."))


class Cluster:
    """A Dask client on a new ``LocalCluster`` of ``workers`` processes, or joined to ``scheduler``."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None, *, quiet: bool = False) -> None:
        import dask
        from dask.distributed import Client, LocalCluster

        dask.config.set({"distributed.worker.daemon": False, "distributed.logging.distributed": "error"})
        self._cluster: Any = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            # one single-threaded process per core: the pipeline is pure Python, threads would share the GIL
            self._cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                         dashboard_address=":0", silence_logs=40)
            self.client = Client(self._cluster)
        link = getattr(self.client, "dashboard_link", None)
        if link and not quiet:
            sys.stderr.write(f"Dask dashboard: {link}\n")

    def map_chunks(self, fn: Callable[..., ChunkResult], chunks: Sequence[Any], *args: Any,
                   ordered: bool = False) -> Iterator[ChunkResult]:
        """Submit one task per chunk; yield results as they finish (or in order)."""
        from dask.distributed import as_completed

        shared = [self.client.scatter(a, broadcast=True) if isinstance(a, frozenset) and a else a for a in args]
        futures = [self.client.submit(fn, chunk, *shared, pure=False) for chunk in chunks]
        source = futures if ordered else as_completed(futures)
        for fut in source:
            yield fut.result()
            fut.release()

    def warm_up(self) -> None:
        self.client.run(warm_up)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def chunked(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
