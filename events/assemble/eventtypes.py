"""Event typing: trigger words → PLOVER category, mode and a short label.

PLOVER (the Political Language Ontology for Verifiable Event Records) is the
successor of CAMEO; its categories are the ``event_type`` values.  The lexicon is
ordered: the first matching rule wins, so specific triggers come before general
ones.  Each rule: (regex over the sentence, PLOVER type, mode, noun label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from events.text.tense import STATUS_FUTURE

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
)

_RULES: tuple[tuple[str, str, str, str], ...] = (
    # phone and video calls before generic "talks"
    (r"\b(?:(?:spoke|speaks|speak|talked|talks?|held talks|conversation|call(?:ed)?)\b.{0,90}?\b(?:by|over the|on the|via)\s+(?:tele)?phone|phone call|telephone (?:call|conversation|talks)|video (?:call|link|conference)|virtual (?:meeting|summit|talks))", "CONSULT", "phone", "call"),
    (r"\b(?:inaugurat\w*|opening ceremony|unveil\w*|commissioned|groundbreaking)\b", "COOPERATE", "", "inauguration"),
    (r"\b(?:summit|forum|conference|heads of (?:state|government) (?:meeting|council)|plenary|congress|assembly|session)\b", "CONSULT", "multilateral", "summit"),
    (r"\b(?:state visit|official visit|visit(?:s|ed|ing)?|travel(?:s|ed|led|ing)? to|trip to|arriv(?:ed|es|ing|al) in|tour(?:ed)?|flew to|landed in)\b", "CONSULT", "visit", "visit"),
    (r"\b(?:met|meet(?:s|ing)?|spoke with|talks|held talks|consult\w*|receiv(?:ed|es) (?:\w+ ){0,6}?(?:at|in)\b|receiv(?:ed|es|ing) (?:the )?(?:visiting )?(?-i:[A-Z])\w*|hosted|host(?:s|ing)?|discuss\w*|dialogue|negotiat\w*|round of)\b", "CONSULT", "meeting", "meeting"),
    (r"\b(?:sign(?:ed|s|ing)?|agree(?:d|ment|s)?|accord|treaty|memorandum|deal|pact|partnership|established diplomatic relations|normali[sz]\w*|resum\w* (?:of )?(?:diplomatic )?relations|ratif\w*|joint statement|communiqu[eé])\b", "AGREE", "", "agreement"),
    (r"\b(?:sanction\w*|tariff\w*|anti-dumping|anti-subsidy|embargo\w*|export controls?|ban(?:ned|s)?|blacklist\w*|restrict\w*|expel\w*|freez\w* (?:assets|accounts))\b", "SANCTION", "", "sanctions"),
    (r"\b(?:invad\w*|invasion|annex\w*|attack\w*|strike[sd]?|struck|bomb(?:s|ed|ing|ings|ers?)?|shell(?:ed|ing|ings)|missile strikes?|air ?strikes?|kill(?:ed|ing)|shot down|clash\w*|fighting|war on)\b", "ASSAULT", "", "attack"),
    (r"\b(?:drills?|exercises?|manoeuvres?|maneuvers?|patrols?|deploy\w*|dispatch\w*|mobili[sz]\w*|troops|warships?|vessels|convoy|stationed|military build-?up)\b", "MOBILIZE", "", "military deployment"),
    (r"\b(?:launch(?:ed|es)?|open(?:ed|s)|set (?:off|sail))\b", "COOPERATE", "", "launch"),
    (r"\b(?:threat\w*|warn(?:ed|s|ing)?|ultimatum)\b", "THREATEN", "", "warning"),
    (r"\b(?:accus\w*|condemn\w*|criticis\w*|criticiz\w*|denounc\w*|blam\w*|protest(?:ed)? (?:to|against)|lodged (?:a |stern )?(?:protest|representations)|representations)\b", "ACCUSE", "", "accusation"),
    (r"\b(?:reject\w*|refus\w*|den(?:y|ied|ies)|veto\w*|abstain\w*|abstention|oppos\w*|dismiss\w*)\b", "REJECT", "", "rejection"),
    (r"\b(?:protests?|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed)? against|boycott\w*)\b", "PROTEST", "", "protest"),
    (r"\b(?:aid|donat\w*|loans?|grant(?:ed|s)?|humanitarian|relief|assistance|vaccines?)\b", "AID", "", "aid"),
    (r"\b(?:urg(?:ed|es|ing)|call(?:ed|s)? (?:on|for)|ask(?:ed|s)?|request\w*|appeal\w*|invit\w*)\b", "REQUEST", "", "request"),
    (r"\b(?:support\w*|back(?:ed|s|ing)?|welcom\w*|endors\w*|prais\w*|congratulat\w*|greet(?:ed|s)?|reaffirm\w*|solidarity|commend\w*|appreciat\w*)\b", "SUPPORT", "", "support"),
    (r"\b(?:cooperat\w*|collaborat\w*|deliver\w*|trade|export\w*|import\w*|invest\w*|cargo|railway|pipeline|port|shipment|joint venture|project)\b", "COOPERATE", "", "cooperation"),
    (r"\b(?:said|says|stated|told|announc\w*|declar\w*|statement|remarks|speech|interview|briefing|noted|stressed|emphasi[sz]ed|report(?:ed|s)?|readout|letter)\b", "OTHER", "statement", "statement"),
    (r"\b(?:celebrat\w*|anniversary|commemorat\w*|mark(?:ed|s)?|elected|appointed|sworn in|took office|became|named|held|took place|convened|attended|participat\w*|joined)\b", "OTHER", "", "event"),
)


@dataclass(frozen=True)
class Trigger:
    event_type: str
    mode: str
    label: str
    start: int  # offsets in the classified text
    end: int


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str, str, str], ...]:
    return tuple((re.compile(rx, re.I), t, m, lab) for rx, t, m, lab in _RULES)


def classify(text: str) -> Trigger | None:
    """The first matching rule's type for a sentence, or None when nothing happens in it."""
    for rx, etype, mode, label in _compiled():
        m = rx.search(text)
        if m:
            return Trigger(etype, mode, label, m.start(), m.end())
    return None


