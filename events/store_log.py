"""The store's version log and its write lock.

A store is three Delta tables (``events``, ``documents``, ``articles``) in one folder. Delta
commits one table at a time, so the *store* version lives here: ``_store_log/<n>.json`` names
the Delta version of every table that together make store version ``n``. An entry is created
exclusively (``os.link`` of a fully written file refuses to replace one), so a version is
either wholly there or not at all; a reader resolves ``n`` to table versions and reads those,
so commits a killed writer left past the last entry are never seen (the next writer rolls the
tables back to the entry before it writes).

Writers serialise on ``flock`` (released by the kernel when a process dies, so ``kill -9``
leaves no stale lock); builds also take a separate lock so two builds on one store refuse
rather than interleave. Both work on a local disk and on a POSIX share a cluster mounts.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from events.errors import StoreError

TABLES: tuple[str, ...] = ("events", "documents", "articles")
_LOG = "_store_log"
_NAME_WIDTH = 12
_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def _entry_path(root: Path, version: int) -> Path:
    return root / _LOG / f"{version:0{_NAME_WIDTH}d}.json"


def store_id(root: Path) -> str:
    """A random id written once per store folder: a store deleted and rebuilt gets a new one."""
    path = root / _LOG / "store_id"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return "new"


def ensure_log(root: Path) -> None:
    (root / _LOG).mkdir(parents=True, exist_ok=True)
    path = root / _LOG / "store_id"
    if not path.exists():
        _create_exclusive(path, uuid.uuid4().hex[:12])


def head_version(root: Path) -> int:
    """The newest complete store version (0 for a store never written)."""
    hint = root / _LOG / "_head"
    try:
        n = int(hint.read_text(encoding="utf-8").strip() or 0)
    except (FileNotFoundError, ValueError):
        n = _scan_head(root)
    # the hint may lag by an entry or two when a writer died between the entry and the hint
    while _entry_path(root, n + 1).exists():
        n += 1
    return n


def _scan_head(root: Path) -> int:
    try:
        names = os.listdir(root / _LOG)
    except FileNotFoundError:
        return 0
    return max((int(n[:-5]) for n in names if n.endswith(".json") and n[:-5].isdigit()), default=0)


def read_entry(root: Path, version: int) -> dict[str, Any]:
    """The log entry of a store version; version 0 is the empty store."""
    if version == 0:
        return {"version": 0, "tables": {}, "at": None, "op": "empty", "n_events": 0, "n_documents": 0}
    try:
        data: dict[str, Any] = json.loads(_entry_path(root, version).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise StoreError(f"the store has no version {version} (latest is {head_version(root)})") from exc
    return data


def all_entries(root: Path) -> list[dict[str, Any]]:
    return [read_entry(root, n) for n in range(1, head_version(root) + 1)]


def append_entry(root: Path, entry: dict[str, Any]) -> int:
    """Publish the next store version; only call it holding :func:`write_lock`."""
    version = head_version(root) + 1
    entry = {**entry, "version": version, "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")}
    if not _create_exclusive(_entry_path(root, version), json.dumps(entry)):
        raise StoreError(f"store version {version} was written by a writer that did not hold the lock")
    # the version is published now; the hint only speeds up finding it, so failing to write it
    # must not make a stored ingest look failed
    try:
        hint = root / _LOG / "_head"
        tmp = hint.with_name(f"_head.{os.getpid()}.{threading.get_ident()}")
        tmp.write_text(str(version), encoding="utf-8")
        tmp.replace(hint)
    except OSError:
        pass
    return version


def _create_exclusive(path: Path, text: str) -> bool:
    """Write ``text`` to a new file at ``path`` atomically; False when ``path`` already exists."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    tmp.write_text(text, encoding="utf-8")
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def write_lock(root: Path, timeout: float = 120.0) -> Iterator[None]:
    """Exclusive write access to the store, waited for up to ``timeout`` seconds.

    Threads of one process (two app sessions) queue on a thread lock first, processes on
    ``flock``; the kernel drops the file lock of a killed process.
    """
    key = str(root.resolve())
    with _THREAD_LOCKS_GUARD:
        thread_lock = _THREAD_LOCKS.setdefault(key, threading.Lock())
    if not thread_lock.acquire(timeout=timeout):
        raise StoreError(f"the store is busy: another write did not finish within {timeout:.0f} s")
    try:
        with _flock(root / "_write.lock", timeout, "another write"):
            yield
    finally:
        thread_lock.release()


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Held for a whole ``build``: a second build on the same store refuses at once."""
    with _flock(root / "_build.lock", 0.0, "another build"):
        yield


@contextmanager
def _flock(path: Path, timeout: float, who: str) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
                    wait = f" for {timeout:.0f} s" if timeout else ""
                    raise StoreError(f"the store at {path.parent} is busy: {who} (pid {holder}) holds it; "
                                     f"waited{wait or ' not at all'}, try again when it has finished") from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing drops the lock
