"""The cyclic garbage collector, paused while one article's stages run.

A long document (a page of one 20 MB line is read as 200 windows of 100 kB, each an article) keeps
every earlier window's sentences and events alive until dedup.  With the collector running, each
window's allocations trigger full collections, and each of those walks everything kept so far: the
time per window grows with its position, the whole document with the square of its length (a fifth
of the time on a 20 MB line).  Paused for an article and collected right after it (the young
generations only: what the article allocated), the collector's cost is bounded by the window, and
the cycles an article leaves are freed as soon as it ends.

The collector is one per process and the app runs sessions in threads, so the pauses are counted:
the first thread in disables the collector, the last one out enables it again (if it was enabled).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_state = {"pausers": 0, "was_enabled": False}


@contextmanager
def paused_collector() -> Iterator[None]:
    """No cyclic collection inside the block; generations 0 and 1 are collected when it ends."""
    with _LOCK:
        if _state["pausers"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["pausers"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["pausers"] -= 1
            if _state["pausers"] == 0 and _state["was_enabled"]:
                gc.enable()
        gc.collect(1)
