"""Every document of every corpus through `extract`, `timex` and `geoparse` (with and without
--given-spans), as a user runs them: count crashes and lost documents (issue 14).

    python scripts/robustness_sweep.py [--fuzz-n 10000] [--seed 1]

Inputs: each JSONL file in ../shared/eval/data, the pages of ../shared/corpus (as they are for
`extract`, one {"doc_id","text"} line each for the JSONL tools), and the texts of
`python -m events fuzz --n N --seed S`.  For each run it prints the records in, the documents
out, the records refused with a one-line reason, the crashes (a traceback, "please report", a
defect on a record) and the lost records (in, but neither out nor refused with a reason).
Exit 1 when any run has a crash or a lost record.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from events.cli.fuzz import generate  # noqa: E402


def _records(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8", errors="replace").split("\n") if line.strip())


def _run(argv: list[str]) -> tuple[int, str, float]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "events", *argv], cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stderr, time.perf_counter() - started


def _crashes(err: str) -> int:
    return err.count("Traceback") + err.count("please report") + err.count("a defect")


def sweep_extract(label: str, paths: list[Path], records: int, out: Path) -> dict[str, object]:
    code, err, secs = _run(["extract", *map(str, paths), "--out", str(out)])
    found = re.search(r"from (\d+) document\(s\)", err)
    documents = int(found.group(1)) if found else 0
    refused = sum(1 for line in err.replace("\r", "\n").split("\n") if line.startswith("skipped:")
                  and "please report" not in line)
    crashes = _crashes(err)
    return {"command": "extract", "input": label, "in": records, "out": documents, "refused": refused,
            "crashes": crashes, "lost": max(0, records - documents - refused), "exit": code, "secs": round(secs, 1)}


def sweep_tool(command: list[str], label: str, path: Path, out: Path) -> dict[str, object]:
    code, err, secs = _run([command[0], str(path), "--out", str(out), *command[1:]])
    written = _records(out) if out.exists() else 0
    refused = sum(1 for line in err.split("\n") if line.startswith("skipped:") and "please report" not in line)
    records = _records(path)
    return {"command": " ".join(command), "input": label, "in": records, "out": written, "refused": refused,
            "crashes": _crashes(err), "lost": max(0, records - written - refused), "exit": code,
            "secs": round(secs, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fuzz-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=["eval", "corpus", "fuzz"])
    args = ap.parse_args()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inputs: list[tuple[str, Path, list[Path]]] = []  # label, JSONL for the tools, paths for extract
        if args.only in (None, "eval"):
            for path in sorted((SHARED / "eval" / "data").glob("*.jsonl")):
                inputs.append((path.name, path, [path]))
        if args.only in (None, "corpus"):
            pages = sorted((SHARED / "corpus").glob("*.txt"))
            corpus = tmp / "corpus.jsonl"
            corpus.write_text("".join(json.dumps({"doc_id": p.stem, "text": p.read_text(encoding="utf-8")}) + "\n"
                                      for p in pages), encoding="utf-8")
            inputs.append(("corpus pages", corpus, pages))
        if args.only in (None, "fuzz"):
            fuzz = tmp / "fuzz.jsonl"
            fuzz.write_text("".join(json.dumps({"doc_id": f"fuzz-{k}", "text": t}, ensure_ascii=False) + "\n"
                                    for k, t in enumerate(generate(args.fuzz_n, args.seed,
                                                                   str(SHARED / "eval" / "data")))), encoding="utf-8")
            inputs.append((f"fuzz n={args.fuzz_n} seed={args.seed}", fuzz, [fuzz]))
        for label, jsonl, paths in inputs:
            records = len(paths) if paths != [jsonl] else _records(jsonl)
            runs = [sweep_extract(label, paths, records, tmp / "events.jsonl")]
            for command in (["timex"], ["geoparse"], ["geoparse", "--given-spans"]):
                runs.append(sweep_tool(command, label, jsonl, tmp / "out.jsonl"))
            for row in runs:
                print(json.dumps(row), flush=True)
            rows.extend(runs)
    crashes = sum(int(r["crashes"]) for r in rows)  # type: ignore[call-overload]
    lost = sum(int(r["lost"]) for r in rows)  # type: ignore[call-overload]
    print(f"sweep: {len(rows)} runs, {sum(int(r['in']) for r in rows)} records in; "  # type: ignore[call-overload]
          f"crashes {crashes}, lost documents {lost}")
    return 1 if crashes or lost else 0


if __name__ == "__main__":
    sys.exit(main())
