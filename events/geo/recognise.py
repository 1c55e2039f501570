"""Toponym recognition: find spans of text that name places.

Requires: the text and the loaded :class:`~events.geo.gazetteer.Gazetteer`.
Sets: a list of :class:`Candidate` spans (not yet resolved), each with the evidence the
resolver and the filters need — how it was matched (name / adjective), whether it sits
inside a person's or an organisation's name, whether a locative preposition precedes it,
and the ", Y" that may follow it ("Paris, Texas").

Method: longest match of capitalised token sequences (with connectors such as "of",
"de", "-") against the gazetteer's folded name index, plus adjectives and demonyms
("Peruvian", "Sino-"). Names that are ordinary English words ("Reading", "Nice") or
short codes ("US") need the exact spelling and a non-initial position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from events.geo.gazetteer import Gazetteer, Place, fold
from events.text.datelines import DATELINE_FOLLOWERS, DATELINE_REACH

MAX_TOKENS = 7
# Runs of plain lower-case words become one token (they never start or join a name; the
# last word before a name stays its own token for "in", "of", "the"): a 3x faster scan.
_TOKEN = re.compile(r"(?:(?:[a-z][a-z'’]*[,;]?|\d[\d.,:%]*|[\"“”()$])[ \t]+){2,}(?=[a-z])|(?:[A-Z]\.){2,}|[^\W\d_]+|\d+|\S")
CONNECTORS = frozenset(
    "of de del della la le les du da das do dos di the and upon on am an im en sur y e el al d s au aux "
    "bin ibn es ul".split()
)
INNER_PUNCT = frozenset("-'’&.")
LOCATIVE = frozenset(
    "in at near from to into outside inside across around throughout toward towards via through "
    "visit visited visiting between within north south east west northeast northwest southeast "
    "southwest off of".split()
)
TITLES = frozenset(
    "mr mrs ms miss dr sir dame lord lady president premier minister secretary sen senator rep "
    "representative gov governor mayor judge justice general gen col colonel capt captain lt sgt "
    "sergeant officer detective det coach pastor rev reverend father king queen prince princess "
    "chancellor ambassador chairman chairwoman ceo professor prof pope bishop archbishop deputy "
    "spokesman spokeswoman councillor councilman councilwoman commissioner chief inspector constable "
    "agent attorney lawyer dj actor actress singer star player striker".split()
)
# Capitalised at a sentence start, these never begin a name ("In China", "Both Russia").
FUNCTION_WORDS = frozenset(
    "a an and as at both but by for from if in into it its of on or our over since so that the their "
    "these this those to under when where while with after before during despite although though".split()
)
# Words that make a capitalised sequence an organisation, a facility or an event.
ORG_WORDS = frozenset(
    "university college school schools academy institute bank banks airlines airways air police "
    "department dept council company co corp corporation inc ltd llc plc group party times post "
    "herald tribune journal news fc club association foundation hospital court church cathedral "
    "assembly parliament congress senate ministry commission agency authority service services board "
    "committee society trust fund federation union league stadium airport station gazette telegraph "
    "observer chronicle standard express mail daily network tv radio broadcasting energy power oil "
    "gas motors electric holdings partners capital securities insurance railway railways rail transit "
    "shipping office guard army navy forces command sheriff fire library museum hotel market exchange "
    "center centre clinic district team commerce chamber industries international global media press "
    "magazine review bulletin pharmaceuticals technologies systems solutions tech labs".split()
)
EVENT_WORDS = frozenset(
    "purchase declaration accord accords agreement treaty convention protocol act doctrine consensus "
    "summit conference forum games olympics cup open marathon festival expo initiative".split()
)
# Capitalised words that start a place name rather than a person's ("North Carolina").
PLACE_PREFIXES = frozenset(
    "north south east west northern southern eastern western central new old greater upper lower "
    "downtown metro mid inner outer great little fort mount mt port lake cape saint st san santa los "
    "las el la le rural coastal northeast northwest southeast southwest northeastern northwestern "
    "southeastern southwestern city county state province region island islands republic kingdom".split()
)
# A capitalised sequence ending in one of these is a street or square of the local area.
STREET_WORDS = frozenset(
    "Street St Avenue Ave Road Rd Boulevard Blvd Drive Dr Lane Ln Square Parkway Pkwy Highway Hwy Plaza "
    "Terrace Court Ct Way Parade".split()
)
# Calendar words are never places here ("March", "May", "Sunday").
CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday christmas easter".split()
)
# A capitalised name ending in one of these, after "at", "in", "near"..., is a building or site.
VENUE_WORDS = frozenset(
    "hospital airport stadium park church cathedral chapel basilica station bridge hotel mall centre center "
    "square plaza arena theatre theater museum library prison jail castle palace tower cemetery courthouse "
    "campus racecourse circuit harbour harbor pier wharf market".split()
)
VENUE_PREPOSITIONS = frozenset("at in near outside inside into to from toward towards beside behind".split())
SENTENCE_END = frozenset('.!?\n"“”:;(—–')


@dataclass
class Candidate:
    """A recognised place span, before resolution."""

    start: int
    end: int
    text: str
    key: str
    places: list[tuple[Place, bool]] = field(default_factory=list)  # (place, alternate name?)
    adjective: Place | None = None  # matched as adjective/demonym ("Peruvian")
    embedded: str = ""  # "organisation" | "person" | "" — the span sits inside such a name
    initial: bool = False  # first word of a sentence
    locative: bool = False  # a locative preposition precedes it
    container: Candidate | None = None  # the "Y" of "X, Y"
    all_caps: bool = False
    approximate: bool = False  # a given span matched only through a part of it
    dateline: bool = False  # opens the text as "LIMA, Peru —" / "MOSCOW (Reuters) -"
    local: str = ""  # "street" | "venue" | "county": placed with the document's own places
    county_states: list[str] = field(default_factory=list)  # US states with a county of this name

    @property
    def is_adjective(self) -> bool:
        return self.adjective is not None and not self.places


class _Tok:
    """A token with its offsets; ``cap``: starts with a capital; ``word``: starts with a letter."""

    __slots__ = ("start", "end", "text", "cap", "word")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        first = text[0]
        self.cap = first.isupper()
        self.word = first.isalpha()


def tokenize(text: str) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _sentence_initial(text: str, toks: list[_Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].text in "\"'“‘(":
        j -= 1
    if j < 0:
        return True
    if "\n" in text[toks[j].end: toks[i].start]:
        return True
    return toks[j].text[-1] in SENTENCE_END or toks[j].text in ("-", "—", "–") and toks[j - 1].text.isupper()


def _valid_span(toks: list[_Tok], i: int, j: int, text: str) -> bool:
    """Tokens i..j-1 can form a name: capitalised ends, connectors inside, one line."""
    if not toks[j - 1].cap or not toks[j - 1].word and not toks[j - 1].text.endswith("."):
        return False
    if "\n" in text[toks[i].start: toks[j - 1].end]:
        return False
    for k in range(i + 1, j - 1):
        t = toks[k]
        if t.cap or t.text in INNER_PUNCT or t.text.lower() in CONNECTORS:
            continue
        return False
    return True


def _case_ok(gaz: Gazetteer, key: str, surface: str) -> bool:
    forms = gaz.short_forms.get(key)
    if forms is not None:
        return surface in forms or surface.replace(" ", "") in forms or surface + "." in forms
    return True


def _chunk(toks: list[_Tok], i: int, j: int) -> tuple[int, int]:
    """Extend i..j over adjoining capitalised words (and 'of'/'the' between them)."""
    a = i
    while a > 0 and (toks[a - 1].cap and toks[a - 1].word or toks[a - 1].text in "&" and a > 1):
        if toks[a - 1].text.lower() in TITLES or toks[a - 1].text.lower() in FUNCTION_WORDS:
            break  # "Judge Frederic Block": the title is outside the name
        a -= 1
    if a < i and toks[a].text == "The":
        a += 1
    # "Bank of America", "University of Arizona": a name of X
    while a == i and a >= 2 and toks[a - 1].text in ("of", "for") and toks[a - 2].cap and toks[a - 2].word:
        a -= 2
        while a > 0 and toks[a - 1].cap and toks[a - 1].word and toks[a - 1].text.lower() not in TITLES:
            a -= 1
    b = j
    n = len(toks)
    while b < n:
        if toks[b].cap and toks[b].word:
            b += 1
        elif toks[b].text.lower() in ("of", "for", "&") and b + 1 < n and toks[b + 1].cap:
            b += 2
        elif toks[b].text in ("'", "’") and b + 1 < n and toks[b + 1].text == "s" and b + 2 < n and toks[b + 2].cap:
            b += 3
        else:
            break
    return a, b


def _name_like(gaz: Gazetteer, tok: _Tok) -> bool:
    """ "Andrew", "Xavier", "Dave": a name, or at most a hamlet's."""
    low = tok.text.lower()
    if not tok.word or not tok.text[1:].islower() or low in PLACE_PREFIXES:
        return False
    if low in gaz.english_words and low not in gaz.person_words:  # "Rod", "Rose": names too
        return False
    if low in TITLES or low in CALENDAR or low.rstrip("s") in gaz.english_words:
        return False  # "Gov.", "Archbishop", "Thursday", "Democrats"
    if gaz.adjective(fold(tok.text)) is not None:
        return False
    return all(p.kind == "city" and p.population < 20_000 for p, _ in gaz.lookup(fold(tok.text)))


