"""Explore: playable, brushable timeline, an honest map, the event list and the detail pane."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import streamlit as st

from ui import queries, sidebar
from ui.detail import detail_html, document_html, md_text
from ui.filters import Filters, apply_filters
from ui.frame import data_range, event_table, focus_range
from ui.geo import load_basemap
from ui.legend import legend_html, legend_html_of
from ui.links import MapView, ViewLink, public_base_url, share_link, version_note
from ui.mapdeck import WORLD_VIEW, build_deck, fit_view, map_pick, view_state
from ui.overview import NEWEST, Overview, is_unfiltered, place_counts, type_counts
from ui.safe import drawable
from ui.spots import spot_filter, spot_title
from ui.timeline import (
    Bucket,
    TimelineCounts,
    choose_bucket,
    play_step,
    selected_window,
    start_window,
    step_back,
    timeline_chart,
)

SPEEDS = {"slow": 2.0, "normal": 1.0, "fast": 0.5}
TABLE_LIMIT = NEWEST  # the list shows the newest 500 of a view
ECHOES = 3  # the last windows the app showed: a widget reporting one of them back is not the user
ss = st.session_state
ss.setdefault("playing", False)
ss.setdefault("play_mode", "moving")
ss.setdefault("play_speed", "normal")
ss.setdefault("bucket_choice", "auto")

st.markdown("#### Explore events")
st.caption("Who did what, with whom, where and when, from the news pages in the store. Drag across the "
           "timeline to set the window, click a bar to zoom to it, click the map for the events at a place.")
# the large-store path: per store version only the columns views aggregate on (ui.scan); full rows are
# read for what is shown (the list, a point map, a spot's list, the detail pane)
frame = queries.slim_events()
if frame.is_empty():
    st.info("The store holds no events yet. Add documents on the **Sources** page.")
    st.page_link("pages/sources_page.py", label="Go to Sources", icon=":material/upload:")
    st.stop()

if not ss.get("_view_loaded"):  # a shared link: the selected event, the map view, the store version
    link = ViewLink.from_query(st.query_params.to_dict())
    ss["selected"] = link.event
    ss["map_view"] = link.map_view
    ss["_link_version"] = link.version
    ss["_view_loaded"] = True


def _clamp(window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    lo, hi = bounds
    start = min(max(window[0], lo), hi)
    end = min(max(window[1], start), hi)
    return start, end


def _set_window(window: tuple[dt.date, dt.date] | None) -> None:
    ss["window"] = window
    ss["playing"] = False


def map_key() -> str:
    """The map widget's key. It changes after each click is taken, so the next click, even on the
    same marker, is a new selection (a kept selection would swallow a second click on it)."""
    return f"map-{ss.get('_map_generation', 0)}"


def _take_selection() -> None:
    """Turn a new click on the map, a table row or a spot list row into ``ss['selected']``/``ss['spot']``."""
    pick = map_pick(ss.get(map_key()))
    if pick:
        if pick[0] == "event":
            ss["selected"], ss["spot"] = pick[1], None
        else:
            ss["spot"], ss["selected"] = pick[1], None
        ss.pop(map_key(), None)
        ss["_map_generation"] = ss.get("_map_generation", 0) + 1
    for key, ids_key, last_key in (("event_table", "_table_ids", "_last_row_pick"),
                                   ("spot_table", "_spot_ids", "_last_spot_pick")):
        try:
            rows = list(ss[key]["selection"]["rows"]) if ss.get(key) else []
        except (KeyError, TypeError):
            rows = []
        ids = ss.get(ids_key) or []
        row_id = ids[rows[0]] if rows and rows[0] < len(ids) else None
        if row_id and row_id != ss.get(last_key):
            ss["selected"] = row_id
        ss[last_key] = row_id


def _take_timeline(bounds: tuple[dt.date, dt.date]) -> None:
    """A drag on the timeline sets the window; a click on a bar or span zooms to it."""
    chosen = selected_window(ss.get("timeline"))
    if chosen and chosen != ss.get("_last_timeline"):
        _set_window(_clamp(chosen[1], bounds))
    ss["_last_timeline"] = chosen


def _step(bounds: tuple[dt.date, dt.date], bucket: Bucket, forward: bool, events: pl.DataFrame) -> None:
    mode = ss.get("play_mode") or "moving"
    window = ss.get("window")
    if not window:
        ss["window"] = start_window(bounds, bucket, mode)
        return
    window = _clamp(window, bounds)
    if forward:
        ss["window"], _, ss["_play_note"] = play_step(window, bounds, bucket, mode, events)
    else:
        ss["window"] = step_back(window, bounds, bucket, mode)
    ss["playing"] = False


def _controls(bounds: tuple[dt.date, dt.date], focus: tuple[dt.date, dt.date], bucket: Bucket,
              events: pl.DataFrame) -> tuple[dt.date, dt.date] | None:
    """Play/pause, step, mode, speed, bucket, typed dates and the window slider; returns the window."""
    c_play, c_back, c_fwd, c_from, c_to, c_slider, c_more = st.columns([1.25, 0.55, 0.55, 1.5, 1.5, 3.8, 0.6],
                                                                        vertical_alignment="bottom")
    playing = ss["playing"]
    # a callback, not the button's return value: it runs before any script run, so a click made while a
    # playback tick is running is never lost; the end of body() then restarts the app to reset the timer
    c_play.button("Pause" if playing else "Play", key="play_button", type="primary", width="stretch",
                  icon=":material/pause:" if playing else ":material/play_arrow:", shortcut="K",
                  help="Animate the time window; the map follows. Keys: K play/pause, J back, L forward.",
                  on_click=_toggle_play)
    c_back.button("", key="step_back", icon=":material/skip_previous:", width="stretch", shortcut="J",
                  help="One period back (J)", on_click=_step, args=(focus, bucket, False, events))
    c_fwd.button("", key="step_forward", icon=":material/skip_next:", width="stretch", shortcut="L",
                 help="One period forward (L)", on_click=_step, args=(focus, bucket, True, events))
    with c_more.popover("", icon=":material/tune:", help="Playback mode, speed and bar width", width="stretch"):
        st.segmented_control("Playback", ["moving", "cumulative"], key="play_mode",
                             format_func=lambda m: "Moving window" if m == "moving" else "Cumulative")
        st.segmented_control("Speed", list(SPEEDS), key="play_speed")
        st.segmented_control("Bars per", ["auto", "day", "week", "month"], key="bucket_choice")
    lo, hi = bounds
    if hi <= lo:
        hi = lo + dt.timedelta(days=1)
    window = ss.get("window")
    shown = _clamp(window, (lo, hi)) if window else (lo, hi)
    ss["_shown_windows"] = [shown, *[w for w in ss.get("_shown_windows", []) if w != shown]][:ECHOES]
    ss["window_slider"] = shown
    ss["win_from"], ss["win_to"] = shown
    c_from.date_input("From", key="win_from", min_value=lo, max_value=hi, format="YYYY-MM-DD",
                      on_change=_typed, args=((lo, hi),))
    c_to.date_input("To", key="win_to", min_value=lo, max_value=hi, format="YYYY-MM-DD",
                    on_change=_typed, args=((lo, hi),))
    c_slider.slider("Time window", min_value=lo, max_value=hi, key="window_slider", format="YYYY-MM-DD",
                    on_change=_slider_moved, args=((lo, hi),), label_visibility="collapsed")
    return ss.get("window")


def _toggle_play() -> None:
    ss["playing"] = not ss["playing"]
    ss["_play_started"] = ss["playing"]


def _echo(window: tuple[dt.date, dt.date]) -> bool:
    """A window the app itself just put into the date boxes or the slider. While playback moves the window,
    the browser can report such a value back as a change (the widget had not caught up with the last tick);
    taken as the user's, it would stop playback and pull the window back a step."""
    return window in ss.get("_shown_windows", [])


