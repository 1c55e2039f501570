"""Highlights are offsets into the event's own evidence, never into an earlier sentence."""

from __future__ import annotations

from events.ingest import documents_from_text
from events.pipeline import run_document


def test_an_agent_carried_over_from_an_earlier_sentence_is_not_highlighted() -> None:
    # "They" takes its agents from the sentence before: their offsets were negative here (found by the fuzzer)
    text = ("Chinese officials spoke by phone with Vladimir Putin in Springfield on 31.12.2024. "
            "They were reinstated after years of legal wrangling.")
    (doc,) = documents_from_text(text, "carried.txt")
    events = run_document(doc).events
    assert any(e.evidence.startswith("They") for e in events)
    for e in events:
        for kind, start, end in e.highlights:
            assert 0 <= start < end <= len(e.evidence), (kind, start, end, e.evidence)
