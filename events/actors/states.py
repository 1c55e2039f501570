"""Actor recognition: states, organisations and people named in a text.

Requires the shipped dictionary ``geodata/actors.json`` (see ``geodata/build_actors.py``).
Sets nothing; returns :class:`~events.model.ActorMention` values whose offsets
index the text given.

What counts as an actor mention:

* **States** by name ("China", "the United States", "U.S."), official name
  ("Islamic Republic of Iran"), adjective or demonym ("Chinese", "Peruvians"),
  combining form ("Sino-Peruvian" gives CHN and PER), state institution
  ("Kremlin", "White House", "PLA") and capital city.
* **Capitals** (the rule): a capital is always reported as its state, with
  ``via="capital metonym"`` when it stands for the government ("Beijing said",
  "Moscow's ambassador", "talks between Moscow and Beijing") and
  ``via="capital (place)"`` when a locative preposition or a visit word just
  before it makes it a place ("in Beijing", "visit to Moscow"). A host capital is
  a participant of the events held there, so both are useful to event assembly;
  callers that want strict actors pass ``include_capital_places=False``.
  "Brussels" as a metonym is the EU. A capital that is part of a longer name
  ("George Washington", "Washington Post", "Beijing Guoan") is no actor.
* **Organisations** by acronym or name variant ("UN", "Shanghai Cooperation
  Organisation", "Apec"). Organs of the UN ("UN Security Council", "UNGA")
  report the code ``UN`` and name the organ in ``via``.
* **People** (kind ``person``, code = their country or organisation) — see
  :mod:`events.actors.people`.

Look-alikes that are not actors are blocked by longest match: "Persian Gulf",
"Latin America", "South China Sea", "Indo-Pacific", "New Mexico", ...
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache

from events.actors.lexicon import Lexicon, canonical_form, lexicon, normalise
from events.actors.people import find_people
from events.model import ActorMention

__all__ = ["find_actors", "leader_terms"]

_LOCATIVE = frozenset(
    "in at to from near outside inside into across around via toward towards throughout "
    "within visit visits visited visiting trip arrived arrive arrives landed reached "
    "returned return leave left departed hosted held based central downtown suburban "
    "northern southern eastern western".split()
)
_NAME_PARTICLES = frozenset("de da do dos das del della di du van von der den le la bin ibn".split())
_NEXT_WORD = re.compile(r"\s*([\w'.-]+)")


def _prev_word(norm: str, start: int) -> str:
    """The word just before ``start`` (spaces allowed between), or ""."""
    i = start
    while i > 0 and norm[i - 1].isspace():
        i -= 1
    j = i
    while j > 0 and i - j < 40 and (norm[j - 1].isalnum() or norm[j - 1] in "_'.-"):
        j -= 1
    while j < i and not norm[j].isalpha():  # the word starts at its first letter
        j += 1
    return norm[j:i]


def _next_word(norm: str, end: int) -> str:
    m = _NEXT_WORD.match(norm, end, min(len(norm), end + 40))
    return m.group(1) if m else ""


def _is_shouting(norm: str, start: int, end: int) -> bool:
    """An all-caps short form inside an all-caps line ("LET US KNOW") is not an actor."""
    before, after = norm[max(0, start - 4) : start], norm[end : end + 4]
    return (len(before) == 4 and before[3] == " " and before[:3].isalpha() and before[:3].isupper()) or (
        len(after) == 4 and after[0] == " " and after[1:].isalpha() and after[1:].isupper()
    )


def _glued_suffix(norm: str, end: int) -> bool:
    """True for "Xi'an" (a word goes on after the apostrophe), False for "China's" or "Xi'"."""
    tail = norm[end + 1 : end + 4]
    if not tail[:1].isalpha():
        return False
    return not (tail[:1] == "s" and not tail[1:2].isalpha())


def _name_token(lex: Lexicon, word: str) -> bool:
    return word[:1].isupper() and not word.endswith(".") and word not in lex.ignore_tokens and word not in lex.forms


def _part_of_personal_name(lex: Lexicon, norm: str, start: int, end: int) -> bool:
    """'Jordan Peterson', 'Steve Holland': a state name next to a given name or surname."""
    nxt = _next_word(norm, end)
    if norm[end : end + 1] == " " and _name_token(lex, nxt.rstrip(",.;:")):
        return True
    return norm[start - 1 : start] == " " and _name_token(lex, _prev_word(norm, start))


def _actor_follows(lex: Lexicon, norm: str, pos: int) -> bool:
    m = lex.scanner.match(norm, pos)
    if m is None:
        return False
    entry = lex.forms.get(canonical_form(m.group()))
    return entry is not None and entry.kind in ("state", "org")


def _capital_role(lex: Lexicon, norm: str, start: int, end: int) -> str | None:
    """'capital metonym', 'capital (place)', or None when the capital is part of a longer name."""
    nxt = _next_word(norm, end)
    if nxt.rstrip(".,;:") in lex.capital_name_followers:
        return None
    if norm.startswith("-based", end):
        return "capital (place)"  # "a Beijing-based think tank"
    prev = _prev_word(norm, start)
    if prev in _NAME_PARTICLES:
        return None  # "Mario de Santiago"
    if (
        prev and prev[0].isupper() and prev not in lex.not_name_tokens
        and prev not in lex.title_heads and prev not in lex.title_modifiers
        and norm[start - 1 : start] == " " and canonical_form(prev) not in lex.forms
        and not prev.endswith(".")
    ):
        return None  # "George Washington", "Greater London"
    if norm.startswith("'s", end):
        return "capital metonym"
    before = norm[max(0, start - 40) : start].split()[-2:]
    if any(w.lower().strip(",") in _LOCATIVE for w in before):
        return "capital (place)"
    if norm.endswith(", ", 0, start) and before and before[-1][:1].isupper() and before[-1].endswith(","):
        return "capital (place)"  # "at the Guildhall, London"
    return "capital metonym"


def _states_and_orgs(
    lex: Lexicon, norm: str, text: str, include_capital_places: bool
) -> tuple[list[ActorMention], list[tuple[int, int, tuple[int, ...]]]]:
    """One pass of the dictionary scanner: state/org mentions, and person-form hits."""
    out: list[ActorMention] = []
    person_hits: list[tuple[int, int, tuple[int, ...]]] = []
    for m in lex.scanner.finditer(norm):
        start, end = m.span()
        form = canonical_form(m.group())
        entry = lex.forms.get(form)
        if entry is None or entry.kind == "blocked":
            continue
        if norm[end : end + 1] == "'" and _glued_suffix(norm, end):
            continue  # "Xi'an", "N'Djamena": an apostrophe inside a longer word
        if entry.kind == "person":
            person_hits.append((start, end, entry.people))
            continue
        via = entry.via
        if via == "combining form":
            end -= 1  # "Sino-" -> "Sino"
            if form[:-1] in lex.combining_needs_actor and not _actor_follows(lex, norm, end + 1):
                continue
        elif len(form) <= 3 and form.isupper() and _is_shouting(norm, start, end):
            continue
        elif form in lex.name_like_states and _part_of_personal_name(lex, norm, start, end):
            continue
        elif form in lex.needs_the_before and _prev_word(norm, start) not in ("the", "The"):
            continue
        code = entry.code
        if via == "capital":
            role = _capital_role(lex, norm, start, end)
            if role is None or (role == "capital (place)" and not include_capital_places):
                continue
            via = role
            if entry.kind == "org" and role == "capital (place)":
                code = lex.capital_place_states.get(form, "")  # "in Brussels" is Belgium's capital
                if not code:
                    continue
                out.append(ActorMention(start, end, text[start:end], code, "state", None, via))
                continue
        out.append(ActorMention(start, end, text[start:end], code, entry.kind, None, via))  # type: ignore[arg-type]
    return out, person_hits


@lru_cache(maxsize=8)
def _scan(text: str, include_capital_places: bool) -> tuple[str, tuple[ActorMention, ...], list[tuple[int, int, tuple[int, ...]]]]:
    """The date-independent part of :func:`find_actors` (states, organisations, person candidates), kept
    for the second reading of the same article on its publication date."""
    lex = lexicon()
    norm = normalise(text)
    states, person_hits = _states_and_orgs(lex, norm, text, include_capital_places)
    return norm, tuple(states), person_hits


def find_actors(
    text: str,
    *,
    on_date: dt.date | None = None,
    known_people: Mapping[str, str] | None = None,
    include_capital_places: bool = True,
) -> list[ActorMention]:
    """All actor mentions in ``text``, sorted by offset.

    ``on_date`` picks among homonyms and roles by terms of office ("Li" in 2024 is
    Li Qiang; "Rutte" in 2025 is NATO's). ``known_people`` maps names found earlier
    in the same article (surname or full name) to their code, so "Hichilema said"
    keeps ZMB after "Zambian President Hakainde Hichilema".
    """
    if not text:
        return []
    lex = lexicon()
    norm, states_t, person_hits = _scan(text, include_capital_places)
    states = list(states_t)
    people = find_people(lex, norm, text, states, person_hits, on_date, known_people or {})
    ships = _ships(text)
    if ships:  # "HMS Queen Elizabeth" names a ship, not the queen
        people = [p for p in people if not any(sh.start <= p.start and p.end <= sh.end for sh in ships)]
        states = [a for a in states if not any(sh.start < a.start and a.end <= sh.end for sh in ships)]
    states = [a for a in states if not (a.via == "adjective" and _ISM.match(text, a.end))]
    return sorted(states + people + ships, key=lambda a: (a.start, a.end))


# "oppose Japanese militarism", "Western imperialism": an adjective before an -ism names a doctrine, not a party
_ISM = re.compile(r"\s+[a-z]+isms?\b")


# Ship prefixes name the navy, hence the state: "the USS Carl Vinson" is a US actor.
_SHIP_PREFIX = {"USS": "USA", "USNS": "USA", "HMS": "GBR", "HMAS": "AUS", "HMCS": "CAN", "HMNZS": "NZL",
                "INS": "IND", "ROKS": "KOR", "JS": "JPN", "FS": "FRA", "TCG": "TUR", "ITS": "ITA", "BNS": "BGD"}
_SHIP = re.compile(r"\b(" + "|".join(_SHIP_PREFIX) + r")\s+(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,2}")


def _ships(text: str) -> list[ActorMention]:
    if not any(prefix in text for prefix in _SHIP_PREFIX):
        return []  # the usual case, told by a few substring tests instead of a scan with the regex
    return [ActorMention(m.start(), m.end(), m.group(0), _SHIP_PREFIX[m.group(1)], "state", None, "naval vessel")
            for m in _SHIP.finditer(text)]


def leader_terms(name: str) -> list[tuple[str, str, dt.date, dt.date | None]]:
    """Terms of office ``(code, role, start, end)`` of a person in the shipped dictionary.

    ``name`` may be the full name or a listed alias ("Putin", "Lula"); ``end`` is
    ``None`` while in office. Unknown names give ``[]``.
    """
    lex = lexicon()
    key = canonical_form(normalise(name))
    idx = lex.names_to_terms.get(key, ())
    terms = [lex.people[i] for i in idx]
    return sorted(((t.code, t.role, t.start, t.end) for t in terms), key=lambda r: r[2])
