"""`python -m events fuzz`: hostile documents through every stage, with the properties checked after each.

A document mixes real sentences from the evaluation data (``../shared/eval/data``) with made-up
event sentences, random capitalised words, place names run into commas and periods, initials,
look-alike letters, right-to-left text, emoji, zero-width and control characters, Markdown and
HTML, and runs of numbers and punctuation.  ``hostile_text`` draws through a small ``Draw``
interface, so the same generator runs seeded from ``random`` here and from ``hypothesis`` in the
tests (``tests/support/hostile.py``), where failures shrink to a minimal document.

Properties (``stage_problems``, ``event_problems``): no stage raises; every offset lies inside
the text and names the text it claims; ``date_start <= date_end``; every evidence is text of its
document; a publication date is None or one that can anchor; coordinates are on the globe; the
pipeline gives the same events twice; adding documents to a store twice (in batches of ``STORE_BATCH``)
adds nothing the second time.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from events.errors import UnusableInput
from events.ingest import documents_from_text
from events.model import REFERENCE_DATES, Document, Event
from events.stages import Stage, Work
from events.text.sentences import rough_sentences

if TYPE_CHECKING:
    from events.store import Store

# -- the generator ------------------------------------------------------------------------------


class Draw(Protocol):
    """Where the generator's choices come from (``random.Random`` or a hypothesis ``draw``)."""

    def pick(self, options: Sequence[str]) -> str: ...

    def integer(self, lo: int, hi: int) -> int: ...


@dataclass
class RandomDraw:
    rng: random.Random

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


ACTORS = ("Xi Jinping", "Vladimir Putin", "President Biden", "Mr. Putin", "China", "Russia", "the Kremlin",
          "Beijing", "Washington", "NATO", "the U.N.", "the European Union", "Chinese", "Peru's president",
          "Prime Minister Modi", "G.W. Bush", "Hamas", "the Pentagon", "Iran", "Israel", "North Korea")
VERBS = ("met", "visited", "signed an agreement with", "called", "attacked", "condemned", "will meet",
         "did not meet", "may visit", "hosted", "sanctioned", "held talks with", "said it would attack",
         "was visited by", "spoke by phone with", "expelled diplomats of")
PLACES = ("Paris", "Lima", "Moscow", "Beijing", "Echo Park", "Hopkins Park", "Georgia", "Jordan", "Chad",
          "Nice", "Reading", "Mobile", "Orange County", "Turkey", "Paris, Texas", "Springfield", "Victoria",
          "São Paulo", "Côte d'Ivoire", "N'Djamena", "St. Louis", "Washington, D.C.", "Kyiv", "Kiev",
          "Brooklyn Boulevard", "Lake Chad", "the South China Sea", "Gaza", "Xinjiang", "San José", "Suffolk")
DATES = ("on Friday", "Tomorrow", "next quarter", "the next day", "on December 31, 9999", "January 1, 0001",
         "in 1066", "since 1990", "on Feb. 30, 2024", "in the 1990s", "last week", "on Nov. 14, 2024",
         "12/31/9999", "31.12.2024", "0001-01-01", "on 2024-02-29", "in March", "yesterday", "in 2999",
         "on May 5", "three days later", "every Tuesday", "for two weeks", "at 3 p.m.", "in Q3 2025")
PUNCT_AFTER = (".", ",", "", ";", ".", "..", "!", "?", ":", ")", '."', ".'", "—", "…")
INITIALS = ("J. R. R. Tolkien", "U.S.", "U.K.", "G.W.", "Mr. X. Y. Zhang", "A. B. C. D.", "Dr. J.", "E.U.",
            "Ltd.", "Inc.", "No.", "St.", "Gen.", "Sen. J. Smith Jr.", "i.e.", "e.g.", "p.m.", "a.m.")
LOOKALIKES = ("Ρаris", "Мoscow", "Вeijing", "Ⅹi Jinping", "Ｌｉｍａ", "𝐏𝐚𝐫𝐢𝐬", "Lіma", "Chіna", "Ruѕѕia",
              "Рutin", "ＮＡＴＯ", "２０２４", "𝟐𝟎𝟐𝟒", "Ⅻ", "½", "ǅ", "ﬁnance", "Kyïv", "İstanbul", "ß")
RTL = ("שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u2067اجتماع\u2069", "met in القاهرة on Friday",
       "\u200fירושלים\u200e", "طهران، إيران.", "\u202bRTL embed\u202c", "\u061c", "ישראל, 2024.")
