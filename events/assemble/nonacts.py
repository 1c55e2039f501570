"""Uses of event words that report no act: "released the tapes", "declined to comment", "a loyalist of
ousted Prime Minister X", "an imminent clash". Word lists and one test, read by ``clauses.find_triggers``.
"""

from __future__ import annotations

from collections.abc import Sequence

ARTICLES = frozenset("the a an this that these those his her its their our my your".split())
BE = frozenset("is are was were be been being am 's 're".split())

# "released a statement", "released the tapes": making information public is no release of people or goods
_INFORMATION = frozenset(
    "statement statements report reports tape tapes decision decisions figures data results details video videos "
    "footage list lists findings text transcript transcripts records documents photos photographs pictures images names "
    "statistics poll survey book album film song plan proposal budget forecast estimates audio recording "
    "recordings letter letters memo guidelines rules version draft summary study".split())
# "declined to comment", "refused to say": withholding a comment is no rejection
_NO_COMMENT = frozenset("comment say elaborate discuss give identify disclose confirm specify name answer speculate "
                        "reveal provide divulge respond".split())
_OVERTURES = frozenset("demand demands request requests call calls ultimatum offer offers proposal proposals appeal "
                       "appeals invitation plea".split())
_DECLINE = frozenset("declined decline declines declining refused refuse refuses refusing".split())
# "an imminent clash", "a possible attack": a noun the text only foresees
FORESEEN = frozenset("possible potential imminent likely future planned proposed prospective threatened expected "
                      "eventual looming feared hypothetical".split())
# "a loyalist of ousted Prime Minister X", "talks with jailed dissidents": a participle used as an adjective
_PREPOSITIONS = frozenset("of for with by from against about among between including like toward towards".split())


def not_an_act(lows: Sequence[str], i: int, length: int, lemma: str, verb: bool, past_form: bool) -> bool:
    """Uses of an event word that report no act (see the word lists above); ``lows`` are the sentence's
    lower-case tokens, the word at ``i`` spans ``length`` tokens."""
    word = lows[i]
    if lemma in ("release", "releases") or word.startswith("releas"):
        ahead = [w for w in lows[i + length:i + length + 6] if w not in ARTICLES]
        if any(w in _INFORMATION for w in ahead[:4]):  # "released air traffic control tapes"
            return True
        if any(w in BE for w in lows[max(0, i - 2):i]) and any(w in _INFORMATION for w in lows[max(0, i - 5):i]):
            return True  # "Video has been released", "the report was released"
    if word in _DECLINE and i + 2 < len(lows) and lows[i + 1] == "to" and lows[i + 2] in _NO_COMMENT \
            and not (lows[i + 2] == "respond" and any(w in _OVERTURES for w in lows[i + 3:i + 7])):
        return True  # "declined to comment"; but "refused to respond to a demand" rejects the demand
    if i > 0 and lows[i - 1] == "to" and lows[i] in _NO_COMMENT and i > 1 and lows[i - 2] in _DECLINE:
        return True
    if verb and length == 1 and i > 0 and past_form and (lows[i - 1] in _PREPOSITIONS
                                                         or (lows[i - 1].endswith(("'s", "’s"))
                                                             and lows[i - 1][:-2] not in _PRONOUNS)):
        return True  # "a loyalist of ousted Prime Minister X", "Kuwait's ousted government"
    if word in ("asked", "ask", "asks", "asking") and any(w in _QUESTION_WORDS for w in lows[i + 1:i + 4]) \
            and "to" not in lows[i + 1:i + 4]:
        return True  # "asked whether he was glad", "was asked today about the message": a question, not a request
    if word.startswith("conclud") and i + 1 < len(lows) and lows[i + 1] in _CLAUSE_OPENERS:
        return True  # "officers concluded he had been killed": a finding, not an agreement
    if word.startswith("recall") and ((i > 0 and lows[i - 1] in _QUOTE_END)
                                      or (i + 1 < len(lows) and lows[i + 1] in ("that", "how", "when"))):
        return True  # '"…," recalled one participant', "she recalled that …": recalling is telling
    for j in ([i] if verb else range(max(2, i - 3), i)):
        if j > 1 and lows[j].endswith("ing") and lows[j - 1] in ("in", "of", "on") and lows[j - 2] in _PROSPECTS:
            return True  # "its interest in resuming talks", "the prospect of meeting": a possibility, not an act
    if verb and i > 0 and word.endswith("ing") and lows[i - 1] in _REASON_PREPOSITIONS:
        return True  # "deported 40 men for travelling without papers": the reason, not a second act
    if verb and i > 0 and past_form and lows[i - 1] in _ATTRIBUTIVE_ADVERBS:
        return True  # "newly appointed Prime Minister X", "the recently elected parliament": a description
    if not verb and i > 0 and (lows[i - 1] in _NONE_OF or (i > 1 and lows[i - 2] in _NONE_OF
                                                          and lows[i - 1] not in ARTICLES)):
        return True  # "no word of any arrest", "without a single attack": a happening that did not happen
    if not verb and i + length < len(lows) and lows[i + length] in _MODIFIED_HEADS:
        return True  # "the withdrawal of invasion forces", "attack helicopters": a noun modifying a noun
    return False


_PROSPECTS = frozenset("interest interested prospect prospects possibility idea hopes hope chance chances plan plans "
                       "intention aim goal option question talk insistence willingness readiness".split())
_NONE_OF = frozenset("no any without".split())
_REASON_PREPOSITIONS = frozenset("for without".split())
_ATTRIBUTIVE_ADVERBS = frozenset("newly recently democratically freshly popularly duly".split())
_MODIFIED_HEADS = frozenset(
    "force forces troops helicopter helicopters aircraft plane planes jets submarine submarines vessel vessels "
    "ship ships boat boats drone drones dog dogs rifle rifles unit units "
    "document documents papers protocol protocols accord accords agreement agreements treaty treaties".split())


_CLAUSE_OPENERS = frozenset("that he she it they there we i this".split())
_PRONOUNS = frozenset("he she it that there who what here where".split())  # "he's ousted": he has
_QUESTION_WORDS = frozenset("whether if about what why how when where who which".split())
_QUOTE_END = frozenset({",", '"', "”", "''", "’"})


