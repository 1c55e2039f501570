"""The place of a happening, read from the trigger's own clause.

Requires: a sentence's tokens and clause numbers, the trigger (``TriggerHit``) and the sentence's resolved
places (document offsets). Sets nothing; :func:`pick_place` returns the place and why it was chosen: a
locative phrase of the clause ("in/at/near X", "in a polarized part of north X"), the destination of a
visit, the target of an attack ("the bombing of a Springfield clinic"), an appositive capital ("the Kenyan
capital Nairobi") — never a demonym, an adjective or a name inside a longer name ("Warsaw Pact").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from events.assemble.clauses import (
    _CAPITAL,
    _LOCATIVE_PREP,
    _NO_PLACE_MODES,
    _PLACE_KINDS,
    _PLACE_MODIFIERS,
    _TARGET_PREP,
    _VISIT_TYPES,
    Token,
    TriggerHit,
    _covered,
)
from events.model import PlaceMention, Sentence

_NAME_GOES_ON = re.compile(r"^\s+(?:of\s+(?:the\s+)?[A-Z]|(?:Pact|Bank|University|College|Post|Times|Herald|Airlines?|"
                           r"Council|Treaty|Accords?|Convention|Group|Institute|Club|Exchange|Company|Corp|Inc|"
                           r"Agreement|Declaration|Process|Talks|Summit|Conference)\b)")


def in_longer_name(sent_text: str, end: int) -> bool:
    """A place word that a longer name goes on from ("Bay of Pigs", "Warsaw Pact", "Madrid Summit")."""
    return bool(_NAME_GOES_ON.match(sent_text[end:end + 40]))


SEVERAL_PLACES = "several places named"  # the reason given with no place when the clause names two cities
_TAKING = ("invad", "invasion", "occup", "annex", "seiz", "captur", "overr")  # "invaded Kuwait": the place taken
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten several many".split())


def _inside_noun_phrase(before: str) -> bool:
    """Whether a name opens a noun phrase ("the Ostra bombing", "three Atlanta attacks", "Monday's Ostra
    blast"), so it modifies the event word after it, rather than being a subject ("Ostra clashed")."""
    words = before.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in ("the", "a", "an", "this", "that", "its", "their", "his", "her") or last.isdigit() \
        or last in _NUMBER_WORDS or last.endswith(("'s", "’s"))


def _demonym(p: PlaceMention) -> bool:
    return p.why.startswith("adjective") or (p.text[:1].isupper() and p.text.endswith(("an", "ese", "ish", "i"))
                                             and p.text != p.name and p.precision == "country")


def pick_place(
    sent: Sentence,
    toks: Sequence[Token],
    clauses: Sequence[int],
    hit: TriggerHit,
    places: Sequence[PlaceMention],
    organisations: Sequence[tuple[int, int]],
    others: Sequence[TriggerHit] = (),
) -> tuple[PlaceMention | None, str]:
    """The place of the happening from the trigger's own clause (see module docstring)."""
    if hit.sense.mode in _NO_PLACE_MODES:
        return None, ""
    clause_of = {t.start: c for t, c in zip(toks, clauses, strict=True)}
    starts = [t.start for t in toks]

    def clause_at(off: int) -> int:
        lo = 0
        for k, s in enumerate(starts):
            if s <= off:
                lo = k
            else:
                break
        return clauses[lo] if toks else 0

    best: tuple[int, int, PlaceMention, str] | None = None
    locatives: list[PlaceMention] = []  # the cities the clause puts it "in", "at" or "near"
    for p in places:
        a, b = p.start - sent.start, p.end - sent.start
        if _demonym(p) or _covered(a, b, organisations) or in_longer_name(sent.text, b):
            continue
        named = [h for h in (hit, *others) if h.sense.event_type == hit.sense.event_type
                 and 0 < h.start - b <= 2 and p.precision in ("city", "admin")
                 and not sent.text[b:h.start].strip() and _inside_noun_phrase(sent.text[max(0, a - 24):a])]
        if named:
            # "the Atlanta attacks", "the Nairobi bombing": a place naming the happening, as a modifier
            reason = "place named before the event" if named[0] == hit else "place of the same happening named in the sentence"
            key = (48 if named[0] == hit else 38, -abs(a - hit.start))
            if best is None or key > best[:2]:
                best = (key[0], key[1], p, reason)
            continue
        if clause_at(a) != hit.clause:
            continue
        if any(h is not hit and h.sense.pos == "noun" and hit.end <= h.start < a for h in others):
            continue  # "investigate the genocide of Tutsis in Rwanda": the place of the nested happening
        before = sent.text[max(0, a - 50):a]
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", before)]
        if len(words) >= 2 and words[-1] == "of" and words[-2] in _PLACE_KINDS:
            del words[-2:]  # "near the town of Samarra", "in a polarized part of north Belfast"
            while words and words[-1] in _PLACE_MODIFIERS:
                words.pop()
            for skip in range(1, 4):  # "in a religiously polarized part of": adjectives before the head noun
                if len(words) > skip and words[-skip - 1] in _LOCATIVE_PREP:
                    del words[-skip:]
                    break
        while words and words[-1] in _PLACE_MODIFIERS:
            words.pop()  # "in northern Mali", "at the Kenyan capital's airport"
        prev = words[-3:]
        if len(words) >= 2 and words[-2] in ("based", "headquartered", "born") and words[-1] in _LOCATIVE_PREP:
            continue  # "a group based in Trinidad", "born in Prague": where someone is from, not where it happened
        score = 0
        reason = ""
        if prev and (prev[-1] in _LOCATIVE_PREP
                     or (len(prev) > 1 and prev[-2] in _LOCATIVE_PREP and prev[-1] in ("the", "a", "an"))):
            score, reason = 4, "locative phrase of the event's clause"
        elif hit.sense.mode in _VISIT_TYPES and prev and prev[-1] in ("to", "visited", "visit", "visiting", "toured", "touring", "left", "reached"):
            score, reason = 4, "destination of the visit"
        elif a >= hit.end and prev and prev[-1] in ("visited", "toured", "touring", "visiting", "left", "reached"):
            score, reason = 4, "place the trigger names"
        elif _CAPITAL.search(before):
            score, reason = 5, "appositive capital"
        elif hit.sense.event_type in ("ASSAULT", "COERCE", "MOBILIZE") and prev and prev[-1] in _TARGET_PREP \
                and 0 <= a - hit.end <= 30:
            score, reason = 3, "target of the attack"
        elif hit.sense.lemma.startswith(_TAKING) and 0 <= a - hit.end <= 6 \
                and sent.text[hit.end:a].strip().lower() in ("", "the"):
            score, reason = 3, "the territory invaded, occupied or annexed"
        if not score:
            continue
        rank = {"venue": 3, "city": 3, "admin": 2, "sea": 1, "country": 1}.get(p.precision, 0)
        key = (score * 10 + rank, -abs(a - hit.start))
        if reason.startswith("locative"):
            locatives.append(p)
        if best is None or key > best[:2]:
            best = (key[0], key[1], p, reason)
    if len({(p.name, p.country) for p in locatives}) > 1 and all(p.precision in ("city", "venue") for p in locatives):
        return None, SEVERAL_PLACES  # "met twice, once in Moscow and once in Beijing": no one pin is the place
    if best is None:
        return None, ""
    _c = clause_of  # noqa: F841 - kept for readability of clause lookups above
    return best[2], best[3]
