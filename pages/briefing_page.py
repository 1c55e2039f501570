"""Briefing: download the current view as PNG, offline HTML, CSV, GeoJSON or JSON."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ui import briefing, queries, sidebar
from ui.filters import Filters, apply_filters

st.markdown("#### Briefing")
frame = queries.events()
filters: Filters = st.session_state.get("filters") or sidebar.current_filters()
view = apply_filters(frame, filters)
# the link reproduces the Explore view (the app's root) with these filters
base_url = (st.context.url or "http://localhost:8501/").split("?")[0]
base_url = base_url.removesuffix("/").removesuffix("/briefing") + "/"
stamp = briefing.Stamp.make(filters, base_url, queries.store_version(), view.height)

st.markdown("Every export carries this stamp, so a reader can reproduce exactly this view:")
st.code("\n".join(stamp.lines()), language=None, wrap_lines=True)
if view.is_empty():
    st.info("No events match the filters; exports would be empty.")

now = dt.datetime.now().strftime("%Y%m%d-%H%M")
cols = st.columns(5)
formats = [
    ("PNG image", "png", "image/png", lambda: briefing.to_png(view, stamp), "Timeline, map and table in one image."),
    ("Offline HTML", "html", "text/html", lambda: briefing.to_html(view, stamp),
     "Interactive map, timeline and table in one file that works without a network."),
    ("CSV", "csv", "text/csv", lambda: briefing.to_csv(view, stamp), "One row per event; stamp in # lines."),
    ("GeoJSON", "geojson", "application/geo+json", lambda: briefing.to_geojson(view, stamp),
     "Located events as points."),
    ("JSON", "json", "application/json", lambda: briefing.to_json(view, stamp), "All events with provenance."),
]
for col, (label, ext, mime, make, help_text) in zip(cols, formats, strict=True):
    col.download_button(label, data=make, file_name=f"eventscape-{now}.{ext}", mime=mime, key=f"dl_{ext}",
                        help=help_text, width="stretch", on_click="ignore", icon=":material/download:")

st.markdown("**Preview**")
if not view.is_empty():
    st.image(briefing.to_png(view.head(20000), stamp), caption="PNG export preview", width="stretch")
