"""Sentence bounds: where a sentence starts and ends.

Three readings, each tuned (and scored) for the stage that uses it; unifying them would change
what the pipeline extracts, so they stay side by side here:

- ``split_sentences`` — the body sentences events are read from (segment): a bullet opens a
  sentence, a break needs ``.!?…`` before a capital, a digit or a bullet, and a "sentence" of
  fewer than three characters is joined to the next.
- ``sentence_starts`` — the sentences dates are anchored in (temporal): a blank line, or a new
  line that opens with two capitals, also ends a sentence (headlines, datelines), and initials
  do not end one.
- ``sentence_around`` — a cheap window around one phrase (knowledge): the sentence breaks in a
  fixed reach either side, with any newline a break.

``rough_sentences`` cuts any text at every stop and newline (the fuzz tool harvests sentences
with it: abbreviations need not survive there).  ``clause_start`` is the cheapest of all: the last full stop or newline before a position.
``sentence_initial`` says whether a position opens a sentence (or a list item).
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "sentence_starts", "sentence_around", "clause_start", "sentence_initial", "rough_sentences",
           "BULLET"]

# --- split_sentences: body sentences (segment) -------------------------------------------------
BULLET = re.compile(r"^(?:[•·▪●◦‣∙*\-–]\s+)")
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep",
    "st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "fig", "eng", "rev", "hon", "pres",
}
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9•])""")
_ONE_LETTER = re.compile(r"[a-z]")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _last_word(text: str, start: int, end: int) -> str | None:
    """The run of non-space characters that ends text[start:end] (before a final newline), as
    ``re.search(r"(\\S+)$", ...)`` finds it, without that regex's scan of the whole sentence."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > start and not text[i - 1].isspace():
        i -= 1
    return text[i:end] if i < end else None


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end] (abbreviations and initials don't split)."""
    chunk = text[start:end]
    bullet = BULLET.match(chunk)
    offset = bullet.end() if bullet else 0
    spans: list[tuple[int, int]] = []
    sent_start = offset
    for m in _BOUNDARY.finditer(chunk, offset):
        before = chunk[sent_start:m.start() + 1]
        last = _last_word(chunk, sent_start, m.start()) if m.group(0)[0] == "." else None
        if last:
            token = last.lower().strip("(\"'“‘")
            if token in _ABBREV or _ONE_LETTER.fullmatch(token) or _INITIALS.fullmatch(token):
                continue
        if len(before.strip()) < 3:
            continue
        spans.append((start + sent_start, start + m.start() + len(m.group(0).rstrip())))
        sent_start = m.end()
    if sent_start < len(chunk) and chunk[sent_start:].strip():
        spans.append((start + sent_start, end))
    return spans


# --- sentence_starts: the sentences dates are anchored in (temporal) ---------------------------
# Candidate sentence ends; a full stop after an abbreviation ("U.S.", "Mr.", "Jan.") is dropped in code.
_SENT_BREAK = re.compile(r"[.!?][\"')\]']*\s+(?=[\"'`(\[]*[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"'`]{2})")
_ABBREVIATIONS = frozenset({"mr", "ms", "mrs", "dr", "st", "jr", "gen", "gov", "sen", "rep", "jan", "feb", "aug",
                            "sep", "sept", "oct", "nov", "dec", "col", "lt", "no", "co", "inc", "corp", "prof",
                            "vs", "v", "mt", "ft", "sgt", "capt", "adm", "maj", "cmdr", "messrs"})
_WORD_END = re.compile(r"(\w+)$")


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (0 first)."""
    starts = [0]
    for m in _SENT_BREAK.finditer(text):
        if text[m.start()] == ".":
            w = _WORD_END.search(text, max(0, m.start() - 12), m.start())
            if w and (w.group(1).lower() in _ABBREVIATIONS or (len(w.group(1)) == 1 and w.group(1).isupper())):
                continue
        starts.append(m.end())
    return starts


# --- sentence_around: a window around one phrase (knowledge) -----------------------------------
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])|\n")


def sentence_around(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """(start, end) of the sentence around text[start:end], looking at most ``reach`` characters
    either side (the window's edge when no break is found)."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    left = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        left = m.end()
    right_m = _SENTENCE_BREAK.search(text, end, hi)
    return left, right_m.start() if right_m else hi


# --- the cheapest readings ----------------------------------------------------------------------
_ROUGH_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def rough_sentences(text: str) -> list[str]:
    """``text`` cut after every ``.!?`` followed by space and at every newline (pieces unstripped)."""
    return _ROUGH_BREAK.split(text)


def clause_start(text: str, pos: int, reach: int) -> int:
    """Where the clause before ``pos`` starts: the last full stop or newline, at most ``reach`` back
    (the stop itself is included)."""
    return max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos), pos - reach)


def sentence_initial(text: str, pos: int) -> bool:
    """Nothing but quotes and spaces between the previous sentence end (or text start) and ``pos``."""
    before = text[max(0, pos - 6):pos].rstrip(" \t\n\"'`\u201c")
    return not before or before[-1] in ".!?:;\n\u2022\u00b7\u25aa\u25ba*\u2013\u2014"  # bullets and dashes start items
