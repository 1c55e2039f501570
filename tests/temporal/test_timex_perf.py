"""Guards against catastrophic regexes: pathological lines finish promptly (generous bounds)."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from events.temporal import resolve_dates, tag

MB = 1_000_000


@pytest.mark.parametrize("line", [
    "1" * MB,
    "." * MB,
    "1,2.3/4-5:6 " * (MB // 12),
    "-/.,:;'" * (MB // 7),
    "".join(random.Random(7).choice("0123456789 ,.-/:'$%") for _ in range(MB)),
], ids=["digits", "dots", "numeric-junk", "punctuation", "random-mix"])
def test_megabyte_of_digits_or_punctuation_is_fast(line: str) -> None:
    t0 = time.process_time()  # CPU seconds: other work on a shared machine stretches wall time, not ours
    tag(line, dt.date(2020, 1, 1))
    resolve_dates(line[: MB // 4], None)
    assert time.process_time() - t0 < 5.0


def test_long_prose_without_full_stops_is_linear() -> None:
    text = "the talks on Friday and since 2014 and the next day, " * 4000  # ~200 KB, 12,000 timexes
    t0 = time.process_time()
    assert len(tag(text, dt.date(2020, 1, 1))) >= 12000
    assert time.process_time() - t0 < 10.0


def test_start_word_prefilters_change_nothing() -> None:
    import events.temporal.finder as finder

    texts = [
        "On the first day of the third quarter, the year-end results and the weekend before last were "
        "discussed; the 1990s, the past three years and the following Tuesday came up at the end of March.",
        "The the the the. A year ago, the same period last year, the Winter Olympics and the day before.",
    ]
    with_filters = [[(c.start, c.end, c.rule) for c in finder.find(t)] for t in texts]
    saved = finder._PREFILTERS
    try:
        finder._PREFILTERS = {}
        without = [[(c.start, c.end, c.rule) for c in finder.find(t)] for t in texts]
    finally:
        finder._PREFILTERS = saved
    assert with_filters == without and any(with_filters)
