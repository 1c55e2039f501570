"""People: names linked to a country or organisation by title, dictionary or earlier mention.

Requires the compiled :func:`events.actors.lexicon.lexicon` and the state/org
mentions already found in the text. Returns person :class:`ActorMention` values
(``kind="person"``, ``code`` = the state or organisation, ``person`` = full name,
span = the name itself).

Rules, in order of strength:

1. **Title in the text** — a title phrase with its country or organisation next to
   it names the person after it: "Zambian President Hakainde Hichilema", "Iran's
   Deputy Foreign Minister Majid Takht Ravanchi", "Vice Foreign Minister of the
   People's Republic of China Miao Deyu", "US Secretary of State Rex Tillerson",
   "UN Secretary-General António Guterres", or before it as an apposition
   ("Fu Cong, Permanent Representative of China to the UN"). "to X" names the host,
   never the person's own country ("Moscow's Ambassador to Beijing").
2. **Shipped leaders dictionary** with terms of office; ``on_date`` chooses among
   homonyms and roles ("Li" is Li Keqiang in 2015 and Li Qiang in 2024).
3. **Earlier mention** — a person introduced with a title, or passed in
   ``known_people``, keeps the code when named again by full name or surname
   ("Hichilema said"); Chinese/Korean names are keyed on their first token too.
4. **Title anchor** — a title with a country but no name ("Moscow's ambassador
   to Beijing") gives that country to the same title with a bare name elsewhere
   in the text ("Ambassador Andrei Denisov").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from events.actors.lexicon import UPPER_CLASS, Lexicon, Term, canonical_form, trie_pattern
from events.model import ActorMention

_PARTICLE = r"(?:bin|bint|ibn|ben|al|el|de|da|do|dos|das|del|della|der|den|di|du|van|von|le|la|y)"
_TOKEN = rf"(?:{UPPER_CLASS}(?:\w|['.-](?=\w))*\.?|(?:al|el|ad|as|ash|an)-{UPPER_CLASS}\w*)"
_NAME = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_TOKEN}){{0,5}}"
_NAME_AFTER = re.compile(rf"[ \t]+({_NAME})")
# "the Chinese ambassador to the US, Xie Feng, said" (not "the DPRK Ambassador, Liu said").
_NAME_BETWEEN_COMMAS = re.compile(rf",[ \t]+({_NAME}),")
_NAME_BEFORE = re.compile(rf"(?<![\w'.-])({_NAME}),[ \t]+(?:the[ \t]+|a[ \t]+)?$")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
# A name after one of these is a place or an object, not a person in apposition.
_NOT_BEFORE_APPOSITION = frozenset("in at on to from of near into via across inside outside".split())
_ANCHOR_WINDOW = 3000  # chars: a nameless "Moscow's ambassador" explains a nearby "Ambassador X"
_TOKEN_SPLIT = re.compile(r"\S+")
_PREP = re.compile(r"\s+(of|for|to)\s+(?:the\s+)?")
_NEXT_TOKEN = re.compile(r"[ \t]+([\w'.-]+)")
_PREV_TOKEN = re.compile(r"([\w.'-]+)[ -]$")
_KEEP_DOT = frozenset({"Jr.", "Sr."})
# First-token surnames: "Premier Li" / "Miao said" after "Miao Deyu".
_EAST_ASIAN_SURNAMES = frozenset(
    "Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo "
    "Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai "
    "Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Xi Qin Miao Fu Geng Hua Mao Kong "
    "Bai Cui Kang Qian Lai Tsai Kim Lee Park Choi Moon Yoon Roh Jung Kang Cho".split()
)


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    code: str | None
    head: str
    head_pos: int


def _choose_term(lex: Lexicon, idx: Sequence[int], on_date: dt.date | None,
                 code_hint: str | None = None) -> Term:
    terms = [lex.people[i] for i in idx]
    if code_hint and any(t.code == code_hint for t in terms):
        terms = [t for t in terms if t.code == code_hint]
    if on_date is not None:
        return min(terms, key=lambda t: (t.distance(on_date), -t.start.toordinal()))
    return max(terms, key=lambda t: t.start)


def _is_place_or_org(lex: Lexicon, token: str) -> bool:
    entry = lex.forms.get(token)
    return entry is not None and entry.kind != "person"


def _clean_name(lex: Lexicon, norm: str, start: int, raw: str) -> tuple[int, int, str] | None:
    """Trim a raw capitalised run to a plausible personal name (offsets into ``norm``)."""
    ignore = lex.ignore_tokens
    tokens = [(m.start() + start, m.group()) for m in _TOKEN_SPLIT.finditer(raw)]
    while tokens and tokens[0][1] in ignore:
        tokens.pop(0)  # "Security Council Sergei Shoigu" -> "Sergei Shoigu"
    if tokens and _is_place_or_org(lex, tokens[0][1].removesuffix("'s")):
        return None  # another actor follows, not a name ("leader, Italian Prime Minister ...")
    kept: list[tuple[int, str]] = []
    for pos, tok in tokens:
        bare = tok[:-2] if tok.endswith("'s") else tok
        if bare in ignore or _is_place_or_org(lex, bare):
            break
        if len(bare) > 2 and bare.endswith(".") and bare not in _KEEP_DOT:
            kept.append((pos, bare[:-1]))
            break  # sentence end
        kept.append((pos, bare))
        if bare != tok or len([t for t in kept if t[1][:1].isupper()]) >= 4:
            break
    while kept and not kept[-1][1][:1].isupper():
        kept.pop()  # a trailing particle
    if not kept or not any(len(t) > 2 or (len(t) == 2 and t[1] != ".") for _, t in kept):
        return None
    s, e = kept[0][0], kept[-1][0] + len(kept[-1][1])
    name = canonical_form(norm[s:e])
    if not name[:1].isupper() and not re.match(r"(?:al|el|ad|as|ash|an)-", name):
        return None
    return s, e, name


def _name_keys(name: str) -> list[str]:
    """Keys under which a later mention of this person may appear."""
    tokens = name.split()
    keys = [name]
    if len(tokens) >= 2:
        if tokens[0] in _EAST_ASIAN_SURNAMES and len(tokens) <= 3:
            keys.append(tokens[0])
        else:
            last = tokens[-1]
            if len(last) >= 3 and last[0].isupper():
                keys.append(last)
    return keys


# People from the event-data dictionaries carry these roles (geodata/build_actors.py); the curated
# leaders carry titles ("President").  A bare surname is trusted less for the former.
_DICTIONARY_ROLES = frozenset(
    "government military elite legislature judiciary police intelligence opposition rebels party official".split()
)
_SURNAME_REACH_DAYS = 365


def _shared_surname(token: str) -> bool:
    """Short or common family names ("Li", "Wang", "Abe") are shared by many people; a
    distinctive surname ("Putin") is not, even next to a capitalised word in a headline."""
    return len(token) <= 4 or token in _EAST_ASIAN_SURNAMES


def _title_case_line(norm: str, pos: int) -> bool:
    """Headlines capitalise every word, so a capitalised neighbour proves nothing there."""
    lo = max(norm.rfind("\n", max(0, pos - 200), pos) + 1, pos - 200)
    hi = norm.find("\n", pos, pos + 200)
    words = [w for w in norm[max(lo, 0) : hi if hi >= 0 else pos + 200].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _neighbour_is_name(lex: Lexicon, norm: str, start: int, end: int) -> bool:
    """A one-token surname followed or preceded by another capitalised name token
    is a different person ("Wang Wenbin" is not Wang Yi)."""
    ignore = lex.ignore_tokens
    nxt = _NEXT_TOKEN.match(norm, end, end + 40)
    if nxt:
        tok = nxt.group(1).removesuffix("'s").rstrip(".,")
        if tok[:1].isupper() and tok not in ignore and not _is_place_or_org(lex, tok):
            return not _title_case_line(norm, start)
    if norm[start - 1 : start] == " ":
        prv = _PREV_TOKEN.search(norm, max(0, start - 40), start)
        tok = prv.group(1) if prv else ""
        if tok.endswith("'s") or tok.endswith("'"):
            return False  # "Russia's Putin"
        if tok[:1].isupper() and tok not in ignore and tok not in lex.forms and not tok.endswith("."):
            return not _title_case_line(norm, start)
    return False


def _title_candidates(
    lex: Lexicon, norm: str, by_end: dict[int, ActorMention], by_start: dict[int, ActorMention],
) -> tuple[list[_Candidate], list[tuple[str, str, int]]]:
    candidates: list[_Candidate] = []
    anchors: list[tuple[str, str, int]] = []  # (head, code, position)
    starts = sorted(by_start)
    for hm in lex.title_scanner.finditer(norm):
        head = canonical_form(hm.group())
        nxt = lex.title_scanner.match(norm, hm.end() + 1)
        if nxt is not None and norm[hm.end()] in " -":
            continue  # a head used as a modifier ("deputy chairman"): the last head decides
        left = hm.start()
        for _ in range(5):  # "Deputy Foreign Minister" -> extend over the modifiers
            if left < 2 or norm[left - 1] not in " -":
                break
            tok_start = max(norm.rfind(" ", max(0, left - 30), left - 1), norm.rfind("-", max(0, left - 30), left - 1)) + 1
            token = norm[tok_start : left - 1]
            if left - 1 in by_end or (token not in lex.title_modifiers and token not in lex.title_heads):
                break  # an actor ends here ("Kremlin spokesman"): it is the title's owner
            left = tok_start
        code: str | None = None
        country_start = left
        for gap in (" ", "'s ", "' "):  # "Zambian President", "Iran's Deputy ..."
            actor = by_end.get(left - len(gap))
            if actor is not None and norm[actor.end : left] == gap:
                code, country_start = actor.code, actor.start
                break
        right = hm.end()
        for _ in range(4):  # "of State", "of the People's Republic of China", "to Beijing"
            pm2 = _PREP.match(norm, right)
            if pm2 and pm2.end() in by_start:
                actor = by_start[pm2.end()]
                if pm2.group(1) == "of" and code is None:
                    code = actor.code
                right = actor.end
                continue
            cm = lex.complement_scanner.match(norm, right)
            if cm:
                if code is None:  # "Minister of the International Department of the CPC ..."
                    i = bisect.bisect_right(starts, cm.start())
                    if i < len(starts) and starts[i] < cm.end():
                        code = by_start[starts[i]].code
                right = cm.end()
                continue
            break
        found: tuple[int, int, str] | None = None
        nm = _NAME_AFTER.match(norm, right) or _NAME_BETWEEN_COMMAS.match(norm, right)
        if nm:
            found = _clean_name(lex, norm, nm.start(1), nm.group(1))
        if (found is None and not head.endswith("s")
                and norm.endswith((", ", ", the ", ", a "), max(0, country_start - 6), country_start)):
            bm = _NAME_BEFORE.search(norm, max(0, country_start - 80), country_start)
            if bm:
                wb = _WORD_BEFORE.search(norm, max(0, bm.start() - 30), bm.start())
                if not wb or wb.group(1).lower() not in _NOT_BEFORE_APPOSITION:
                    found = _clean_name(lex, norm, bm.start(1), bm.group(1))
        if found is None:
            if code is not None:
                anchors.append((head.lower(), code, hm.start()))
            continue
        candidates.append(_Candidate(found[0], found[1], found[2], code, head.lower(), hm.start()))
    return candidates, anchors


def find_people(
    lex: Lexicon,
    norm: str,
    text: str,
    actors: list[ActorMention],
    person_hits: list[tuple[int, int, tuple[int, ...]]],
    on_date: dt.date | None,
    known_people: Mapping[str, str],
) -> list[ActorMention]:
    """Person mentions in ``text`` (``norm`` is its normalised twin, same offsets)."""
    by_end = {a.end: a for a in actors if a.via != "capital (place)"}
    by_start = {a.start: a for a in actors}
    candidates, anchors = _title_candidates(lex, norm, by_end, by_start)
    registry: dict[str, tuple[str, str]] = {}  # key -> (code, full name)
    for key, code in known_people.items():
        for k in _name_keys(key):
            registry.setdefault(k, (code, key))

    out: list[ActorMention] = []
    taken: set[int] = set()  # character offsets already inside a person mention

    def emit(s: int, e: int, code: str, person: str, via: str) -> None:
        span = range(s, e)
        if not taken.isdisjoint(span):
            return
        taken.update(span)
        out.append(ActorMention(s, e, text[s:e], code, "person", person, via))

    resolved: list[tuple[_Candidate, str, str, str]] = []
    pending: list[_Candidate] = []
    for cand in candidates:
        idx = lex.names_to_terms.get(cand.name)
        if cand.code is not None:
            person = cand.name
            if idx:
                term = _choose_term(lex, idx, on_date, cand.code)
                if term.code == cand.code:
                    person = term.name
            resolved.append((cand, cand.code, person, "title"))
        elif idx:
            term = _choose_term(lex, idx, on_date)
            resolved.append((cand, term.code, term.name, "leaders dictionary"))
        else:
            pending.append(cand)
    for cand, code, person, _ in resolved:
        for k in _name_keys(person) + _name_keys(cand.name):
            registry.setdefault(k, (code, person))
    for cand in pending:
        hit = registry.get(cand.name)
        if hit is not None:
            resolved.append((cand, hit[0], hit[1], "earlier mention"))
            continue
        same = [a for a in anchors if a[0] == cand.head and a[0] in lex.anchor_heads
                and abs(a[2] - cand.start) <= _ANCHOR_WINDOW]
        if same:
            _, code, _ = min(same, key=lambda a: abs(a[2] - cand.start))
            resolved.append((cand, code, cand.name, "title anchor"))
            for k in _name_keys(cand.name):
                registry.setdefault(k, (code, cand.name))
    # The title nearest the name wins ("G7 leader, Italian Prime Minister Paolo Gentiloni").
    for cand, code, person, via in sorted(resolved, key=lambda r: abs(r[0].start - r[0].head_pos)):
        emit(cand.start, cand.end, code, person, via)

    for s, e, idx in person_hits:
        single = " " not in norm[s:e].strip()
        dictionary_only = all(lex.people[i].role in _DICTIONARY_ROLES for i in idx)
        if single and (_shared_surname(norm[s:e]) or dictionary_only) and _neighbour_is_name(lex, norm, s, e):
            continue  # "Gerry Adams" is not the Adams of the dictionary
        if single and dictionary_only and on_date is not None \
                and min(lex.people[i].distance(on_date) for i in idx) > _SURNAME_REACH_DAYS:
            continue  # a surname alone names a dictionary person only while they are in the news's present
        surface = canonical_form(norm[s:e])
        if surface in registry:  # the text itself said who this is
            code, person = registry[surface]
            emit(s, e, code, person, "earlier mention")
            continue
        term = _choose_term(lex, idx, on_date)
        emit(s, e, term.code, term.name, "leaders dictionary")
    extra = [k for k in registry if k not in lex.forms and k in norm]
    if extra:
        pattern = re.compile(r"(?<!\w)(?:" + trie_pattern(extra) + r")(?!\w)")
        for m in pattern.finditer(norm):
            s, e = m.span()
            if " " not in m.group() and _shared_surname(m.group()) and _neighbour_is_name(lex, norm, s, e):
                continue
            code, person = registry[m.group()]
            emit(s, e, code, person, "earlier mention")
    return out
