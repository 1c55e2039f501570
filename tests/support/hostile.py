"""Hypothesis strategies for hostile documents: the fuzzer's generator (``events.cli.fuzz``) driven by
hypothesis, so a failing document shrinks to a small one; plus arbitrary Unicode spliced in."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from events.cli.fuzz import eval_sentences, hostile_text

EVAL_DIR = str(Path(__file__).resolve().parents[3] / "shared" / "eval" / "data")
SENTENCES: Sequence[str] = eval_sentences(EVAL_DIR) or ("Xi Jinping met Vladimir Putin in Moscow on May 8, 2024.",)

# Seeded and without an example database, so a run is the same everywhere and writes no files;
# EVENTSCAPE_FUZZ_EXAMPLES raises the count for a longer local run.
EXAMPLES = int(os.environ.get("EVENTSCAPE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@dataclass
class HypothesisDraw:
    draw: Callable[[st.SearchStrategy[Any]], Any]

    def pick(self, options: Sequence[str]) -> str:
        return str(self.draw(st.sampled_from(options)))

    def integer(self, lo: int, hi: int) -> int:
        return int(self.draw(st.integers(lo, hi)))


@st.composite
def hostile_texts(draw: Callable[[st.SearchStrategy[Any]], Any], max_pieces: int = 10) -> str:
    text = hostile_text(HypothesisDraw(draw), SENTENCES, max_pieces)
    if draw(st.booleans()):  # anything at all, somewhere in it
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(max_size=30)) + text[at:]
    return text


document_dates = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                           st.sampled_from([dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(2024, 2, 29)]))
