"""Pre-aggregates kept beside the store: small Parquet side tables, one set per store version.

What a view computes from *every* event of a version (the app's unfiltered overview: timeline
counts, the map aggregate, facet counts) depends on that version only, and a version never
changes: versions are append-only (a delete, a rollback, an optimize is a new version). So such
an aggregate is computed once and kept for good under ``_aggregates/<store id>/v<N>/<name>/``,
a folder of Parquet files written aside and renamed into place (a reader never sees half of
one; of two processes computing the same aggregate, the first to rename wins and the other's
copy is dropped). ``name`` carries the aggregate's format, so a new format is computed anew.
Only the :data:`KEEP` versions kept last stay (an older one is computed again if it is asked for):
thousands of uploads leave thousands of versions, and each kept set is ~0.1 MB.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import polars as pl

from events import store_log

_DIR = "_aggregates"
KEEP = 64  # versions whose aggregates stay kept


def _folder(root: Path, version: int, name: str) -> Path:
    if not name or any(c in name for c in "/\\."):
        raise ValueError(f"not an aggregate name: {name!r}")
    return root / _DIR / store_log.store_id(root) / f"v{int(version)}" / name


def read(root: Path, version: int, name: str) -> dict[str, pl.DataFrame] | None:
    """The frames kept for ``name`` at ``version``, or None when none are kept (or they cannot be read)."""
    folder = _folder(root, version, name)
    try:
        files = sorted(folder.glob("*.parquet"))
        return {f.stem: pl.read_parquet(f) for f in files} if files else None
    except (OSError, pl.exceptions.PolarsError):
        return None


def write(root: Path, version: int, name: str, frames: dict[str, pl.DataFrame]) -> bool:
    """Keep ``frames`` for ``name`` at ``version``; False when it could not be written (a read-only
    store: the caller keeps its result in memory) or another process kept it first."""
    folder = _folder(root, version, name)
    if folder.is_dir():
        return False
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
    except OSError:
        return False
    try:
        for key, frame in frames.items():
            frame.write_parquet(staging / f"{key}.parquet")
        staging.chmod(0o755)  # readable by whoever reads the store (mkdtemp makes it private)
        os.rename(staging, folder)  # atomic; fails when another process renamed its copy first
    except OSError:
        return False
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _prune(folder.parent.parent)
    return True


def _prune(store_dir: Path) -> None:
    """Drop all but the :data:`KEEP` version folders written last. A folder is renamed away before
    it is removed, so a reader finds a whole set or none."""
    try:
        versions = sorted((p for p in store_dir.iterdir() if p.name.startswith("v")), key=lambda p: p.stat().st_mtime)
    except OSError:
        return
    for old in versions[: max(0, len(versions) - KEEP)]:
        doomed = old.with_name(f".drop-{old.name}-{os.getpid()}")
        try:
            os.rename(old, doomed)
        except OSError:
            continue  # another process dropped it first
        shutil.rmtree(doomed, ignore_errors=True)
