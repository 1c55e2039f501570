"""Build the event-trigger lexicon ``geodata/lexicon/triggers.json``.

Run from the repository root (seconds, no network)::

    python geodata/build_lexicon.py [DICTIONARIES_DIR]

``DICTIONARIES_DIR`` defaults to ``../shared/data/event-dictionaries`` and must hold
``CAMEO.2.0.txt`` (PETRARCH2's verb patterns, MIT) and ``CAMEO2PLOVER-2021.txt`` (PLOVER's
CAMEO→PLOVER table, CC BY-SA 4.0). The raw files stay there; only this derived table ships.

How a verb gets its PLOVER type:

1. the code written on the verb's own line (``ARREST [173]``), else
2. the code of its synonym block (``---  KILL   [190]  ---``), else
   but only for the types whose synonym sets name concrete actions (assault, coerce, mobilize,
   protest, sanction, aid, threaten, request, agree): CAMEO's attitude blocks are too loose;
then CAMEO's code is mapped through the PLOVER table (longest prefix). CAMEO 01x (public
statements) is no event type in PLOVER, so those verbs are left out; 02x (appeals) is REQUEST.
``triggers_curated.json`` (hand-written from the PLOVER manual's definitions) adds the event
nouns, phrases and the verbs CAMEO files under statements but PLOVER codes as events, removes
the verbs whose everyday reading is not an event (``drop``), and wins over CAMEO where both
give a verb.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "lexicon" / "triggers.json"
CURATED = HERE / "lexicon" / "triggers_curated.json"
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# Block synonyms are kept for the types whose CAMEO synonym sets name concrete actions.
_CONCRETE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID", "THREATEN", "REQUEST", "AGREE"})
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_SYNONYM = re.compile(r"^(\+?[A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?")
_PATTERN = re.compile(r"^-\s.*\[([0-9:]+)\]\s*(?:#\s*([A-Z_]+))?")
_IRREGULAR = {
    "meet": ["met"], "send": ["sent"], "take": ["took", "taken"], "leave": ["left"], "make": ["made"],
    "hold": ["held"], "strike": ["struck", "stricken"], "shoot": ["shot"], "fight": ["fought"],
    "seek": ["sought"], "tell": ["told"], "give": ["gave", "given"], "win": ["won"], "begin": ["began", "begun"],
    "fly": ["flew", "flown"], "go": ["went", "gone"], "come": ["came"], "bring": ["brought"], "buy": ["bought"],
    "sell": ["sold"], "lead": ["led"], "flee": ["fled"], "speak": ["spoke", "spoken"], "break": ["broke", "broken"],
    "throw": ["threw", "thrown"], "withdraw": ["withdrew", "withdrawn"], "drive": ["drove", "driven"],
    "beat": ["beaten"], "overthrow": ["overthrew", "overthrown"], "undertake": ["undertook", "undertaken"],
    "uphold": ["upheld"], "forbid": ["forbade", "forbidden"], "freeze": ["froze", "frozen"], "slay": ["slew", "slain"],
    "steal": ["stole", "stolen"], "swear": ["swore", "sworn"], "tear": ["tore", "torn"], "write": ["wrote", "written"],
    "choose": ["chose", "chosen"], "rise": ["rose", "risen"], "fall": ["fell", "fallen"], "see": ["saw", "seen"],
    "pay": ["paid"], "lay": ["laid"], "bind": ["bound"], "teach": ["taught"], "catch": ["caught"], "hit": ["hit"],
    "set": ["set"], "put": ["put"], "cut": ["cut"], "quit": ["quit"], "shut": ["shut"], "spread": ["spread"],
    "bid": ["bid"], "cast": ["cast"], "forgive": ["forgave", "forgiven"], "undergo": ["underwent", "undergone"],
    "lend": ["lent"], "spend": ["spent"], "build": ["built"], "hang": ["hanged", "hung"], "keep": ["kept"],
    "feel": ["felt"], "stand": ["stood"], "run": ["ran"], "ride": ["rode", "ridden"], "seize": [], "blow": ["blew", "blown"],
    "shake": ["shook", "shaken"], "wake": ["woke", "woken"], "bear": ["bore", "borne"], "arise": ["arose", "arisen"],
}


def inflections(lemma: str) -> list[str]:
    """The lemma with its -s, past, participle and -ing forms (regular English rules + irregulars)."""
    w = lemma
    forms = {w}
    if re.search(r"(?:s|x|z|ch|sh|o)$", w):
        forms.add(w + "es")
    elif re.search(r"[^aeiou]y$", w):
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        past, ing = w + "d", w[:-1] + "ing"
    elif w.endswith("ee"):
        past, ing = w + "d", w + "ing"
    elif re.search(r"[^aeiou]y$", w):
        past, ing = w[:-1] + "ied", w + "ing"
    elif re.search(r"(?:^|[^aeiou])[aeiou][bdgmnprt]$", w) and len(w) <= 4:
        past, ing = w + w[-1] + "ed", w + w[-1] + "ing"  # "ban" -> "banned", "stop" -> "stopped"
    elif w.endswith("c"):
        past, ing = w + "ked", w + "king"  # "panic" -> "panicked"
    else:
        past, ing = w + "ed", w + "ing"
    forms.update(_IRREGULAR.get(w, [past]))
    if w not in _IRREGULAR:
        forms.add(past)
    forms.add(ing)
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", w) and len(w) > 4 and w not in _IRREGULAR:
        # a stressed last syllable doubles its consonant ("confer" -> "conferred", "expel" -> "expelled");
        # without a stress dictionary both spellings are listed (the wrong one never occurs in text)
        forms.update((w + w[-1] + "ed", w + w[-1] + "ing"))
    return sorted(forms)


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,\s*([^,]*))?", body)
        if m and m.group(2) in PLOVER_TYPES:
            table[m.group(1)] = (m.group(2), (m.group(3) or "").strip())
    return table


def plover_of(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    if code.startswith("02"):
        return "REQUEST", "appeal"
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def read_cameo(path: Path) -> dict[str, dict[str, Any]]:
    """lemma -> {"own": code|None, "block": code|None, "patterns": Counter(code), "forms": set}"""
    verbs: dict[str, dict[str, Any]] = {}
    block_code: str | None = None
    block_words: list[str] = []
    in_blocks = False
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.rstrip()
        head = _BLOCK.match(line)
        if head:
            in_blocks = True
            code = head.group(2).strip()
            block_code = None if code.startswith("-") else code
            block_words = []
            continue
        if not in_blocks or not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("-"):
            m = _PATTERN.match(line)
            if m:
                who = (m.group(2) or (block_words[0] if block_words else "")).lower().replace("_", " ")
                if who in verbs:
                    verbs[who]["patterns"][m.group(1).split(":")[0]] += 1
            continue
        m = _SYNONYM.match(line.split("#", 1)[0].strip())
        if not m:
            continue
        lemma = m.group(1).lstrip("+").lower().replace("_", " ").strip()
        if not lemma or not re.fullmatch(r"[a-z' -]+", lemma):
            continue
        entry = verbs.setdefault(lemma, {"own": None, "block": block_code, "patterns": Counter(), "forms": set()})
        if m.group(3) and not m.group(3).startswith("-"):
            entry["own"] = m.group(3).strip()
        if m.group(2):
            entry["forms"].update(f.lstrip("+").lower().replace("_", " ") for f in m.group(2).split() if f.strip("+"))
        block_words.append(lemma.upper().replace(" ", "_"))
    return verbs


def _forms_of(lemma: str, given: set[str]) -> list[str]:
    if " " in lemma:  # a phrasal verb "ask for": inflect its head
        head, rest = lemma.split(" ", 1)
        return sorted({f"{f} {rest}" for f in inflections(head)} | given)
    return sorted(set(inflections(lemma)) | given)


def build(src: Path) -> dict[str, Any]:
    table = read_plover(src / "CAMEO2PLOVER-2021.txt")
    cameo = read_cameo(src / "CAMEO.2.0.txt")
    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    drop = set(curated.get("drop", []))
    verbs: dict[str, dict[str, Any]] = {}
    phrases: list[dict[str, Any]] = []
    for lemma, entry in sorted(cameo.items()):
        if lemma in drop:
            continue
        code = entry["own"] or entry["block"]
        mapped = plover_of(code, table) if code else None
        if mapped is None:
            continue
        if not entry["own"] and mapped[0] not in _CONCRETE:
            continue  # synonyms of attitude verbs ("regard", "consider") are too loose to be events
        etype, mode = mapped
        forms = _forms_of(lemma, entry["forms"])
        record = {"type": etype, "mode": mode, "cameo": code.split(":")[0], "forms": forms, "source": "cameo"}
        if " " in lemma:
            for form in forms:
                phrases.append({"words": form.split(), **{k: v for k, v in record.items() if k != "forms"}})
        else:
            verbs[lemma] = record
    for lemma, rec in curated.get("verbs", {}).items():
        verbs[lemma] = {"type": rec["type"], "mode": rec.get("mode", ""), "cameo": rec.get("cameo", ""),
                        "forms": sorted(set(rec.get("forms") or _forms_of(lemma, set()))), "source": "curated"}
    nouns = {lemma: {"type": rec["type"], "mode": rec.get("mode", ""),
                     "forms": sorted(set(rec.get("forms") or [lemma, lemma + "s"])), "source": "curated"}
             for lemma, rec in curated.get("nouns", {}).items()}
    for rec in curated.get("phrases", []):
        phrases.append({"words": rec["words"].split(), "type": rec["type"], "mode": rec.get("mode", ""),
                        "pos": rec.get("pos", "verb"), "source": "curated"})
    # a form of a dropped or curated lemma never comes back through another CAMEO verb
    curated_forms = {f for rec in verbs.values() if rec["source"] == "curated" for f in rec["forms"]}
    dropped_forms = {f for lemma in drop for f in _forms_of(lemma, set())} - curated_forms
    for lemma, rec in list(verbs.items()):
        if rec["source"] == "cameo":
            rec["forms"] = [f for f in rec["forms"] if f not in dropped_forms and f not in curated_forms]
            if not rec["forms"]:
                del verbs[lemma]
    phrases.sort(key=lambda p: (p["words"], p["type"]))
    unique: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    for p in sorted(phrases, key=lambda p: p.get("source") != "curated"):
        key = tuple(p["words"])
        if key not in seen:
            seen.add(key)
            unique.append(p)
    unique.sort(key=lambda p: p["words"])
    return {
        "_source": "Built by geodata/build_lexicon.py from PETRARCH2's CAMEO.2.0.txt (MIT, openeventdata/petrarch2) "
                   "and PLOVER's CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, openeventdata/PLOVER), with "
                   "geodata/lexicon/triggers_curated.json.",
        "_licence": "CC BY-SA 4.0 (derived from the PLOVER table); CAMEO patterns MIT",
        "verbs": dict(sorted(verbs.items())),
        "nouns": dict(sorted(nouns.items())),
        "phrases": unique,
        "negative_contexts": sorted(curated.get("negative_contexts", [])),
        "statement_verbs": sorted(curated.get("statement_verbs", [])),
    }


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else HERE.parent.parent / "shared" / "data" / "event-dictionaries"
    if not (src / "CAMEO.2.0.txt").exists():
        print(f"build_lexicon: no CAMEO.2.0.txt in {src} (pass the event-dictionaries folder)", file=sys.stderr)
        return 2
    data = build(src)
    OUT.parent.mkdir(exist_ok=True)
    write_actor_tables(src)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    counts = Counter(r["type"] for r in data["verbs"].values())
    print(f"{OUT.name}: {len(data['verbs'])} verbs, {len(data['nouns'])} nouns, {len(data['phrases'])} phrases; "
          + ", ".join(f"{t} {counts[t]}" for t in PLOVER_TYPES), file=sys.stderr)
    return 0



# --- actors: people with dated roles, national institutions, companies and armed groups -------------

_LOWER_PARTICLES = frozenset("al el bin ibn de da do dos das del della di du van von der den la le ul ur y".split())
_NOT_NAME_WORDS = frozenset(
    "PRESIDENT PRIME MINISTER US U.S. AMERICAN THE ADMINISTRATION MR MRS MS DR GENERAL GEN SECRETARY CHANCELLOR "
    "KING QUEEN PRINCE SHEIKH SENATOR SEN REP GOVERNOR GOV AMBASSADOR FOREIGN DEFENSE DEFENCE CHIEF LEADER "
    "FORMER VICE DEPUTY COLONEL COL CAPTAIN LIEUTENANT MARSHAL ADMIRAL JUDGE JUSTICE MAYOR OF AND FOR".split()
)
_CODE_LINE = re.compile(r"\[([^\]]+)\]")
_TERM = re.compile(r"^([A-Z]{3})([A-Z]*)\s*(?:([<>])?(\d{6,8})(?:-(\d{6,8}))?)?$")


def _cameo_date(raw: str | None) -> str | None:
    if not raw:
        return None
    if len(raw) == 8:
        y, m, d = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    else:
        yy, m, d = int(raw[:2]), int(raw[2:4]), int(raw[4:6])
        y = 2000 + yy if yy <= 30 else 1900 + yy
    m, d = max(1, min(m, 12)), max(1, min(d, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31))
    return f"{y:04d}-{m:02d}-{d:02d}"


def news_case(raw: str, acronym_max: int = 0) -> str:
    """'SADDAM_HUSSEIN_' -> 'Saddam Hussein', 'BASHAR_AL-ASSAD' -> 'Bashar al-Assad', 'FBI_' -> 'FBI'."""
    words = [w for w in raw.strip("_ ").split("_") if w]
    if acronym_max and len(words) == 1 and len(words[0]) <= acronym_max and words[0].isalpha():
        return words[0]
    out = []
    for i, word in enumerate(words):
        parts = []
        for j, part in enumerate(word.split("-")):
            low = part.lower()
            if (i or j) and low in _LOWER_PARTICLES:
                parts.append(low)
            elif low.startswith("mc") and len(low) > 2:
                parts.append("Mc" + low[2:].capitalize())
            elif "'" in low:
                parts.append("'".join(p.capitalize() for p in low.split("'")))
            else:
                parts.append(low.capitalize())
        out.append("-".join(parts))
    return " ".join(out)


def read_actor_file(path: Path) -> list[dict[str, Any]]:
    """Entries of a PETRARCH actor file: name, aliases, code lines (dated or not), comment."""
    entries: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        if raw[:1] in ("\t", " ") and "[" in body:
            if cur is not None:
                cur["codes"] += _CODE_LINE.findall(body)
            continue
        name = body.split("[")[0].strip()
        codes = _CODE_LINE.findall(body)
        if raw.startswith("+"):
            if cur is not None and name.strip("+"):
                cur["aliases"].append(name.lstrip("+"))
            continue
        if not name:
            continue
        if cur is not None and not cur["codes"] and not codes:
            cur["aliases"].append(name)  # an alias written without its "+" (the entry has no code line yet)
            continue
        cur = {"name": name, "aliases": [], "codes": list(codes), "comment": comment.strip()}
        entries.append(cur)
    return entries


def cameo_to_iso3() -> dict[str, str]:
    """CAMEO country codes -> ISO 3166-1 alpha-3 (most are equal; the rest by name)."""
    import pycountry

    table = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    table.update({"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "BUL": "BGR", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS",
                  "SER": "SRB", "KOS": "XKX", "SRB": "SRB", "PAL": "PSE", "PSE": "PSE", "UKG": "GBR", "GER": "DEU",
                  "CZR": "CZE", "YUG": "SRB", "USR": "RUS", "SUN": "RUS", "DDR": "DEU", "CSK": "CZE", "WSM": "WSM",
                  "MLD": "MDA", "KYR": "KGZ", "TAJ": "TJK", "BOS": "BIH", "CRO": "HRV", "SLO": "SVN", "MAC": "MKD",
                  "HKG": "HKG", "TAW": "TWN", "TWN": "TWN"})
    return table


def _term(code: str, iso: dict[str, str]) -> dict[str, Any] | None:
    m = _TERM.match(code.strip())
    if not m or m.group(1) not in iso:
        return None
    sector = m.group(2)[-3:] if m.group(2) else ""
    start, end = _cameo_date(m.group(4)), _cameo_date(m.group(5))
    if m.group(3) == "<":
        start, end = None, start
    return {"code": iso[m.group(1)], "sector": sector, "start": start, "end": end}


def build_actors(src: Path) -> dict[str, Any]:
    iso = cameo_to_iso3()
    people: dict[str, dict[str, Any]] = {}
    institutions: dict[str, dict[str, str]] = {}
    surname_owners: Counter[str] = Counter()
    for entry in read_actor_file(src / "Phoenix.Countries.actors.txt"):
        terms = [t for c in entry["codes"] if (t := _term(c, iso)) is not None]
        dated = [t for t in terms if t["start"] or t["end"]]
        if dated:
            name = news_case(entry["name"])
            if len(name.split()) < 2:
                continue  # a lone name ("Hussein") is too ambiguous to scan for
            variants = {news_case(a) for a in entry["aliases"]
                        if not (set(a.strip("_").split("_")) & _NOT_NAME_WORDS) and len(a.strip("_").split("_")) >= 2}
            rec = people.setdefault(name, {"variants": [], "terms": []})
            rec["variants"] = sorted(set(rec["variants"]) | variants)
            rec["terms"] += [t for t in dated if t["start"]]
            surname_owners[name.split()[-1]] += 1
        elif terms and all(len(c.strip()) > 3 for c in entry["codes"]) and entry["codes"]:
            t = terms[0]
            if not t["sector"]:
                continue
            for raw in [entry["name"], *entry["aliases"]]:
                form = news_case(raw, acronym_max=5)
                if len(form) >= 3:
                    institutions[form] = {"country": t["code"], "sector": t["sector"]}
    organisations: dict[str, dict[str, Any]] = {}
    for fname, _kind_default in (("Phoenix.International.actors.txt", "IGO"), ("Phoenix.MilNonState.actors.txt", "REB")):
        for entry in read_actor_file(src / fname):
            if not entry["codes"]:
                continue
            code = entry["codes"][0].strip()
            if code.startswith("MNC") and len(code) >= 6 and code[3:6] in iso:
                country, kind = iso[code[3:6]], "BUS"
            elif len(code) >= 6 and code[:3] in iso and code[3:6] in ("REB", "OPP", "INS", "MIL", "RAD"):
                country, kind = iso[code[:3]], "REB" if code[3:6] in ("REB", "INS", "MIL", "RAD") else "OPP"
            else:
                continue
            for raw in [entry["name"], *entry["aliases"]]:
                form = news_case(raw, acronym_max=5)
                if len(form) >= 3:
                    organisations[form] = {"code": code, "kind": kind, "country": country}
    ambiguous = sorted(s for s, n in surname_owners.items() if n > 1)
    for rec in people.values():
        rec["terms"].sort(key=lambda t: (t["start"] or "", t["code"]))
    credit = ("Built by geodata/build_lexicon.py from the Phoenix/PETRARCH2 actor dictionaries "
              "(openeventdata, MIT); CAMEO country codes mapped to ISO 3166-1 alpha-3.")
    return {
        "people": {"_source": credit, "_licence": "MIT", "people": dict(sorted(people.items())),
                   "ambiguous_surnames": ambiguous},
        "institutions": {"_source": credit, "_licence": "MIT", "institutions": dict(sorted(institutions.items())),
                         "cameo_to_iso3": dict(sorted((k, v) for k, v in iso.items() if k != v))},
        "organisations": {"_source": credit, "_licence": "MIT", "organisations": dict(sorted(organisations.items()))},
    }


def write_actor_tables(src: Path) -> None:
    for name, data in build_actors(src).items():
        path = OUT.parent / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        inner = next(v for k, v in data.items() if not k.startswith("_") and isinstance(v, dict))
        print(f"{path.name}: {len(inner)} entries", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
