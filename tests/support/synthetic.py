"""Synthetic event stores for tests and the dashboard benchmark (no corpus needed).

The events are random but shaped like real ones: states and organisations,
bilateral pairs with a CHN–RUS share, day/month/year precision, places with
coordinates (some missing), several mentions, highlights inside the evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from events.model import Article, Document, Event
from events.store import Store

STATES = ["CHN", "RUS", "USA", "IND", "BRA", "ZAF", "PER", "FRA", "DEU", "GBR", "JPN", "KOR", "TUR", "IRN",
          "EGY", "NGA", "KAZ", "PAK", "IDN", "MEX", "ARG", "AUS", "SAU", "ARE", "ZMB", "VNM"]
ORGS = ["UN", "BRICS", "SCO", "APEC", "ASEAN", "G20", "EU", "NATO", "AU"]
PLACES = [  # name, country, lat, lon, precision
    ("Beijing", "CHN", 39.9075, 116.3972, "city"), ("Moscow", "RUS", 55.7522, 37.6156, "city"),
    ("Washington", "USA", 38.8951, -77.0364, "city"), ("New Delhi", "IND", 28.6358, 77.2245, "city"),
    ("Brasília", "BRA", -15.7797, -47.9297, "city"), ("Pretoria", "ZAF", -25.7449, 28.1878, "city"),
    ("Lima", "PER", -12.0432, -77.0282, "city"), ("Chancay", "PER", -11.5634, -77.2700, "city"),
    ("Paris", "FRA", 48.8534, 2.3488, "city"), ("Berlin", "DEU", 52.5244, 13.4105, "city"),
    ("London", "GBR", 51.5085, -0.1257, "city"), ("Tokyo", "JPN", 35.6895, 139.6917, "city"),
    ("Kazan", "RUS", 55.7887, 49.1221, "city"), ("Astana", "KAZ", 51.1801, 71.4460, "city"),
    ("Johannesburg", "ZAF", -26.2023, 28.0436, "city"), ("Lusaka", "ZMB", -15.4067, 28.2871, "city"),
    ("South China Sea", None, 12.0, 113.0, "sea"), ("the Kremlin", "RUS", 55.7520, 37.6175, "venue"),
    ("Great Hall of the People", "CHN", 39.9030, 116.3880, "venue"), ("Jakarta", "IDN", -6.2146, 106.8451, "city"),
]
TYPES = ["CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
         "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
MODES = ["visit", "phone", "multilateral", "", ""]
STATUS = ["occurred"] * 8 + ["planned", "reported"]
PEOPLE = ["Xi Jinping", "Vladimir Putin", "Narendra Modi", "Lula da Silva", "Dina Boluarte", "Sergey Lavrov",
          "Wang Yi", "Hakainde Hichilema", "Cyril Ramaphosa"]
VERB = {"CONSULT": "held talks with", "AGREE": "signed an agreement with", "COOPERATE": "launched a project with",
        "SUPPORT": "voiced support for", "AID": "sent aid to", "REQUEST": "asked", "ACCUSE": "accused",
        "REJECT": "rejected a proposal by", "THREATEN": "warned", "PROTEST": "protested against",
        "SANCTION": "imposed sanctions on", "MOBILIZE": "held drills near", "COERCE": "detained citizens of",
        "ASSAULT": "struck positions of"}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _hid(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def make_event(i: int, rng: random.Random, doc_id: str, doc_title: str,
               start: dt.date = dt.date(2015, 1, 1), days: int = 3650) -> Event:
    """One synthetic event; roughly 1 in 6 is a CHN–RUS event."""
    etype = rng.choice(TYPES)
    if rng.random() < 0.16:
        actors: tuple[str, ...] = ("CHN", "RUS") if rng.random() < 0.5 else ("RUS", "CHN")
    else:
        k = rng.choice([1, 2, 2, 2, 3])
        pool = STATES + ORGS if rng.random() < 0.2 else STATES
        actors = tuple(rng.sample(pool, k))
    day = start + dt.timedelta(days=rng.randrange(days))
    roll = rng.random()
    if roll < 0.8:
        precision, d0 = "day", day
        d1 = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
        date_text = f"{_MONTHS[d0.month - 1]} {d0.day}"
    elif roll < 0.95:
        precision, d0 = "month", day.replace(day=1)
        d1 = (d0.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        date_text = f"in {_MONTHS[d0.month - 1]} {d0.year}"
    else:
        precision, d0, d1 = "year", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        date_text = f"in {day.year}"
    place = rng.choice(PLACES) if rng.random() < 0.85 else None
    subject, obj = actors[0], actors[-1] if len(actors) > 1 else "partners"
    where = f" in {place[0]}" if place else ""
    evidence = f"On {date_text}, {subject} {VERB[etype]} {obj}{where}."
    highlights: list[tuple[str, int, int]] = []
    pos = evidence.index(date_text)
    highlights.append(("date", pos, pos + len(date_text)))
    highlights.append(("actor", evidence.index(subject), evidence.index(subject) + len(subject)))
    if place:
        p = evidence.rindex(place[0])
        highlights.append(("place", p, p + len(place[0])))
    mentions = rng.choice([1, 1, 1, 2, 3, 5])
    others = tuple((doc_id, f"{subject} and {obj} met again (mention {m}).", 0, 10) for m in range(1, mentions))
    return Event(
        event_id=_hid("ev", i, doc_id), date_start=d0, date_end=d1, date_precision=precision,  # type: ignore[arg-type]
        date_text=date_text, date_anchor=rng.choice(["explicit", "document", "narrative", "knowledge"]),
        event_type=etype, event_mode=rng.choice(MODES),
        title=f"{subject} {VERB[etype]} {obj}{where}", actors=actors,
        people=tuple(rng.sample(PEOPLE, rng.choice([0, 1, 2]))),
        place_name=place[0] if place else None, place_country=place[1] if place else None,
        lat=place[2] + rng.uniform(-0.05, 0.05) if place else None,
        lon=place[3] + rng.uniform(-0.05, 0.05) if place else None,
        place_precision=place[4] if place else "none",  # type: ignore[arg-type]
        status=rng.choice(STATUS), confidence=round(rng.uniform(0.5, 1.0), 2),  # type: ignore[arg-type]
        mentions=mentions, doc_id=doc_id, doc_title=doc_title, evidence=evidence,
        char_start=0, char_end=len(evidence),
        date_anchored_on=f"publication date {d0.isoformat()}", place_why="named in the sentence" if place else "",
        article_title=doc_title, pub_date=d1, other_evidence=others,
        highlights=tuple(highlights),
    )


def iter_batches(n_events: int, per_doc: int = 50, seed: int = 7, batch_docs: int = 400
                 ) -> Iterator[tuple[list[Document], list[Article], list[Event]]]:
    rng = random.Random(seed)
    n_docs = max(1, (n_events + per_doc - 1) // per_doc)
    made = 0
    docs: list[Document] = []
    arts: list[Article] = []
    evs: list[Event] = []
    for d in range(n_docs):
        doc_id = _hid("doc", seed, d)
        title = f"Synthetic wire report {d + 1}"
        count = min(per_doc, n_events - made)
        events = [make_event(made + k, rng, doc_id, title) for k in range(count)]
        made += count
        text = "\n".join(e.evidence for e in events)
        docs.append(Document(doc_id=doc_id, source=f"synthetic_{d + 1}.txt", title=title, text=text))
        arts.append(Article(doc_id=doc_id, index=0, title=title, start=0, end=len(text),
                            pub_date=max(e.date_end for e in events) if events else None,
                            pub_date_source="inferred"))
        # place each evidence at its real offset in the document text
        offset = 0
        for e in events:
            evs.append(_with_offsets(e, offset))
            offset += len(e.evidence) + 1
        if len(docs) >= batch_docs:
            yield docs, arts, evs
            docs, arts, evs = [], [], []
    if docs:
        yield docs, arts, evs


def _with_offsets(event: Event, start: int) -> Event:
    from dataclasses import replace

    return replace(event, char_start=start, char_end=start + len(event.evidence))


def build_store(path: str | Path, n_events: int, *, per_doc: int = 50, seed: int = 7,
                keep_text: bool = True) -> Store:
    """A store at ``path`` filled with ``n_events`` synthetic events."""
    store = Store(path)
    for docs, arts, evs in iter_batches(n_events, per_doc=per_doc, seed=seed):
        store.add(docs, arts, evs, keep_text=keep_text)
    return store


XSS_STRINGS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{7*7}}")


def add_xss_document(store: Store) -> Event:
    """A hostile document: title and evidence carry script tags, onerror images and templates."""
    title = f"Hostile {XSS_STRINGS[0]} headline {XSS_STRINGS[1]} {XSS_STRINGS[2]} {{title}}"
    evidence = (f"On November 14, 2024, China and Russia {XSS_STRINGS[0]} met in Lima "
                f"{XSS_STRINGS[1]} to discuss {XSS_STRINGS[2]} and {{tip}}.")
    text = f"{title}\n\n{evidence}\n"
    doc_id = _hid("xss", text)
    start = text.index(evidence)
    d = dt.date(2024, 11, 14)
    event = Event(
        event_id=_hid("xss-event", doc_id), date_start=d, date_end=d, date_precision="day",
        date_text="November 14, 2024", date_anchor="explicit", event_type="CONSULT", event_mode="visit",
        title=f"CHN met RUS {XSS_STRINGS[0]} {XSS_STRINGS[1]} {XSS_STRINGS[2]}", actors=("CHN", "RUS"),
        people=(f"Mr {XSS_STRINGS[1]}",), place_name=f"Lima {XSS_STRINGS[1]}", place_country="PER",
        lat=-12.0432, lon=-77.0282, place_precision="city", status="occurred", confidence=0.9, mentions=2,
        doc_id=doc_id, doc_title=title, evidence=evidence, char_start=start, char_end=start + len(evidence),
        date_anchored_on=f"explicit {XSS_STRINGS[2]}", place_why=f"named {XSS_STRINGS[0]}",
        article_title=title, pub_date=d,
        other_evidence=((doc_id, f"Again {XSS_STRINGS[0]} {XSS_STRINGS[1]} {XSS_STRINGS[2]}", 0, 5),),
        highlights=(("date", 3, 20), ("actor", 22, 27), ("place", evidence.index("Lima"), evidence.index("Lima") + 4)),
    )
    doc = Document(doc_id=doc_id, source="hostile.html", title=title, text=text)
    art = Article(doc_id=doc_id, index=0, title=title, start=0, end=len(text), pub_date=d, pub_date_source="byline")
    store.add([doc], [art], [event])
    return event
