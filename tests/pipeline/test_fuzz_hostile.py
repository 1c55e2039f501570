"""A seeded fuzz of hostile documents through the whole pipeline and the JSONL tools.

Documents mix real sentences from the evaluation data with capitalised junk, place names run into
periods ("in Echo Park.Echo Park"), initials, look-alike and right-to-left letters, emoji,
zero-width characters, Markdown, HTML, and runs of numbers and punctuation.  Properties: no
exception escapes, offsets lie inside the text, every evidence is text of its document,
date_start <= date_end; the file tools write every line.  Small and time-bounded; the same idea
with hypothesis is ``test_fuzz_properties.py``, and the long run ``python -m events fuzz --n 10000``.
"""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

from events.cli import main as cli
from events.errors import UnusableInput
from events.ingest import documents_from_text
from events.pipeline import run_document

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "data"
N_DOCS = int(os.environ.get("EVENTSCAPE_FUZZ_DOCS", "120"))
SEED = int(os.environ.get("EVENTSCAPE_FUZZ_SEED", "1414"))

_PLACES = ["Echo Park", "Hopkins Park", "Lima", "Paris", "Georgia", "Washington", "Orange County", "Orange",
           "Moscow", "Suffolk", "Springfield", "Beijing", "Brooklyn Boulevard", "Chancay", "Jordan"]
_WORDS = ["Xi", "Putin", "Biden", "Summit", "Ministry", "Bank", "of", "the", "met", "signed", "visited", "said",
          "On", "In", "At", "by", "next", "last", "Friday", "Tomorrow", "quarter", "year", "March", "May", "1000",
          "block", "1066", "9999", "0001", "2024", "31", "Dec.", "U.S.", "J.", "R.", "Ltd.", "Mr."]
_ODD = ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00a0", "\u2028", "😀", "🇺🇸", "Ρаris", "Мoscow",
        "שלום", "مرحبا", "[click](http://x)", "![n](http://x/x.png)", "<script>alert(1)</script>", "=HYPERLINK(",
        "**", "__", "#", "...", ",,,", "––", "'''", '"', "12/31/9999", "9999-12-31", "0001-01-01",
        "1" * 40, "3.14159", "½", "Ⅻ", "𝟐𝟎𝟐𝟒", "\t", "\r"]


def _sentences() -> list[str]:
    out: list[str] = []
    for name in ("timebank_aquaint_train.jsonl", "geowebnews.jsonl", "plover_gsr_dev.jsonl"):
        path = EVAL / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines()[:40]:
                out.extend(s.strip() + "." for s in json.loads(line)["text"].split(".")[:6] if s.strip())
    return out or ["Chinese President Xi Jinping met Peruvian President Dina Boluarte in Lima on November 14, 2024."]


def hostile_text(rng: random.Random, sentences: list[str]) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(sentences))
        elif roll < 0.55:
            place = rng.choice(_PLACES)
            parts.append(f"in {place}{rng.choice(['.', ',', '', '.' + place, ', ' + rng.choice(_PLACES)])}")
        elif roll < 0.8:
            parts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 10))))
        else:
            parts.append("".join(rng.choice(_ODD) for _ in range(rng.randint(1, 6))))
    sep = rng.choice([" ", " ", "\n", "", "\n\n"])
    return sep.join(parts)


def _hostile_docs() -> list[str]:
    rng = random.Random(SEED)
    sentences = _sentences()
    return [hostile_text(rng, sentences) for _ in range(N_DOCS)]


def test_hostile_documents_through_the_pipeline() -> None:
    started = time.process_time()  # CPU seconds, not the shared machine's wall time
    for text in _hostile_docs():
        try:
            docs = documents_from_text(text, "fuzz.txt")
        except UnusableInput:
            continue  # an empty or binary-looking paste is refused with a reason: fine
        for doc in docs:
            result = run_document(doc)
            for ev in result.events:
                assert 0 <= ev.char_start <= ev.char_end <= len(doc.text), (text, ev)
                assert ev.evidence in doc.text, (text, ev.evidence)
                assert ev.date_start <= ev.date_end, (text, ev)
    assert time.process_time() - started < 60 * max(1, N_DOCS / 120)


@pytest.mark.parametrize("command", [["timex"], ["geoparse"], ["geoparse", "--given-spans"]])
def test_hostile_documents_through_the_file_tools(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    rng = random.Random(SEED + 1)
    rows = []
    for k, text in enumerate(_hostile_docs()):
        spans = []
        for _ in range(rng.randint(0, 3)):
            if len(text) > 2:
                a = rng.randrange(0, len(text) - 1)
                spans.append({"start": a, "end": rng.randint(a + 1, min(len(text), a + 20))})
        row: dict[str, object] = {"doc_id": f"f{k}", "text": text, "toponyms": spans}
        if k % 3 == 0:
            row["dct"] = rng.choice(["2013-03-22", "1998-02-17", "2999-12-31", "1000-01-01", "2024-02-29"])
        rows.append(json.dumps(row, ensure_ascii=rng.random() < 0.5))
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    started = time.process_time()  # CPU seconds, not the shared machine's wall time
    code = cli.main([command[0], str(src), "--out", str(out), *command[1:]])
    err = capsys.readouterr().err
    assert code == 0 and "skipped" not in err and "Traceback" not in err, err
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert [w["doc_id"] for w in written] == [f"f{k}" for k in range(len(rows))]
    texts = [json.loads(r)["text"] for r in rows]
    for w, text in zip(written, texts, strict=True):
        for item in w.get("timexes") or w.get("toponyms") or []:
            assert 0 <= item["start"] < item["end"] <= len(text) and text[item["start"]:item["end"]] == item["text"]
    assert time.process_time() - started < 60 * max(1, N_DOCS / 120)


@pytest.mark.parametrize("text", [
    "12/31/9999 In Lima, Xi met Putin. The next day they signed. Next quarter too.",  # was OverflowError
    "December 31, 9999. On Friday, China and Russia met in Moscow. Tomorrow they leave.",
    "January 1, 0001. On Friday, China and Russia met in Moscow. Yesterday they came."])
def test_a_publication_date_at_the_calendar_edge_is_not_a_reference(text: str) -> None:
    # was OverflowError in assembly (publication date + five years): the document was lost
    (doc,) = documents_from_text(text, "edge.txt")
    for ev in run_document(doc).events:
        assert ev.date_start <= ev.date_end


def test_a_json_record_dated_at_the_calendar_edge_is_not_a_reference() -> None:
    from events.ingest import documents_from_bytes

    record = {"text": "On Friday, China and Russia met in Moscow. The next day they signed.", "dct": "9999-12-31"}
    (doc,) = documents_from_bytes("edge.jsonl", json.dumps(record).encode())
    run_document(doc)
