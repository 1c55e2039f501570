"""A line that repeats one sentence thousands of times costs linear time in every stage.

(One such line of 40,000 sentences did not finish in minutes: dedup compared every pair, the
geocoder looked through every name for each name, and assembly through every date for each sentence.)
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from events.model import DateSpan, Sentence, Timex


def test_the_geocoder_looks_for_county_names_once_not_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import events.geo.geoparse as geocode

    looked_through = 0
    real = geocode.named_county

    def counting(gaz, cand, res, cands, resolved):  # type: ignore[no-untyped-def]
        nonlocal looked_through
        looked_through += len(cands)
        return real(gaz, cand, res, cands, resolved)

    monkeypatch.setattr(geocode, "named_county", counting)
    n = 400
    mentions = geocode.geoparse("Talks were held in Springfield on Friday. Orange County agreed. " * n)
    assert len(mentions) >= n
    assert looked_through <= 2 * n * n / 100  # was every name for every name (2n * 2n)


def test_assembly_finds_the_dated_sentences_of_a_long_line_in_linear_time() -> None:
    from events.assemble.sentences import _attach_undated_retellings

    n = 20_000
    sentences = [Sentence("d", 0, 40 * k, 40 * k + 39, "x" * 39) for k in range(n)]
    dates = [DateSpan(Timex(40 * k + 3, 40 * k + 9, "Friday", "DATE", "2024-03-01"), dt.date(2024, 3, 1),
                      dt.date(2024, 3, 1), "day", "document", "") for k in range(n)]
    t = time.process_time()
    assert _attach_undated_retellings([], sentences, dates, [[] for _ in range(n)]) == []
    assert time.process_time() - t < 2.0  # every sentence against every date: 400 million tests, minutes
