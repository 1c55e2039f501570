"""The app's only way into the pipeline: ingest an upload or pasted text into the store.

Pages call these functions and never import ``events.pipeline`` (or any stage) themselves;
``tests/meta/test_architecture.py`` enforces it.  The pipeline is imported on first use, so a
page loads even when the pipeline cannot be (it then says ingest is unavailable).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from events.errors import failed_ingest_message, user_message

Progress = Callable[[float, str], None]


def _pipeline() -> Any | None:
    try:
        pipeline = importlib.import_module("events.pipeline")  # honours a test's sys.modules stand-in
    except Exception:  # noqa: BLE001 - an app without the pipeline still shows the store
        return None
    return pipeline


def available() -> bool:
    return _pipeline() is not None


def ingest(kind: str, payload: Any, name: str, store: Any, progress: Progress) -> Any:
    """Ingest ``payload`` (``kind`` "bytes" or "text"); the report's message is what to show."""
    pipeline = _pipeline()
    if pipeline is None:
        raise RuntimeError("the pipeline is not available in this build")
    if kind == "bytes":
        return pipeline.ingest_bytes(name, payload, store, progress)
    return pipeline.ingest_text(payload, name, store, progress)


def failure_message(name: str, exc: BaseException) -> str:
    """One line for an ingest that raised: what went wrong, and that the store is untouched."""
    return f"{name}: {failed_ingest_message([user_message(exc)])}"
