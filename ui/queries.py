"""Cached reads of the store — the only module that uses ``st.cache_*``.

The store is a resource (one connection per path). Event frames are cached as
resources too, keyed by the store's version: ``cache_data`` would pickle and copy
a million-row frame on every rerun, and polars frames are immutable anyway.
Nothing here is mutated by its callers.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from events.store import Store, default_store_path, open_store
from ui.frame import prepare
from ui.geo import capitals


def store_path() -> str:
    """Read on every call so tests can point ``EVENTSCAPE_STORE`` at a temp file."""
    return str(default_store_path())


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return open_store(path)


def get_store() -> Store:
    return _store(store_path())


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _events(path: str, version: str) -> pl.DataFrame:
    return prepare(_store(path).events_frame(), capitals())


def events() -> pl.DataFrame:
    """All events of the store, prepared for the views (see :func:`ui.frame.prepare`)."""
    store = get_store()
    return _events(store.path, store.version())


@st.cache_data(show_spinner=False, max_entries=4)
def _documents(path: str, version: str) -> pl.DataFrame:
    return _store(path).documents_frame()


def documents() -> pl.DataFrame:
    store = get_store()
    return _documents(store.path, store.version())


@st.cache_data(show_spinner=False, max_entries=4)
def _articles(path: str, version: str) -> pl.DataFrame:
    return _store(path).articles_frame()


def articles() -> pl.DataFrame:
    store = get_store()
    return _articles(store.path, store.version())


@st.cache_data(show_spinner=False, max_entries=32)
def _document_text(path: str, doc_id: str) -> str | None:
    return _store(path).document_text(doc_id)


def document_text(doc_id: str) -> str | None:
    """A document's text, or None when the store keeps none (e.g. bundled demo data)."""
    return _document_text(get_store().path, doc_id) or None


def store_version() -> str:
    return get_store().version()


def delete_document(doc_id: str) -> int:
    """Remove a document with its articles and events (one store transaction); returns events removed.
    The caches are keyed by the store version, which the deletion moves on."""
    return get_store().delete_document(doc_id)