def _town_among_names(gaz: Gazetteer, toks: list[_Tok], i: int, j: int, a: int, b: int) -> bool:
    """A single word naming only towns, next to title-case words of which one is a person's name."""
    if j - i != 1 or gaz.adjective(fold(toks[i].text)) is not None:
        return False
    readings = gaz.lookup(fold(toks[i].text))
    if not readings or any(p.kind != "city" or p.population >= 200_000 for p, _ in readings):
        return False
    others = toks[a:i] + toks[j:b]
    return 1 <= len(others) <= 5 and all(t.word and t.text[1:].islower() for t in others) \
        and any(_name_like(gaz, t) for t in others)


def _classify_embedding(gaz: Gazetteer, toks: list[_Tok], i: int, j: int, text: str) -> str:
    """'person', 'organisation', 'event' or '' for a match at tokens i..j-1."""
    a, b = _chunk(toks, i, j)
    before = toks[a - 1].text.lower().rstrip(".") if a > 0 else ""
    words = [t.text.lower() for t in toks[a:b]]
    if before in TITLES or (a > 1 and toks[a - 1].text == "." and toks[a - 2].text.lower() in TITLES):
        return "person"
    if a > 0 and toks[a - 1].text == "By" and b - a >= 2:
        return "person"  # a byline: "By Carey L. Biron"
    if a == i and b == j:
        return ""
    inside = words[: i - a] + words[j - a:]
    if _town_among_names(gaz, toks, i, j, a, b):
        return "person"  # "Robert Trent Jones Golf Club": a town's name among a person's names
    if any(w in EVENT_WORDS for w in inside):
        return "event"
    if any(w in ORG_WORDS for w in inside):
        return "organisation"
    if j - i == 1 and fold(toks[i].text) in gaz.english_words \
            and all(p.kind == "city" and p.population < 500_000 for p, _ in gaz.lookup(fold(toks[i].text))):
        return "name"  # "Marigny Plantation", "Free People": a word inside a longer name
    if a < i and b == j and all(_name_like(gaz, t) for t in toks[a:i]):
        return "person"  # "Andrew Jackson"
    if a == i and j - i == 1 and b - j <= 3 and all(_name_like(gaz, t) for t in toks[j:b]):
        return "person"  # "Paris Hilton", "Bernard Xavier Philippe"
    return ""


