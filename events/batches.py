"""Batch runners for ``build`` and ``extract``: extract paths into batches of frames for the store,
in this process or on a Dask cluster (Dask is imported only when ``workers`` or ``scheduler`` is given).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from events.ingest import expand_paths
from events.store import Frames


@dataclass
class BatchProgress:
    """Progress of a batch run, written to stderr by the CLI: documents done / total, events/s, ETA."""

    files_total: int
    files_done: int = 0
    documents: int = 0
    already_stored: int = 0
    events: int = 0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        secs = max(1e-9, time.perf_counter() - self.started)
        rate = self.files_done / secs
        eta = (self.files_total - self.files_done) / rate if rate else 0.0
        return (f"{self.files_done}/{self.files_total} files · {self.documents} documents "
                f"({self.already_stored} already stored) · {self.events / secs:.0f} events/s · ETA {eta:.0f} s")


def extract_batches(
    paths: Sequence[str], on_skip: Callable[[str], None], *,
    workers: int | None = None, scheduler: str | None = None, skip_ids: frozenset[str] = frozenset(),
    keep_text: bool = True, batch_events: int = 20_000, on_progress: Callable[[BatchProgress], None] | None = None,
    ordered: bool = False,
) -> Iterator[Frames]:
    """Extract ``paths`` into batches of frames for :meth:`Store.add_frames`, skipping documents
    whose id is in ``skip_ids`` (a resumed build). Runs here, or on Dask when ``workers`` or
    ``scheduler`` is given — only then is Dask imported."""
    files = [str(p) for p in expand_paths(list(paths))]
    state = BatchProgress(len(files))
    if workers is None and scheduler is None:
        from events.distributed import extract_chunk as run_chunk  # the module imports Dask only inside Cluster

        results: Iterator[Any] = (run_chunk([f], skip_ids, keep_text) for f in files)
        yield from _batched(results, state, on_skip, on_progress, batch_events, per_result_files=1)
        return
    from events.distributed import Cluster, chunked, extract_chunk

    per_chunk = max(1, min(8, len(files) // (4 * (workers or 2)) or 1))
    chunks = chunked(files, per_chunk)
    with Cluster(workers, scheduler) as cluster:
        results = cluster.map_chunks(extract_chunk, chunks, skip_ids, keep_text, ordered=ordered)
        yield from _batched(results, state, on_skip, on_progress, batch_events, per_result_files=per_chunk)


def _batched(results: Iterator[Any], state: BatchProgress, on_skip: Callable[[str], None],
             on_progress: Callable[[BatchProgress], None] | None, batch_events: int, per_result_files: int
             ) -> Iterator[Frames]:
    import polars as pl

    pending: list[Frames] = []
    n_events = 0
    for res in results:
        for message in res.skipped:
            on_skip(message)
        state.files_done = min(state.files_total, state.files_done + per_result_files)
        state.documents += res.documents
        state.already_stored += res.already_stored
        state.events += res.frames.events.height
        if on_progress:
            on_progress(state)
        if res.frames.documents.height:
            pending.append(res.frames)
            n_events += res.frames.events.height
        if pending and (n_events >= batch_events or len(pending) >= 500):
            yield Frames(*(pl.concat([getattr(f, t) for f in pending]) for t in ("documents", "articles", "events")))
            pending, n_events = [], 0
    if pending:
        yield Frames(*(pl.concat([getattr(f, t) for f in pending]) for t in ("documents", "articles", "events")))
