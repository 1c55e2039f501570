"""Cached reads of the store — the only module that uses ``st.cache_*``.

Everything is cached per *store version* (and the store's identity, which changes when its
folder is made anew): a new ingest is a new version, so nothing stale is ever shown and
nothing is re-read while the version stands. Frames are cached as resources: ``cache_data``
would pickle and copy a million-row frame on every rerun, and polars frames are immutable.

"As known on": the view shows the version named by ``?v=N`` in the URL (the latest when
absent), so a link in last month's briefing reproduces last month's view after new ingests.
Every reader here honours it; writes always go to the latest version.

Two ways to read events:

* :func:`events` — every column of every event of the shown version, prepared for the views
  (fine to a few million events);
* the large-store API — :func:`slim_events`, :func:`explore_view`, :func:`rows_for`,
  :func:`event_row` — a slim frame per version, free text and full rows read lazily from the
  Delta files (see :mod:`ui.scan`; ten million events in ~2 GB), and the unfiltered view
  pre-aggregated once per version and kept beside the store (:func:`unfiltered_overview`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import streamlit as st

from events.store import Store, StoreVersion, default_store_path, open_store
from ui import overview, scan, sidebar
from ui.filters import Filters
from ui.frame import prepare
from ui.geo import capitals, load_basemap

VERSION_PARAM = "v"  # ?v=N in a link names the store version the view was made on


def store_path() -> str:
    """Read on every call so tests can point ``EVENTSCAPE_STORE`` at a temp folder."""
    return str(default_store_path())


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    # a Store keeps no connection: every read resolves its version on disk, every write takes
    # the store's lock and builds on the latest version, so a store rebuilt meanwhile is seen
    return open_store(path)


def get_store() -> Store:
    return _store(store_path())


# -- which version is shown ---------------------------------------------------------------

def latest_version() -> int:
    return int(get_store().version())


def shown_version() -> int:
    """The version the view shows: ``?v=N`` when the store has it, else the latest."""
    latest = latest_version()
    raw = st.query_params.get(VERSION_PARAM)
    try:
        wanted = int(str(raw)) if raw not in (None, "") else latest
    except ValueError:
        return latest
    return wanted if 1 <= wanted <= latest else latest


def is_latest() -> bool:
    return shown_version() == latest_version()


def store_version() -> str:
    """The version the view shows, for stamps, exports and share links."""
    return str(shown_version())


def version_query() -> dict[str, str]:
    """The query parameter that pins a share link to the version shown."""
    return {VERSION_PARAM: store_version()}


@st.cache_data(show_spinner=False, max_entries=4)
def _versions(path: str, ident: str, latest: int) -> list[StoreVersion]:
    return _store(path).versions()


def versions() -> list[StoreVersion]:
    """Every store version, oldest first (for the "as known on" control)."""
    store = get_store()
    return _versions(store.path, store.identity(), latest_version())


def version_at(when: dt.date | dt.datetime) -> int:
    """The version that was current on a date (end of that day, UTC); 0 before the first."""
    found = 0
    limit = when if isinstance(when, dt.datetime) else dt.datetime.combine(when, dt.time.max, tzinfo=dt.UTC)
    for v in versions():
        if v.at is not None and v.at <= limit:
            found = v.version
    return found


def _key() -> tuple[str, str, int]:
    store = get_store()
    return store.path, store.identity(), shown_version()


# -- whole frames (the shown version) -----------------------------------------------------

@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _events(path: str, ident: str, version: int) -> pl.DataFrame:
    return prepare(_store(path).events_frame(version or None), capitals())


def events() -> pl.DataFrame:
    """All events of the shown version, prepared for the views (see :func:`ui.frame.prepare`)."""
    return _events(*_key())


@st.cache_data(show_spinner=False, max_entries=4)
def _documents(path: str, ident: str, version: int) -> pl.DataFrame:
    return _store(path).documents_frame(version or None)


def documents() -> pl.DataFrame:
    return _documents(*_key())


@st.cache_data(show_spinner=False, max_entries=4)
def _articles(path: str, ident: str, version: int) -> pl.DataFrame:
    return _store(path).articles_frame(version or None)


def articles() -> pl.DataFrame:
    return _articles(*_key())


@st.cache_data(show_spinner=False, max_entries=32)
def _document_text(path: str, ident: str, version: int, doc_id: str) -> str | None:
    return _store(path).document_text(doc_id, version or None)


def document_text(doc_id: str) -> str | None:
    """A document's text, or None when the store keeps none (e.g. bundled demo data)."""
    return _document_text(*_key(), doc_id) or None


