"""Publication dates from bylines and datelines, and inferred from an article's own dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from events.cli.timex import tag_file
from events.temporal import find_publication_date, infer_dct


@pytest.mark.parametrize("text,expected", [
    ("Ties hit a high\nBy Jane Doe On 4/12/17 at 8:21 AM\n\nRelations are good.", (dt.date(2017, 4, 12), "byline")),
    ("BEIJING, April 12 (Xinhua) 19:42, April 12, 2017\nTalks opened.", (dt.date(2017, 4, 12), "dateline")),
    ("03:49 17.04.2017\nThe ministers met.", (dt.date(2017, 4, 17), "byline")),
    ("Published on November 24, 2025\n\nThe two leaders spoke.", (dt.date(2025, 11, 24), "byline")),
    ("2019-06-05\nA storm hit the coast.", (dt.date(2019, 6, 5), "byline")),
    ("Sat 23 Nov 2024 10.00 GMT\nThe talks ended.", (dt.date(2024, 11, 23), "byline")),
    ("Updated 10:42 AM ET, Mon November 25, 2024\nText", (dt.date(2024, 11, 25), "byline")),
])
def test_bylines_and_datelines(text: str, expected: tuple[dt.date, str]) -> None:
    assert find_publication_date(text) == expected


def test_a_date_inside_the_story_is_not_a_byline() -> None:
    text = "Officials said the accord, signed on March 3, 2017, would hold."
    assert find_publication_date(text) is None


def test_yearless_dateline_needs_a_year_hint() -> None:
    text = "HARBIN, April 12 -- Officials said a bridge opened."
    assert find_publication_date(text) is None
    assert find_publication_date(text, year_hint=2017) == (dt.date(2017, 4, 12), "dateline")


def test_infer_uses_dateline_with_year_from_the_text() -> None:
    text = "HARBIN, April 12 -- The bridge, begun on March 3, 2015, opened. Work started in 2015."
    assert infer_dct(text) == (dt.date(2015, 4, 12), "dateline")


def test_infer_from_latest_explicit_day_or_year() -> None:
    assert infer_dct("The pact of May 2, 2016 was renewed on June 9, 2016.") == (dt.date(2016, 6, 9), "inferred")
    assert infer_dct("Exports grew in 2021, and in 2021 again imports fell.") == (dt.date(2021, 12, 31), "inferred")
    assert infer_dct("No dates at all here.") is None


def test_tag_file_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    rows = [{"doc_id": "a", "text": "He left on Friday.", "dct": "2013-03-22"},
            {"doc_id": "b", "text": "Published: May 2, 2016\nIt rained yesterday."}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    assert tag_file(str(src), str(out), progress=lambda done, total: seen.append((done, total))) == 2
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert got[0] == {"doc_id": "a", "timexes": [
        {"start": 11, "end": 17, "text": "Friday", "type": "DATE", "value": "2013-03-22"}]}
    assert {"text": "yesterday", "value": "2016-05-01"}.items() <= got[1]["timexes"][-1].items()
    assert seen == [(1, 2), (2, 2)]
