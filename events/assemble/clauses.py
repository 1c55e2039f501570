"""Trigger-argument event assembly: an event is a trigger with its arguments.

Requires: an article's body sentences, the date spans, actor mentions and resolved places
found in them (document offsets), the trigger lexicon, and the article's reference points
(publication day, dateline place, home country).
Sets: one ``Clause event`` per trigger that has a date — its own, one carried from the
narrative, or the report day for a news lead — with the participants, place and status
read from the trigger's own clause.

How arguments attach (shallow syntax, no parser):

* **Clauses** are cut at ``;``, at coordinators and subordinators after a comma
  (", and", ", but", ", while", ", which", ", who"), at "after"/"before"/"when"/"as"/
  "because"/"since" and at "that" after a reporting verb.
* **Triggers** are event verbs and nouns of the lexicon; a capitalised word inside a name,
  a word inside an actor or place mention and a negated verb are no triggers.
* **Dates** go to the nearest trigger of their clause (a date in another trigger's clause
  is never borrowed); a trigger without one takes the report day when its sentence is
  the article's lead or its verb is in the present perfect, or the day of the previous
  sentence's event when the narrative goes on in the past tense.
* **Places** come from a locative phrase of the trigger's clause ("in/at/near/outside X",
  "visited X", "over X", "invasion of X"), an appositive capital ("the Kenyan capital
  Nairobi"), or for a lead or a sentence saying "here", the dateline; never from a demonym,
  an adjective or a name inside an organisation's name; calls and statements get none.
* **Participants** are the actors of the trigger's clause, the subject of the sentence
  for a clause that starts with its verb ("arrived Monday and met …"), the previous
  sentence's agent for a pronoun subject; a role noun with no state ("police", "the army",
  "a federal court") belongs to the article's home country.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from events.assemble.nonacts import FORESEEN, not_an_act
from events.model import ActorMention, DateSpan, PlaceMention, Sentence
from events.text.tense import AUX_FUTURE, COMMITMENT_VERBS, INTENT_VERBS


@dataclass(frozen=True)
class TriggerSense:
    """What a trigger word means: PLOVER type and mode, and its part of speech."""

    lemma: str
    event_type: str
    mode: str
    pos: str  # "verb" | "noun"


TriggerLookup = Callable[[tuple[str, ...], str], "tuple[int, TriggerSense] | None"]
"""Given the lowercase words from a position on and the word before, the length and sense of the
longest trigger there."""


class Token(NamedTuple):
    """A word of a sentence; a named tuple, as a sentence makes dozens and a frozen dataclass costs twice as much."""

    start: int  # offsets in the sentence text
    end: int
    text: str
    low: str  # the lower-case text, read many times per token


@dataclass(frozen=True)
class TriggerHit:
    start: int  # sentence offsets
    end: int
    sense: TriggerSense
    tense: str  # "past" | "perfect" | "pluperfect" | "present" | "future" | "modal" | "none"
    passive: bool
    clause: int


@dataclass(frozen=True)
class ClauseEvent:
    """A trigger with its arguments, before it becomes an ``Event`` record."""

    sentence: Sentence
    trigger: TriggerHit
    event_type: str
    mode: str
    span: DateSpan | None  # None: the caller dates it from the discourse (see ``date_source``)
    date_source: str  # "own" | "lead" | "perfect" | "narrative"
    agents: tuple[ActorMention, ...]
    others: tuple[ActorMention, ...]
    home_role: str  # a role noun ("police") that stands for the home country, or ""
    place: PlaceMention | None
    place_reason: str
    status: str
    home: str = ""  # the state a national body ("the lower house") belongs to when the story just named it


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+(?:[.,]\d+)*|[;:,\"“”()—–]|--|_")
_AUX_MODAL = frozenset("would could may might can should must cannot".split())
_AUX_PERFECT = frozenset("has have 've".split())
_BE = frozenset("is are was were be been being am 's 're".split())
_NEGATION = frozenset("not n't never no".split())
_PAST_IRREGULAR = frozenset(
    "met sent took left made held struck shot fought sought told gave won began saw flew went came brought "
    "bought sold found led fled hit set put cut spoke broke threw withdrew drove rode ran stood kept "
    "paid laid bound seized arrested killed beat overthrew undertook upheld underwent forbade froze "
    "slew stole swore tore wrote chose rose fell".split()
)
_REPORTING = frozenset(
    "said says say told tells announced announces reported reports stated states added adds noted notes "
    "declared declares confirmed confirms claimed claims insisted insists warned warns explained".split()
)
_CLAUSE_AFTER_COMMA = frozenset("and but while whereas which who whom whose although though".split())
_CLAUSE_WORDS = frozenset("after before when as because since until while whereas although though if unless".split())
_THAT_DETERMINED = frozenset(
    "day week month year time morning afternoon evening night country city town man woman one case point".split()
)
_RELATIVE = frozenset("who whom whose which that".split())
_OPINION = frozenset("argues argued argue contends contended believes believed thinks thought reckons suggests "
                     "suggested speculated speculates predicts predicted".split())
_DECIDED = frozenset("decided voted resolved ruled".split())
_ATTEMPTED = frozenset("attempted tried".split())
_HEARSAY = frozenset("believed thought expected likely said supposed alleged reported rumoured rumored".split())
_NOUN_CONTEXT = frozenset(
    "the a an this that these those his her its their our my your no any some every each of for with about "
    "against 's such another".split()
)
_DURATIVE = re.compile(r"(?<!-)\b(?:since|so far|for (?:years|months|decades|weeks)|long|always|still|ever|"
                       r"once(?! again| more)|already|before)\b(?!-)", re.I)  # not "decades-long", "once again"
_SEQUENCE = re.compile(r"\b(?:then|later|afterwards?|subsequently|next|meanwhile|shortly after|soon after|"
                       r"the same day|that day)\b", re.I)
_STANCES = frozenset("oppose support back favour favor".split())  # "has opposed", "has backed": a stance, not a happening
_ARTICLES = frozenset("the a an this that these those his her its their our my your".split())
_LIGHT_VERBS = frozenset(
    "issued issue issues lodged lodge launched launch staged stage held hold holds began begin begins opened open "
    "undertook undertake conducted conduct carried made make gave give continued continue started start mounted "
    "announced announce declared declare completed complete ordered order "
    "sparked spark sparks triggered trigger triggers provoked provoke prompted touched set".split()
)
_PRONOUN_SUBJECT = frozenset("he she they it we".split())
_LOCATIVE_PREP = frozenset("in at near outside inside off over across aboard within".split())
_VISIT_TYPES = frozenset({"visit", "trip"})
_PLACE_MODIFIERS = frozenset(
    "the a northern southern eastern western central north south east west northeastern northwestern "
    "southeastern southwestern neighboring neighbouring nearby downtown suburban rural remote coastal "
    "border border-town".split()
)
_PLACE_KINDS = frozenset(
    "town city village province region district state port capital island county part area outskirts centre "
    "center suburb suburbs heart streets outskirt neighbourhood neighborhood coast coasts shores waters "
    "territory border borders north south east west interior".split()
)
_TARGET_PREP = frozenset("of on into against".split())  # "invasion of X", "attack on X"
_NO_PLACE_MODES = frozenset({"phone", "statement"})
_CAPITAL = re.compile(r"\b(?:the\s+)?(?:[A-Z][a-z]+\s+)?capital(?:,)?\s*$")
_HERE = re.compile(r"\bhere\b")


_PLURAL_REFERENCE = re.compile(r"\b(?:[Tt]hey|[Tt]heir|both (?:sides|leaders|countries|men|governments)|"
                               r"the two (?:sides|leaders|presidents|countries|ministers|men|premiers|nations|governments))\b")


def _clause_start(toks: Sequence[Token], clauses: Sequence[int], clause: int) -> int:
    return next((t.start for t, c in zip(toks, clauses, strict=True) if c == clause), 0)


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word = m.group()
        out.append(Token(m.start(), m.end(), word, word.lower()))
    return out


_FINITE = frozenset("is are was were has have had will would said says could can may might must did does".split())


def _verb_ahead(toks: Sequence[Token], i: int, reach: int = 6) -> bool:
    """Whether a finite verb comes within ``reach`` words (before the next comma)."""
    for tok in toks[i:i + reach]:
        low = tok.low
        if low == ",":
            return False
        if low in _FINITE or low in _PAST_IRREGULAR or (low.endswith("ed") and len(low) > 4 and not tok.text[:1].isupper()):
            return True
    return False


def _closing_report(toks: Sequence[Token], i: int) -> bool:
    """Whether the words from ``i`` are a short reporting clause that ends the sentence ("a newspaper
    reported Friday", "officials said on Tuesday"), not one that introduces what follows."""
    verb = next((j for j in range(i + 1, min(len(toks), i + 5)) if toks[j].low in _REPORTING), None)
    if verb is None or any(t.low in (",", ";", "that") for t in toks[i + 1:verb]):
        return False
    rest = [t.low for t in toks[verb + 1:]]
    return len(rest) <= 4 and not any(w in ("that", "it", "he", "she", "they", "we") for w in rest)


def clause_ids(toks: Sequence[Token]) -> list[int]:
    """A clause number for every token (see module docstring for where clauses are cut)."""
    ids: list[int] = []
    clause = 0
    top = 0  # the highest clause number given so far
    outer: list[int] = []  # clauses a parenthesis interrupted
    subordinate = False  # the current clause opened with a subordinator: its comma closes it
    for i, tok in enumerate(toks):
        low = tok.low
        prev = toks[i - 1].low if i else ""
        if low == "(":
            outer.append(clause)
            top += 1
            clause = top
            ids.append(clause)
            continue
        if prev == ")" and outer:
            clause = outer.pop()  # "(who is also …)" ends: the interrupted clause goes on
        cut = False
        if prev == "," and subordinate:
            cut = True
            subordinate = False
        if i == 0 or prev == ",":
            if low in _CLAUSE_WORDS or low in ("if", "in", "on", "at", "following") or (prev == "," and low in ("who", "which")):
                subordinate = low in _CLAUSE_WORDS or low in ("if", "who", "which") or (i == 0 and low == "following")
        if low == ";":
            cut = True
        elif prev == "," and low in _CLAUSE_AFTER_COMMA and (low != "and" or _verb_ahead(toks, i + 1)):
            cut = True  # ", and Nairobi, Kenya," lists; ", and Yeltsin claimed" opens a clause
        elif low in _CLAUSE_WORDS and i > 0 and prev not in ("the", "a", "and", "day", "week", "month", "year", "days", "weeks", "months", "years") \
                and not (low == "as" and i + 1 < len(toks) and toks[i + 1].low in ("a", "an", "the")
                         and not _verb_ahead(toks, i + 2)):
            cut = True  # but "denounced as an ugly crime Serbia's …": "as" before a bare noun phrase is a preposition
        elif low == "that" and i > 0 and prev not in ("so", "now", "such", "in", "of", "at", "on", "after", "before") \
                and (i + 1 >= len(toks) or toks[i + 1].low not in _THAT_DETERMINED):
            cut = True  # a complement or relative clause ("said that …", "a case that has blocked …")
        elif low.endswith("ing") and prev == "," and len(low) > 5:
            cut = True  # ", saying on Friday that …": a participial clause
        elif low in _REPORTING and prev == ",":
            cut = True  # "…, Freeh said" closes the quoted clause
        elif prev == "," and low in ("a", "an", "the", "officials", "police", "witnesses", "sources") \
                and _closing_report(toks, i):
            cut = True  # "…, a newspaper reported Friday": the reporting clause after the report
        if cut and ids:
            top += 1
            clause = top
        ids.append(clause)
    return ids


def _covered(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _tense(toks: Sequence[Token], i: int, sense: TriggerSense, reported: bool = False) -> tuple[str, bool, bool]:
    """(tense, passive, negated) of the trigger at token i from the words just before it; in reported
    speech ("said it would allow …") "would" is the speaker's future."""
    word = toks[i].low
    raw = [t.low for t in toks[max(0, i - 4):i]]
    negated = any(w in _NEGATION or w.endswith(("n't", "n’t")) for w in raw[-2:])
    before = [_uncontracted(w) for w in raw]
    passive = False
    if sense.pos == "verb":
        if before and before[-1] in _BE and (word.endswith("ed") or word in _PAST_IRREGULAR or word.endswith("en")):
            passive = True
    window = before[-3:]
    if any(w in AUX_FUTURE for w in window) or (reported and "would" in window):
        return "future", passive, negated
    if len(before) >= 2 and before[-1] == "to" and before[-2] in COMMITMENT_VERBS:
        return "future", passive, negated
    hearsay = (len(before) >= 2 and before[-1] == "to" and before[-2] in _HEARSAY) or (
        len(before) >= 3 and before[-1] in ("have", "be", "been") and before[-2] == "to" and before[-3] in _HEARSAY)
    if any(w in _AUX_MODAL for w in window) or hearsay:  # "is believed to have been", not "said they attempted to"
        return "modal", passive, negated
    if len(before) >= 2 and before[-1] == "to" and before[-2] in _ATTEMPTED:
        return "past", passive, negated  # "attempted to assassinate": PLOVER codes the attempt
    if len(before) >= 2 and before[-1] == "to" and before[-2] in _DECIDED:
        return "past", passive, negated  # "the court decided to allow him to run": the decision is the act, done
    if before and before[-1] == "to":
        # "plans to visit" is an intention; "paid for them to fly to Detroit" an infinitive dated by its clause
        return ("future" if len(before) > 1 and before[-2] in INTENT_VERBS else "infinitive"), passive, negated
    if "had" in window:
        return "pluperfect", passive, negated
    if any(w in _AUX_PERFECT for w in window) and (word.endswith("ed") or word.endswith("en")
                                                   or word in _PAST_IRREGULAR or passive or before[-1] in ("been",)):
        return "perfect", passive, negated
    if sense.pos != "verb":
        return "none", passive, negated
    if passive and before[-1] in ("is", "are", "am"):
        return "present", passive, negated  # "They are aided by Britain": a state of affairs
    if word.endswith("ed") or word in _PAST_IRREGULAR:
        return "past", passive, negated
    if word.endswith("ing"):
        if any(w in ("was", "were") for w in window):
            return "past", passive, negated
        return ("present" if any(w in ("is", "are", "am") for w in window) else "none"), passive, negated
    return "present", passive, negated


_CONTRACTED = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}


def _uncontracted(word: str) -> str:
    """The auxiliary of a negative contraction ("wouldn't" -> "would", "won't" -> "will")."""
    word = word.replace("’", "'")
    if word in _CONTRACTED:
        return _CONTRACTED[word]
    return word[:-3] if word.endswith("n't") and len(word) > 4 else word


# verbs of giving that date and tense the thing given ("will provide … aid", "delivered … weapons")
_GIVING = frozenset("provide provides provided providing supply supplies supplied supplying deliver delivers "
                    "delivered delivering".split())
# a strike by armed forces, not by workers: the words around it say which
_MILITARY_STRIKE = frozenset("air missile missiles military retaliatory ordered order launched launch drone rocket "
                             "artillery punitive cruise precision airstrikes bombing".split())
# agreements as documents: the object of "signed", "ratified", "rejected", not a happening of their own
_DOCUMENTS = frozenset("agreement agreements treaty treaties accord accords pact pacts deal deals protocol memorandum "
                       "contract contracts declaration communique charter convention".split())
# acts whose content is another act: "agreed to hold talks", "threatened to cut aid", "asked X to leave"
_GOVERNING = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT"})


def _opens_with_that(toks: Sequence[Token], clauses: Sequence[int], clause: int, after: int) -> bool:
    """Whether a clause is a "that" complement starting right after the governing word (within 2 tokens)."""
    first = next((k for k, c in enumerate(clauses) if c == clause), None)
    return first is not None and toks[first].low == "that" and first - _token_at(toks, after) <= 2


def _token_at(toks: Sequence[Token], offset: int) -> int:
    """The index of the first token that starts at or after a sentence offset."""
    return next((k for k, t in enumerate(toks) if t.start >= offset), len(toks))


_BASE_BEFORE = frozenset(
    "to will would shall should can could may might must do does did not n't never i we you they also and "
    "then jointly together formally officially".split()
)


def _finite_base(toks: Sequence[Token], i: int) -> bool:
    """Whether a verb's base form at token i is a verb: after "to", an auxiliary or a pronoun, or after a
    plural or named subject ("officials meet", "Russia and China sign")."""
    while i > 1 and toks[i - 1].low.endswith("ly") and len(toks[i - 1].low) > 4:
        i -= 1  # "soldiers routinely beat up detainees": an adverb between subject and verb
    prev = toks[i - 1]
    low = _uncontracted(prev.low)
    if low in _BASE_BEFORE or low in _AUX_MODAL or low in AUX_FUTURE:
        return True
    return prev.text[:1].isupper() or (low.endswith("s") and not low.endswith("ss") and low.isalpha())


def find_triggers(
    sent: Sentence,
    toks: Sequence[Token],
    clauses: Sequence[int],
    lookup: TriggerLookup,
    blocked: Sequence[tuple[int, int]],
    starts: frozenset[str] | None = None,
) -> list[TriggerHit]:
    """Event triggers of a sentence (sentence offsets), in text order. ``starts``: every word that can
    open a trigger (``lookup`` finds none at any other word), so that the other words cost one set test."""
    out: list[TriggerHit] = []
    lows = [t.low for t in toks]
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if not tok.text[:1].isalpha() or (starts is not None and tok.low not in starts):
            i += 1
            continue
        found = lookup(tuple(lows[i:i + 8]), lows[i - 1] if i else "")
        if found is None:
            i += 1
            continue
        length, sense = found
        if length == 1 and sense.pos == "verb" and i > 0 and (
                lows[i - 1] in _ARTICLES or (lows[i - 1] in _NOUN_CONTEXT
                                             and not tok.low.endswith(("ed", "ing")) and tok.low not in _PAST_IRREGULAR)):
            i += 1  # "the question", "their support", "the wounded": a verb form after a determiner names no act
            continue
        if length == 1 and sense.pos == "verb" and i > 0 and tok.low == sense.lemma and not _finite_base(toks, i):
            # "public support for", "a global embargo": a bare base form with no subject or auxiliary is a noun
            noun = lookup((lows[i],), "the")
            if noun is None or noun[1].pos != "noun":
                i += 1
                continue
            sense = noun[1]
        if sense.lemma == "strike" and sense.event_type == "PROTEST" and any(
                w in _MILITARY_STRIKE for w in lows[max(0, i - 3):i + length + 2]):
            sense = TriggerSense(sense.lemma, "ASSAULT", "", sense.pos)  # "ordered the strikes on Sudan"
        if not_an_act(lows, i, length, sense.lemma, sense.pos == "verb",
                      tok.low.endswith("ed") or tok.low in _PAST_IRREGULAR):
            i += length
            continue
        end_tok = toks[min(n, i + length) - 1]
        a, b = tok.start, end_tok.end
        capital = tok.text[:1].isupper() and i > 0 and lows[i - 1] not in ('"', "“", "(", "--", "_", ":")
        if capital or _covered(a, b, blocked):
            i += length
            continue
        tense, passive, negated = _tense(toks, i, sense, reported=any(w in _REPORTING for w in lows[:i]))
        if tense not in ("future", "modal") and any(lows[j] in ("can", "could", "may", "might")
                                                   for j in range(i) if clauses[j] == clauses[i]):
            tense = "modal"  # "Bush can call up reservists without seeking approval": a possibility
        if sense.pos == "noun" and tense == "none" and any(
                lows[j] in AUX_FUTURE or lows[j] == "would" for j in range(max(0, i - 4), i)) \
                and not any(lows[j] in (",", ";", "and", "but") for j in range(max(0, i - 4), i)):
            tense = "future"  # "will extend the curfew", "would tighten the blockade": the act is announced
        if sense.pos == "noun" and i > 0 and lows[i - 1] in FORESEEN:
            tense = "modal"  # "an imminent clash between Ford and GM": foreseen, not happened
        if any(lows[j] in _OPINION for j in range(max(0, i - 12), i) if clauses[j] != clauses[i]):
            tense = "modal"  # "Tim argues that the criticism stems from …": an opinion, not a happening
        if conditional_clause(toks, clauses, clauses[i]):
            tense = "modal"  # "If the family fails to file an appeal": a condition
        if i > 0 and lows[i - 1] == "to" and out and out[-1].clause == clauses[i] \
                and out[-1].end >= toks[max(0, i - 5)].start:
            i += length  # "invited to join", "urged Iraq to withdraw": the governing verb is the event
            continue
        if out and out[-1].clause == clauses[i] and out[-1].sense.event_type in _GOVERNING \
                and "to" in lows[_token_at(toks, out[-1].end):i]:
            i += length  # "agreed to undertake joint exercises": PLOVER codes the agreement, not its content
            continue
        if sense.pos == "noun" and tok.low in _DOCUMENTS and out and out[-1].sense.pos == "verb" \
                and out[-1].clause == clauses[i] and out[-1].end >= toks[max(0, i - 4)].start:
            i += length  # "signed a treaty", "ratified the accord": the document is what the verb acts on
            continue
        if out and out[-1].sense.event_type in _GOVERNING and clauses[i] == out[-1].clause + 1 \
                and _opens_with_that(toks, clauses, clauses[i], out[-1].end):
            i += length  # "demanding that Iraq withdraw": the demand is the event, the withdrawal its content
            continue
        if sense.pos == "noun" and out and out[-1].sense.pos == "verb" and out[-1].sense.event_type in _GOVERNING \
                and out[-1].clause == clauses[i] and out[-1].end >= toks[max(0, i - 4)].start \
                and not any(lows[j] in (",", ";") for j in range(_token_at(toks, out[-1].end), i)):
            i += length  # "demanded the withdrawal", "rejected an invitation": the demand or refusal is the event
            continue
        if sense.pos == "noun":
            light = next((j for j in range(max(0, i - 5), i) if lows[j] in _LIGHT_VERBS
                          and not any(w in ("and", "but", "to") for w in lows[j + 1:i])),
                         None)  # "launched a mass naval drill", "launched 10 days of war games"
            if light is None:  # "will provide nearly 25,000 tons of food aid": a verb of giving further back
                light = next((j for j in range(max(0, i - 8), i) if lows[j] in _GIVING), None)
            if light is not None and not any(lows[j] in (",", ";") for j in range(light, i)):
                # "issued an ultimatum", "lodged a protest", "held talks": the noun is the act, dated by its verb
                tense, passive, negated = _tense(toks, light, TriggerSense(lows[light], "", "", "verb"),
                                                 reported=any(w in _REPORTING for w in lows[:light]))
                sense = TriggerSense(sense.lemma, sense.event_type, sense.mode, "verb")
                if out and out[-1].start == toks[light].start and out[-1].sense.event_type not in _GOVERNING:
                    out.pop()  # "launched an offensive", "opened a hearing": the light verb's own sense yields
        if negated and tense == "future" and sense.event_type in _COOPERATIVE | {"AGREE"}:
            # PLOVER: refusing to meet, help or accept is a rejection ("will not accept refugees");
            # a past negation ("did not meet") is no happening at all
            sense = TriggerSense(sense.lemma, "REJECT", sense.event_type.lower(), sense.pos)
            negated = False
        if not negated:
            out.append(TriggerHit(a, b, sense, tense, passive, clauses[i]))
        i += length
    must = next((j for j in range(n) if lows[j] == "must"), None)
    if must is not None and any(w in _REPORTING for w in lows[:must]) and must + 1 < n:
        # "X said Y must withdraw": a demand (PLOVER REQUEST) by the speaker of the addressee
        if not any(h.start <= toks[must].start < h.end for h in out):
            out.append(TriggerHit(toks[must].start, toks[must].end, TriggerSense("must", "REQUEST", "demand", "verb"),
                                  "present", False, clauses[must]))
            out.sort(key=lambda h: h.start)
    return out


_POSSESSIVE = frozenset("its his her their".split())
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _possessor(toks: Sequence[Token], hit: TriggerHit) -> int | None:
    """The index of "its/his/her/their" before a noun trigger ("its 1990 invasion", "their surprise attack")."""
    if hit.sense.pos != "noun":
        return None
    idx = next((k for k, t in enumerate(toks) if t.start == hit.start), None)
    if idx is None:
        return None
    for k in range(idx - 1, max(-1, idx - 4), -1):
        if toks[k].low in _POSSESSIVE:
            return k
        if not (toks[k].text.isdigit() or toks[k].text[:1].islower() or toks[k].low.rstrip(".") in _MONTHS) \
                or toks[k].low in _ARTICLES:
            return None  # "its 1990 invasion", "his Aug. 2 power grab": a date may stand between
    return None


def clause_actors(
    sent: Sentence,
    toks: Sequence[Token],
    clauses: Sequence[int],
    hit: TriggerHit,
    actors: Sequence[ActorMention],
) -> tuple[list[ActorMention], list[ActorMention]]:
    """(agents, others): actors of the trigger's clause before and after it."""
    starts = [t.start for t in toks]

    def clause_at(off: int) -> int:
        k = 0
        for j, s in enumerate(starts):
            if s <= off:
                k = j
            else:
                break
        return clauses[k] if toks else 0

    agents: list[ActorMention] = []
    others: list[ActorMention] = []
    for m in actors:
        a = m.start - sent.start
        if clause_at(a) != hit.clause:
            continue
        (agents if a < hit.start else others).append(m)
    first = next((k for k, c in enumerate(clauses) if c == hit.clause), None)
    if first is not None and hit.clause > 0 and not agents:
        opener = [t.low for t in toks[first:first + 2]]
        if opener and (opener[0] in _RELATIVE or opener[:2] == ["with", "whom"]):
            # "X, who were invited …", "Saddam, with whom the king met": the antecedent takes part
            antecedent = [m for m in actors if clause_at(m.start - sent.start) == hit.clause - 1]
            agents = antecedent[-3:] if hit.passive or opener[0] in ("who", "which", "that") else []
            if opener[:2] == ["with", "whom"]:
                others = antecedent[-1:] + others
    ends = [k for k, c in enumerate(clauses) if c == hit.clause]
    if ends and ends[-1] + 1 < len(toks) and toks[ends[-1] + 1].low == "that" and hit.sense.pos == "verb":
        # "demanded that the US cancel …", "urged that Iraq …": the complement's subject is addressed
        nxt = clauses[ends[-1] + 1]
        after = [m for m in actors if clause_at(m.start - sent.start) == nxt]
        others = others + after[:2]
    if hit.sense.lemma == "must":
        # "Russia said on Tuesday that Sudan must return …": the speaker demands of the addressee
        said = next((k for k, t in enumerate(toks) if t.low in _REPORTING and t.start < hit.start), None)
        if said is not None:
            speaker = [m for m in actors if m.end - sent.start <= toks[said].start]
            addressed = [m for m in actors if m.start - sent.start > toks[said].end]
            if speaker:
                return speaker[-2:], addressed
    if hit.sense.event_type == "THREATEN" or hit.sense.lemma.startswith("threat"):
        # "Russia threatened to stop talks if the United States goes ahead": the condition names the target
        later = [c for c in sorted(set(clauses)) if c > hit.clause]
        cond = next((c for c in later if toks[clauses.index(c)].low in ("if", "unless")), None)
        if cond is not None:
            others = others + [m for m in actors if clause_at(m.start - sent.start) == cond and m not in others]
    owner = _possessor(toks, hit)
    if owner is not None:
        # "sanctions imposed on Iraq after its 1990 invasion of Kuwait": the possessive names the nearest
        # participant before it as the one who acted
        before = [m for m in actors if m.end - sent.start <= toks[owner].start and m.kind in ("state", "person")]
        if before and before[-1] not in others:
            agents = [before[-1]]
    if hit.passive and not (first is not None and toks[first].low in _RELATIVE):  # "X was arrested (by Y)"
        by = sent.text.find(" by ", hit.end)
        after_by = [m for m in others if by >= 0 and m.start - sent.start > by]
        agents, others = after_by, agents + [m for m in others if m not in after_by]
    return agents, others


def subject_actors(sent: Sentence, toks: Sequence[Token], clauses: Sequence[int], actors: Sequence[ActorMention],
                   first_trigger: int) -> list[ActorMention]:
    """The actors named before the sentence's first trigger in its first clause: its subject."""
    return [m for m in actors if m.start - sent.start < first_trigger]


def relative_clause(toks: Sequence[Token], clauses: Sequence[int], clause: int) -> bool:
    """A clause opened by "which", "who", "whose": it describes, it does not tell."""
    first = next((k for k, c in enumerate(clauses) if c == clause), None)
    return first is not None and first > 0 and toks[first].low in ("which", "who", "whose")


def conditional_clause(toks: Sequence[Token], clauses: Sequence[int], clause: int) -> bool:
    """A clause opened by "if" or "unless" states a condition, not a happening."""
    first = next((k for k, c in enumerate(clauses) if c == clause), None)
    return first is not None and toks[first].low in ("if", "unless")


def pronoun_subject(text: str) -> bool:
    first = re.match(r"[\"“]?\s*([A-Za-z]+)", text)
    return bool(first and first.group(1).lower() in _PRONOUN_SUBJECT)


def here_or_lead(text: str, is_lead: bool) -> bool:
    return is_lead or bool(_HERE.search(text))


_FRONTED = frozenset("after before while when since following during upon".split())


def _main_subject(sent: Sentence, toks: Sequence[Token], clauses: Sequence[int],
                  actors: Sequence[ActorMention]) -> list[ActorMention]:
    """The actors that open the clause after a fronted subordinate clause, up to its first verb."""
    first_clause = clauses[0]
    nxt = next((k for k, c in enumerate(clauses) if c != first_clause), None)
    if nxt is None:
        return []
    end = next((t.start for t in toks[nxt:] if t.low in _REPORTING or t.low in _FINITE
                or (t.low.endswith("ed") and len(t.low) > 4)), toks[-1].end)
    return [m for m in actors if toks[nxt].start <= m.start - sent.start < end]


def _retold(told: Sequence[tuple[str, frozenset[str], DateSpan]], etype: str, codes: set[str]) -> DateSpan | None:
    """The date of the one earlier happening of this kind that shares a participant, if exactly one."""
    same = {(span.date_start, span.date_end): span for kind, who, span in told
            if kind == etype and codes and who & codes}
    return next(iter(same.values())) if len(same) == 1 else None


def _definite(toks: Sequence[Token], hit: TriggerHit) -> bool:
    """A noun trigger with a definite determiner ("the attack", "that bombing", "its invasion")."""
    idx = next((k for k, t in enumerate(toks) if t.start == hit.start), 0)
    before = [t.low for t in toks[max(0, idx - 4):idx]]
    return any(w in ("the", "that", "this", "its", "their", "his", "her") for w in before)


def status_for(hit: TriggerHit, text: str, future_date: bool) -> str:
    if hit.tense == "future" or future_date:
        return "planned"
    if hit.tense == "modal":
        return "hypothetical"
    if re.search(r"\b(?:reportedly|allegedly|according to|purportedly|unconfirmed)\b", text, re.I):
        return "reported"
    return "occurred"


_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# happenings that take place where the story is filed when it names no other place (a call, a statement,
# a demand or an accusation can be made from anywhere)
_HAPPENS_SOMEWHERE = frozenset({"CONSULT", "ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AGREE", "AID", "OTHER"})
_COERCIVE = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "PROTEST"})


def day_span(day: dt.date, text: str, anchor: str, anchored_on: str, start: int, end: int) -> DateSpan:
    from events.model import Timex

    return DateSpan(Timex(start, end, text, "DATE", day.isoformat()), day, day, "day", anchor,  # type: ignore[arg-type]
                    anchored_on)
