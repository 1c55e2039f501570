"""Actors & pairs: who meets, accuses or sanctions whom, and one actor's profile."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import queries, sidebar
from ui.actors import (
    actor_frequency,
    clicked_pair,
    matrix_chart,
    matrix_frame,
    profile_partners,
    profile_places,
    profile_timeline_chart,
    profile_types,
)
from ui.detail import md_text
from ui.filters import Filters, apply_filters
from ui.names import label, name, pair_label

st.markdown("#### Actors & pairs")
st.caption("Who appears with whom in the events in view, and one actor's profile. Pickers take a name, a code "
           "or a leader's name.")
frame = queries.events()
filters: Filters = st.session_state.get("filters") or sidebar.current_filters()
view = apply_filters(frame, filters)
if view.is_empty():
    active = "; ".join(md_text(line) for line in filters.describe())
    st.info(f"No events match {active} (window {filters.window_text()}). Remove a filter in the sidebar or press "
            "**Reset filters**." if not frame.is_empty()
            else "The store holds no events yet. Add documents on the **Sources** page.")
    st.stop()

st.caption(f"{view.height:,} events in view · window {filters.window_text()}")
left, right = st.columns([3, 2])
with left:
    st.markdown("**Who with whom** — events involving both actors (top 20 actors). Click a cell to filter on that pair.")
    matrix = matrix_frame(view, top_n=20)
    if matrix.is_empty():
        st.caption("No event in view involves two or more actors.")
    else:
        state = st.altair_chart(matrix_chart(matrix), on_select="rerun", key="pair_matrix", width="content")
        pair = clicked_pair(state)
        if pair and pair != st.session_state.get("_last_cell"):
            st.session_state["_last_cell"] = pair
            sidebar.request_filters(pair=pair)
            st.rerun()
        top_pairs = matrix.filter(pl.col("a") < pl.col("b")).sort("count", descending=True).head(30)
        options = ["—"] + [f"{a}-{b}" for a, b in zip(top_pairs["a"], top_pairs["b"], strict=True)]
        chosen = st.selectbox("…or pick a pair", options, key="pair_pick",
                              format_func=lambda p: p if p == "—" else pair_label(*p.split("-", 1)))
        if chosen != "—" and st.button("Filter on this pair", key="pair_apply"):
            a, b = chosen.split("-", 1)
            sidebar.request_filters(pair=(a, b))
            st.rerun()

with right:
    freq = actor_frequency(view)
    actors = freq["actor"].to_list()
    default = filters.pair[0] if filters.pair else (filters.actors[0] if filters.actors else actors[0])
    if st.session_state.get("profile_actor") not in actors:
        st.session_state["profile_actor"] = default if default in actors else actors[0]
    actor = st.selectbox("Actor profile", actors, key="profile_actor", format_func=label,
                         help="Search by name, code or a leader's name.")
    own = view.filter(pl.col("actors").list.contains(actor))
    st.markdown(f"**{md_text(name(actor))}** — {own.height:,} events in view")
    st.altair_chart(profile_timeline_chart(view, actor), width="stretch", height=200, key="profile_timeline")
    c1, c2 = st.columns(2)
    c1.markdown("Top partners")
    c1.dataframe(profile_partners(view, actor), hide_index=True, width="stretch", height=220)
    c2.markdown("Event types")
    c2.dataframe(profile_types(view, actor), hide_index=True, width="stretch", height=220)
    st.markdown("Places")
    st.dataframe(profile_places(view, actor), hide_index=True, width="stretch", height=200)
    if st.button(f"Filter on {md_text(name(actor))}", key="actor_apply"):
        sidebar.request_filters(actors=(actor,))
        st.rerun()
