"""A resource hint for the map's JavaScript, sent as the page's first element.

Streamlit loads deck.gl (one 3 MB chunk) only when the map element is drawn, after the sidebar's widgets
and the Explore page's controls have been rendered. A ``<link rel="modulepreload">`` added as soon as the
first element arrives lets the browser fetch and compile that chunk while the rest of the page is still
being built, so the map paints sooner (docs/FIGURES.md, issue 13). The chunk's name carries a content hash
that changes with the Streamlit release, so it is read from the installed package; when it is not found
nothing is sent and the page loads as before.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import streamlit

STATIC_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"
CHUNKS = ("DeckGlJsonChart",)


@lru_cache(maxsize=1)
def chunk_urls(static_js: Path = STATIC_JS, names: tuple[str, ...] = CHUNKS) -> tuple[str, ...]:
    """Page-relative URLs of the named chunks (``./static/js/Name.hash.js``) in the installed Streamlit."""
    found = []
    for name in names:
        files = sorted(static_js.glob(f"{name}.*.js")) if static_js.is_dir() else []
        if len(files) == 1:  # two builds side by side would be a broken install: hint nothing
            found.append(f"./static/js/{files[0].name}")
    return tuple(found)


def preload_script(urls: tuple[str, ...]) -> str:
    """A script that adds one ``modulepreload`` link per chunk to the document's head (once per page),
    resolved against the URL of Streamlit's own main script, so it works under any base path.
    Only our own constant file names go into it, JSON-encoded."""
    if not urls:
        return ""
    names = json.dumps([url.rsplit("/", 1)[-1] for url in urls])
    return ("<script>(() => { const main = document.querySelector('script[type=module][src*=\"/static/js/index.\"]');"
            " if (!main) return;"
            f" for (const name of {names}) {{ const href = new URL(name, main.src).href;"
            " if ([...document.head.querySelectorAll('link[rel=modulepreload]')].some(l => l.href === href)) continue;"
            " const link = document.createElement('link'); link.rel = 'modulepreload'; link.crossOrigin = ''; link.href = href;"
            " document.head.appendChild(link); } })();</script>")