def _typed(bounds: tuple[dt.date, dt.date]) -> None:
    start, end = ss.get("win_from") or bounds[0], ss.get("win_to") or bounds[1]
    start, end = min(start, end), max(start, end)
    if not _echo((start, end)):
        _set_window(None if (start, end) == bounds else (start, end))


def _slider_moved(bounds: tuple[dt.date, dt.date]) -> None:
    value: tuple[dt.date, dt.date] = tuple(ss["window_slider"])  # type: ignore[assignment]
    if not _echo(value):
        _set_window(None if value == bounds else value)


def _bucket(bounds: tuple[dt.date, dt.date]) -> Bucket:
    choice = ss.get("bucket_choice") or "auto"
    return choose_bucket(*bounds) if choice == "auto" else choice


def _advance(bounds: tuple[dt.date, dt.date], bucket: Bucket, events: pl.DataFrame) -> None:
    mode = ss.get("play_mode") or "moving"
    window = ss.get("window")
    if not window or window == bounds:
        ss["window"] = start_window(bounds, bucket, mode)
        return
    new, done, note = play_step(_clamp(window, bounds), bounds, bucket, mode, events)
    ss["window"] = new
    ss["_play_note"] = note
    if done:
        ss["playing"] = False
        ss["_finished"] = True


def _map_view(fitted: MapView) -> MapView:
    """The map's centre and zoom: set by a link or the map buttons, else fitted to the events."""
    chosen = ss.get("map_view")
    return chosen if isinstance(chosen, MapView) else fitted


