"""Presentation helpers for the Streamlit app.

Pure builders (DataFrame in, chart/deck/table/bytes out) live in the modules named
for what they build; ``ui.queries`` is the only module that touches Streamlit's
caches and ``ui.sidebar`` the only one that draws shared widgets.
"""
