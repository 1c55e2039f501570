"""Deep links on a fresh server go through ``app.py``.

Streamlit starts every server process in its legacy "pages/ directory" mode until
the first ``st.navigation`` call; in that mode a first request for ``/actors``
would run a file named ``pages/actors.py`` directly (no router, no sidebar) or,
when there is none, show a "page not found" dialog. The tiny ``pages/<url>.py``
shims call :func:`route`, which runs ``app.py``; its ``st.navigation`` then picks
the real page (``pages/<url>_page.py``) and the legacy mode ends for good.
"""

from __future__ import annotations

import runpy
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"


def route() -> None:
    runpy.run_path(str(APP), run_name="__main__")