def classify_near(text: str, start: int, end: int) -> Trigger | None:
    """The trigger nearest to [start, end) (a date mention); rule order breaks ties.

    "… prepare for Putin's working visit to Beijing for the summit on May 14-15, which
    will be inaugurated …": the summit, next to the date, is what happens then. Matches are
    whole words of the sentence within the window (a word cut by the window is no trigger).
    """
    return SentenceTriggers(text).near(start, end)


_NEAR_WINDOW = 160  # characters either side of the date: a clause or two


class SentenceTriggers:
    """Every rule's matches in one sentence, found once: the sentence's trigger (``first``, what
    :func:`classify` gives) and the trigger nearest each of its dates (``near``, what
    :func:`classify_near` gives) then cost no further scanning, however many dates it has."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._rules = _compiled()
        self._spans = [[m.span() for m in rx.finditer(text)] for rx, _t, _m, _l in self._rules]

    def first(self) -> Trigger | None:
        for (_rx, etype, mode, label), spans in zip(self._rules, self._spans, strict=True):
            if spans:
                return Trigger(etype, mode, label, *spans[0])
        return None

    def near(self, start: int, end: int) -> Trigger | None:
        """The trigger nearest to [start, end) within the window classify_near looks at."""
        lo, hi = max(0, start - _NEAR_WINDOW), end + _NEAR_WINDOW
        best: tuple[int, int, int, int] | None = None
        for rank, spans in enumerate(self._spans):
            for a, b in spans:
                if a < lo or b > hi:
                    continue
                gap = max(0, a - end, start - b)
                if best is None or (gap, rank) < best[:2]:
                    best = (gap, rank, a, b)
                if a >= end:
                    break
        if best is None:
            return self.first()
        _rx, etype, mode, label = self._rules[best[1]]
        return Trigger(etype, mode, label, best[2], best[3])


_REPORTED = re.compile(r"\b(?:reportedly|allegedly|according to|reports? (?:said|say|suggest)|unconfirmed|purportedly|sources said)\b", re.I)


def status_of(text: str, future_date: bool) -> str:
    """occurred / planned / reported, from tense cues and the date relative to publication."""
    if future_date or STATUS_FUTURE.search(text):
        return "planned"
    if _REPORTED.search(text):
        return "reported"
    return "occurred"
