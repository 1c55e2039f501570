"""Which rules can start at a word: the finder's index from first words to rules.

Every rule match starts at a word start.  Instead of scanning the whole text
once per rule, the finder walks the words once and tries (``Pattern.match``) only
the rules whose expressions can begin with that word.  This keeps the tagger
fast on long texts: each word costs a dict lookup, and only plausible starts
cost a regex match.
"""

from __future__ import annotations

from events.temporal.lexicon import MONTHS, NUMBER_WORDS, SEASONS, WEEKDAY_PLURALS, WEEKDAYS

DIGIT = "<digit>"  # a token starting with one or two digits ("5", "12th", "10:30")
DIGIT4 = "<digit4>"  # a token starting with exactly four digits ("1990", "1990s", "2017-04-12")
DIGITN = "<digitn>"  # three or five+ digits: only counts ("210 years")
_COUNT_RULES = ("ago", "duration")
_YEAR_RULES = ("iso", "year", "decade", "military", "quarter", "ago", "duration")

_MONTHS = set(MONTHS)
_WEEKDAYS = set(WEEKDAYS)
_SEASONS = set(SEASONS)
_DMOD = {"the", "beginning", "start", "end", "middle", "close", "turn", "first", "second", "latter",
         "early", "late", "mid"}
_REL = {"last", "next", "this", "coming", "past", "previous", "following", "same", "current", "that"}
_NUMWORDS = set(NUMBER_WORDS) | {"few", "several", "some", "many", "numerous", "dozens", "hundreds"}
_QUANT = {"more", "less", "fewer", "at", "up", "no", "nearly", "almost", "about", "around", "approximately",
          "roughly", "some", "over", "under", "only", "just", "barely", "close", "as"}
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth", "twenty"}
_DECADE_WORDS = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
                 "nineteen"}
_HOLIDAY = {"christmas", "new", "thanksgiving", "easter", "good", "independence", "labor", "memorial",
            "election", "halloween", "valentine", "boxing", "veterans"}

FIRST_WORDS: dict[str, set[str]] = {
    "iso": {DIGIT},
    "numeric": {DIGIT},
    "mdy": _WEEKDAYS | _MONTHS | _DMOD,
    "dmy": _WEEKDAYS | {"the", DIGIT},
    "month_year": _MONTHS | _DMOD,
    "month_rel_year": _MONTHS | _DMOD,
    "month": _MONTHS | _DMOD | _REL,
    "decade": {"the", "early", "late", "mid", DIGIT} | _DECADE_WORDS,
    "century": {"the", "early", "late", "mid", DIGIT} | _ORDINAL_WORDS,
    "year": _DMOD | {"fiscal", "fy", "pre", "post", DIGIT},
    "season": _REL | _DMOD | _SEASONS,
    "quarter": {"the", "this", "last", "next", "fiscal", "year", "comparable", "corresponding", "same", "final",
                "latest", "current", "past", "previous", "recent", "most", "june", "september", "december",
                "march", DIGIT} | _ORDINAL_WORDS,
    "quarter_year": {"the"},
    "quarter_q": {"q1", "q2", "q3", "q4", "h1", "h2"},
    "the_quarter": {"the", "this", "that"},
    "the_weekend": {"the", "this", "that"},
    "year_end": {"year", "the", "end", "start", "beginning", "middle"},
    "the_year": {"earlier", "later", "the"},
    "in_the_day": {"earlier", "later"},
    "rel_unit": {"early", "late", "earlier", "later", "mid", "the"} | _REL,
    "unit_rel": {"the"},
    "weekday": _REL | {"early", "late", "earlier", "later", "preceding", "the"} | _WEEKDAYS | WEEKDAY_PLURALS,
    "deictic": {"early", "late", "earlier", "later", "today", "yesterday", "tomorrow", "tonight"},
    "part_of_day": {"this", "last"},
    "day_part": {"early", "late", "mid", "midmorning", "midafternoon", "the", "overnight"},
    "ref": {"now", "currently", "nowadays", "presently", "recently", "lately", "the", "at", "these", "current", "then", "a", "an"},
    "ago": _QUANT | _NUMWORDS | {DIGIT},
    "duration": _QUANT | _NUMWORDS | {"the", "past", "last", "next", "coming", "first", "previous", "following",
                                      "final", "remaining", "preceding", "latest", "recent", "initial", DIGIT},
    "vague_duration": {"the", "recent", "coming", "seconds", "minutes", "hours", "days", "nights", "weeks",
                       "weekends", "fortnights", "months", "quarters", "years", "decades", "centuries",
                       "millennia", "second", "minute", "hour", "day", "night", "week", "weekend",
                       "fortnight", "month", "quarter", "year", "decade", "century", "millennium"},
    "ahead": {"the"},
    "time": {"about", "around", "approximately", "at", "by", "until", "before", "after", "from", "since",
             "noon", "midnight", "midday", DIGIT,
             "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"},
    "time_in": {DIGIT},
    "military": {DIGIT},
    "set_adv": {"daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly", "bimonthly",
                "fortnightly"},
    "set_every": {"every", "each", "per"},
    "set_per": {"a", "an", "per"},
    "spelled_year": {"the", "nineteen", "twenty", "two"} | _MONTHS | _SEASONS,
    "set_freq": {"once", "twice", "thrice", DIGIT} | _NUMWORDS,
    "yearago": {"year"},
    "holiday": {"last", "next", "this"} | _HOLIDAY,
}


def build_index(rule_names: list[str]) -> dict[str, list[int]]:
    """first word -> indexes (into ``rule_names``) of the rules that may start with it."""
    index: dict[str, list[int]] = {}
    for i, name in enumerate(rule_names):
        for w in FIRST_WORDS[name]:
            index.setdefault(w, []).append(i)
            if w == DIGIT and name in _YEAR_RULES:
                index.setdefault(DIGIT4, []).append(i)
            if w == DIGIT and name in _COUNT_RULES:
                index.setdefault(DIGITN, []).append(i)
    return index
