"""Briefing: the current view as a PNG page, offline HTML, CSV (+ stamp), GeoJSON, JSON and a GIF."""

from __future__ import annotations

import streamlit as st

from ui import briefing, figures, queries, sidebar
from ui.filters import Filters, apply_filters
from ui.links import ViewLink, public_base_url

st.markdown("#### Briefing")
st.caption("Download the view you built on Explore — same filters, same time window — ready for a briefing. "
           "Every file names how it was made, so a reader can reopen exactly this view.")
frame = queries.events()
filters: Filters = st.session_state.get("filters") or sidebar.current_filters()
view = apply_filters(frame, filters)
base_url, public = public_base_url(st.context.url)

c_title, c_size = st.columns([3, 1])
title = c_title.text_input("Title", key="brief_title", max_chars=120, placeholder="e.g. China–Russia contacts, 2017")
size = c_size.selectbox("PNG page", list(figures.PAGE_SIZES), key="brief_size")
notes = st.text_area("Notes", key="brief_notes", max_chars=600, height=80,
                     placeholder="What the reader should take from this view (shown under the title).")
link_view = ViewLink(event=st.session_state.get("selected"), map_view=st.session_state.get("map_view"))
stamp = briefing.Stamp.make(filters, base_url, queries.store_version(), view.height, title=title, notes=notes,
                            view=link_view)

st.markdown("Every export carries this stamp:")
st.code("\n".join(stamp.lines()), language=None, wrap_lines=True)
if not public:
    st.caption("The link names this machine's address. Set `EVENTSCAPE_PUBLIC_URL` to the address your team "
               "opens Eventscape at, and links will name that.")
if view.is_empty():
    st.info("No events match the filters, so the exports would be empty. Change the filters in the sidebar or the "
            "window on Explore.")
    st.stop()

stem = briefing.file_stem(stamp)
formats = [
    ("PNG page", "png", "image/png", lambda: briefing.to_png(view, stamp, size),
     "Title, notes, timeline, fitted map with labels and a wrapping table on one page."),
    ("Offline HTML", "html", "text/html", lambda: briefing.to_html(view, stamp),
     "Interactive map, timeline and table in one file that works without a network."),
    ("CSV", "csv", "text/csv", lambda: briefing.to_csv(view, stamp),
     "One row per event, oldest first, the analyst's columns; opens in any reader as it is."),
    ("CSV stamp", "json", "application/json", lambda: briefing.csv_sidecar(stamp),
     "The stamp and column notes of the CSV, as a sidecar JSON with the same name."),
    ("GeoJSON", "geojson", "application/geo+json", lambda: briefing.to_geojson(view, stamp),
     "Located events as points."),
    ("JSON", "full.json", "application/json", lambda: briefing.to_json(view, stamp),
     "Every event's full record with provenance."),
    ("Playback GIF", "gif", "image/gif", lambda: briefing.to_gif(view, stamp),
     "The playback as an animation (10–24 frames), the stamp on every frame."),
]
cols = st.columns(len(formats))
for col, (label, ext, mime, make, help_text) in zip(cols, formats, strict=True):
    col.download_button(label, data=make, file_name=f"{stem}.{ext}", mime=mime, key=f"dl_{ext}",
                        help=help_text, width="stretch", on_click="ignore", icon=":material/download:")
if not figures.mp4_available():
    st.caption("MP4 of the playback needs `ffmpeg`, which is not installed here; the GIF has the same frames.")

st.markdown("**Preview**")
st.image(briefing.to_png(view.head(20000), stamp, size), caption="PNG export preview", width="stretch")
