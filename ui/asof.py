"""The sidebar's "As known on" control: show the store as it was at an earlier version.

A minimal control (the page styling is the pages' business): a list of versions, newest
first, and a date that picks the version current that day. The choice lives in the URL
(``?v=N``), so a copied link reproduces the view as it was known then.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui import queries

LATEST = 0  # the option that follows new ingests (no ?v= in the URL)
_PENDING = "_as_known_on_next"


def follow_latest() -> None:
    """After a write (upload, delete) show the latest version on the next run: the change is there.
    A pending flag, because the selectbox may already be drawn in this run."""
    st.session_state[_PENDING] = LATEST


def _label(version: int, latest: int) -> str:
    if version == LATEST:
        return f"Latest (version {latest})"
    for v in queries.versions():
        if v.version == version:
            when = v.at.strftime("%Y-%m-%d %H:%M UTC") if v.at else "?"
            return f"Version {v.version} · {when} · {v.n_events:,} events"
    return f"Version {version}"


def render() -> None:
    latest = queries.latest_version()
    shown = queries.shown_version()
    options = [LATEST] + [v.version for v in reversed(queries.versions()) if v.version != latest]
    current = LATEST if shown == latest else shown
    if _PENDING in st.session_state:
        st.session_state["as_known_on"] = st.session_state.pop(_PENDING)
        st.session_state["as_known_on_date"] = None
    first_run = "as_known_on" not in st.session_state
    if st.session_state.get("as_known_on") not in options:
        st.session_state["as_known_on"] = current  # first run of a session: the version the link names
    box = st.sidebar.container(border=True)
    choice = box.selectbox(
        "As known on", options, key="as_known_on", format_func=lambda v: _label(v, latest),
        help="Show the store as it was at an earlier version. Share links and exports name the version shown.",
    )
    day = box.date_input("…or as known on a date", value=None, max_value=dt.date.today(), key="as_known_on_date")
    if day is not None:
        on_day = queries.version_at(day)
        choice = on_day if on_day and on_day != latest else LATEST
    if choice == LATEST:
        # a link naming a version this store does not hold keeps it for one run, so the page can say so
        if queries.VERSION_PARAM in st.query_params and not first_run:
            del st.query_params[queries.VERSION_PARAM]
    else:
        st.query_params[queries.VERSION_PARAM] = str(choice)
        box.warning(f"Showing the store **as known at version {choice}** — later additions are hidden.")
