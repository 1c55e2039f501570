"""Datelines: the line that says where (and sometimes when) a story was filed.

"NAIROBI, August 21 (Xinhua) --", "MOSCOW (Reuters) -", "THE HAGUE, Netherlands (AP)_",
"Beijing, November 26th—".  Each stage reads a different part of a dateline, so each has its
own pattern here, named for what it reads; they differ on purpose (tuned and scored per stage):

- ``HEADER_DATELINE`` — the place head before a full byline date ("WASHINGTON, April 12, 2017"):
  capitals, at the end of the header text before the date (pubdate, with a full date after it);
- ``yearless_dateline_pattern`` — "HARBIN, April 12 --": place, month and day, no year (pubdate);
- ``WIRE_DATELINE`` / ``is_wire_story`` — an agency story's opening line (pubdate);
- ``opens_paragraph_dateline`` — a paragraph that opens "Beijing, November 26th—" (temporal
  anchoring: "here today" in that paragraph counts from its date);
- ``story_dateline`` — place, region and "Month D" of a story's first line (assemble: where
  the story is reported from, and its report day);
- ``DATELINE_REACH`` / ``DATELINE_FOLLOWERS`` — a toponym near the start followed by a comma,
  bracket or dash opens a dateline (geo).
"""

from __future__ import annotations

import re

__all__ = ["AGENCY", "HEADER_DATELINE", "yearless_dateline_pattern", "WIRE_DATELINE", "WIRE_DATELINE_REACH",
           "is_wire_story", "opens_paragraph_dateline", "story_dateline", "DATELINE_REACH", "DATELINE_FOLLOWERS"]

# The agency tags a dateline carries ("(Xinhua)", "(AP)"), as a regex source.
AGENCY = r"\((?:Xinhua|AP|AFP|Reuters|UPI|dpa|ANI|IANS|PTI|TASS|Sputnik|Bloomberg|CNN|BBC|KUNA|WAM|SPA|APA|MENA)\)"

# --- pubdate --------------------------------------------------------------------------------------
HEADER_DATELINE = re.compile(rf"(?:^|\n)\s*[A-Z][A-Z .'\u2019-]{{2,}}(?:,\s*[A-Z][A-Za-z .]+)?,?\s*(?:{AGENCY}\s*)?$")
# "MOSCOW (Reuters) -" opening a story: a reprinted agency story, dated by its own line or not at all.
WIRE_DATELINE_REACH = 1500  # characters: a dateline opens the story, after its headline and byline
WIRE_DATELINE = re.compile(rf"(?m)^[ \t]*[A-Z][A-Z .'\u2019-]{{2,}}(?:,\s*[A-Za-z .]+)?\s*{AGENCY}\s*[-\u2013\u2014]")


def is_wire_story(text: str) -> bool:
    """Does the text open with an agency dateline ("MOSCOW (Reuters) -", "BEIJING (Xinhua) --")?"""
    return WIRE_DATELINE.search(text, 0, WIRE_DATELINE_REACH) is not None


def yearless_dateline_pattern(month: str, daynum: str) -> re.Pattern[str]:
    """"HARBIN, April 12 --": groups ``mon`` and ``day``.  ``month`` and ``daynum`` are the regex
    sources of a month name and a day number (the temporal lexicon's; passed in so that this
    package depends on nothing in ``events``)."""
    return re.compile(
        rf"(?:^|\n)\s*[A-Z][A-Za-z .'\u2019-]{{2,40}},\s*(?:[A-Z][A-Za-z .]+,\s*)?(?P<mon>{month})\s?(?P<day>{daynum})"
        rf"\s*(?:{AGENCY})?\s*(?:--|\u2014|\u2013|-|_|\()"
    )


# --- temporal anchoring: a paragraph's own dateline ------------------------------------------------
_PARAGRAPH_DATELINE_PLACE = re.compile(r"\s*[A-Z][A-Za-z .'\u2019-]{1,40},\s*")
_PARAGRAPH_DATELINE_DASH = re.compile(r"\s*(?:\([A-Za-z]+\)\s*)?(?:--|\u2014|\u2013|-)")
PARAGRAPH_DATELINE_REACH = 48  # characters from the paragraph's start to the date


def opens_paragraph_dateline(text: str, paragraph_start: int, start: int, end: int) -> bool:
    """text[start:end] is the date of a dateline opening the paragraph at ``paragraph_start``:
    a place and a comma before it, a dash after it ("Beijing, November 26th—")."""
    return start - paragraph_start <= PARAGRAPH_DATELINE_REACH \
        and bool(_PARAGRAPH_DATELINE_PLACE.fullmatch(text, paragraph_start, start)) \
        and bool(_PARAGRAPH_DATELINE_DASH.match(text, end))


# --- assemble: where the story is reported from ----------------------------------------------------
_STORY_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}))?"
    r"(?:,?\s+(?P<month>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2}))?"
    r"\s*(?:\((?:[A-Za-z-]+)\))?\s*(?:--|—|–|_|-|:)"
)
_LINE = re.compile(r"[^\n]+")
_DATE_ONLY = re.compile(r"^\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d)\s*$")


def story_dateline(text: str) -> tuple[str, str, str] | None:
    """(place, region, 'Month D' or '') of a story's dateline ("NAIROBI, August 21 (Xinhua) --",
    "THE HAGUE, Netherlands (AP)_"), or None."""
    m = None
    for line in _LINE.finditer(text[:400]):
        if _DATE_ONLY.match(line.group(0)) or not line.group(0).strip():
            continue  # the page's date line
        m = _STORY_DATELINE.match(line.group(0))
        break
    if m is None:
        return None
    place = m.group("place").strip()
    if len(place) < 3 or place in ("AP", "UPI", "AFP", "NEW", "THE"):
        return None
    month_day = f"{m.group('month')} {m.group('day')}" if m.group("month") else ""
    return place.title(), (m.group("region") or "").strip(), month_day


# --- geo: a toponym that opens a dateline ----------------------------------------------------------
DATELINE_REACH = 80  # a dateline's place starts within this many characters of the text's start
DATELINE_FOLLOWERS = (",", "(", "-", "—", "–")  # what follows the place: "LIMA, Peru —", "MOSCOW (Reuters) -"
