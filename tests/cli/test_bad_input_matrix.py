"""What a user may feed each command and the upload, and what each must do with it (issue 14).

Every case ends with exit 0 or 2 (``ok`` for the upload), says why in one line when it refuses
anything, prints no traceback, takes under 60 s of CPU, and leaves the store as it was when it refused.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from events.cli import main as cli
from events.pipeline import ingest_bytes
from events.store import Store

GOOD = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on November 14, 2024.\n"
REPEATED = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Friday. " * 40_000
LIMIT_S = 60.0


@dataclass(frozen=True)
class Case:
    command: str  # extract | build | timex | geoparse | geoparse-given | upload
    name: str  # the input file's name
    data: bytes | None  # None: the path does not exist
    refused: bool  # the input (or some of it) must be refused with a reason
    reason: str = ""  # a word the one-line reason must hold
    args: tuple[str, ...] = ()


def _jsonl(*rows: object) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode("utf-8")


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(size)


TOO_LARGE = b"__sparse_40MB__"
FOLDER_OF_BAD = b"__folder: binary.txt, empty.txt, bad.json__"
GOOD_LINE = {"doc_id": "g", "text": GOOD, "dct": "2024-11-15"}
CASES = [
    # extract: files of every kind of bad, and hostile but usable ones
    Case("extract", "empty.txt", b"", True, "empty"),
    Case("extract", "blank.txt", b"  \n\n\t\n", True, "empty"),
    Case("extract", "binary.txt", bytes(range(256)) * 64, True, "binary"),
    Case("extract", "nul.txt", b"\x00" * 100, True, "binary"),
    Case("extract", "missing.txt", None, True, "no such file"),
    Case("extract", "huge.txt", TOO_LARGE, True, "too large"),
    Case("extract", "program.exe", b"MZ\x90\x00", True, "unsupported"),
    Case("extract", "bad.json", b'{"text": "unterminated', True, "not valid JSON"),
    Case("extract", "deep.json", b"[" * 100_000 + b"]" * 100_000, True, "JSON"),
    Case("extract", "mixed.jsonl", _jsonl(GOOD_LINE, "not json", {"text": 5}, "9" * 100_000, GOOD_LINE), True, "line 2"),
    Case("extract", "sep.jsonl", _jsonl(json.dumps({"text": "Talks in Lima\u2028ended on Friday."}, ensure_ascii=False)),
         False),
    Case("extract", "bom.txt", b"\xef\xbb\xbf" + GOOD.encode(), False),
    Case("extract", "cp1252.txt", ("Caf\u00e9 talks \u2014 " + GOOD).encode("cp1252"), False),
    Case("extract", "utf16.txt", GOOD.encode("utf-16"), False),
    Case("extract", "1066.txt", b"In 1066, William invaded England.", False),
    Case("extract", "echo.txt", b"in Echo Park.Echo Park", False),
    Case("extract", "block.txt", b"Police responded to the 1000 block of Brooklyn Boulevard on Friday.", False),
    Case("extract", "edge.txt", b"12/31/9999 In Lima, Xi met Putin. The next day they signed. Next quarter too.", False),
    Case("extract", "script.html", b"<html><body><script>alert(1)</script><p>" + GOOD.encode() + b"</p></body></html>",
         False),
    Case("extract", "repeated.txt", REPEATED.encode(), False),
    Case("extract", "out.txt", GOOD.encode(), True, ".jsonl", ("--out-suffix", ".txt")),
    # build: nothing usable must leave the store as it was
    Case("build", "binary.txt", bytes(range(256)) * 64, True, "binary"),
    Case("build", "empty.txt", b"", True, "empty"),
    Case("build", "bad.json", b"{nope", True, "JSON"),
    Case("build", "missing.txt", None, True, "no such file"),
    Case("build", "only-bad/", FOLDER_OF_BAD, True, "binary"),
    Case("extract", "only-bad/", FOLDER_OF_BAD, True, "empty"),
    Case("build", "good.txt", GOOD.encode(), False),
    # timex: every malformed line skipped with its reason, the others written
    Case("timex", "cp1252.jsonl", json.dumps({"doc_id": "w", "text": "Caf\u00e9 on Friday"}, ensure_ascii=False)
         .encode("cp1252") + b"\n", False),
    Case("timex", "bom.jsonl", b"\xef\xbb\xbf" + _jsonl(GOOD_LINE), False),
    Case("timex", "notjson.jsonl", _jsonl(GOOD_LINE, "not json"), True, "not JSON"),
    Case("timex", "digits.jsonl", _jsonl('{"text": "x", "n": ' + "9" * 1_000_000 + "}"), True, "JSON"),
    Case("timex", "int.jsonl", _jsonl({"doc_id": "n", "text": 5}), True, "string"),
    Case("timex", "string.jsonl", _jsonl('"a JSON string"'), True, "not an object"),
    Case("timex", "list.jsonl", _jsonl("[1, 2]"), True, "not an object"),
    Case("timex", "dct9999.jsonl", _jsonl({"text": "The next day. Tomorrow. Next quarter.", "dct": "9999-12-31"}),
         True, "range"),
    Case("timex", "dct0001.jsonl", _jsonl({"text": "He left on Friday.", "dct": "0001-01-01"}), True, "range"),
    Case("timex", "edge-text.jsonl", _jsonl({"text": "December 31, 9999. The next day it rained. Next quarter."}), False),
    Case("timex", "empty.jsonl", b"", True, "empty"),
    Case("timex", "binary.jsonl", bytes(range(256)) * 64, True, "binary"),
    Case("timex", "missing.jsonl", None, True, "no such file"),
    # geoparse, with and without the given spans
    Case("geoparse", "echo.jsonl", _jsonl({"doc_id": "e", "text": "in Echo Park.Echo Park"}), False),
    Case("geoparse", "notjson.jsonl", _jsonl("{'single': 'quotes'}"), True, "not JSON"),
    Case("geoparse", "binary.jsonl", b"\x00" * 64, True, "binary"),
    Case("geoparse-given", "hopkins.jsonl", _jsonl({"text": "Hopkins Park at Hopkins Park",
                                                    "toponyms": [{"start": 0, "end": 12}]}), False),
    Case("geoparse-given", "start-a.jsonl", _jsonl({"text": "Lima", "toponyms": [{"start": "a", "end": 4}]}), True,
         "integers"),
    Case("geoparse-given", "no-start.jsonl", _jsonl({"text": "Lima", "toponyms": [{"end": 4}]}), True, "integers"),
    Case("geoparse-given", "outside.jsonl", _jsonl({"text": "Lima", "toponyms": [{"start": 0, "end": 99}]}), True,
         "not inside"),
    # the upload (and paste) path of the app
    Case("upload", "empty.txt", b"", True, "empty"),
    Case("upload", "binary.txt", bytes(range(256)) * 64, True, "binary"),
    Case("upload", "huge.txt", TOO_LARGE, True, "too large"),
    Case("upload", "program.exe", b"MZ\x90\x00", True, "unsupported"),
    Case("upload", "bad.json", b"{nope", True, "JSON"),
    Case("upload", "mixed.jsonl", _jsonl({"text": 5}, GOOD_LINE), True, "line 1"),
    Case("upload", "a\x00b ![n](http://127.0.0.1:9/x.png).txt", GOOD.encode(), False),
    Case("upload", "1066.txt", b"In 1066, William invaded England.", False),
    Case("upload", "repeated.txt", REPEATED.encode(), False),
    Case("upload", "zero-width.txt", "\u200b\u200c\u200d\ufeff".encode(), False),  # stored; says no event found
]


def _store_state(path: Path) -> tuple[int, int, str]:
    store = Store(path)
    try:
        return store.count_events(), store.documents_frame().height, store.version()
    finally:
        store.close()


@pytest.fixture(scope="module")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    (folder / "seed.txt").write_text(GOOD + "Officials of Peru and China met in Lima on March 3, 2023.\n", encoding="utf-8")
    path = folder / "store"  # a Delta store is a folder of tables
    assert cli.main(["build", str(folder / "seed.txt"), "--store", str(path)]) == 0
    assert _store_state(path)[0] > 0
    return path


def _write_input(folder: Path, case: Case) -> Path:
    path = folder / case.name.replace("\x00", "_").rstrip("/").replace("/", "_")
    if case.data == FOLDER_OF_BAD:
        path.mkdir()
        (path / "binary.txt").write_bytes(bytes(range(256)) * 64)
        (path / "empty.txt").write_bytes(b"")
        (path / "bad.json").write_bytes(b"{nope")
    elif case.data == TOO_LARGE:
        _sparse(path, 40 * 2**20)
    elif case.data is not None:
        path.write_bytes(case.data)
    return path


def _run_cli(case: Case, src: Path, folder: Path, store: Path) -> int:
    if case.command == "build":
        return cli.main(["build", str(src), "--store", str(store)])
    suffix = ".txt" if "--out-suffix" in case.args else ".jsonl"
    out = str(folder / f"out{suffix}")
    argv = {"extract": ["extract", str(src), "--out", out], "timex": ["timex", str(src), "--out", out],
            "geoparse": ["geoparse", str(src), "--out", out],
            "geoparse-given": ["geoparse", str(src), "--out", out, "--given-spans"]}[case.command]
    return cli.main(argv)


def _params() -> list[object]:
    out: list[object] = []
    for case in CASES:
        out.append(pytest.param(case, id=f"{case.command}-{case.name[:24]}"))
    return out


@pytest.mark.parametrize("case", _params())
def test_bad_input(case: Case, tmp_path: Path, template_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    shutil.copytree(template_store, store)
    before = _store_state(store)
    src = _write_input(tmp_path, case)
    started = time.process_time()  # CPU seconds: a shared, loaded machine stretches wall time, not work
    if case.command == "upload":
        handle = Store(store)
        try:
            report = ingest_bytes(case.name, src.read_bytes(), handle)
        finally:
            handle.close()
        code = 0 if report.ok else 2
        said = report.message
        lines = [said]
        refused_something = not report.ok or bool(report.skipped)
    else:
        code = _run_cli(case, src, tmp_path, store)
        said = capsys.readouterr().err
        lines = [ln for ln in said.replace("\r", "\n").split("\n") if ln.startswith("error:") or "skipped" in ln]
        refused_something = code == 2
    took = time.process_time() - started

    assert took < LIMIT_S, f"{took:.0f} CPU s"
    assert code in (0, 2)
    assert "Traceback" not in said and "please report" not in said and "a defect" not in said, said
    assert refused_something == case.refused, said
    if case.refused:
        assert lines and all("\n" not in ln and len(ln) < 400 for ln in lines), said
        assert any(case.reason.lower() in ln.lower() for ln in lines), said
    if case.command not in ("build", "upload") or (case.refused and (case.command == "build" or not report.ok)):
        assert _store_state(store) == before, "the store changed though the input was refused"
    if case.command == "build" and not case.refused:
        assert _store_state(store)[0] > 0


def test_the_matrix_covers_every_command_and_at_least_40_cases() -> None:
    assert len(CASES) >= 40
    assert {c.command for c in CASES} == {"extract", "build", "timex", "geoparse", "geoparse-given", "upload"}
