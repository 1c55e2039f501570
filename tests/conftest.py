"""Shared fixtures: a fresh, empty store per test (never the app's store)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from events.store import Store


@pytest.fixture
def fresh_store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in a temporary folder, closed after the test."""
    store = Store(tmp_path / "eventscape.sqlite")
    try:
        yield store
    finally:
        store.close()
