"""People and organisations referred to by a definite description: "the king", "the FBI chief", "the alliance".

Requires: the article text and the actor mentions already found in it (people among them).
Sets: extra person mentions, one per description that names an office held by a person named
earlier in the article ("King Hussein … the king met Saddam" -> the king is Hussein, JOR).

Method: each person mention keeps the office words written just before its name ("King",
"Foreign Minister", "FBI Director"). A description "the [Word] <office>" refers to the most
recent person named with an office of the same family, and to nobody when no one was. A
description refers back only; nothing here guesses a person the text has not named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from events.model import ActorMention

# office families: the words a description may use -> the titles written before a name that it picks up
_FAMILIES: dict[str, frozenset[str]] = {
    "monarch": frozenset({"king", "queen", "monarch", "emir", "sultan", "emperor", "empress", "crown prince", "prince"}),
    "president": frozenset({"president", "president-elect"}),
    "vice president": frozenset({"vice president"}),
    "prime minister": frozenset({"prime minister", "premier", "prime"}),
    "foreign minister": frozenset({"foreign minister", "foreign secretary", "secretary of state"}),
    "defence minister": frozenset({"defence minister", "defense minister", "defense secretary", "defence secretary"}),
    "minister": frozenset({"minister", "foreign minister", "defence minister", "defense minister",
                           "interior minister", "finance minister", "prime minister"}),
    "secretary": frozenset({"secretary", "secretary of state", "secretary-general", "secretary general",
                            "defense secretary", "foreign secretary"}),
    "chancellor": frozenset({"chancellor"}),
    "chief": frozenset({"director", "chief", "head", "chairman", "chairwoman", "commander", "leader"}),
    "general": frozenset({"general", "gen.", "gen", "commander"}),
    "senator": frozenset({"senator", "sen.", "sen"}),
    "governor": frozenset({"governor", "gov.", "gov"}),
    "ambassador": frozenset({"ambassador", "envoy"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
}
_DESCRIPTION_WORDS: dict[str, str] = {
    "king": "monarch", "queen": "monarch", "monarch": "monarch", "emir": "monarch", "sultan": "monarch",
    "emperor": "monarch", "president": "president", "vice president": "vice president",
    "prime minister": "prime minister", "premier": "prime minister", "foreign minister": "foreign minister",
    "secretary of state": "foreign minister", "defense minister": "defence minister",
    "defence minister": "defence minister", "defense secretary": "defence minister", "minister": "minister",
    "secretary": "secretary", "chancellor": "chancellor", "chief": "chief", "director": "chief",
    "chairman": "chief", "commander": "chief", "general": "general", "senator": "senator",
    "governor": "governor", "ambassador": "ambassador", "envoy": "ambassador", "spokesman": "spokesman",
    "spokeswoman": "spokesman",
}
_OFFICES = sorted({w for fam in _FAMILIES.values() for w in fam} | set(_DESCRIPTION_WORDS), key=len, reverse=True)
_OFFICE_RE = "|".join(re.escape(w) for w in _OFFICES)
# "the king", "the FBI chief", "the Israeli prime minister": a definite description of an office
_DESCRIPTION = re.compile(
    rf"\b[Tt]he\s+(?:(?:[A-Z][A-Za-z.]*|[a-z]+ian|[a-z]+ese)\s+)?(?P<office>{'|'.join(map(re.escape, sorted(_DESCRIPTION_WORDS, key=len, reverse=True)))})\b"
    r"(?!\s+(?:of|[A-Z]))"  # "the president of X", "the minister Ruiz" name their own referent
)
_TITLE_BEFORE = re.compile(rf"(?:^|\b)(?P<title>{_OFFICE_RE})\.?\s*(?:[A-Z][A-Za-z.]*\s+){{0,2}}$", re.I)


def _title_of(text: str, m: ActorMention) -> str:
    """The office written just before a person's name ("Foreign Minister Ruiz", "FBI Director Louis Freeh"),
    or opening the name as matched ("King Hussein")."""
    found = _TITLE_BEFORE.search(text[max(0, m.start - 40):m.start])
    if found:
        return found.group("title").lower()
    head = m.text.split()[0].lower().rstrip(".") if m.text.split() else ""
    return head if any(head in fam for fam in _FAMILIES.values()) else ""


def definite_people(text: str, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for the descriptions in ``text`` that refer to a person named earlier (see module doc)."""
    people = sorted((m for m in mentions if m.kind == "person" and m.code), key=lambda m: m.start)
    if not people:
        return []
    titled = [(m, _title_of(text, m)) for m in people]
    taken = [(m.start, m.end) for m in people]  # "the FBI chief" holds an organisation, not a person
    out: list[ActorMention] = []
    for found in _DESCRIPTION.finditer(text):
        start, end = found.start(), found.end()
        if any(a < end and start < b for a, b in taken):
            continue
        family = _FAMILIES[_DESCRIPTION_WORDS[found.group("office").lower()]]
        before = [(m, t) for m, t in titled if m.end <= start and t and t in family]
        if not before:
            continue
        ref = before[-1][0]
        out.append(ActorMention(start, end, found.group(0), ref.code, "person", ref.person,
                                f"coreference ('{found.group(0)}' is {ref.text})"))
    return out


# organisations referred to by what they are: "the alliance" is the alliance the article named last
_ORG_FAMILIES: dict[str, frozenset[str]] = {
    "alliance": frozenset({"NATO", "CSTO", "AUKUS", "QUAD"}),
    "cartel": frozenset({"OPEC"}),
    "bloc": frozenset({"EU", "ASEAN", "SCO", "BRICS", "AU", "ECOWAS", "MERCOSUR", "GCC", "CIS", "EAEU", "SADC", "CELAC"}),
    "league": frozenset({"LAS"}),
    "union": frozenset({"EU", "AU", "EAEU"}),
}
_ORG_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?:(?:[A-Z][a-z]+|[a-z]+(?:ern|ary|ic|al|ean|ian))\s+){0,2}(?P<kind>alliance|cartel|bloc|league|union)\b"
    r"(?!\s+(?:of|[A-Z]))"  # "the union of X", "the League Y" name their own referent
)


def definite_organisations(text: str, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """Mentions for "the alliance", "the Western military alliance", "the cartel", "the bloc": the most recent
    organisation of that kind named earlier in the article, and nothing when none was."""
    orgs = sorted((m for m in mentions if m.kind == "org" and m.code), key=lambda m: m.start)
    if not orgs:
        return []
    taken = [(m.start, m.end) for m in mentions]
    out: list[ActorMention] = []
    for found in _ORG_DESCRIPTION.finditer(text):
        start, end = found.start(), found.end()
        if any(a < end and start < b for a, b in taken):
            continue
        family = _ORG_FAMILIES[found.group("kind").lower()]
        before = [m for m in orgs if m.end <= start and m.code in family]
        if before:
            ref = before[-1]
            out.append(ActorMention(start, end, found.group(0), ref.code, "org", None,
                                    f"coreference ('{found.group(0)}' is {ref.text})"))
    return out
