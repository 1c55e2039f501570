"""The trigger lexicon (``geodata/lexicon/triggers.json``) as a lookup over word sequences."""

from __future__ import annotations

import json
from functools import lru_cache

from events.assemble.clauses import TriggerSense
from events.resources import TRIGGERS_FILE


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, TriggerSense], dict[str, list[tuple[tuple[str, ...], TriggerSense]]], frozenset[str]]:
    data = json.loads(TRIGGERS_FILE.read_text(encoding="utf-8"))
    single: dict[str, TriggerSense] = {}
    nouns: dict[str, TriggerSense] = {}
    for pos, key in (("noun", "nouns"), ("verb", "verbs")):  # verbs win over nouns for a shared form
        for lemma, entry in data.get(key, {}).items():
            sense = TriggerSense(lemma, entry["type"], entry.get("mode", "") or "", pos)
            for form in entry.get("forms", [lemma]):
                single[form.lower()] = sense
                if pos == "noun":
                    nouns[form.lower()] = sense
    _NOUNS.clear()
    _NOUNS.update(nouns)
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerSense]]] = {}
    for entry in data.get("phrases", []):
        words = tuple(w.lower() for w in entry["words"])
        sense = TriggerSense(" ".join(words), entry["type"], entry.get("mode", "") or "", entry.get("pos", "verb"))
        phrases.setdefault(words[0], []).append((words, sense))
    for lst in phrases.values():
        lst.sort(key=lambda p: -len(p[0]))
    negative = frozenset(" ".join(n.lower().split()) for n in data.get("negative_contexts", []))
    return single, phrases, negative


_NOUNS: dict[str, TriggerSense] = {}
_DETERMINERS = frozenset("the a an this that these those his her its their our my your 's no any some every each".split())
_MAX_GAP = 3  # words a "*" in a phrase may stand for ("sent U.S. troops", "host leaders from 130 countries")


def _gapped(seq: tuple[str, ...], words: tuple[str, ...]) -> int:
    """Length of the match of a phrase with one "*" gap at the start of ``words``, or 0."""
    star = seq.index("*")
    head, tail = seq[:star], seq[star + 1:]
    if tuple(words[:len(head)]) != head:
        return 0
    for gap in range(0, _MAX_GAP + 1):
        at = len(head) + gap
        if any(w in (",", ";", ".", "and", "but") for w in words[len(head):at]):
            return 0
        if tuple(words[at:at + len(tail)]) == tail:
            return at + len(tail)
    return 0


def lookup(words: tuple[str, ...], prev: str = "") -> tuple[int, TriggerSense] | None:
    """Length and sense of the longest trigger starting at ``words[0]`` (lowercase words); ``prev`` is the
    word before, so that a negative context ("news conference") around the trigger blocks it."""
    if not words or words[0] not in trigger_words():
        return None  # most words start no trigger: the quick test before any phrase matching
    single, phrases, negative = _tables()
    for n in range(min(4, len(words)), 1, -1):
        if " ".join(words[:n]) in negative:
            return None
    if prev and f"{prev} {words[0]}" in negative:
        return None
    for seq, sense in phrases.get(words[0], ()):
        if "*" in seq:
            got = _gapped(seq, words)
            if got:
                return got, sense
        elif tuple(words[:len(seq)]) == seq:
            return len(seq), sense
    if prev in _DETERMINERS and words[0] in _NOUNS:
        return 1, _NOUNS[words[0]]  # "their meeting", "the attack": the noun reading
    found = single.get(words[0])
    return (1, found) if found else None


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Every single word that can start a trigger: a quick test of whether a sentence may hold an event."""
    single, phrases, _negative = _tables()
    return frozenset(single) | frozenset(phrases)