EMOJI = ("😀", "🇺🇸🇨🇳", "👩‍👩‍👧", "1️⃣", "👍🏽", "🏳️‍🌈", "🤝", "🔥🔥🔥", "\U0001f9d1\u200d\U0001f52c", "🇷🇺")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "e\u0301", "a\u0300\u0301\u0302\u0303",
             "\u00a0", "\u3000", "\u2028", "\u2029", "\x00", "\x1b[31m", "\t", "\r", "\r\n", "\x0b", "\x85")
MARKUP = ("[click me](http://127.0.0.1:9/)", "![n](http://127.0.0.1:9/x.png)", "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>", '=HYPERLINK("http://x","y")', "{{7*7}}", "${jndi:ldap://x}", "**bold**",
          "# Heading", "> quote", "| a | b |", "<p>para</p><p>", "&amp;&lt;&#0;", "<!-- x -->", "```", ":red[x]", "$x^2$")
RUNS = ("1" * 40, "9" * 400, "2024 2025 2026 2027 2028", "1,000,000,000", "3.14159", "-5", "1e400", "1000 block of",
        "+1 (555) 010-9999", "12:00:00", "...", "?!?!", "---", "***", "((((", '"""', ";;;", "''", "––", "§§", "###")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"


def capitalised_word(draw: Draw) -> str:
    return draw.pick(LETTERS) + "".join(draw.pick(LOWER) for _ in range(draw.integer(0, 9)))


def event_sentence(draw: Draw) -> str:
    """A made-up sentence that usually is an event: an actor, a verb, a place with punctuation, a date."""
    place = draw.pick(PLACES) + draw.pick(PUNCT_AFTER)
    parts = [draw.pick(ACTORS), draw.pick(VERBS), draw.pick(ACTORS), "in", place, draw.pick(DATES)]
    if draw.integer(0, 3) == 0:
        parts.insert(draw.integer(0, len(parts)), draw.pick(INITIALS))
    return " ".join(parts) + draw.pick((".", ".", "", "!", " ."))


def piece(draw: Draw, sentences: Sequence[str]) -> str:
    kind = draw.integer(0, 11)
    if kind <= 2 and sentences:
        return draw.pick(sentences)
    if kind <= 4:
        return event_sentence(draw)
    if kind == 5:
        place = draw.pick(PLACES)
        return f"in {place}{draw.pick(('.', ',', '', '.' + place, ', ' + draw.pick(PLACES), '.' + draw.pick(PLACES)))}"
    if kind == 6:
        return " ".join(capitalised_word(draw) for _ in range(draw.integer(1, 8)))
    if kind == 7:
        return " ".join(draw.pick(INITIALS) for _ in range(draw.integer(1, 5)))
    hostile = (LOOKALIKES, RTL, EMOJI, INVISIBLE, MARKUP, RUNS)[draw.integer(0, 5) if kind < 11 else 3]
    return "".join(draw.pick(hostile) for _ in range(draw.integer(1, 6)))


def hostile_text(draw: Draw, sentences: Sequence[str], max_pieces: int = 14) -> str:
    """One hostile document (plain text; HTML and JSON shapes are recognised by the ingester)."""
    parts = [piece(draw, sentences) for _ in range(draw.integer(1, max_pieces))]
    text = draw.pick((" ", " ", "\n", "", "\n\n", ". ")).join(parts)
    shape = draw.integer(0, 9)
    if shape == 0:
        return f"<html><head><title>{parts[0][:60]}</title></head><body><p>{text}</p></body></html>"
    if shape == 1:
        return json.dumps({"title": parts[0][:60], "text": text, "date": draw.pick(("2024-11-14", "9999-12-31", "x"))})
    if shape == 2:
        return f"{draw.pick(PLACES).upper()} (AP) — {text}"
    return text


