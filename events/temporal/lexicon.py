"""Word lists and regex fragments for English temporal expressions.

Everything here is data: month and weekday names, number words, units, and the
regex fragments the finder composes.  Fragments never contain nested unbounded
quantifiers, so every pattern built from them scans text in linear time.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
WEEKDAY_PLURALS = frozenset(w + "s" for w in WEEKDAYS)  # "closed on Mondays": every one
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
# First and last month of each season (northern hemisphere, as news means it).
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "a": 1, "an": 1, "single": 1,
}
VAGUE_QUANTITIES = frozenset({
    "few", "a few", "several", "some", "many", "numerous", "a couple of", "couple of",
    "a number of", "dozens of", "hundreds of", "thousands of", "a couple", "various",
})
# TimeML unit letters; "T" prefix marks time-of-day units in durations.
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE", "centurie": "CE", "millennium": "ML", "millennia": "ML",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}

# ---- regex fragments -------------------------------------------------------
# Month names must be capitalised (or all caps) in running text: this keeps the
# verb "march" and the modal "may" out.
_MONTH_FULL = ("January|February|March|April|May|June|July|August|September|"
               "October|November|December")
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?-i:(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})\b|(?:{_MONTH_ABBR}|{_MONTH_ABBR.upper()})(?:\.|\b))"
WEEKDAY = (r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
           r"|(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))")
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
NUMWORD = ("(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
           "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
           "fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|single)")
NUMBER = (rf"(?i:\d{{1,4}}(?:\.\d{{1,2}})?(?:\s1/2)?|{NUMWORD}(?:[- ]{NUMWORD}){{0,2}}"
          r"|an?|a\scouple\sof|a\sfew|few|several|some|many|numerous|dozens\sof|hundreds\sof"
          r"|a\snumber\sof)")
UNIT = (r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
        r"|quarters?|years?|decades?|century|centuries|millenni(?:um|a))")
QUANT_MOD = (r"(?i:(?:more|less|fewer)\sthan|at\sleast|at\smost|up\sto|no\smore\sthan|nearly"
             r"|almost|about|around|approximately|roughly|some|over|under|only|just"
             r"|barely|close\sto|as\smany\sas|as\slong\sas)")
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)"

UNIT_ALT = re.compile(UNIT)


def month_number(token: str) -> int:
    """'Sept.' -> 9, 'March' -> 3."""
    return MONTHS[token.rstrip(".").lower()]


def unit_name(token: str) -> str:
    """'centuries' -> 'century', 'days' -> 'day'."""
    t = token.lower()
    if t in ("century", "centuries"):
        return "century"
    if t.startswith("millenni"):
        return "millennium"
    return t[:-1] if t.endswith("s") else t


def parse_number(text: str) -> float | None:
    """'two' -> 2, 'twenty-five' -> 25, '5 1/2' -> 5.5, 'a' -> 1, 'several' -> None."""
    t = text.lower().strip()
    if t in ("a couple of", "couple of", "a couple"):
        return 2.0  # TimeBank: "a couple of years" is P2Y
    if t in VAGUE_QUANTITIES:
        return None
    half = 0.0
    if t.endswith(" 1/2"):
        half, t = 0.5, t[:-4]
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    total = 0
    for part in re.split(r"[- ]", t):
        if part not in NUMBER_WORDS:
            return None
        v = NUMBER_WORDS[part]
        total = total * v if v in (100, 1000) and total else total + v
    return float(total) + half
