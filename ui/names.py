"""Names for actor codes, so pickers and charts speak "China", not "CHN".

Read from the shipped dictionaries in ``geodata/`` (no pipeline import): country
names from ``countries.json``, organisation names from ``actors_curated.json``,
and the leaders of each state from ``actors_leaders.json`` so a picker finds
China when the analyst types "Xi".
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from events import resources

LEADERS_SHOWN = 3
HEAD_ROLES = ("President", "Prime Minister", "Premier", "Chancellor", "King", "Queen", "General Secretary", "Leader",
              "Secretary General", "Secretary-General", "President of the European Commission", "Pope",
              "Director-General")


def _read(name: str) -> Any:
    path = resources.GEODATA / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Actor code -> display name (countries, then organisations and institutions)."""
    names: dict[str, str] = dict(resources.country_names())
    curated = _read("actors_curated.json")
    for group in ("organisations", "institutions"):
        for code, forms in (curated.get(group) or {}).items():
            if code not in names and forms:
                names[code] = str(forms[0])
    return names


@lru_cache(maxsize=1)
def leaders() -> dict[str, list[str]]:
    """Actor code -> leaders' names: heads of state, government or organisation first
    (current before past), then ministers and others."""
    terms: dict[str, list[tuple[bool, bool, str, str]]] = {}
    for person in _read("actors_leaders.json").get("people", []):
        who, code, role, start, end = person[0], person[1], person[2], person[3] or "", person[4]
        terms.setdefault(code, []).append((role in HEAD_ROLES, end is None, start, who))
    return {code: list(dict.fromkeys(who for *_, who in sorted(items, reverse=True)))
            for code, items in terms.items()}


def name(code: str) -> str:
    """"China" for "CHN"; the code itself when it is unknown."""
    return actor_names().get(code) or code.replace(":", " ")


def label(code: str) -> str:
    """What a picker shows and searches: "China (CHN) · Xi Jinping, Li Qiang".

    Streamlit's select boxes filter on the shown label, so the name, the code and
    the current leaders all find the actor.
    """
    known = name(code)
    head = f"{known} ({code})" if known != code else code
    people = leaders().get(code, [])[:LEADERS_SHOWN]
    return f"{head} · {', '.join(people)}" if people else head


def pair_label(a: str, b: str) -> str:
    return f"{name(a)} – {name(b)}"