def _move_map(fitted: MapView, action: str, target: tuple[float, float] | None = None) -> None:
    current: MapView = ss.get("map_view") or fitted
    if action == "fit":
        ss["map_view"] = None
    elif action == "centre" and target:
        ss["map_view"] = MapView(target[0], target[1], max(current.zoom, 4.0))
    else:
        step = 1.0 if action == "in" else -1.0
        ss["map_view"] = MapView(current.latitude, current.longitude, min(12.0, max(0.0, current.zoom + step)))


def _map_buttons(fitted: MapView, selected_row: dict | None) -> None:  # type: ignore[type-arg]
    """Zoom and centre the app can put in a link (Streamlit does not report a drag or scroll on the map)."""
    target = None
    if selected_row and selected_row.get("lat") is not None:
        target = (float(selected_row["lat"]), float(selected_row["lon"]))
    kept = "The zoom and centre set here go into the view's link and redraw clusters at that zoom; the map's " \
           "own +/− and scrolling are not reported back to the app."
    b1, b2, b3, b4 = st.columns(4)
    b1.button("Zoom in", key="map_zoom_in", icon=":material/zoom_in:", width="stretch", help=kept,
              on_click=_move_map, args=(fitted, "in"))
    b2.button("Zoom out", key="map_zoom_out", icon=":material/zoom_out:", width="stretch", help=kept,
              on_click=_move_map, args=(fitted, "out"))
    b3.button("Centre on event", key="map_centre", icon=":material/center_focus_strong:", width="stretch",
              disabled=target is None, on_click=_move_map, args=(fitted, "centre", target))
    b4.button("Fit events", key="map_fit", icon=":material/fit_screen:", width="stretch",
              on_click=_move_map, args=(fitted, "fit"))


def _spot_list(view: pl.DataFrame, spot: str) -> None:
    here = view.filter(spot_filter(spot))
    rows = queries.newest_rows(here, TABLE_LIMIT).sort(["date_start", "event_id"], descending=[True, False])
    more = f" (the newest {rows.height:,} listed)" if here.height > rows.height else ""
    st.markdown(f"**{here.height:,} event(s) at {md_text(spot_title(spot, here))}**{more} — pick one to read its "
                "evidence.")
    table = rows.select("event_id", "date_label", "event_type", "title", "actors_label")
    ss["_spot_ids"] = table["event_id"].to_list()
    st.dataframe(table.drop("event_id"), key="spot_table", on_select="rerun", selection_mode="single-row",
                 hide_index=True, width="stretch", height=min(400, 38 + 35 * max(1, rows.height)),
                 column_config={"date_label": "Date", "event_type": "Type", "title": "Title",
                                "actors_label": "Actors"})