@cache
def eval_sentences(eval_dir: str) -> tuple[str, ...]:
    """Sentences of every text in the evaluation data (empty when the folder is absent)."""
    out: list[str] = []
    for path in sorted(Path(eval_dir).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            try:
                text = json.loads(line).get("text") if line.strip() else None
            except (ValueError, AttributeError):
                continue
            if isinstance(text, str):
                out.extend(s.strip() for s in rough_sentences(text) if 3 < len(s.strip()) < 600)
    return tuple(out)


# -- the properties -----------------------------------------------------------------------------


def _span_problem(what: str, text: str, start: int, end: int, claimed: str | None) -> str | None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return f"{what}: offsets {start}-{end} outside the text ({len(text)} characters)"
    if claimed is not None and text[start:end] != claimed:
        return f"{what}: text[{start}:{end}] is {text[start:end][:40]!r}, not {claimed[:40]!r}"
    return None


def event_problems(document: Document, events: Sequence[Event], merged: bool = True) -> list[str]:
    """What is wrong with the events of one document (empty when nothing is); ``merged``: after dedup,
    when no two events may share an id."""
    text = document.text
    found: list[str | None] = []
    for ev in events:
        found.append(_span_problem(f"event {ev.event_id}", text, ev.char_start, ev.char_end, None))
        if ev.evidence not in text:
            found.append(f"event {ev.event_id}: evidence {ev.evidence[:60]!r} is not text of the document")
        if not ev.date_start <= ev.date_end:
            found.append(f"event {ev.event_id}: date_start {ev.date_start} after date_end {ev.date_end}")
        if not 0.0 <= ev.confidence <= 1.0:
            found.append(f"event {ev.event_id}: confidence {ev.confidence}")
        if ev.mentions < 1:
            found.append(f"event {ev.event_id}: mentions {ev.mentions}")
        if ev.lat is not None and ev.lon is not None and not (-90 <= ev.lat <= 90 and -180 <= ev.lon <= 180):
            found.append(f"event {ev.event_id}: coordinates {ev.lat}, {ev.lon}")
        for kind, start, end in ev.highlights:
            found.append(_span_problem(f"event {ev.event_id} highlight {kind}", ev.evidence, start, end, None))
        for other in ev.other_evidence:
            if other[0] == ev.doc_id:
                found.append(None if other[1] in text else f"event {ev.event_id}: other evidence not in the document")
    ids = Counter(ev.event_id for ev in events) if merged else Counter()
    found.extend(f"event id {k} given {n} times" for k, n in ids.items() if n > 1)
    return [p for p in found if p]


def stage_problems(stage: Stage, work: Work) -> list[str]:
    """What is wrong with what ``stage`` just set on ``work`` (empty when nothing is)."""
    doc = work.document.text
    found: list[str | None] = []
    if stage.name == "segment":
        for a in work.articles:
            found.append(_span_problem(f"article {a.index}", doc, a.start, a.end, None))
        for s in work.sentences:
            found.append(_span_problem("sentence", doc, s.start, s.end, None))
    elif stage.name == "actors":
        found.extend(_span_problem(f"actor {m.code}", work.text, m.start, m.end, m.text) for m in work.mentions)
    elif stage.name == "pubdate":
        d = work.pub_date
        if d is not None and not REFERENCE_DATES[0] <= d <= REFERENCE_DATES[1]:
            found.append(f"publication date {d} cannot anchor a relative date")
    elif stage.name == "timex":
        for span in work.spans:
            t = span.timex
            found.append(_span_problem(f"timex {t.value}", doc, t.start, t.end, t.text))
            if span.date_start and span.date_end and span.date_start > span.date_end:
                found.append(f"timex {t.text[:30]!r}: {span.date_start} after {span.date_end}")
    elif stage.name == "geocode":
        for p in work.places:
            found.append(_span_problem(f"place {p.name}", doc, p.start, p.end, p.text))
            if not (-90 <= p.lat <= 90 and -180 <= p.lon <= 180):
                found.append(f"place {p.name}: coordinates {p.lat}, {p.lon}")
    elif stage.name == "knowledge":
        found.extend(_span_problem(f"summit {m.text[:20]!r}", doc, m.start, m.end, None) for m in work.summits)
    elif stage.name in ("assemble", "dedup"):
        found.extend(event_problems(work.document, work.events, merged=stage.name == "dedup"))
    return [f"{stage.name}: {p}" for p in found if p]


@dataclass
class DocumentCheck:
    """One document's run: the problems found, and the stage a crash happened in (if any)."""

    events: list[Event] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    crashed_in: str | None = None


def check_document(doc: Document, twice: bool = False) -> DocumentCheck:
    """Run the pipeline on ``doc`` checking every stage; ``twice``: also check it gives the same events again."""
    from events.pipeline import run_document
    from events.stages import STAGES

    check = DocumentCheck()
    order = [s.name for s in STAGES]
    last = ["ingest"]

    def observe(stage: Stage, work: Work) -> None:
        last[0] = stage.name
        check.problems.extend(stage_problems(stage, work))

    try:
        result = run_document(doc, observe)
    except Exception as exc:  # noqa: BLE001 - the fuzzer reports crashes, it does not stop on them
        where = traceback.extract_tb(exc.__traceback__)[-1]
        check.crashed_in = last[0] if last[0] == "dedup" else order[order.index(last[0]) + 1]
        check.problems.append(f"crash after {last[0]}: {type(exc).__name__}: {str(exc)[:120]} "
                              f"({Path(where.filename).name}:{where.lineno})")
        return check
    check.events = result.events
    check.problems.extend(f"result: {p}" for p in event_problems(result.document, result.events))
    if twice:
        again = run_document(doc)
        if [e.event_id for e in again.events] != [e.event_id for e in result.events]:
            check.problems.append("not deterministic: a second run gave other events")
    return check


# -- the long run -------------------------------------------------------------------------------


@dataclass
class FuzzReport:
    documents: int = 0  # generated texts
    refused: int = 0  # refused at ingest with a reason (empty, binary-looking)
    read: int = 0  # documents the ingester made of them
    events: int = 0
    crashes: int = 0
    lost: int = 0  # read, but neither events nor a clean run came back (a crash loses the document)
    failures: list[str] = field(default_factory=list)
    crash_stages: Counter[str] = field(default_factory=Counter)
    reingest_changed: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"fuzz: {self.documents} texts, {self.read} documents, {self.refused} refused with a reason, "
                f"{self.events} events; crashes {self.crashes}, lost documents {self.lost}, property failures "
                f"{len(self.failures) - self.crashes}, re-ingest changed the store {self.reingest_changed} time(s); "
                f"{self.seconds:.0f} s")


