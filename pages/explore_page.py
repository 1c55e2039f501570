"""Explore: playable timeline, map, event list and detail pane."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from ui import queries, sidebar
from ui.detail import detail_html, document_html
from ui.filters import Filters, apply_filters
from ui.frame import data_range, event_table, focus_range
from ui.geo import load_basemap
from ui.mapdeck import build_deck, fit_view, selected_event_id
from ui.timeline import Bucket, choose_bucket, start_window, step_window, timeline_chart

SPEEDS = {"slow": 2.0, "normal": 1.0, "fast": 0.5}
TABLE_LIMIT = 500
ss = st.session_state
ss.setdefault("playing", False)
ss.setdefault("play_mode", "moving")
ss.setdefault("play_speed", "normal")
ss.setdefault("bucket_choice", "auto")

frame = queries.events()
if frame.is_empty():
    st.markdown("#### Explore events")
    st.info("The store holds no events yet. Add documents on the **Sources** page.")
    st.page_link("pages/sources_page.py", label="Go to Sources", icon=":material/upload:")
    st.stop()


def _clamp(window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    lo, hi = bounds
    start = min(max(window[0], lo), hi)
    end = min(max(window[1], start), hi)
    return start, end


def _take_selection(view_ids: list[str]) -> None:
    """Turn a new click on the map or a table row into ``ss['selected']``."""
    map_id = selected_event_id(ss.get("map"))
    if map_id and map_id != ss.get("_last_map_pick"):
        ss["selected"] = map_id
    ss["_last_map_pick"] = map_id
    rows = []
    table_state = ss.get("event_table")
    try:
        rows = list(table_state["selection"]["rows"]) if table_state else []
    except (KeyError, TypeError):
        rows = []
    table_ids = ss.get("_table_ids") or []
    row_id = table_ids[rows[0]] if rows and rows[0] < len(table_ids) else None
    if row_id and row_id != ss.get("_last_row_pick"):
        ss["selected"] = row_id
    ss["_last_row_pick"] = row_id


def _controls(bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date] | None:
    """Play/pause, mode, speed, bucket and the window slider; returns the window."""
    c_play, c_mode, c_speed, c_bucket = st.columns([1, 2, 2, 2], vertical_alignment="bottom")
    playing = ss["playing"]
    if c_play.button("Pause" if playing else "Play", key="play_button", type="primary", width="stretch",
                     icon=":material/pause:" if playing else ":material/play_arrow:",
                     help="Animate the time window; the map follows."):
        ss["playing"] = not ss["playing"]
        st.rerun(scope="app")  # the fragment's timer is set on a full run
    c_mode.segmented_control("Playback", ["moving", "cumulative"], key="play_mode",
                             format_func=lambda m: "Moving window" if m == "moving" else "Cumulative")
    c_speed.segmented_control("Speed", list(SPEEDS), key="play_speed")
    c_bucket.segmented_control("Bars per", ["auto", "day", "week", "month"], key="bucket_choice")
    lo, hi = bounds
    if hi <= lo:
        hi = lo + dt.timedelta(days=1)
    window = ss.get("window")
    ss["window_slider"] = _clamp(window, (lo, hi)) if window else (lo, hi)
    st.slider("Time window", min_value=lo, max_value=hi, key="window_slider", format="YYYY-MM-DD",
              on_change=_slider_moved, args=((lo, hi),), label_visibility="collapsed")
    return ss.get("window")


def _slider_moved(bounds: tuple[dt.date, dt.date]) -> None:
    value = tuple(ss["window_slider"])
    ss["window"] = None if value == bounds else value
    ss["playing"] = False


def _bucket(bounds: tuple[dt.date, dt.date]) -> Bucket:
    choice = ss.get("bucket_choice") or "auto"
    return choose_bucket(*bounds) if choice == "auto" else choice


def _advance(bounds: tuple[dt.date, dt.date], bucket: Bucket) -> None:
    mode = ss.get("play_mode") or "moving"
    window = ss.get("window")
    if not window or window == bounds:
        ss["window"] = start_window(bounds, bucket, mode)
        return
    new, done = step_window(_clamp(window, bounds), bounds, bucket, mode)
    ss["window"] = new
    if done:
        ss["playing"] = False
        ss["_finished"] = True


def _summary(view: pl.DataFrame) -> None:
    """What is in view, while no event is selected."""
    st.caption("Click a point or arc on the map, or a row in the list, to see the event's evidence.")
    if view.is_empty():
        return
    c1, c2 = st.columns(2)
    c1.dataframe(view.group_by("event_type").len("events").sort("events", descending=True)
                 .rename({"event_type": "type"}), hide_index=True, height=300, width="stretch")
    c2.dataframe(view.filter(pl.col("place_name").is_not_null()).group_by("place_name").len("events")
                 .sort("events", descending=True).rename({"place_name": "place"}),
                 hide_index=True, height=300, width="stretch")


def _detail(frame: pl.DataFrame, view: pl.DataFrame) -> None:
    selected = ss.get("selected")
    rows = frame.filter(pl.col("event_id") == selected) if selected else frame.clear()
    if rows.is_empty():
        _summary(view)
        return
    row = rows.row(0, named=True)
    with st.container(height=440, border=True, key="detail_pane"):
        st.html(detail_html(row))
        text = queries.document_text(row["doc_id"])
        if text:
            with st.expander("Source document text", icon=":material/article:"):
                st.html(document_html(text, row["char_start"], row["char_end"]))
        else:
            st.caption("The store keeps no text for this document (bundled demo data).")


def body() -> None:
    filters: Filters = sidebar.current_filters()
    base = apply_filters(frame, filters, window=False)
    bounds = data_range(base) or data_range(frame)
    focus = focus_range(base) or bounds
    assert bounds is not None and focus is not None
    bucket = _bucket(focus)
    if ss["playing"] and not ss.get("play_button"):  # the click on Pause does not move the window
        _advance(focus, bucket)
    window = _controls(bounds)
    if window:  # the timeline always shows the window, even when it lies outside the focus
        focus = (min(focus[0], window[0]), max(focus[1], window[1]))
    filters = filters.with_window(*(window or (None, None)))
    sidebar.sync_query_params(filters)
    view = base if window is None else apply_filters(base, filters)

    located = view.height - view["lat"].null_count()
    arcs = view.select((pl.col("src_lat").is_not_null() & pl.col("dst_lat").is_not_null()).sum()).item()
    st.markdown(
        f"**{view.height:,}** events in view (of {frame.height:,}) · {located:,} on the map · {arcs:,} bilateral arcs"
        f" · window **{filters.window_text()}**"
    )
    _take_selection([])
    deck, mode = build_deck(view, load_basemap(), selected_id=ss.get("selected"),
                            online_tiles=bool(ss.get("online_tiles")), view=fit_view(base))
    col_map, col_detail = st.columns([3, 2])
    with col_map:
        st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key="map", height=440,
                        alt="Map of the events in view")
        if mode == "aggregate":
            st.caption(f"{located:,} located events binned per 1° cell (heat + circles); filter or narrow the "
                       "window to see single events.")
    with col_detail:
        _detail(frame, view)
    bars, lanes = timeline_chart(base, window, bucket, domain=focus)
    # explicit heights: with width="stretch" Streamlit does not size a chart from its spec
    st.vega_lite_chart(bars.data, bars.spec, key="timeline", width="stretch", height=bars.height)
    if lanes is not None:
        st.vega_lite_chart(lanes.data, lanes.spec, key="timeline_spans", width="stretch", height=lanes.height)
    outside = base.filter((pl.col("date_end") < focus[0]) | (pl.col("date_start") > focus[1])).height
    if outside:
        st.caption(f"The timeline shows {focus[0]} to {focus[1]}, where most events fall; {outside:,} event(s) "
                   f"dated outside it are reached with the slider ({bounds[0]} to {bounds[1]}).")
    table = event_table(view, TABLE_LIMIT)
    ss["_table_ids"] = table["event_id"].to_list()
    caption = f"Showing the newest {TABLE_LIMIT:,} of {view.height:,} events." if view.height > TABLE_LIMIT else ""
    st.dataframe(
        table.drop("event_id"), key="event_table", on_select="rerun", selection_mode="single-row",
        hide_index=True, height=300, width="stretch",
        column_config={
            "date_label": st.column_config.TextColumn("Date", width="small"),
            "event_type": st.column_config.TextColumn("Type", width="small"),
            "title": st.column_config.TextColumn("Title", width="large"),
            "actors_label": st.column_config.TextColumn("Actors"),
            "place_name": st.column_config.TextColumn("Place"),
            "status": st.column_config.TextColumn("Status", width="small"),
            "date_precision": st.column_config.TextColumn("Precision", width="small"),
            "mentions": st.column_config.NumberColumn("Mentions", width="small"),
            "doc_title": st.column_config.TextColumn("Document"),
        },
    )
    if caption:
        st.caption(caption)
    wanted = SPEEDS.get(ss.get("play_speed") or "normal", 1.0) if ss["playing"] else None
    if ss.pop("_finished", False) or wanted != interval:
        st.rerun(scope="app")  # start, stop or re-time the fragment's timer


interval = SPEEDS.get(ss.get("play_speed") or "normal", 1.0) if ss["playing"] else None
st.fragment(run_every=interval)(body)()