def _summary(view: pl.DataFrame, whole: Overview | None) -> None:
    """What is in view, while no event is selected."""
    st.caption("Click a point, a shaded country or an area on the map, or a row in the list, to see the evidence.")
    c1, c2 = st.columns(2)
    c1.dataframe(whole.type_counts if whole else type_counts(view), hide_index=True, height=300, width="stretch")
    c2.dataframe(whole.place_counts if whole else place_counts(view), hide_index=True, height=300, width="stretch")


def _detail(row: dict[str, Any] | None, view: pl.DataFrame, whole: Overview | None) -> None:
    spot = ss.get("spot")
    if row is None:
        if spot:
            _spot_list(view, spot)
        else:
            _summary(view, whole)
        return
    with st.container(height=440, border=True, key="detail_pane"):
        if spot and st.button("Back to the list at this place", key="spot_back", icon=":material/arrow_back:"):
            ss["selected"] = None
            st.rerun(scope="fragment")
        st.html(detail_html(row))
        text = queries.document_text(row["doc_id"])
        if text:
            with st.expander("Source document text", icon=":material/article:"):
                st.html(document_html(text, row["char_start"], row["char_end"]))
        else:
            st.caption("The store keeps no text for this document (bundled demo data).")


def _empty_state(filters: Filters, windowed: bool) -> None:
    active = [md_text(line) for line in filters.without_window().describe() if line != "No filters (all events)"]
    if windowed and not active:
        st.info(f"No events between {filters.window_text()}. Widen the window (drag on the timeline, type "
                "other dates) or press **All dates** in the sidebar.")
    else:
        what = "; ".join(active) or "the filters"
        st.info(f"No events match {what}. Remove one of these filters in the sidebar, or press **Reset filters**."
                + (f" The time window ({filters.window_text()}) narrows it further." if windowed else ""))


def _share(filters: Filters, map_view: MapView) -> None:
    base, public = public_base_url(st.context.url)
    link = share_link(base, filters, ViewLink(ss.get("selected"), map_view, queries.store_version()))
    # drawn only once opened: st.code pulls in a 1.5 MB syntax-highlighter chunk that would otherwise be
    # loaded and run on every first paint, competing with the map
    share = st.expander("Share this view", icon=":material/link:", key="share_open", on_change="rerun")
    if not share.open:
        return
    with share:
        st.code(link, language=None, wrap_lines=True)
        if not public:
            st.caption("Set `EVENTSCAPE_PUBLIC_URL` to the address your team opens the app at, so a shared link "
                       "does not name this machine.")


