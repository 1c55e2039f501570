"""Property-based fuzzing (hypothesis) of the whole pipeline and of each stage on hostile documents.

Properties: nothing raises; every offset lies inside its text and names the text it claims;
date_start <= date_end; every evidence is text of its document; re-ingesting a document leaves
the store as it was.  The documents come from ``tests/support/hostile.py`` (real sentences from
``../shared/eval/data`` mixed with look-alikes, RTL, emoji, zero-width characters, number runs,
initials, place names run into punctuation, markup).  The long seeded run is
``python -m events fuzz --n 10000 --seed 1``; ``EVENTSCAPE_FUZZ_EXAMPLES=500`` lengthens this one.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.actors.states import find_actors
from events.cli import main as cli
from events.cli.fuzz import check_document, run_fuzz
from events.errors import UnusableInput
from events.geo.geoparse import geoparse
from events.ingest import documents_from_text
from events.model import Document
from events.pipeline import ingest_text
from events.segment import segment
from events.store import Store
from events.temporal import tag
from events.temporal.tagger import resolve_dates
from tests.support.hostile import EVAL_DIR, FUZZ, document_dates, hostile_texts


def _documents(text: str) -> list[Document]:
    try:
        return documents_from_text(text, "fuzz.txt")
    except UnusableInput:
        return []  # an empty or binary-looking text is refused with a reason; refusing is allowed


@FUZZ
@given(hostile_texts())
def test_the_whole_pipeline_and_every_stage_on_it_keep_their_promises(text: str) -> None:
    for doc in _documents(text):
        check = check_document(doc, twice=True)  # every stage checked after it runs, then the result
        assert not check.problems, check.problems


@FUZZ
@given(hostile_texts(), document_dates)
def test_timex_offsets_name_their_text_and_ranges_run_forward(text: str, dct: dt.date | None) -> None:
    for t in tag(text, dct):
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text, t
    for span in resolve_dates(text, dct, offset=7):
        assert text[span.timex.start - 7:span.timex.end - 7] == span.timex.text
        if span.date_start and span.date_end:
            assert span.date_start <= span.date_end, span


@FUZZ
@given(hostile_texts(), st.lists(st.tuples(st.integers(0, 400), st.integers(1, 40)), max_size=4))
def test_geoparse_offsets_name_their_text_with_and_without_given_spans(
    text: str, spans: list[tuple[int, int]]
) -> None:
    given_spans = [(a, min(a + n, len(text))) for a, n in spans if a < len(text)]
    for chosen in (None, given_spans):
        for p in geoparse(text, spans=chosen, include_embedded=True):
            assert 0 <= p.start < p.end <= len(text) and text[p.start:p.end] == p.text, p
            assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180


@FUZZ
@given(hostile_texts(), document_dates)
def test_actor_mentions_name_their_text(text: str, on_date: dt.date | None) -> None:
    for m in find_actors(text, on_date=on_date):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text, m


@FUZZ
@given(hostile_texts())
def test_segments_lie_inside_the_document(text: str) -> None:
    for doc in _documents(text):
        articles, sentences = segment(doc)
        for a in articles:
            assert 0 <= a.start <= a.end <= len(doc.text)
        for s in sentences:
            assert 0 <= s.start <= s.end <= len(doc.text) and s.text.strip() in doc.text


@FUZZ
@given(st.lists(hostile_texts(max_pieces=6), min_size=1, max_size=3))
def test_re_ingesting_leaves_the_store_as_it_was(tmp_path_factory: pytest.TempPathFactory, texts: list[str]) -> None:
    store = Store(tmp_path_factory.mktemp("fuzz") / "s.sqlite")
    try:
        first = [ingest_text(t, f"f{k}.txt", store) for k, t in enumerate(texts)]
        counts = store.count_events(), store.documents_frame().height, store.version()
        again = [ingest_text(t, f"f{k}.txt", store) for k, t in enumerate(texts)]
        assert all(r.new_documents == 0 and r.new_events == 0 for r in again), [r.message for r in again]
        assert (store.count_events(), store.documents_frame().height) == counts[:2]
        assert [r.ok for r in first] == [r.ok for r in again]
    finally:
        store.close()


@FUZZ
@given(st.lists(st.tuples(hostile_texts(max_pieces=6), document_dates), min_size=1, max_size=4))
def test_the_file_tools_write_one_line_per_document(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, dt.date | None]]
) -> None:
    folder = tmp_path_factory.mktemp("tools")
    src = folder / "in.jsonl"
    lines = [{"doc_id": f"d{k}", "text": t, **({"dct": d.isoformat()} if d else {}),
              "toponyms": [{"start": 0, "end": min(4, len(t))}] if t else []} for k, (t, d) in enumerate(rows)]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    for command in (["timex"], ["geoparse"], ["geoparse", "--given-spans"]):
        out = folder / "out.jsonl"
        code = cli.main([command[0], str(src), "--out", str(out), *command[1:]])
        written = [json.loads(x) for x in out.read_text(encoding="utf-8").split("\n") if x]
        refused = [x for x in lines if not _usable(x, command)]
        assert code == (2 if refused else 0), (command, lines)
        assert [w["doc_id"] for w in written] == [x["doc_id"] for x in lines if x not in refused]


def _usable(line: dict[str, object], command: list[str]) -> bool:
    """False for the lines the tools must refuse: a document date outside 1000-2999 (timex reads it)."""
    dct = line.get("dct")
    return not (command == ["timex"] and isinstance(dct, str) and not "1000-01-01" <= dct <= "2999-12-31")


def test_a_short_seeded_run_of_the_fuzz_command() -> None:
    # the same run as `python -m events fuzz --n 10000 --seed 1`, shortened
    report = run_fuzz(300, seed=1, eval_dir=EVAL_DIR)
    assert (report.crashes, report.lost, report.reingest_changed) == (0, 0, 0), report.failures[:5]
    assert not report.failures, report.failures[:5]
    # most texts reach the stages (a generator that only made refused input would test nothing)
    assert report.read >= 0.8 * report.documents and report.events >= report.documents // 4, report.line()
