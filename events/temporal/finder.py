"""Find temporal expressions: compiled regex rules scanned once each, linearly.

Each rule is one compiled pattern with named groups.  The finder collects every
match, drops the ones a context filter rejects (numbers that are not dates),
and keeps a non-overlapping set, longest first.  No rule contains nested
unbounded quantifiers, so a megabyte of digits or punctuation scans in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from events.temporal.gate import DIGIT, DIGIT4, DIGITN, build_index
from events.temporal.lexicon import (
    DAYNUM,
    MONTH,
    NUMBER,
    QUANT_MOD,
    SEASON,
    UNIT,
    WEEKDAY,
    YEAR4,
)
from events.temporal.names import in_name
from events.text.sentences import sentence_initial


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    priority: int
    match: re.Match[str]

    @property
    def text(self) -> str:
        return self.groups.get("_text") or ""


_DASH = r"(?:\s?[-\u2013\u2014]\s?|\s(?:to|through|until|till|and|or)\s)"
_DMOD = (r"(?P<mod>(?:[Tt]he\s)?(?:beginning|start|end|middle|close|turn|first\shalf|second\shalf"
         r"|latter\spart|early\spart)\sof\s(?:the\s)?|(?:[Tt]he\s)?(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s|(?=\d)))?")
_REL = r"(?:last|next|this|coming|past|previous|following|same|current)"
_PART = r"(?:morning|afternoon|evening|night)"
_CLOCK = (r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s?(?P<ampm>[aApP]\.?\s?[mM]\b\.?)"
          r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
          r"|(?P<named>noon|midnight|midday)"
          r"|(?P<oc>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\so['\u2019]?clock"
          r"(?:\s?(?P<ampm3>[aApP]\.?\s?[mM]\b\.?))?)"
          r"(?:\s(?P<tz>(?-i:[A-Z]{1,2}[SD]T|[ECMP]T|GMT|UTC)|local\stime))?")
_DAYWORD = rf"(?:today|yesterday|tomorrow|tonight|{WEEKDAY})"

RULES: list[tuple[str, str, int]] = [
    # name, pattern, priority (lower wins ties of equal length)
    ("iso", r"(?<![\d/.-])(?P<y>1\d{3}|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])", 0),
    ("numeric", r"(?<![\d/.,$-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d\d)(?![\d/.]\d)", 1),
    ("mdy", rf"(?P<weekof>[Tt]he\sweek\sof\s)?(?:(?P<wd>{WEEKDAY}),?\s)?{_DMOD}(?P<mon>{MONTH})\s?(?P<day>{DAYNUM})(?![\d:%,]\d|\d|\s?(?:percent|per\scent|%))"
            rf"(?:(?P<conn>{_DASH})(?:(?P<mon2>{MONTH})\s?)?(?P<day2>{DAYNUM})\b(?!\s?(?:percent|%)))?"
            rf"(?:(?:,\s?|\s|,?\s(?:of\s)?)(?P<year>{YEAR4})\b)?", 2),
    ("dmy", rf"(?:(?P<wd>{WEEKDAY}),?\s)?(?:the\s)?(?P<day>{DAYNUM})(?:(?P<conn>{_DASH})(?P<day2>{DAYNUM}))?\s(?:of\s)?"
            rf"(?P<mon>{MONTH})(?:,?\s(?P<year>{YEAR4})\b)?", 2),
    ("month_year", rf"{_DMOD}(?P<mon>{MONTH})(?:{_DASH}(?P<mon2>{MONTH}))?(?:,\s?|\s(?:of\s)?)(?P<year>{YEAR4})\b", 3),
    ("month_rel_year", rf"{_DMOD}(?P<mon>{MONTH})\s(?:of\s)?(?P<rel>this|last|next)\syear\b", 3),
    ("month", rf"(?:(?P<rel>last|next|this|coming|past|previous)\s)?{_DMOD}(?P<mon>{MONTH})(?:{_DASH}(?P<mon2>{MONTH}))?(?!\s?\d)", 4),
    ("decade", r"(?P<the>[Tt]he\s)?(?P<half>(?:first|second|last|latter)\shalf\sof\s(?:the\s)?)?(?P<mod>(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s)?)?(?:(?P<dec>1\d\d0|20\d0)['\u2019]?s|['\u2019](?P<dec2>\d0)s"
               r"|(?P<decw>(?:nineteen[- ])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b", 2),
    ("century", r"(?P<the>[Tt]he\s)?(?P<mod>(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s))?(?P<cent>[12]?\d(?:st|nd|rd|th)|first|second|third|fourth|fifth"
                r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
                r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-][Cc]entury\b", 2),
    ("year", rf"{_DMOD}(?:(?P<pfx>[Tt]he\syear\s|(?:fiscal|(?-i:FY))(?:\syear)?\s?|(?:pre|post)-))?(?P<year>{YEAR4})"
             rf"(?:(?P<conn>\s?[-\u2013/]\s?|\s(?:to|through|and)\s)(?P<year2>{YEAR4}|\d\d))?(?![\d,.:]\d|\d|-[a-z]|\s?(?:%|percent))", 5),
    ("season", rf"(?:(?P<rel>last|next|this|coming|past|previous|the|[Tt]his|[Ll]ast|[Nn]ext|[Tt]he)\s)?{_DMOD}(?P<season>{SEASON})"
               rf"(?:\s(?:of\s)?(?P<year>{YEAR4})\b)?", 4),
    ("quarter", rf"(?P<the>the\s)?(?:(?P<yq>{YEAR4}|this\syear|last\syear|next\syear)(?:'s)?\s)?(?P<fis>fiscal\s)?"
                r"(?:(?P<ya>year-ago|year-earlier|comparable|corresponding|same)\s)?(?:(?P<fis2>fiscal)\s)?"
                r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|past|previous|same|recent"
                r"|most\srecent|year-ago|year-earlier|comparable|corresponding|fiscal|june|september|december|march)"
                r"(?:[- ](?:fiscal|calendar))?[- ](?P<unit>quarter|half|period)"
                rf"(?:\sof\s(?:the\s)?(?:fiscal\s)?(?:year\s)?(?P<year>{YEAR4}|this\syear|last\syear|next\syear|year\b(?!\s\d))"
                rf"|,?\s(?P<year3>{YEAR4})(?![\d,.]\d|\d|\s?(?:%|percent)))?"
                rf"(?P<ago>\sa\syear\s(?:ago|earlier)|\slast\syear\b)?", 2),
    ("quarter_year", rf"(?P<the>the\s)(?P<yq>{YEAR4})(?:\sfiscal)?\s(?P<unit>quarter|period|half)", 2),
    ("quarter_q", rf"\b(?P<q>(?-i:Q[1-4]|H[12]))(?:\s(?P<year>{YEAR4}))?\b", 3),
    ("the_quarter", r"(?P<the>the|this|that)\s(?P<unit>quarter|period)(?P<ago>\sa\syear\s(?:ago|earlier))?", 6),
    ("the_weekend", r"(?P<the>the|this|that)\s(?P<unit>weekend)", 6),
    ("year_end", r"(?P<w>year-end|year\send|year's\send)|(?:the\s)?(?P<edge>end|start|beginning|middle)\sof\s"
                 r"(?P<erel>the|this|next|last)\s(?:fiscal\s)?(?P<eunit>year|month|week|decade|century)\b", 4),
    ("the_year", r"(?P<pre>(?:earlier|later)\sin\s)?(?P<the>the)\s(?P<full>full\s|fiscal\s|latest\s(?:fiscal\s)?|current\s(?:fiscal\s)?)?year", 7),
    ("in_the_day", r"(?P<pre>earlier|later)\sin\sthe\s(?P<unit>day|week|month)", 4),
    ("rel_unit", rf"(?P<pre>(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Mm]id)(?:-|\s(?:in\s)?))?(?P<rel>this\spast|{_REL}|[Tt]his|[Ll]ast|[Nn]ext"
                 r"|(?:[Tt]he|[Tt]hat)\s(?:past|previous|following|next|coming|same|current|prior|preceding)|[Tt]he\slast|[Tt]hat)\s"
                 r"(?P<unit>week|weekend|month|year|fiscal\syear|decade|century|day|morning|afternoon|evening|night)\b", 3),
    ("unit_rel", r"(?P<the>[Tt]he\s)(?P<unit>day|week|month|year|night)\s(?P<ba>before|after)"
                 rf"(?:\s(?P<anchor>yesterday|tomorrow|(?:his|her|their|its|the)\s(?:arrival|visit|departure|meeting|talks|summit|election)"
                 rf"|(?P<awrel>last\s|next\s|this\s)?(?P<awd>{WEEKDAY})))?\b", 4),
    ("weekday", rf"(?P<the>[Tt]he\s(?=(?:previous|preceding|following)\s))?(?:(?P<rel>last|next|this|coming|past|previous|preceding|following|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s)?(?P<wd>{WEEKDAY})(?P<plural>s)?"
                rf"(?P<poss>'s)?(?:\s(?P<part>{_PART})(?P<plural2>s)?)?\b", 5),
    ("deictic", r"\b(?:(?P<pre>[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s)?(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?:'s)?"
                rf"(?:\s(?P<part>{_PART}))?\b", 5),
    ("part_of_day", rf"\b(?P<rel>this|[Tt]his|last|[Ll]ast)\s(?P<part>{_PART})\b", 4),
    ("day_part", r"(?P<pre>(?:early|late|mid)(?:-|\s)?|the\s)(?P<part>morning|afternoon|evening)"
                 r"(?:\s(?P<day>today|yesterday|tomorrow))?|(?P<over>overnight)", 6),
    # Deictic adverbs TimeML annotators tag consistently; "soon", "previously", "recent", bare
    # "future" are left out: annotated practice treats them as too vague to be timexes.
    ("ref", r"(?P<word>now|currently|nowadays|presently|recently|lately"
            r"|the\s(?:near\s|distant\s|foreseeable\s)?future|the\spast|the\spresent|at\spresent|these\sdays"
            r"|then[\s-]current|current|a\slater\sdate|an\searlier\sdate|the\s(?:near|short|long)\sterm(?!-))", 7),
    ("ago", rf"(?:(?P<qm>{QUANT_MOD})\s)?(?P<num>{NUMBER})[\s-](?:more\s)?(?P<unit>{UNIT})(?P<half>\sand\sa\shalf)?"
            r"\s(?P<dir>ago|earlier|later|before|after|from\snow|hence|previously|back|prior|on)\b", 2),
    ("duration", rf"(?:(?P<qm>{QUANT_MOD})\s)?(?P<the>[Tt]he\s)?(?:(?P<rel>past|last|next|coming|first|previous|following|final"
                 rf"|remaining|preceding|latest|recent|initial)\s)?(?P<num>{NUMBER})[\s-](?:(?:more|additional|full|straight"
                 rf"|consecutive|long|extra|trading|business|working|calendar)\s)?(?P<unit>{UNIT})(?P<half>\sand\sa\shalf)?(?P<adj>-long|-old)?\b", 6),
    ("vague_duration", rf"(?:(?P<the>[Tt]he\s)(?P<rel>past|last|next|coming|recent|first|early|initial|final|closing|opening)\s|(?P<rel2>recent|coming)\s)?(?P<unit>{UNIT})(?P<adj>-long|-old)?\b", 8),
    ("ahead", r"(?P<the>[Tt]he\s)(?P<unit>days|weeks|months|years|decades)\sahead\b", 6),
    ("time", rf"(?:(?P<about>about|around|approximately|at|by|until|before|after|from|since)\s)?{_CLOCK}"
             rf"(?:,?\s(?:on\s|of\s)?(?P<day>{_DAYWORD}|(?:{WEEKDAY},?\s)?{MONTH}\s?\d{{1,2}}(?:,\s?{YEAR4})?)"
             rf"(?:\s(?P<dpart>{_PART}))?)?", 1),
    ("time_in", r"(?P<h>\d{1,2})(?:\so'clock)?\sin\sthe\s(?P<part>morning|afternoon|evening)", 1),
    ("military", r"(?<![\d.,$])(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s(?P<tz>(?-i:GMT|UTC|[A-Z]{1,2}[SD]T)|local\stime|hours)\b", 1),
    ("set_adv", r"(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|fortnightly)", 5),
    ("set_every", rf"\b(?P<q>every|each|per)\s(?:other\s)?(?:(?P<num>{NUMBER})\s)?(?P<unit>{UNIT}|{WEEKDAY}|{MONTH}|{_PART}|{SEASON})\b", 3),
    ("set_per", r"(?P<q>a|an|per)\s(?P<unit>year|day|week|month|hour|night|quarter)", 4),
    ("spelled_year", rf"(?:(?P<smon>{MONTH})\s(?:of\s)?|(?:the\s)?(?P<sseason>{SEASON})\s(?:of\s)?)?"
                     r"(?:(?P<the>the\syear\s)?(?P<c>nineteen|twenty)[\s-](?P<y>(?:hundred|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine)"
                     r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
                     r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))"
                     r"|(?P<the2>the\syear\s)?two\sthousand(?:\s(?:and\s)?(?P<y2>one|two|three|four|five|six|seven|eight|nine|ten))?)", 5),
    ("set_freq", rf"\b(?P<freq>once|twice|thrice|(?:one|two|three|four|five|six|\d{{1,2}})\stimes)\s(?:a|an|per)\s(?P<unit>{UNIT})\b", 2),
    ("yearago", r"\b(?P<w>year-earlier|year-ago|year-before)\b", 4),
    ("holiday", r"(?:(?P<rel>last|next|this)\s)?(?P<hol>(?-i:Christmas(?:\s(?:Day|Eve))?|New\sYear(?:'s|\u2019s)(?:\s(?:Day|Eve))?"
                r"|Thanksgiving(?:\sDay)?|Easter(?:\sSunday)?|Good\sFriday|Independence\sDay|Labor\sDay|Memorial\sDay"
                rf"|[Ee]lection\s[Dd]ay|Halloween|Valentine(?:'s|\u2019s)\sDay|Boxing\sDay|Veterans\sDay))(?:,?\s(?P<year>{YEAR4})\b)?", 3),
]

# Every rule is case-insensitive except where a fragment says (?-i:...) (month and weekday names,
# holidays, time zones); every rule starts and ends at a word boundary.
COMPILED: list[tuple[str, re.Pattern[str], int]] = [
    (n, re.compile(rf"(?<![\w])(?:{p})(?![\w])", re.IGNORECASE), pr) for n, p, pr in RULES]

# Words before a 4-digit number that make it an identifier or a count, not a year.
_NOT_YEAR_WORDS = frozenset({
    "no", "number", "resolution", "flight", "route", "room", "article", "page", "p", "pp", "chapter", "verse",
    "highway", "interstate", "model", "bill", "section", "law", "code", "act", "unit", "platoon", "squadron",
    "brigade", "division", "regiment", "battalion", "order", "decree", "service", "line", "box", "suite",
    "post", "top", "fortune", "nasdaq", "dow", "index", "minus", "plus", "about", "nearly", "some", "over",
    "than", "almost", "around", "approximately", "proposition", "prop", "windows", "boeing", "airbus",
    "stock", "step", "score", "grade", "level", "rank", "nos", "hr", "sb", "cve",
})
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:people|persons|troops|soldiers|men|women|children|workers|employees|jobs|dollars|euros|yuan"
    r"|tons|tonnes|barrels|units|cars|vehicles|homes|houses|acres|miles|kilometers|kilometres|km|meters"
    r"|metres|feet|votes|seats|shares|students|cases|deaths|members|refugees|civilians|residents|rounds"
    r"|pages|words|points|calories|pounds|kg|hectares|square|yards|rooms|beds|stores|hours|minutes|police|officers"
    r"|staff|copies|households|patients|flights|ships|planes|migrants|protesters|fighters|rebels|delegates"
    r"|block|blocks)\b"  # "the 1000 block of Brooklyn Boulevard" is an address
)
_YEAR_PREP = frozenset({"in", "since", "from", "by", "of", "until", "till", "to", "and", "between", "around",
                        "circa", "c", "before", "after", "year", "during", "through", "the", "early", "late"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")


def _prev_word(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _next_text(text: str, pos: int, n: int = 40) -> str:
    return text[pos:pos + n]


_MONTH_CTX = frozenset({
    "in", "since", "by", "until", "till", "through", "during", "of", "before", "after", "from",
    "early", "late", "mid", "last", "next", "this", "that", "each", "every", "to", "between", "and",
    "throughout", "on", "the", "for", "around", "as", "a", "an", "its", "their",  # "under a June agreement"
})
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "june", "april"})
_BARE_DURATION_CTX = frozenset({"for", "over", "within", "took", "lasted", "last", "spent", "after", "in"})
_PER_CTX = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|dollars|times|once|twice|pounds"
                      r"|tons|barrels|shares|hours|miles|[a-z]+s))\s*$", re.IGNORECASE)
_ARTICLE_UNIT_CTX = frozenset({
    "for", "in", "within", "about", "nearly", "almost", "over", "than", "after", "under", "least", "only", "just", "some", "around", "roughly", "approximately", "up",
})


def _accept(c: Candidate, text: str) -> bool:  # noqa: C901 - one filter per rule, read top-down
    g = c.groups
    if c.rule == "year":
        if not g.get("mod") and not g.get("pfx") and (
                _prev_word(text, c.start) in _NOT_YEAR_WORDS or text[c.start - 1:c.start] in ("$", "#")
                or text[max(0, c.start - 2):c.start] in ("$ ", "# ")):
            return False
        if c.start > 0 and text[c.start - 1] in "-/.,:" and not g.get("pfx"):
            return False
        if _NOT_YEAR_AFTER.match(text, c.end):
            return False
        y = int(g["year"] or 0)
        if not 1000 <= y <= 2099:
            return False
        if y < 1800 and not g.get("mod") and not g.get("pfx") and _prev_word(text, c.start) not in _YEAR_PREP:
            return False  # "1500 police": an early year needs a preposition to read as a year

        y2 = g.get("year2")
        if y2:
            y2v = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
            if y2v <= y or y2v - y > 100:
                return False
        return True
    if c.rule == "month":
        mon = (g["mon"] or "").rstrip(".").lower()
        if len(mon) <= 4 and mon not in ("may", "june", "july"):
            return False  # a bare abbreviation is too often something else
        if mon in _AMBIGUOUS_MONTHS and not g.get("rel") and not g.get("mod") and not g.get("mon2"):
            if mon in ("may", "march") and (g["mon"] or "").isupper():
                return False
            if _prev_word(text, c.start) not in _MONTH_CTX:
                return False
        if not g.get("rel") and not g.get("mod"):
            nxt = text[c.end:c.end + 12]
            if re.match(r"\s(?:[A-Z][a-z]|&)", nxt) or _prev_word(text, c.start) in ("dear",):
                return False  # "April Jones", "June Carter"
        return True
    if c.rule == "season":
        rel = (g.get("rel") or "").lower()
        if rel == "the" and not g.get("year"):
            return not re.match(r"\sof\b", text[c.end:c.end + 4])  # "the fall of Rome" is no season
        if not rel and not g.get("year") and not g.get("mod"):
            # a bare lower-case "fall"/"spring" is a verb or a noun unless a preposition makes it a time
            return (g["season"] or "")[0].isupper() or _prev_word(text, c.start) in (
                "in", "during", "since", "by", "until", "through", "this", "last", "next", "early", "late")
        return True
    if c.rule in ("mdy", "dmy"):
        if c.rule == "dmy" and not (g.get("mon") or "")[0:1].isupper():
            return False
        return True
    if c.rule == "numeric":
        a, b = int(g["a"] or 0), int(g["b"] or 0)
        if g["sep"] == "." and len(g["c"] or "") != 4:
            return False
        return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)
    if c.rule in ("duration", "ago", "vague_duration") and (
            (g.get("adj") or "").lower() == "-old" or re.match(r"\s(?:old|of\sage)\b", text[c.end:c.end + 8])):
        return False  # ages ("a 44-year-old", "37 years old") are not temporal expressions
    if c.rule in ("duration", "ago"):
        num = (g.get("num") or "").lower()
        if (g.get("unit") or "").lower() in ("quarter", "quarters") and (
                re.search(r"\w-quarters?\b", c.text) or re.match(r"\s+of\b", text[c.end:c.end + 4])):
            return False  # "three-quarters of its food", "a quarter of the vote": fractions
        if num in ("a", "an", "some", "many") and c.rule == "duration" and not g.get("rel") and not g.get("qm") \
                and not g.get("half") and not g.get("the"):
            nxt = text[c.end:c.end + 12]
            if not (_prev_word(text, c.start) in _ARTICLE_UNIT_CTX or re.match(r"\s(?:or\s(?:two|so)|and\s)", nxt)):
                return False
        if num == "some" and c.rule == "ago" and not g.get("qm"):
            return True
        if re.match(r"\d", num) and c.start > 0 and text[c.start - 1] in "$#.,":
            return False
        if (g.get("unit") or "").lower().startswith("second") and num in ("a", "an"):
            return False  # "a second" is usually the ordinal
        return True
    if c.rule == "vague_duration":
        if (g.get("rel") or "").lower() in ("first", "early", "initial", "final", "closing", "opening"):
            # "the early hours of Thursday morning": a part of the date named after it, not a span of its own
            return not _OF_DATE.match(text, c.end)
        if g.get("rel") or g.get("rel2"):
            return True
        if g.get("adj"):
            return True
        unit = (g.get("unit") or "").lower()
        if not unit.endswith("s") and unit != "centuries":
            return False
        return _prev_word(text, c.start) in _BARE_DURATION_CTX
    if c.rule == "time":
        if not (g.get("ampm") or g.get("named") or g.get("tz") or g.get("oc")):
            # a bare "6:34" is a verse, a score or a ratio unless a word marks it as a clock time
            return (g.get("about") or "") in ("at", "by", "until", "around", "about", "before", "after", "from", "since") \
                or bool(g.get("day"))
        h = int(g.get("h") or g.get("h2") or 0)
        return h <= 24
    if c.rule == "ref":
        w = (g.get("word") or "").lower()
        if w == "now" and re.match(r"\s*(?:,|for\b)", text[c.end:c.end + 5]) and sentence_initial(text, c.start):
            return False  # "Now, he says, ...", "Now for the weather": a discourse marker, not a time
        if w == "current":
            return not re.match(r"\s(?:account|accounts|affairs|assets|liabilities|ratio|yield|flow|flows|"
                                r"of|and|through|density)\b", text[c.end:c.end + 16])
        if w == "former":
            return False
        if w in ("recently", "lately") and _DATE_AFTER.match(text, c.end):
            return False  # "most recently last October": the date is the expression, "recently" a signal
        if w in ("the past", "the future") and _COUNT_AFTER.match(text, c.end):
            return False  # "the past three summers": a count of periods, not the past itself
        if w == "future":
            return not re.match(r"\s(?:contracts?|prices?|markets?|tense|trading|options?)\b", text[c.end:c.end + 12])
        if w == "recent":
            return not re.match(r"\s(?:years|months|weeks|days)\b", text[c.end:c.end + 8])
        return True
    if c.rule == "weekday":
        return True
    if c.rule == "the_quarter":
        return g.get("unit") == "quarter" or bool(re.match(r"\s", text[c.end:c.end + 1]))
    if c.rule == "quarter_q":
        return True
    if c.rule == "set_adv" and _prev_word(text, c.start) == "average":
        return False  # "average daily volume": a statistic's period, not a recurring event
    if c.rule == "set_per":
        if (g.get("q") or "").lower() == "per":
            return True
        before = text[max(0, c.start - 30):c.start]
        return bool(_PER_CTX.search(before)) and _prev_word(text, c.start) not in _ARTICLE_UNIT_CTX | {
            "is", "was", "are", "were", "be", "been", "has", "have", "had", "its", "this", "that", "as"}
    return True


def _accept_all(c: Candidate, text: str) -> bool:
    return _accept(c, text) and not in_name(c, text)


_NAMES = [n for n, _, _ in COMPILED]
_INDEX = build_index(_NAMES)
_WORD = re.compile(r"\w+")
_DECADE_ONLY = [_NAMES.index("decade")]
# Rules that can continue a bare one- or two-digit number, by the character after it.
_NEXT_RULES = {" ": None, "/": {"numeric"}, ":": {"time"}, ".": {"numeric", "time", "duration", "ago"},
               "-": {"duration", "ago"}, "-0": {"dmy", "duration", "ago"}}
_BY_NEXT: dict[str, list[int]] = {
    k: [i for i in _INDEX[DIGIT] if (v is None and _NAMES[i] not in ("numeric", "iso")) or (v and _NAMES[i] in v)]
    for k, v in _NEXT_RULES.items()}


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _prefilters() -> dict[int, tuple[re.Pattern[str], list[int]]]:
    """One alternation per start word that opens many rules ("the" opens 24): a single failed
    match skips them all. Keyed by the identity of the index's rule list; the second item
    lists the rules the alternation cannot stand for (back-references) and that are always tried."""
    out: dict[int, tuple[re.Pattern[str], list[int]]] = {}
    lists = [*_INDEX.values(), *(v for v in _BY_NEXT.values())]
    for rules in lists:
        if len(rules) < 3 or id(rules) in out:
            continue
        plain = [i for i in rules if "(?P=" not in COMPILED[i][1].pattern]
        always = [i for i in rules if i not in plain]
        alternation = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', COMPILED[i][1].pattern)})" for i in plain)
        out[id(rules)] = (re.compile(alternation, COMPILED[plain[0]][1].flags), always)
    return out


def _starts(text: str) -> list[tuple[int, list[int]]]:
    """(word start, rules that may match there) for every word that can begin an expression."""
    out: list[tuple[int, list[int]]] = []
    index = _INDEX
    for m in _WORD.finditer(text):
        w = m.group(0)
        c0 = w[0]
        if c0.isdigit():
            n = 1
            while n < len(w) and w[n].isdigit():
                n += 1
            if n == len(w) and n != 4:
                # a bare number: what follows it decides which rules can continue it
                nc = text[m.end():m.end() + 2]
                if not nc:
                    continue
                if nc[0] in " \t\n\xa0":
                    rules = _BY_NEXT[" "] if n <= 2 else index[DIGITN]
                elif nc[0] in "/.:" and nc[1:2].isdigit() and n <= 2:
                    rules = _BY_NEXT[nc[0]]
                elif nc[0] in "-\u2013" and nc[1:2].isalpha():
                    rules = _BY_NEXT["-"]
                elif nc[0] in "-\u2013" and nc[1:2].isdigit() and n <= 2:
                    rules = _BY_NEXT["-0"]  # "28-29 March", "2-3 days"
                else:
                    continue
            else:
                rules = index[DIGIT] if n <= 2 else index[DIGIT4] if n == 4 else index[DIGITN]
            p = m.start()
            if p > 0 and text[p - 1] in "'\u2019":
                out.append((p - 1, _DECADE_ONLY))
        else:
            key = w.lower()
            if key.startswith("fy") and key[2:].isdigit():
                key = "fy"
            rules = index.get(key)  # type: ignore[assignment]
            if rules is None:
                continue
        out.append((m.start(), rules))
    return out


_PREFILTERS = _prefilters()


def _trim(text: str, rule: str, m: re.Match[str], s: int, e: int) -> tuple[int, int]:
    """TimeML extents: no trailing punctuation, no possessive "'s", no "the" before an adjectival
    "third-quarter" (the article belongs to the noun it modifies)."""
    while e > s and text[e - 1] in " ,-\u2013":
        e -= 1
    if rule != "decade" and e - s > 2 and text[e - 2:e] in ("'s", "\u2019s"):
        e -= 2
    if rule == "quarter" and m.group("the") and m.group("yq") is None and text[m.start("unit") - 1] == "-":
        s = m.end("the")
    if rule == "duration":
        if (m.group("num") or "").lower() in ("a", "an") and m.group("adj") and not m.group("qm"):
            s = m.start("unit")  # "a year-long review": the article belongs to the noun
        elif m.group("the") and not m.group("rel") and text[m.start("unit") - 1] == "-":
            s = m.end("the")  # "the 30-day deadline": the article belongs to the noun, as for quarters
        elif m.group("qm") and m.group("the"):
            s = m.start("the")  # "over the past five years": "over" is a signal, not a quantity
        elif (m.group("rel") or "").lower() == "last" and _VERB_LAST.search(text, max(0, s - 12), s):
            s = m.start("num")  # "expected to last several weeks": the verb stays out
    return s, e


_OF_DATE = re.compile(rf"\s+of\s+(?:{WEEKDAY}|{MONTH}|\d|today|yesterday|tomorrow|last|this|next)", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"\s+(?:(?:on|in)\s+)?(?:(?:last|this|next)\s|{WEEKDAY}|{MONTH})")
_COUNT_AFTER = re.compile(rf"\s(?:{NUMBER})\b", re.IGNORECASE)
_VERB_LAST = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|'ll)\s+$", re.IGNORECASE)


def _resolve_cluster(cluster: list[Candidate]) -> list[Candidate]:
    """Longest first (then rule priority), no overlaps, in text order."""
    if len(cluster) == 1:
        return cluster
    cluster.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    chosen: list[Candidate] = []
    for c in cluster:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def find(text: str, accept: Callable[[Candidate, str], bool] = _accept_all) -> list[Candidate]:
    """Every temporal expression candidate in ``text``, non-overlapping, in text order.

    Candidates come in order of their start; a run of mutually overlapping ones (a cluster)
    is resolved as soon as the next start lies past it, so memory stays bounded by the
    longest cluster, not by the text.
    """
    out: list[Candidate] = []
    cluster: list[Candidate] = []
    cluster_end = -1
    prefilter = _PREFILTERS
    for pos, rules in _starts(text):
        if cluster and pos >= cluster_end:
            out.extend(_resolve_cluster(cluster))
            cluster = []
        pf = prefilter.get(id(rules))
        if pf is not None and pf[0].match(text, pos) is None:
            rules = pf[1]  # none of the others can match here
            if not rules:
                continue
        best: dict[tuple[int, int], Candidate] = {}
        for i in rules:
            name, rx, prio = COMPILED[i]
            m = rx.match(text, pos)
            if m is None:
                continue
            s, e = m.span()
            s, e = _trim(text, name, m, s, e)
            if e <= s or ((s, e) in best and best[(s, e)].priority <= prio):
                continue
            gd: dict[str, str | None] = dict(m.groupdict())
            gd["_text"] = text[s:e]
            c = Candidate(s, e, name, gd, prio, m)
            if accept(c, text):
                best[(s, e)] = c
        for c in best.values():
            cluster_end = c.end if not cluster else max(cluster_end, c.end)
            cluster.append(c)
    if cluster:
        out.extend(_resolve_cluster(cluster))
    return out
