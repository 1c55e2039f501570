"""The JSONL tools (`timex`, `geoparse`) skip every malformed line with a one-line reason and go on.

Each bad line sits between two good ones: both good ones must be written, the bad one skipped
with a reason naming the file and line, and the exit code is 2 (something was skipped).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from events.cli import main as cli

_GOOD = {"doc_id": "good", "text": "Talks in Lima ended on Friday.", "dct": "2013-03-22"}

# lines that neither tool can use
_BAD_FOR_BOTH = [
    "not json at all",
    '{"doc_id": "cut", "text": ',
    '{"doc_id": "n", "text": 5}',
    '{"doc_id": "none"}',
    '{"doc_id": "list", "text": ["a", "b"]}',
    '"a JSON string"',
    "[1, 2, 3]",
    "12345",
    "null",
    "true",
    '{"doc_id": "big", "text": "x", "n": ' + "9" * 1_000_000 + "}",
    "[" * 100_000 + "]" * 100_000,
    '{"doc_id": {"a": 1}, "text": "x"}',
    '{"doc_id": true, "text": "x"}',
    "{'single': 'quotes'}",
    '{"text": "x"} trailing',
]
# lines only the temporal tagger reads the date of
_BAD_DCT = [
    '{"doc_id": "d1", "text": "The next day it rained.", "dct": "9999-12-31"}',
    '{"doc_id": "d2", "text": "Tomorrow.", "dct": "9999-12-31"}',
    '{"doc_id": "d3", "text": "Sales rise next quarter.", "dct": "9999-12-31"}',
    '{"doc_id": "d4", "text": "He left on Friday.", "dct": "0001-01-01"}',
    '{"doc_id": "d5", "text": "x", "dct": "yesterday"}',
    '{"doc_id": "d6", "text": "x", "dct": 20130322}',
    '{"doc_id": "d7", "text": "x", "dct": "2013-02-30"}',
    '{"doc_id": "d8", "text": "x", "dct": 1e400}',
    '{"doc_id": "d9", "text": "x", "dct": ["2013-03-22"]}',
]
# lines only --given-spans reads the spans of
_BAD_SPANS = [
    '{"doc_id": "s1", "text": "Lima", "toponyms": [{"start": "a", "end": 4}]}',
    '{"doc_id": "s2", "text": "Lima", "toponyms": [{"end": 4}]}',
    '{"doc_id": "s3", "text": "Lima", "toponyms": [{"start": 3, "end": 1}]}',
    '{"doc_id": "s4", "text": "Lima", "toponyms": [{"start": 0, "end": 999}]}',
    '{"doc_id": "s5", "text": "Lima", "toponyms": [{"start": -1, "end": 2}]}',
    '{"doc_id": "s6", "text": "Lima", "toponyms": "Lima"}',
    '{"doc_id": "s7", "text": "Lima", "toponyms": [5]}',
    '{"doc_id": "s8", "text": "Lima", "toponyms": [{"start": true, "end": 3}]}',
    '{"doc_id": "s9", "text": "Lima", "toponyms": [{"start": 1.5, "end": 3}]}',
    '{"doc_id": "s10", "text": "Lima", "toponyms": [{"start": 0, "end": 1e400}]}',
]
# well-formed lines with hostile text: processed, never skipped
_HOSTILE_BUT_VALID = [
    '{"doc_id": "h1", "text": "in Echo Park.Echo Park"}',
    '{"doc_id": "h2", "text": "Hopkins Park at Hopkins Park", "toponyms": [{"start": 0, "end": 12}]}',
    '{"doc_id": "h3", "text": "December 31, 9999. The next day it rained. Tomorrow too, and next quarter."}',
    '{"doc_id": "h4", "text": "January 1, 0001. On Friday it rained."}',
    '{"doc_id": "h5", "text": "\\u0000\\u200b\\u202e\\ud83d\\ude00 in Paris.Paris,Paris"}',
    '{"doc_id": "h6", "text": ""}',
    '{"doc_id": 7, "text": "an integer id", "dct": "20130322"}',
    '{"id": "plover-style", "text": "Officials met in Lima on Wednesday.", "date": "2000-01-01"}',
    '{"doc_id": "h9", "text": "a line\\u2028 separator inside"}',
]


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str], *args: str) -> tuple[int, list[dict], str]:
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = cli.main([*args[:1], str(src), "--out", str(out), *args[1:]])
    err = capsys.readouterr().err
    rows = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return code, rows, err


def _interleave(bad: list[str]) -> list[str]:
    good = json.dumps(_GOOD)
    return [x for line in bad for x in (good, line)] + [good]


@pytest.mark.parametrize(("command", "bad"), [
    (["timex"], _BAD_FOR_BOTH + _BAD_DCT),
    (["geoparse"], _BAD_FOR_BOTH),
    (["geoparse", "--given-spans"], _BAD_FOR_BOTH + _BAD_SPANS),
], ids=["timex", "geoparse", "geoparse-given-spans"])
def test_every_bad_line_is_skipped_with_its_reason_and_the_rest_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], bad: list[str]
) -> None:
    code, rows, err = _run(tmp_path, capsys, _interleave(bad), *command)
    assert code == 2
    assert [r["doc_id"] for r in rows] == ["good"] * (len(bad) + 1)
    reasons = [ln for ln in err.splitlines() if ln.startswith("skipped: ")]
    assert len(reasons) == len(bad), err
    for k, reason in enumerate(reasons):
        assert f"in.jsonl:{2 * k + 2}: " in reason and len(reason) < 300, reason
    assert "Traceback" not in err and "please report" not in err, err
    assert f"{len(bad)} line(s) skipped" in err


@pytest.mark.parametrize("command", [["timex"], ["geoparse"], ["geoparse", "--given-spans"]])
def test_hostile_but_well_formed_lines_are_all_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, rows, err = _run(tmp_path, capsys, _HOSTILE_BUT_VALID, *command)
    assert (code, err.count("skipped")) == (0, 0), err
    assert len(rows) == len(_HOSTILE_BUT_VALID)
    assert rows[-2]["doc_id"] == "plover-style"  # an "id" names the document when "doc_id" is absent


@pytest.mark.parametrize(("payload", "written"), [
    ("\ufeff" + json.dumps(_GOOD) + "\n", 1),  # UTF-8 with a byte-order mark
    (json.dumps({"doc_id": "é", "text": "Caf\u00e9 in Lima"}, ensure_ascii=False) + "\r\n", 1),  # CRLF
])
def test_utf8_variants_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: str, written: int) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(payload, encoding="utf-8", newline="")
    for command in ("timex", "geoparse"):
        assert cli.main([command, str(src), "--out", str(tmp_path / "out.jsonl")]) == 0
        assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == written


def test_a_cp1252_file_is_read_like_an_upload(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(json.dumps({"doc_id": "w", "text": "Caf\u00e9 talks \u2014 in Lima on Friday"},
                               ensure_ascii=False).encode("cp1252") + b"\n")
    for command in ("timex", "geoparse"):
        assert cli.main([command, str(src), "--out", str(tmp_path / "out.jsonl")]) == 0
        row = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
        assert row["doc_id"] == "w"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 40, "binary"),
    (b"\x00" * 100, "binary"),
], ids=["empty", "blank", "bytes", "nul"])
def test_a_file_with_nothing_usable_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, reason: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(data)
    for command in ("timex", "geoparse"):
        assert cli.main([command, str(src), "--out", str(tmp_path / "out.jsonl")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and reason in err and err.count("\n") == 1, err


def test_a_defect_on_one_line_costs_that_line_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import events.cli.timex as timex

    real = timex.tag

    def flaky(text: str, dct: object) -> object:
        if "boom" in text:
            raise ZeroDivisionError("simulated defect")
        return real(text, dct)  # type: ignore[arg-type]

    monkeypatch.setattr(timex, "tag", flaky)
    lines = [json.dumps(_GOOD), json.dumps({"doc_id": "b", "text": "boom"}), json.dumps(_GOOD)]
    code, rows, err = _run(tmp_path, capsys, lines, "timex")
    assert code == 2 and len(rows) == 2
    assert "in.jsonl:2: could not be processed (ZeroDivisionError: simulated defect)" in err
    assert "Traceback" not in err


def test_an_oversized_file_says_why_it_gave_no_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from events.ingest import MAX_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # one 25 MiB "line" (sparse: costs no disk)
    assert cli.main(["extract", str(big), "--out", str(tmp_path / "o.jsonl")]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("0 events written") and "too large" in last and "the limit is 25 MiB" in last, last
