"""Eventscape: router and shared sidebar. Pages live in ``pages/``; they read the
store only through ``ui.queries`` and never run the NLP pipeline themselves."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import asof, preload, queries, sidebar

# a bundled icon file: a ":material/…" page icon makes the browser fetch it from fonts.gstatic.com
st.set_page_config(page_title="Eventscape", page_icon=str(Path(__file__).parent / "ui" / "icon.png"), layout="wide")

# Page files are named *_page.py on purpose: Streamlit also routes files in pages/ by
# their stem, and a URL such as /actors matching a file would run that file without
# this router (no sidebar). Distinct stems keep every URL going through app.py.
PAGES = [
    st.Page("pages/explore_page.py", title="Explore", icon=":material/map:", url_path="home", default=True),
    st.Page("pages/actors_page.py", title="Actors & pairs", icon=":material/hub:", url_path="actors"),
    st.Page("pages/sources_page.py", title="Sources", icon=":material/description:", url_path="sources"),
    st.Page("pages/briefing_page.py", title="Briefing", icon=":material/download:", url_path="briefing"),
    # the default page is served at the root, never at its url_path: /explore needs its own (hidden) entry
    st.Page("pages/explore_page.py", title="Explore", icon=":material/map:", url_path="explore", visibility="hidden"),
]

page = st.navigation(PAGES)
# tighter top margin: the timeline and map should fit one 900 px screen
# the map's tooltip may reach past the map's edge instead of being cut off there
STYLE = ("<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem;padding-bottom:1rem}"
         "[data-testid='stDeckGlJsonChart'] div:has(.deck-tooltip){overflow:visible!important}"
         "[data-testid='stElementContainer']:has(.deck-tooltip){z-index:10}"
         "[data-testid='stLayoutWrapper']:has(>.st-key-page_head),.st-key-page_head{display:none}</style>")
if getattr(page, "title", None) == "Explore":  # the map's JavaScript starts loading with the page's first element (ui.preload)
    with st.container(key="page_head"):
        st.html(STYLE + preload.preload_script(preload.chunk_urls()), unsafe_allow_javascript=True)
else:
    st.html(STYLE)
asof.render()  # "as known on": which store version the pages show (?v=N)
st.session_state["filters"] = sidebar.render(queries.slim_events(), queries.documents(), queries.actor_options())
st.sidebar.caption(f"Store version {queries.store_version()} of {queries.latest_version()} · {queries.store_path()}")
page.run()