# -- large stores: slim frame, lazy text and rows ---------------------------------------------

def _lazy(path: str, version: int) -> pl.LazyFrame:
    return _store(path).scan("events", version or None)


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _slim(path: str, ident: str, version: int) -> pl.DataFrame:
    return scan.slim_frame(_lazy(path, version), capitals())


@st.cache_resource(show_spinner=False, max_entries=2)
def _actor_options(path: str, ident: str, version: int) -> list[str]:
    return sidebar.actor_options(_slim(path, ident, version))


def actor_options() -> list[str]:
    """The sidebar's actors for the shown version, most frequent first (once per version, not per rerun)."""
    return _actor_options(*_key())


def slim_events() -> pl.DataFrame:
    """The columns filters, timeline and the aggregate map need, for every event of the shown version."""
    return _slim(*_key())


@st.cache_resource(show_spinner="Summarising the events…", max_entries=2)
def _overview(path: str, ident: str, version: int) -> overview.Overview:
    return overview.for_version(_store(path), version, lambda: _slim(path, ident, version), load_basemap())


def unfiltered_overview() -> overview.Overview:
    """The shown version's unfiltered view, pre-aggregated: read from the side tables kept for the
    version, else computed once from its slim frame and kept (see :mod:`ui.overview`)."""
    return _overview(*_key())


@st.cache_resource(show_spinner="Indexing text for search…", max_entries=1)
def _search(path: str, ident: str, version: int) -> pl.DataFrame:
    return scan.search_column(_lazy(path, version))


@st.cache_resource(show_spinner=False, max_entries=16)
def _text_mask(path: str, ident: str, version: int, text: str) -> pl.Series:
    return scan.text_matches(_search(path, ident, version), _slim(path, ident, version), text)


def explore_view(filters: Filters, *, window: bool = True) -> pl.DataFrame:
    """Slim rows of the shown version passing ``filters`` (free text matched lazily)."""
    key = _key()
    mask = _text_mask(*key, filters.text.strip().lower()) if filters.text.strip() else None
    return scan.view(_slim(*key), filters, mask, window=window)


def rows_for(slim_rows: pl.DataFrame) -> pl.DataFrame:
    """Full prepared rows for a few slim rows (the list, the map in point mode, exports of a selection)."""
    path, _ident, version = _key()
    return scan.hydrate(_lazy(path, version), slim_rows, capitals())


def map_frame(slim_view: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """(frame, aggregate threshold) for the map of a slim view: full rows for a point map of a
    small view, else the slim rows drawn aggregated (see :func:`ui.scan.map_input`)."""
    path, _ident, version = _key()
    return scan.map_input(slim_view, _lazy(path, version), capitals())


def newest_rows(slim_rows: pl.DataFrame, limit: int = 500) -> pl.DataFrame:
    """Full rows of the ``limit`` newest events of a view (what the list shows)."""
    return rows_for(scan.newest(slim_rows, limit))


@st.cache_data(show_spinner=False, max_entries=64)
def _event_row(path: str, ident: str, version: int, event_id: str) -> dict[str, Any] | None:
    hit = _lazy(path, version).filter(pl.col("event_id") == event_id).collect()
    return prepare(hit, capitals()).row(0, named=True) if hit.height else None


def event_row(event_id: str) -> dict[str, Any] | None:
    """One event's full record (the detail pane), read lazily once per version and event."""
    return _event_row(*_key(), event_id)


def delete_document(doc_id: str) -> int:
    """Remove a document with its articles and events (one store version); returns events removed.
    The caches are keyed by the store version, which the deletion moves on; earlier versions keep it."""
    return get_store().delete_document(doc_id)
