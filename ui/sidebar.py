"""The shared sidebar: filter widgets <-> session state <-> URL query string.

On a session's first run the URL's query string seeds the widgets; afterwards
the widgets are the truth and every run writes them back to ``st.query_params``,
so the address bar always holds a link that reproduces the view.
Pages that want to change a filter (a click on the pair matrix) call
:func:`request_filters` and rerun; the change is applied here before the
widgets are drawn (Streamlit forbids changing a drawn widget's state).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import streamlit as st

from ui.filters import QUERY_KEYS, Filters
from ui.frame import data_range
from ui.links import VIEW_KEYS, ViewLink
from ui.names import label as actor_label
from ui.safe import fit_window

NONE = "—"
_K = {"actors": "f_actors", "mode": "f_mode", "pair_a": "f_pair_a", "pair_b": "f_pair_b",
      "types": "f_types", "statuses": "f_status", "precisions": "f_prec", "docs": "f_docs", "text": "f_text"}
STATUSES = ["occurred", "planned", "reported"]
PRECISIONS = ["day", "month", "year"]


def _seed_state(filters: Filters) -> None:
    ss = st.session_state
    ss[_K["actors"]] = list(filters.actors)
    ss[_K["mode"]] = filters.actor_mode
    ss[_K["pair_a"]] = filters.pair[0] if filters.pair else NONE
    ss[_K["pair_b"]] = filters.pair[1] if filters.pair else NONE
    ss[_K["types"]] = list(filters.types)
    ss[_K["statuses"]] = list(filters.statuses)
    ss[_K["precisions"]] = list(filters.precisions)
    ss[_K["docs"]] = list(filters.docs)
    ss[_K["text"]] = filters.text
    ss["window"] = (filters.start, filters.end) if filters.start and filters.end else None


def request_filters(**changes: Any) -> None:
    """Ask for filter changes on the next run (keys: Filters field names, or ``window``)."""
    pending = dict(st.session_state.get("_pending_filters") or {})
    pending.update(changes)
    st.session_state["_pending_filters"] = pending


def _apply_pending(current: Filters) -> None:
    pending = st.session_state.pop("_pending_filters", None)
    if not pending:
        return
    window = pending.pop("window", "keep")
    fields = {k: v for k, v in pending.items() if k in Filters.__dataclass_fields__}
    updated = Filters(**{**current.__dict__, **fields})
    _seed_state(updated)
    if window != "keep":
        st.session_state["window"] = window
    else:
        st.session_state["window"] = (current.start, current.end) if current.start and current.end else None


def current_filters() -> Filters:
    """The filters as the widgets hold them (window included)."""
    ss = st.session_state
    a, b = ss.get(_K["pair_a"], NONE), ss.get(_K["pair_b"], NONE)
    window = ss.get("window")
    return Filters(
        actors=tuple(ss.get(_K["actors"]) or ()),
        actor_mode="all" if ss.get(_K["mode"]) == "all" else "any",
        pair=(a, b) if a not in (None, NONE) and b not in (None, NONE) and a != b else None,
        types=tuple(ss.get(_K["types"]) or ()),
        statuses=tuple(ss.get(_K["statuses"]) or ()),
        precisions=tuple(ss.get(_K["precisions"]) or ()),
        docs=tuple(ss.get(_K["docs"]) or ()),
        text=str(ss.get(_K["text"]) or ""),
        start=window[0] if window else None,
        end=window[1] if window else None,
    )


def sync_query_params(filters: Filters, view: ViewLink | None = None) -> None:
    """Write the filters (and, from Explore, the selected event, map view and store version)
    into the URL, touching only our keys (and only when they differ)."""
    wanted = filters.to_query()
    keys: tuple[str, ...] = QUERY_KEYS
    if view is not None:
        wanted.update(view.to_query())
        keys = (*QUERY_KEYS, *VIEW_KEYS)
    for key in keys:
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


def _options(values: list[str], selected: list[str]) -> list[str]:
    return list(dict.fromkeys([*values, *selected]))


def actor_options(frame: pl.DataFrame) -> list[str]:
    """Every actor of the events, most frequent first (ties by code)."""
    counts = frame.select(pl.col("actors").explode().alias("a")).drop_nulls().group_by("a").len()
    return counts.sort(["len", "a"], descending=[True, False])["a"].to_list()


def render(frame: pl.DataFrame, documents: pl.DataFrame, actors: list[str] | None = None) -> Filters:
    """Draw the filter widgets in the sidebar; return the active filters. ``actors``: the
    :func:`actor_options` of ``frame`` when already known (kept per store version)."""
    ss = st.session_state
    if not ss.get("_query_loaded"):
        seeded = Filters.from_query(st.query_params.to_dict())
        window, ss["_window_notice"] = fit_window(seeded.start, seeded.end, data_range(frame))
        _seed_state(seeded.with_window(*(window or (None, None))))
        ss["_query_loaded"] = True
    _apply_pending(current_filters())

    actors = actor_options(frame) if actors is None else actors

    def label(code: str) -> str:
        return code if code == NONE else actor_label(code)

    sb = st.sidebar
    sb.markdown("### Filters")
    sb.multiselect("Actors", _options(actors, ss.get(_K["actors"]) or []), key=_K["actors"], format_func=label,
                   placeholder="any actor — type a name, code or leader",
                   help="Search by name (China), code (CHN) or a leader's name (Xi).")
    sb.radio("Match", ["any", "all"], key=_K["mode"], horizontal=True,
             format_func=lambda m: "any of them" if m == "any" else "all of them",
             help="Events involving any of the chosen actors, or all of them together.")
    c1, c2 = sb.columns(2)
    pair_opts = _options([NONE, *actors], [ss.get(_K["pair_a"], NONE), ss.get(_K["pair_b"], NONE)])
    c1.selectbox("Pair: A", pair_opts, key=_K["pair_a"], format_func=label)
    c2.selectbox("Pair: B", pair_opts, key=_K["pair_b"], format_func=label,
                 help="Bilateral pair A–B, either direction: events involving both.")
    types = sorted(frame["event_type"].unique().to_list())
    sb.multiselect("Event type", _options(types, ss.get(_K["types"]) or []), key=_K["types"], placeholder="all types")
    sb.multiselect("Status", _options(STATUSES, ss.get(_K["statuses"]) or []), key=_K["statuses"],
                   placeholder="any status")
    sb.multiselect("Date precision", _options(PRECISIONS, ss.get(_K["precisions"]) or []), key=_K["precisions"],
                   placeholder="any precision")
    titles = dict(zip(documents["doc_id"].to_list(), documents["title"].to_list(), strict=True)) if len(documents) else {}
    doc_ids = _options(list(titles), ss.get(_K["docs"]) or [])
    sb.multiselect("Document", doc_ids, key=_K["docs"], placeholder="all documents",
                   format_func=lambda d: (titles.get(d) or d)[:60])
    sb.text_input("Text contains", key=_K["text"], placeholder="e.g. summit, Chancay, Lavrov")

    filters = current_filters()
    sb.markdown("**Time window**")
    window_text = filters.window_text()
    sb.caption(f"{window_text} — set it with the slider or ▶ on Explore." if filters.start
               else "All dates — narrow it with the slider on Explore.")
    if ss.get("_window_notice") and filters.start:
        sb.caption(ss["_window_notice"])
    b1, b2 = sb.columns(2)
    if filters.start and b1.button("All dates", key="clear_window", width="stretch"):
        request_filters(window=None)
        st.rerun()
    if b2.button("Reset filters", key="reset_filters", width="stretch"):
        request_filters(**Filters().__dict__, window=None)
        st.rerun()
    with sb.expander("Map settings"):
        st.toggle("Online basemap tiles (CARTO)", key="online_tiles",
                  help="Off by default: the app is fully offline and draws Natural Earth outlines shipped in "
                       "geodata/. Turn on only with an internet connection.")
    sync_query_params(filters)
    return filters


def window_or_range(filters: Filters, bounds: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    if filters.start and filters.end:
        return filters.start, filters.end
    return bounds
