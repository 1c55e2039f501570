"""Shipped world knowledge: recurring summits and leaders' terms, used to date yearless text.

Stage ``knowledge``.  Requires: an article's text, ``geodata/summits.json`` (curated) and the leaders
dictionary behind :func:`events.actors.states.leader_terms`.  Sets: ``SummitMention`` values (offsets into
the text) and, for the publication-date ladder, the years of yearless dates.  Pure functions, data loaded once.

* :func:`summits_in` finds mentions of recurring summits and forums with what
  identifies an edition: a host city or country ("the APEC summit in Lima",
  "Xiamen BRICS summit", "APEC in the Republic of Korea"), an edition number
  ("the 32nd APEC Economic Leaders' Meeting", "COP28", "78th session of the UN
  General Assembly") or a year next to it ("September 2017's BRICS summit").
  Series always held in one place (Belt and Road Forum, Boao, Davos, SPIEF, ...)
  need none. Every edition that fits is returned (Lima hosted APEC in 2008, 2016
  and 2024); ``year_hint`` keeps the nearest.
* :func:`year_from_knowledge` gives a yearless date its year from the summits
  named in the same text (the date must fall within ten days of an edition) and
  from the terms of office of the people named, or ``None`` when that is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from events.actors.lexicon import canonical_form, lexicon, normalise, trie_pattern
from events.actors.states import leader_terms
from events.resources import SUMMITS_FILE, countries
from events.temporal.calendar import safe_date
from events.text.sentences import sentence_around

__all__ = ["SummitMention", "Summit", "summits_in", "year_from_knowledge", "summits"]

SUMMITS_PATH = SUMMITS_FILE
_WINDOW = 140  # chars either side of a trigger, within its sentence
_NEAR_DAYS = 10  # a date this close to an edition belongs to it
_ORDINAL_WORDS = {
    w: i for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
# An ordinal that starts the event's name: the words up to the trigger are capitalised
# or function words ("24th Meeting of the Council of Heads of Government (Prime
# Ministers) of ... the SCO"), so "the 20th Central Committee, whose ... SCO" is not one.
_EDITION = re.compile(
    r"(?:(\d{1,3})(?:st|nd|rd|th)|((?i:" + "|".join(_ORDINAL_WORDS) + r")))\s+"
    r"(?:(?:\(?[A-Z][\w'-]*\)?|of|the|and|for|on|in|heads|state|government|session|meeting|summit|edition|annual|"
    r"conference|forum|round|council|plenary|ministerial|high-level|leaders'?)\s+){0,14}?$"
)
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-3]\d)(?!\d)")
_LOCATIVE_BEFORE = re.compile(r"(?:\bin|\bat|\bhosted by|\bheld in|\bcity of)\s+(?:the\s+)?$")
# A host right before the name: "Xiamen BRICS summit", "Beijing Summit of the FOCAC", "Lima's APEC".
_HOST_BEFORE_TRIGGER = re.compile(r"(?:'s)?(?:\s+[\w'-]+){0,4}?\s+$")


@dataclass(frozen=True)
class Summit:
    """One edition of a recurring summit or forum from ``geodata/summits.json``."""

    series: str  # "APEC", "SCO-HG", "BRF", ...
    org: str  # organisation code of the series ("SCO" for both SCO councils)
    name: str  # "APEC Economic Leaders' Meeting"
    date_start: dt.date
    date_end: dt.date
    city: str
    country: str  # ISO3
    edition: int | None
    note: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class SummitMention:
    """A recurring summit named in a text, with one candidate edition.

    Offsets index the text given to :func:`summits_in`. A mention that fits several
    editions yields one value per edition, all with the same offsets.
    """

    start: int
    end: int
    text: str
    org: str
    city: str
    country: str
    date_start: dt.date
    date_end: dt.date
    lat: float | None = None
    lon: float | None = None
    series: str = ""
    name: str = ""
    edition: int | None = None

    @property
    def label(self) -> str:
        """``APEC 2024 Lima (2024-11-15..16)``."""
        s, e = self.date_start, self.date_end
        if s == e:
            span = s.isoformat()
        elif (s.year, s.month) == (e.year, e.month):
            span = f"{s.isoformat()}..{e.day:02d}"
        else:
            span = f"{s.isoformat()}..{e.isoformat()}"
        return f"{self.series} {s.year} {self.city} ({span})"


@dataclass(frozen=True)
class _Series:
    code: str
    org: str
    name: str
    trigger: re.Pattern[str]
    trigger_sources: tuple[str, ...]
    keyword: re.Pattern[str] | None
    requires_context: re.Pattern[str] | None
    excluded_context: re.Pattern[str] | None
    blocked_before: str
    single_host: bool
    edition_year_offset: int | None
    editions: tuple[Summit, ...]
    host_names: dict[str, str]  # surface form -> canonical city
    host_scanner: re.Pattern[str] | None


def _capital_points() -> dict[str, tuple[float, float]]:
    """Capital city -> point, from the country table (host capitals need no geocoder)."""
    return {
        r["capital"]: (float(r["capital_lat"]), float(r["capital_lon"]))
        for r in countries().values()
        if r.get("capital") and r.get("capital_lat") is not None and r.get("capital_lon") is not None
    }


# What a trigger's match must contain: after any lookbehinds and one leading group ("(?:St\\.? |Saint[ -])"),
# a run of plain or escaped characters whose last one is not optional.
_SKIPPED_START = re.compile(r"(?:\(\?<[!=][^()]*\))*(?:\(\?:[^()]*\)\??)?")
_LITERAL_RUN = re.compile(r"(?:[\w ,'-]|\\[.()])+(?![?*{])")
_ESCAPE = re.compile(r"\\(.)")


def _required_literal(source: str) -> str | None:
    """A literal every match of the trigger ``source`` contains (a cheap ``in`` test before the regex), or None."""
    depth, escaped = 0, False
    for ch in source:  # an alternation at the top level has no common literal
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    skipped = _SKIPPED_START.match(source)
    run = _LITERAL_RUN.match(source, skipped.end() if skipped else 0)
    literal = _ESCAPE.sub(r"\1", run.group()) if run else ""
    return literal if len(literal) >= 2 else None


@lru_cache(maxsize=1)
def _trigger_scanners() -> tuple[tuple[tuple[str, ...], re.Pattern[str], tuple[_Series, ...]], ...]:
    """Per distinct trigger set: the literal prefixes that must occur for it to match
    (a cheap ``in`` test skips the regex for series the text never names), the
    compiled trigger, and the series sharing it (SCO and SCO-HG)."""
    series_list, _ = _data()
    groups: dict[str, list[_Series]] = {}
    for series in series_list:
        groups.setdefault(series.trigger.pattern, []).append(series)
    out = []
    for ss in groups.values():
        prefixes: list[str] = []
        for trig in ss[0].trigger_sources:
            lit = _required_literal(trig)
            if lit is None:
                prefixes = []  # a trigger without a literal: always run this one
                break
            prefixes.append(lit)
        out.append((tuple(prefixes), ss[0].trigger, tuple(ss)))
    return tuple(out)


@lru_cache(maxsize=1)
def _data() -> tuple[tuple[_Series, ...], tuple[Summit, ...]]:
    with open(SUMMITS_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)
    venues = {k: (float(v[0]), float(v[1])) for k, v in raw.get("venues", {}).items()}
    venues.update({c: p for c, p in _capital_points().items() if c not in venues})
    aliases: dict[str, list[str]] = raw.get("city_aliases", {})
    all_editions: list[Summit] = []
    by_series: dict[str, list[Summit]] = {}
    for series, start, end, city, country, edition, note in raw["events"]:
        cfg = raw["series"][series]
        lat, lon = venues.get(city, (None, None))
        summit = Summit(series, cfg["org"], cfg["name"], dt.date.fromisoformat(start),
                        dt.date.fromisoformat(end), city, country, edition, note, lat, lon)
        all_editions.append(summit)
        by_series.setdefault(series, []).append(summit)
    out: list[_Series] = []
    for code, cfg in raw["series"].items():
        editions = tuple(by_series.get(code, ()))
        host_names: dict[str, str] = {}
        for ed in editions:
            host_names[ed.city] = ed.city
            for alias in aliases.get(ed.city, []):
                host_names.setdefault(alias, ed.city)
        host_scanner = (
            re.compile(r"(?<!\w)(?:" + trie_pattern(host_names) + r")(?!\w)") if host_names else None
        )
        out.append(_Series(
            code=code, org=cfg["org"], name=cfg["name"],
            trigger=re.compile(r"(?<![\w-])(?:" + "|".join(cfg["triggers"]) + r")(?![\w])"),
            trigger_sources=tuple(cfg["triggers"]),
            keyword=re.compile(cfg["keyword"]) if cfg.get("keyword") else None,
            requires_context=re.compile(cfg["requires_context"]) if cfg.get("requires_context") else None,
            excluded_context=re.compile(cfg["excluded_context"]) if cfg.get("excluded_context") else None,
            blocked_before=cfg.get("blocked_before", ""),
            single_host=bool(cfg.get("single_host")),
            edition_year_offset=cfg.get("edition_year_offset"),
            editions=editions, host_names=host_names, host_scanner=host_scanner,
        ))
    return tuple(out), tuple(all_editions)


def summits() -> tuple[Summit, ...]:
    """Every curated edition, in file order."""
    return _data()[1]


def _host(series: _Series, norm: str, left: int, right: int, t_start: int, t_end: int,
          ) -> tuple[str, str, int, int] | None:
    """("city"|"country", value, start, end) of the host named nearest the trigger."""
    best: tuple[int, tuple[str, str, int, int]] | None = None
    if series.host_scanner is not None:
        for m in series.host_scanner.finditer(norm, left, right):
            if t_start <= m.start() < t_end:
                continue
            if not (_LOCATIVE_BEFORE.search(norm, max(0, m.start() - 20), m.start())
                    or (m.end() <= t_start and _HOST_BEFORE_TRIGGER.fullmatch(norm, m.end(), t_start))):
                continue  # "the Shanghai Spirit" names no host
            dist = m.start() - t_end if m.start() >= t_end else t_start - m.end()
            cand = ("city", series.host_names[canonical_form(m.group())], m.start(), m.end())
            if best is None or dist < best[0]:
                best = (dist, cand)
    if best is not None:
        return best[1]
    countries = {e.country for e in series.editions}
    lex = lexicon()
    for m in lex.scanner.finditer(norm, t_end, right):  # "APEC in the Republic of Korea"
        entry = lex.forms.get(canonical_form(m.group()))
        if entry and entry.kind == "state" and entry.code in countries and entry.via == "name":
            if _LOCATIVE_BEFORE.search(norm, max(t_end, m.start() - 20), m.start()):
                return ("country", entry.code, m.start(), m.end())
    return None


def _edition_number(norm: str, left: int, t_start: int, t_end: int, series: _Series) -> int | None:
    em = _EDITION.search(norm, left, t_start)
    if em:
        return int(em.group(1)) if em.group(1) else _ORDINAL_WORDS[em.group(2).lower()]
    if series.code == "COP":
        digits = re.search(r"\d+", norm[t_start:t_end])
        if digits:
            return int(digits.group())
    return None


def _near_year(norm: str, left: int, right: int, t_start: int, t_end: int) -> int | None:
    best: tuple[int, int] | None = None
    for m in _YEAR.finditer(norm, max(left, t_start - 40), min(right, t_end + 60)):
        dist = abs(m.start() - t_start)
        if best is None or dist < best[0]:
            best = (dist, int(m.group()))
    return best[1] if best else None


def _filter(cands: list[Summit], keep: list[Summit]) -> list[Summit]:
    return keep if keep else cands


def _editions_at(
    series: _Series, norm: str, t_start: int, t_end: int, year_hint: int | None
) -> tuple[list[Summit], int, int] | None:
    """The editions a trigger at ``t_start`` can mean, with the mention's span; None if no mention.

    A mention needs the series' keyword nearby (or a host), and a clue that matches
    an edition: its host, edition number or a year next to it (a series always held
    in one place needs no clue).
    """
    if series.blocked_before and norm.endswith(series.blocked_before, 0, t_start):
        return None
    left, right = sentence_around(norm, t_start, t_end, _WINDOW)
    if series.requires_context is not None and not series.requires_context.search(norm, left, right):
        return None
    if series.excluded_context is not None and series.excluded_context.search(norm, left, right):
        return None  # e.g. the SCO Council of Heads of Government is its own series
    host = _host(series, norm, left, right, t_start, t_end)
    has_keyword = series.keyword is None or bool(
        series.keyword.search(norm, t_end, min(right, t_end + 60))
        or series.keyword.search(norm, max(left, t_start - 40), t_start)
    )
    if not has_keyword and host is None:
        return None
    cands = list(series.editions)
    clue = series.single_host
    if host is not None:
        cands = [e for e in cands if (e.city if host[0] == "city" else e.country) == host[1]]
        clue = True
    edition = _edition_number(norm, left, t_start, t_end, series)
    if edition is not None:
        if series.edition_year_offset is not None:
            keep = [e for e in cands if e.date_start.year == edition + series.edition_year_offset]
        else:
            keep = [e for e in cands if e.edition == edition]
        cands, clue = (keep, True) if keep else (cands, clue)
    year = _near_year(norm, left, right, t_start, t_end)
    if year is not None:
        keep = [e for e in cands if year in (e.date_start.year, e.date_end.year)]
        cands, clue = (keep, True) if keep else (cands, clue)
    if not clue or not cands:
        return None
    if re.search(r"[Ss]ummit", norm[max(left, t_start - 30) : min(right, t_end + 30)]):
        cands = _filter(cands, [e for e in cands if "ministerial" not in e.note])
    if year_hint is not None:
        best = min(abs(e.date_start.year - year_hint) for e in cands)
        cands = [e for e in cands if abs(e.date_start.year - year_hint) == best]
    start = min(t_start, host[2]) if host else t_start
    end = max(t_end, host[3]) if host else t_end
    return cands, start, end


def summits_in(text: str, *, year_hint: int | None = None) -> list[SummitMention]:
    """Recurring summits named in ``text`` with every edition they may be (see module doc)."""
    if year_hint is None:
        return list(_summits_cached(text))
    return _summits_in(text, year_hint=year_hint)


def _summits_in(text: str, *, year_hint: int | None = None) -> list[SummitMention]:
    """Recurring summits named in ``text`` with every edition they may be (see module doc)."""
    norm = normalise(text)
    out: list[SummitMention] = []
    hits = [
        (m, series)
        for prefixes, trigger, group in _trigger_scanners()
        if not prefixes or any(p in norm for p in prefixes)
        for m in trigger.finditer(norm)
        for series in group
    ]
    covered: dict[str, list[tuple[int, int]]] = {}  # series -> spans already reported
    for m, series in hits:
        t_start, t_end = m.span()
        if any(s <= t_start < e for s, e in covered.get(series.code, ())):
            continue  # "APEC (Asia-Pacific Economic Cooperation) ..." is one mention
        found = _editions_at(series, norm, t_start, t_end, year_hint)
        if found is None:
            continue
        cands, start, end = found
        covered.setdefault(series.code, []).append((start, end))
        for e in cands:
            out.append(SummitMention(
                start, end, text[start:end], e.org, e.city, e.country, e.date_start, e.date_end,
                e.lat, e.lon, e.series, e.name, e.edition,
            ))
    out.sort(key=lambda s: (s.start, s.date_start))
    return out


@lru_cache(maxsize=64)
def _summits_cached(text: str) -> tuple[SummitMention, ...]:
    return tuple(_summits_in(text))


def _day_distance(date: dt.date, s: SummitMention) -> int:
    if date < s.date_start:
        return (s.date_start - date).days
    if date > s.date_end:
        return (date - s.date_end).days
    return 0


def _in_office_years(people: Sequence[str], month: int, day: int | None,
                     years: Sequence[int]) -> dict[str, set[int]]:
    """For each person with known terms: the candidate years in which the date falls in office."""
    out: dict[str, set[int]] = {}
    wanted = set(years)
    last = max(wanted, default=0)
    for name in dict.fromkeys(people):
        terms = leader_terms(name)
        if not terms:
            continue
        ok: set[int] = set()
        for _, _, s, e in terms:
            for y in range(s.year, (e.year if e is not None else last) + 1):  # only the term's own years
                date = safe_date(y, month, day or 15) if y in wanted else None
                if date is not None and s <= date and (e is None or date <= e):
                    ok.add(y)
        out[name] = ok
    return out


def _latest_year(text: str, document_year: int | None) -> int:
    """The latest year a yearless date may fall in, from the document rather than from today: the
    document's own year (its date, or the page's) or the latest year the text writes, whichever is
    later; else the latest year the shipped summit table knows."""
    written = [int(m.group(0)) for m in _YEAR.finditer(text)]
    if document_year is not None:
        written.append(document_year)
    if written:
        return max(written)
    return max(s.date_end.year for s in summits())


def year_from_knowledge(
    month: int, day: int | None, text: str, people: Sequence[str], document_year: int | None = None,
) -> tuple[int, str] | None:
    """The year of a yearless date from summits and terms of office, or ``None`` if ambiguous.

    Returns e.g. ``(2024, "knowledge: APEC 2024 Lima (2024-11-15..16); Dina Boluarte in
    office")``. A summit fits when the date lies within ten days of an edition (or,
    for a month alone, the edition falls in that month); people's terms then keep
    the editions most of them were in office for. Without a summit, the people
    alone decide only when their terms leave exactly one year.
    """
    fitting: dict[int, tuple[int, SummitMention]] = {}  # year -> (day distance, summit)
    for s in _summits_cached(text):
        date = safe_date(s.date_start.year, month, day or 15)
        if date is None:
            continue
        if day is None:
            if month not in (s.date_start.month, s.date_end.month):
                continue
            dist = 0
        else:
            dist = min(_day_distance(d, s) for d in (date, safe_date(s.date_end.year, month, day or 15) or date))
            if dist > _NEAR_DAYS:
                continue
        year = s.date_start.year if date.month == s.date_start.month or day is None else s.date_end.year
        if year not in fitting or dist < fitting[year][0]:
            fitting[year] = (dist, s)
    if fitting:
        years = sorted(fitting)
        support = _in_office_years(people, month, day, years)
        if support:
            counts = {y: sum(y in ys for ys in support.values()) for y in years}
            top = max(counts.values())
            if top > 0:
                years = [y for y in years if counts[y] == top]
        if len(years) > 1:
            inside = [y for y in years if fitting[y][0] == 0]
            if len(inside) == 1:
                years = inside
        if len(years) != 1:
            return None
        year = years[0]
        why = f"knowledge: {fitting[year][1].label}"
        backers = [n for n, ys in support.items() if year in ys]
        if backers:
            why += "; " + ", ".join(backers[:3]) + " in office"
        return year, why
    if not people:
        return None
    span = range(1950, _latest_year(text, document_year) + 2)
    support = _in_office_years(people, month, day, span)
    if not support:
        return None
    common = set.intersection(*support.values())
    if len(common) != 1:
        return None
    year = common.pop()
    return year, "knowledge: term of office of " + ", ".join(list(support)[:3])
