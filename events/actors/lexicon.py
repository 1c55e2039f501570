"""The actor dictionary, loaded once and compiled into scanners.

Requires ``geodata/actors.json`` (built by ``geodata/build_actors.py``).
Everything here is read-only and cached with ``lru_cache``: the first call
compiles one trie-shaped regular expression for every surface form (state,
organisation, leader, blocked look-alike), one for title words and one for
title complements, so scanning a text is a single left-to-right pass each.

Texts are matched after :func:`normalise`, a one-to-one character mapping
(typographic apostrophes, dashes and spaces to ASCII), so offsets never move.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from events.resources import ACTORS_FILE

ACTORS_PATH = ACTORS_FILE

# One-to-one replacements keep every offset valid in the original text.
_NORMALISE: tuple[tuple[str, str], ...] = (
    ("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u2032", "'"), ("`", "'"),
    ("\u2013", "-"), ("\u2010", "-"), ("\u2011", "-"), ("\u2212", "-"),
    ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u2007", " "),
)

UPPER = "".join(
    c for c in map(chr, range(0x41, 0x530)) if c.isalpha() and c.isupper()
)
UPPER_CLASS = "[" + re.escape(UPPER) + "]"


def normalise(text: str) -> str:
    """Map typographic apostrophes, dashes and spaces to ASCII, one char for one."""
    for old, new in _NORMALISE:  # str.replace is far faster than str.translate on long texts
        if old in text:
            text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class FormEntry:
    """What a dictionary surface form stands for."""

    code: str  # ISO3 / org code; "" for a blocked look-alike or a person form
    kind: str  # "state" | "org" | "person" | "blocked"
    via: str
    people: tuple[int, ...] = ()  # indices into Lexicon.people for person forms


@dataclass(frozen=True)
class Term:
    """One term of office from the shipped leaders dictionary."""

    name: str
    code: str
    role: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def distance(self, day: dt.date) -> int:
        """Days between ``day`` and the term (0 inside it)."""
        if day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, FormEntry]
    people: tuple[Term, ...]
    names_to_terms: dict[str, tuple[int, ...]]  # full name or alias -> term indices
    capital_name_followers: frozenset[str]
    capital_place_states: dict[str, str]
    combining_needs_actor: frozenset[str]  # "Euro-" only before another actor ("Euro-American")
    name_like_states: frozenset[str]
    needs_the_before: frozenset[str]  # "the Security Council" is the UN's; "Russia's Security Council" is not  # also given names or surnames ("Jordan Peterson", "Steve Holland")  # metonym-overridden capital -> its state as a place
    title_heads: frozenset[str]
    organisation_bases: dict[str, str]  # "HAMAS" -> "PSE": the state a non-state group acts from
    title_modifiers: frozenset[str]
    not_name_tokens: frozenset[str]
    anchor_heads: frozenset[str]  # titles whose country may come from a nameless mention
    ignore_tokens: frozenset[str]  # never part of a personal name: titles, modifiers, stop words
    scanner: re.Pattern[str]
    title_scanner: re.Pattern[str]
    complement_scanner: re.Pattern[str]


def _escape_char(c: str) -> str:
    return r"\s+" if c == " " else re.escape(c)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation shaped as a trie: fast, and longest alternative first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        terminal = "" in node
        branches = [_escape_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def bounded(pattern: str) -> str:
    """Wrap a pattern so it starts and ends on word boundaries (forms may end in '.' or '-')."""
    return r"(?<!\w)(?:" + pattern + r")(?!(?<=\w)\w)"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load ``geodata/actors.json`` and compile the scanners (once per process)."""
    with open(ACTORS_PATH, encoding="utf-8") as fh:
        data = json.load(fh)
    forms: dict[str, FormEntry] = {}
    for form in data["blocked"] + data["combining_blocked"]:
        forms[form] = FormEntry("", "blocked", "blocked look-alike")
    for form, code, kind, via in data["forms"]:
        if via == "combining form":
            for dash in ("-",):
                forms[form + dash] = FormEntry(code, kind, via)
        else:
            forms.setdefault(form, FormEntry(code, kind, via))
    people: list[Term] = []
    names_to_terms: dict[str, list[int]] = {}
    for i, (name, code, role, start, end, aliases) in enumerate(data["people"]):
        start_d = _date(start)
        assert start_d is not None, name
        people.append(Term(name, code, role, start_d, _date(end)))
        for alias in [name, *aliases]:
            names_to_terms.setdefault(alias, []).append(i)
    for alias, idx in names_to_terms.items():
        # A one-token full name ("Francis") is too ambiguous to scan for on its own.
        if alias in forms or (" " not in alias and "-" not in alias and alias == people[idx[0]].name):
            continue
        forms[alias] = FormEntry("", "person", "leaders dictionary", tuple(idx))
    titles = data["titles"]
    heads = frozenset(titles["heads"])
    scanner = re.compile(bounded(trie_pattern(forms)))
    title_scanner = re.compile(bounded(trie_pattern(heads)))
    complement_scanner = re.compile(
        r"\s+(?:of|for)\s+(?:" + trie_pattern(titles["complement_words"]) + r")(?!(?<=\w)\w)"
    )
    return Lexicon(
        forms=forms,
        people=tuple(people),
        names_to_terms={k: tuple(v) for k, v in names_to_terms.items()},
        capital_name_followers=frozenset(data["capital_part_of_name_after"]),
        capital_place_states=dict(data.get("capital_place_states", {})),
        combining_needs_actor=frozenset(data.get("combining_needs_actor", [])),
        name_like_states=frozenset(data.get("name_like_states", [])),
        needs_the_before=frozenset(data.get("needs_the_before", [])),
        title_heads=heads,
        title_modifiers=frozenset(titles["modifiers"]),
        not_name_tokens=frozenset(data["not_name_tokens"]),
        organisation_bases=dict(data.get("organisation_bases", {})),
        anchor_heads=frozenset(data["anchor_heads"]),
        ignore_tokens=frozenset(data["not_name_tokens"]) | heads | frozenset(titles["modifiers"]),
        scanner=scanner,
        title_scanner=title_scanner,
        complement_scanner=complement_scanner,
    )


def canonical_form(matched: str) -> str:
    """Collapse the whitespace a multi-word match may span (line breaks, double spaces)."""
    if " " not in matched and "\n" not in matched and "\t" not in matched:
        return matched
    return " ".join(matched.split())