def generate(n: int, seed: int, eval_dir: str) -> Iterable[str]:
    draw = RandomDraw(random.Random(seed))
    sentences = eval_sentences(eval_dir)
    for _ in range(n):
        yield hostile_text(draw, sentences)

# Documents per store check. One commit per document made the 10,000-text run take hours on the
# Delta store; a batch added twice checks the same promise: a second ingest adds nothing.
STORE_BATCH = 50


def _reingest_changes(store: Store, batch: list[tuple[Document, list[Event], int]]) -> bool:
    """Add the documents with their events, then again: True when the second add changed anything, or
    the store's event count disagrees with what the first add reported."""
    docs = [doc for doc, _, _ in batch]
    events = [e for _, evs, _ in batch for e in evs]
    before = store.count_events()
    first = store.add(docs, [], events)
    second = store.add(docs, [], events)
    return (second.new_documents, second.new_events) != (0, 0) or store.count_events() != before + first.new_events


def run_fuzz(n: int, seed: int, eval_dir: str, write: str | None = None,
             progress: Callable[[int, int], None] | None = None) -> FuzzReport:
    """Generate ``n`` hostile texts from ``seed``, run each through every stage and into a store twice."""
    from events.store import Store

    report = FuzzReport()
    started = time.perf_counter()
    out = open(write, "w", encoding="utf-8") if write else None  # noqa: SIM115 - closed below
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "fuzz")
        pending: dict[str, tuple[Document, list[Event], int]] = {}

        def flush() -> None:
            if pending and _reingest_changes(store, list(pending.values())):
                first, last = min(k for *_, k in pending.values()), max(k for *_, k in pending.values())
                report.reingest_changed += 1
                report.failures.append(f"texts {first}-{last}: adding them a second time changed the store")
            pending.clear()

        try:
            for k, text in enumerate(generate(n, seed, eval_dir)):
                report.documents += 1
                if out is not None:
                    out.write(json.dumps({"doc_id": f"fuzz-{seed}-{k}", "text": text}, ensure_ascii=False) + "\n")
                try:
                    docs = documents_from_text(text, f"fuzz-{k}.txt")
                except UnusableInput:
                    report.refused += 1
                    continue
                for doc in docs:
                    report.read += 1
                    check = check_document(doc, twice=k % 25 == 0)
                    report.events += len(check.events)
                    if check.crashed_in is not None:
                        report.crashes += 1
                        report.lost += 1
                        report.crash_stages[check.crashed_in] += 1
                    report.failures.extend(f"text {k}: {p}" for p in check.problems)
                    if check.crashed_in is None:
                        if doc.doc_id in pending or len(pending) >= STORE_BATCH:
                            flush()  # a text generated twice is re-ingested in the next batch
                        pending[doc.doc_id] = (doc, check.events, k)
                if progress is not None:
                    progress(k + 1, n)
            flush()
        finally:
            store.close()
            if out is not None:
                out.close()
    report.seconds = time.perf_counter() - started
    return report


def main(n: int, seed: int, eval_dir: str, write: str | None) -> int:
    def progress(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            sys.stderr.write(f"\r[{done}/{total}]")
            sys.stderr.flush()

    report = run_fuzz(n, seed, eval_dir, write, progress)
    sys.stderr.write("\n")
    for failure in report.failures[:20]:
        sys.stderr.write(f"  {failure}\n")
    if len(report.failures) > 20:
        sys.stderr.write(f"  … and {len(report.failures) - 20} more\n")
    if report.crash_stages:
        sys.stderr.write("  crashes by stage: " + ", ".join(f"{k} {v}" for k, v in report.crash_stages.items()) + "\n")
    print(report.line())
    return 0 if not report.failures and not report.reingest_changed else 1
