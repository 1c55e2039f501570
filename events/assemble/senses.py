"""A trigger's PLOVER type read with its tense, its clause and its participants.

Requires: a trigger hit (``clauses.find_triggers``), its clause's text and the codes of its agents.
Sets: nothing; ``contextual_type`` returns the (type, mode) the event record carries.
The rules follow the PLOVER manual (``../shared/data/event-dictionaries/PLOVER_MANUAL.tex``) where it
is explicit, and PLOVER's coded sentences where the manual is silent.
"""

from __future__ import annotations

import re

from events.assemble.clauses import _COERCIVE, _COOPERATIVE, TriggerHit

_EXERCISES = frozenset(("exercise", "exercises", "drill", "drills", "war games", "manoeuvres", "maneuvers",
                        "military exercises"))
_JOINT = re.compile(r"\b(?:joint|combined|together|alongside)\b", re.I)
_PEACEKEEPERS = re.compile(r"\bpeace-?keep(?:ers?|ing)\b|\bblue helmets\b", re.I)
_IN_PROTEST = re.compile(r"\b(?:to protest|in protest|to demand|demanding)\b", re.I)
# what a state "withdraws" that is no force: PLOVER codes it SANCTION (withdraw), not a military RETREAT
_NON_MILITARY = frozenset("inspectors observers monitors diplomats diplomat ambassador envoy aid staff mission "
                          "personnel support recognition funding workers".split())


def contextual_type(hit: TriggerHit, clause_text: str, agents: set[str]) -> tuple[str, str]:
    """The PLOVER type of a trigger read with its clause and its participants (the PLOVER manual's rules):
    joint military exercises are COOPERATE, one state's are MOBILIZE; sending or landing peacekeepers is
    AID; withdrawing inspectors or diplomats is SANCTION; blocking streets "to protest" is a PROTEST.
    ``agents``: the codes of the clause's agents (two states' warships drilling together)."""
    etype, mode = plover_type(hit)
    low = clause_text.lower()
    lemma = hit.sense.lemma
    if hit.sense.event_type == "MOBILIZE" and lemma in _EXERCISES and (len(agents) >= 2 or _JOINT.search(low)):
        return ("AGREE" if etype == "AGREE" else "COOPERATE"), "military"
    if hit.sense.event_type in ("MOBILIZE", "CONSULT") and hit.sense.mode in ("troops", "visit") \
            and _PEACEKEEPERS.search(low):
        return ("AGREE" if etype == "AGREE" else "AID"), "peacekeeping"
    if hit.sense.event_type == "RETREAT" and lemma.startswith("withdr"):
        after = low[low.find(lemma[:6]):].split()[1:6]
        if any(w.strip(",.") in _NON_MILITARY for w in after):
            return ("THREATEN" if hit.tense == "future" else "SANCTION"), "withdraw"
    if etype in ("COERCE", "SANCTION") and hit.sense.mode in ("", "ban") and _IN_PROTEST.search(low) \
            and not _IN_PROTEST.search(low[:max(0, low.find(lemma[:4]))]):
        return "PROTEST", "demonstrate"
    return etype, mode


def plover_type(hit: TriggerHit) -> tuple[str, str]:
    """PLOVER codes an intention to cooperate ("will visit", "offered to help", "is willing to withdraw")
    as AGREE."""
    t = hit.sense.event_type
    if hit.tense == "future" and t in _COOPERATIVE:
        return "AGREE", hit.sense.mode or t.lower()
    if hit.tense == "future" and t in _COERCIVE:
        return "THREATEN", hit.sense.mode or t.lower()  # "would blockade Paris": a threat, made now
    return t, hit.sense.mode
