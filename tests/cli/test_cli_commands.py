"""No traceback reaches a user unless ``--debug`` is given; the seeded fuzz run is a command (issue 14)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from events.cli import main as cli

EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "data"


def _defect(_args: argparse.Namespace) -> int:
    raise KeyError("a stage's bug")


def test_a_defect_is_one_line_without_debug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "cmd_timex", _defect)
    src = tmp_path / "in.jsonl"
    src.write_text('{"doc_id": "a", "text": "Friday."}\n', encoding="utf-8")
    code = cli.main(["timex", str(src), "--out", str(tmp_path / "out.jsonl")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: KeyError") and "--debug" in err
    assert "Traceback" not in err


def test_debug_lets_the_traceback_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "cmd_timex", _defect)
    src = tmp_path / "in.jsonl"
    src.write_text('{"doc_id": "a", "text": "Friday."}\n', encoding="utf-8")
    with pytest.raises(KeyError, match="a stage's bug"):
        cli.main(["--debug", "timex", str(src), "--out", str(tmp_path / "out.jsonl")])


def test_the_seeded_fuzz_command_reports_no_crash_and_no_lost_document(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["fuzz", "--n", "12", "--seed", "3", "--eval-dir", str(EVAL_DIR)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "fuzz: 12 texts" in out and "crashes 0, lost documents 0" in out and "property failures 0" in out


def test_the_fuzz_re_ingest_check_passes_a_store_that_keeps_its_promise_and_catches_one_that_does_not(
        tmp_path: Path) -> None:
    from events.cli.fuzz import _reingest_changes
    from events.store import AddResult, Store
    from tests.pipeline.test_store import _doc, _event

    batch = [(_doc(f"d{i}"), [_event(f"e{i}", f"d{i}"), _event("shared", f"d{i}")], i) for i in range(3)]
    store = Store(tmp_path / "s")
    assert not _reingest_changes(store, batch)
    assert store.count_events() == 4

    class Duplicating(Store):
        def add(self, *args, **kwargs) -> AddResult:  # type: ignore[no-untyped-def]
            result = super().add(*args, **kwargs)
            return dataclasses.replace(result, new_documents=result.new_documents or 1)

    assert _reingest_changes(Duplicating(tmp_path / "t"), batch)
