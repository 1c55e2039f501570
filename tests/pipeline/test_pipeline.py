"""Pipeline tests on the reference corpus (skipped when ../shared is not beside the repo)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score_events.py"

pytestmark = pytest.mark.corpus
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repository")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip("no corpus")
    out = tmp_path_factory.mktemp("extract") / "events.jsonl"
    proc = subprocess.run([sys.executable, "-m", "events", "extract", str(CORPUS), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return out


@needs_corpus
def test_every_event_has_full_provenance(extracted: Path) -> None:
    from events.ingest import read_path

    texts = {d.doc_id: d.text for p in sorted(CORPUS.glob("*.txt")) for d in read_path(p)}
    rows = [json.loads(line) for line in extracted.open(encoding="utf-8")]
    assert rows
    for row in rows:
        assert texts[row["doc_id"]][row["char_start"]:row["char_end"]] == row["evidence"]
        assert row["date_anchor"] in ("explicit", "document", "narrative", "knowledge")
        assert row["date_precision"] in ("day", "month", "year")
        assert row["date_start"] <= row["date_end"]
        assert row["actors"], row
        if row["date_anchor"] != "explicit":
            assert row["date_anchored_on"], row


@needs_corpus
def test_dev_gold_figures(extracted: Path) -> None:
    proc = subprocess.run([sys.executable, str(SCORER), str(extracted), "--json"], capture_output=True, text=True)
    res = json.loads(proc.stdout)
    assert res["negatives_hit"] == 0
    assert res["recall_required"] >= 0.85, res
    assert res["precision"] >= 0.75, res
    assert res["dup_ratio"] <= 1.2, res


@needs_corpus
def test_recommended_links_list_yields_nothing(extracted: Path) -> None:
    rows = [json.loads(line) for line in extracted.open(encoding="utf-8")]
    for r in rows:
        assert "oak tree" not in r["evidence"] and "declassified" not in r["evidence"]
        assert "You may be interested" not in r["evidence"]


@needs_corpus
def test_extract_is_deterministic_and_reingest_adds_nothing(extracted: Path, tmp_path: Path) -> None:
    out2 = tmp_path / "again.jsonl"
    subprocess.run([sys.executable, "-m", "events", "extract", str(CORPUS), "--out", str(out2)], cwd=ROOT,
                   check=True, capture_output=True)
    assert extracted.read_bytes() == out2.read_bytes()
    from events.pipeline import ingest_bytes
    from events.store import Store

    store = Store(tmp_path / "s.sqlite")
    data = (CORPUS / "004_e70b78b438113892.txt").read_bytes()
    first = ingest_bytes("004.txt", data, store)
    second = ingest_bytes("004.txt", data, store)
    assert first.ok and first.new_events > 0
    assert second.ok and second.new_events == 0 and second.new_documents == 0


@needs_corpus
def test_bundled_demo_data_matches_the_corpus(tmp_path: Path) -> None:
    from events.cli.demo import write_demo

    write_demo([str(CORPUS)], tmp_path, on_skip=lambda _m: None)
    for name in ("documents", "articles", "events"):
        shipped = (ROOT / "data" / "demo" / f"{name}.jsonl").read_text(encoding="utf-8")
        assert (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8") == shipped, (
            f"data/demo/{name}.jsonl is stale: run `python -m events demo ../shared/corpus`")


def test_cli_exit_2_on_unusable_paths(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "events", "extract", str(tmp_path / "nope"), "--out",
                           str(tmp_path / "o.jsonl")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error:") and len(proc.stderr.strip().splitlines()) == 1
    proc = subprocess.run([sys.executable, "-m", "events", "extract", str(tmp_path), "--out", str(tmp_path / "o.txt")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and ".jsonl" in proc.stderr


def test_cli_skips_bad_files_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "nodates.txt").write_text("A headline here\n\nNothing ever happened in this text at all.\n")
    out = tmp_path / "o.csv"
    proc = subprocess.run([sys.executable, "-m", "events", "extract", str(tmp_path), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr  # something was skipped; the rest was written
    assert out.exists() and "empty" in proc.stderr and "binary" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_cli_writes_every_format(tmp_path: Path, suffix: str) -> None:
    import polars as pl

    page = tmp_path / "page.txt"
    page.write_text("Ministers meet on trade\n\nBy Jane Roe On 4/12/17 at 8:21 AM\n\n"
                    "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday.\n",
                    encoding="utf-8")
    out = tmp_path / f"o{suffix}"
    proc = subprocess.run([sys.executable, "-m", "events", "extract", str(page), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    frame = {".jsonl": pl.read_ndjson, ".csv": pl.read_csv, ".parquet": pl.read_parquet}[suffix](out)
    assert frame.height == 1
    row = frame.row(0, named=True)
    assert str(row["date_start"]) == "2017-04-11" and row["place_name"] == "Moscow"
    actors = row["actors"] if suffix != ".csv" else row["actors"].split(";")
    assert set(actors) >= {"CHN", "RUS"}


def test_wrong_geocoder_setting_fails_at_start_with_the_fix(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "EVENTSCAPE_GEOCODER": "bogus"}
    proc = subprocess.run([sys.executable, "-m", "events", "extract", str(tmp_path), "--out", str(tmp_path / "o.jsonl")],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "EVENTSCAPE_GEOCODER" in proc.stderr and "unset it" in proc.stderr