def body() -> None:
    filters: Filters = sidebar.current_filters()
    base = queries.explore_view(filters, window=False)
    if base.is_empty():
        sidebar.sync_query_params(filters)
        _empty_state(filters, windowed=False)
        return
    # no filter: the version's pre-aggregated overview, not a pass over every event (ui.overview)
    overall = queries.unfiltered_overview() if is_unfiltered(filters) else None
    bounds = overall.bounds if overall else data_range(base)
    focus = overall.focus if overall else focus_range(base)
    assert bounds is not None and focus is not None
    bounds, focus = drawable(bounds), drawable(focus)  # an event in 1066 or 9999 stays listed, off the slider
    bucket = _bucket(focus)
    _take_timeline(bounds)
    started = ss.pop("_play_started", False)
    if ss["playing"] and (started or not ss.get("play_button")):  # a timer tick, or Play just pressed
        _advance(focus, bucket, base)
    window = _controls(bounds, focus, bucket, base)
    if window:  # the timeline always shows the window, even when it lies outside the focus
        focus = (min(focus[0], window[0]), max(focus[1], window[1]))
    filters = filters.with_window(*(window or (None, None)))
    view = base if window is None else apply_filters(base, Filters(start=filters.start, end=filters.end))
    whole = overall if window is None else None  # the view is every event of the version
    fitted = overall.fitted_view() if overall else fit_view(base)
    fitted_view = MapView(fitted.latitude, fitted.longitude, fitted.zoom)
    _take_selection()
    map_view = _map_view(fitted_view)
    sidebar.sync_query_params(filters, ViewLink(ss.get("selected"), ss.get("map_view"), queries.store_version()))

    # The timeline sits above the map but is sent after it: the browser starts loading deck.gl (a 3 MB
    # chunk, the slowest part of the first paint) before Vega, and draws the map sooner (docs/FIGURES.md).
    timeline_slot = st.container()
    located = view.height - view["lat"].null_count()
    st.markdown(
        f"**{view.height:,}** events in view (of {frame.height:,}) · {located:,} on the map"
        f" · window **{filters.window_text()}**"
    )
    note = ss.pop("_play_note", None)
    if note:
        st.caption(f"Playback: {note}.")
    stale = version_note(ss.get("_link_version"), queries.store_version())
    if stale:
        st.warning(stale, icon=":material/history:")
    if view.is_empty():
        _empty_state(filters, windowed=True)
    selected_row = queries.event_row(ss["selected"]) if ss.get("selected") else None
    col_map, col_detail = st.columns([3, 2])
    with col_map:
        aggregate = whole.aggregate if whole else None
        map_rows, threshold = (view, -1) if aggregate else queries.map_frame(view)
        deck, mode = build_deck(map_rows, load_basemap(), selected_id=ss.get("selected"), aggregate_threshold=threshold,
                                online_tiles=bool(ss.get("online_tiles")),
                                view=WORLD_VIEW if view.is_empty() else view_state(map_view), aggregate=aggregate)
        st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key=map_key(), height=440,
                        alt="Map of the events in view")
        _map_buttons(fitted_view, selected_row)
        if mode == "aggregate":
            st.caption(f"{located:,} located events: venue/city events binned per 1° cell; filter or narrow the "
                       "window to see single events.")
        st.html(legend_html_of(whole.legend, whole.timeline.types) if whole else legend_html(view))
    with timeline_slot:
        _timeline(base, window, bucket, focus, bounds, overall.timeline if overall else None)
    with col_detail:
        _detail(selected_row, view, whole)
    _share(filters, map_view)
    if not view.is_empty():
        _table(view, whole)
    wanted = SPEEDS.get(ss.get("play_speed") or "normal", 1.0) if ss["playing"] else None
    if ss.pop("_finished", False) or wanted != interval:
        st.rerun(scope="app")  # start, stop or re-time the fragment's timer


def _timeline(base: pl.DataFrame, window: tuple[dt.date, dt.date] | None, bucket: Bucket,
              focus: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date], precomputed: TimelineCounts | None = None) -> None:
    chart = timeline_chart(base, window, bucket, domain=focus, precomputed=precomputed)
    # explicit height: with width="stretch" Streamlit does not size a chart from its spec
    st.vega_lite_chart(chart.data, chart.spec, key="timeline", width="stretch", height=chart.height,
                       on_select="rerun", selection_mode=chart.selections)
    outside = base.filter((pl.col("date_end") < focus[0]) | (pl.col("date_start") > focus[1])).height
    if outside:
        st.caption(f"The timeline shows {focus[0]} to {focus[1]}, where most events fall; {outside:,} more "
                   f"(from {bounds[0]} to {bounds[1]}) are reached with the slider or typed dates.")


def _table(view: pl.DataFrame, whole: Overview | None) -> None:
    newest = queries.rows_for(whole.newest) if whole else queries.newest_rows(view, TABLE_LIMIT)
    table = event_table(newest, TABLE_LIMIT)
    ss["_table_ids"] = table["event_id"].to_list()
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
    if view.height > TABLE_LIMIT:
        st.caption(f"Showing the newest {TABLE_LIMIT:,} of {view.height:,} events.")


interval = SPEEDS.get(ss.get("play_speed") or "normal", 1.0) if ss["playing"] else None
st.fragment(run_every=interval)(body)()
