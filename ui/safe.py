"""Text that came from a document, a file name or a link, made safe for where it is shown.

Streamlit renders Markdown (links, images, ``:material/…:`` icons, ``:red[…]`` colours, LaTeX)
in captions, messages, headings and button labels; a name such as ``![n](http://host/x.png)``
would make every viewer's browser fetch that URL. ``md`` shows such text literally. ``one_line``
keeps a value on one line (stamps, CSV comment lines). ``cell`` stops a spreadsheet from running
a value as a formula. ``drawable`` and ``fit_window`` keep dates inside what the widgets can draw.
"""

from __future__ import annotations

import datetime as dt
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_BREAKS = re.compile(r"[\t\r\n\x0b\x0c\u2028\u2029\x85]+")
# every ASCII punctuation character CommonMark lets a backslash escape, plus what Streamlit adds
# (":" for icons/emoji/colour directives, "$" for LaTeX, "~" for strike-through)
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=\"'&%^@/?;,])")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def one_line(text: object, limit: int | None = None) -> str:
    """``text`` as one line: line breaks and tabs become spaces, other control characters go."""
    flat = _CONTROL.sub("", _BREAKS.sub(" ", str(text))).strip()
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def md(text: object, limit: int | None = None) -> str:
    """``text`` for a Markdown context (caption, message, heading, button label), shown literally."""
    return _MARKDOWN.sub(r"\\\1", one_line(text, limit))


def cell(value: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula (leading ``= + - @``, tab or CR)."""
    return "'" + value if value[:1] in FORMULA_START else value


# Streamlit's date slider sends microseconds since 1970 as a JavaScript number, exact only within
# 2**53 (1684-07-29 to 2255-06-04); the timeline adds a day or a month past its last date.
DRAWABLE = (dt.date(1700, 1, 1), dt.date(2250, 12, 31))


def drawable(bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """``bounds`` clamped to ``DRAWABLE``, at least one day long (events outside stay in the data)."""
    lo = min(max(bounds[0], DRAWABLE[0]), DRAWABLE[1] - dt.timedelta(days=1))
    hi = max(min(bounds[1], DRAWABLE[1]), lo + dt.timedelta(days=1))
    return lo, hi


def fit_window(
    start: dt.date | None, end: dt.date | None, bounds: tuple[dt.date, dt.date] | None
) -> tuple[tuple[dt.date, dt.date] | None, str]:
    """A window from a link, clamped to the data's range (and to ``DRAWABLE``); and a notice when it moved."""
    if start is None or end is None:
        return None, ""
    lo, hi = drawable(bounds) if bounds is not None else DRAWABLE
    a, b = sorted((start, end))
    a, b = min(max(a, lo), hi), min(max(b, lo), hi)
    if (a, b) == (start, end):
        return (a, b), ""
    return (a, b), (f"The link's time window {start.isoformat()} to {end.isoformat()} lies outside the data's "
                    f"dates ({lo.isoformat()} to {hi.isoformat()}); showing {a.isoformat()} to {b.isoformat()}.")