def recognize(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Find toponym candidates in ``text`` (offsets index ``text``)."""
    toks = tokenize(text)
    n = len(toks)
    out: list[Candidate] = []
    i = 0
    while i < n:
        tok = toks[i]
        starts_the = tok.text in ("the", "The") and i + 1 < n and toks[i + 1].cap
        if not (tok.cap and tok.word) and not starts_the:
            i += 1
            continue
        local = _local_feature(gaz, text, toks, i + 1 if starts_the else i)
        if local is not None:
            out.append(local)
            i = local.end_token
            continue
        low = tok.text.lower()
        if not starts_the and (fold(tok.text).split(" ", 1)[0] not in gaz.first_words or low in CALENDAR
                               or (low in FUNCTION_WORDS and not tok.text.isupper())):
            i += 1
            continue
        match = _match_at(gaz, text, toks, i)
        if starts_the:
            # "the South China Sea" is the sea, not "the South" followed by "China Sea"
            after = _match_at(gaz, text, toks, i + 1)
            if after is not None and (match is None or after[1] > match[1]):
                match = after
        if match is None:
            i += 1
            continue
        out.append(match[0])
        i = match[1]
    _mark_people(gaz, toks, out)
    _link_containers(text, out)
    return out


def _mark_people(gaz: Gazetteer, toks: list[_Tok], cands: list[Candidate]) -> None:
    """Once "Josh Allen" is a person, a later "Allen" alone is that person too."""
    def townish(c: Candidate) -> bool:  # a single word naming only towns, none of them big
        return (
            c.adjective is None and " " not in c.key and bool(c.places)
            and all(p.kind == "city" and p.population < 200_000 for p, _ in c.places)
        )

    people = {c.key for c in cands if c.embedded == "person" and townish(c)}
    if not people:
        return
    for c in cands:
        if c.key in people and not c.embedded and not c.locative and c.container is None and townish(c) and not c.all_caps:
            c.embedded = "person"


def _match_at(gaz: Gazetteer, text: str, toks: list[_Tok], i: int) -> tuple[Candidate, int] | None:
    """The longest name starting at token i, with the end token, or None."""
    n = len(toks)
    stop = min(n, i + MAX_TOKENS)
    last = i + 1
    while last < stop and (toks[last].cap or toks[last].text in INNER_PUNCT or toks[last].text.lower() in CONNECTORS):
        if toks[last].text in INNER_PUNCT and toks[last].start - toks[last - 1].end > 1:
            break
        last += 1
    for j in range(last, i, -1):
        if not _valid_span(toks, i, j, text):
            continue
        surface = text[toks[i].start: toks[j - 1].end]
        key = fold(surface)
        found: Candidate | None = None
        if gaz.has(key) and _case_ok(gaz, key, surface):
            found = Candidate(toks[i].start, toks[j - 1].end, surface, key, places=gaz.lookup(key))
        adj = gaz.adjective(key)
        singular = gaz.adjective(key[:-1]) if adj is not None and key.endswith("s") else None
        if adj is not None and singular is not None and singular.pid == adj.pid:
            if found is None:
                return None  # "South Africans": people, and no shorter name ("South") inside it
            adj = None  # "Mexicans", "Saudis": people, not a place (the actor stage reads them)
        if adj is not None and _case_ok(gaz, key, surface) and (len(key) > 3 or surface.replace(".", "").isupper()):
            combining = key.endswith("o") and not gaz.has(key)
            if combining and not (j < n and toks[j].text == "-"):
                adj = None
            if adj is not None:
                if found is None:
                    found = Candidate(toks[i].start, toks[j - 1].end, surface, key)
                found.adjective = adj
                if found.places and all(p.pid != adj.pid for p, _ in found.places):
                    found.places = [(adj, False), *found.places]  # "Canadian": the country, or Canadian, Texas
        if found is not None:
            found.initial = _sentence_initial(text, toks, i)
            found.all_caps = surface.isupper() and len(surface) > 3
            found.embedded = _classify_embedding(gaz, toks, i, j, text)
            prev = toks[i - 1].text.lower() if i > 0 else ""
            found.locative = prev in LOCATIVE
            follow = text[found.end: found.end + 4].lstrip()[:1]
            found.dateline = found.start < DATELINE_REACH and follow in DATELINE_FOLLOWERS and (
                found.all_caps or found.initial)
            return found, j
    return None


@dataclass
class _LocalCandidate(Candidate):
    end_token: int = 0


def _local_feature(gaz: Gazetteer, text: str, toks: list[_Tok], i: int) -> _LocalCandidate | None:
    """ "Royal Street", "Collier County": features of the area the text is about."""
    k = i
    n = len(toks)
    while k < n and k - i < 6 and toks[k].cap and toks[k].word and "\n" not in text[toks[i].start: toks[k].end]:
        k += 1
    if k - i < 2:
        return None
    end = toks[k - 1].end
    last = toks[k - 1].text
    saint = k + 1 < n and toks[k].text == "." and toks[k + 1].cap  # "St. Louis", "Dr. Smith"
    before = toks[i - 1].text.lower() if i > 0 else ""
    if last in STREET_WORDS and not (last in ("St", "Dr") and saint):
        if k - 1 > i and toks[k - 2].text.lower() in TITLES:
            return None
        if before in ("the", ",", "a", "an", "new"):
            return None  # "on Royal Street", "at 2231 Royal Street"; not "the New Silk Road", ", One Road"
        if last in ("St", "Ave", "Rd", "Blvd", "Dr", "Ct", "Ln", "Pkwy", "Hwy") and k < n and toks[k].text == ".":
            end = toks[k].end
        surface = text[toks[i].start: end]
        return _LocalCandidate(toks[i].start, end, surface, fold(surface), local="street", end_token=k)
    surface = text[toks[i].start: end]
    if last.lower() in VENUE_WORDS:
        j = i - 1
        if j >= 0 and toks[j].text.lower() == "the":
            j -= 1
        if j >= 0 and toks[j].text.split()[-1].lower() in VENUE_PREPOSITIONS:  # "at the Central Mental Hospital"
            return _LocalCandidate(toks[i].start, end, surface, fold(surface), local="venue", end_token=k)
    if last.lower() == "county":
        states = gaz.county_states(fold(surface))
        if states:
            return _LocalCandidate(toks[i].start, end, surface, fold(surface), local="county", county_states=states, end_token=k)
    return None


def _link_containers(text: str, cands: list[Candidate]) -> None:
    """"Paris, Texas": the second name contains the first."""
    for a, b in zip(cands, cands[1:], strict=False):
        gap = text[a.end: b.start]
        if gap.strip() == "," and "\n" not in gap and b.places and not b.is_adjective:
            a.container = b
