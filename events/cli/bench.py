"""`python -m events bench`: throughput and peak memory, against naive baselines.

Lines printed (one per benchmark, ``key=value`` pairs, easy to grep):
  pipeline  — full pipeline on distinct texts (the TimeBank and GeoWebNews documents and the corpus
              pages, each once: repeats would make caches look fast), and
              ``dateparser.search_dates`` alone over the same text (the baseline)
  timex     — the temporal tagger on the TimeBank/AQUAINT texts vs search_dates on them
  geoparse  — end-to-end geoparsing on the GeoWebNews texts
  workers   — (with --workers 1,2) the pipeline on a Dask LocalCluster of N worker processes, on
              distinct texts (TimeBank + GeoWebNews + the corpus, each text once): wall-clock
              throughput per N, its ratio to the first N, and whether every N gave the same event ids
  memory    — peak resident memory of the whole run
Times are CPU seconds of this process (``time.process_time``), so the comparison
with the baseline holds on a busy machine; both sides run single-threaded.
A benchmark, not a test: nothing here asserts; the targets are in the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from events.ingest import documents_from_bytes
from events.model import Document


def _baseline(texts: Sequence[str], base: dt.datetime | None = None) -> float:
    """Seconds for dateparser.search_dates over the texts, paragraph by paragraph."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": base or dt.datetime(2020, 1, 1)}
    t0 = time.process_time()
    for text in texts:
        for para in text.split("\n"):
            if para.strip():
                search_dates(para, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return time.process_time() - t0


def _timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: comparable between runs on a shared, busy machine."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def bench_pipeline(corpus: Path, eval_dir: Path) -> None:
    from events.pipeline import run_document

    docs = distinct_documents(corpus, eval_dir)
    if not docs:
        print("pipeline: skipped (no TimeBank/GeoWebNews files or corpus)")
        return
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    n_events = 0
    # steady state on both sides: load the gazetteer, compile patterns, warm dateparser
    run_document(Document("warm-up", "warm-up", "warm-up", "Warm-up.\nOn Monday, officials in Paris met.\n"))
    _baseline([docs[0].text[:2000]])

    def go(chunk: Sequence[Document]) -> None:
        nonlocal n_events
        for d in chunk:
            n_events += len(run_document(d).events)

    # Ours and the baseline take turns on the same fifth of the text, so a machine whose speed
    # drifts during the run (a shared VM) weighs on both sides of each ratio alike.
    secs = base = 0.0
    ratios: list[float] = []
    for k in range(5):
        chunk = docs[k * len(docs) // 5:(k + 1) * len(docs) // 5]
        ours = _timed(lambda chunk=chunk: go(chunk))  # type: ignore[misc]
        theirs = _baseline([d.text for d in chunk])
        secs, base = secs + ours, base + theirs
        ratios.append(theirs / ours)
    print(f"pipeline: mb={mb:.2f} docs={len(docs)} events={n_events} secs={secs:.2f} "
          f"mb_per_s={mb / secs:.3f} docs_per_s={len(docs) / secs:.1f} | "
          f"baseline dateparser.search_dates: secs={base:.2f} mb_per_s={mb / base:.3f} | "
          f"speedup={base / secs:.2f}x (per fifth, ours and the baseline in turn: "
          f"{' '.join(f'{r:.2f}' for r in ratios)}; median {sorted(ratios)[2]:.2f}x)", flush=True)


def bench_timex(eval_dir: Path) -> None:
    from events.temporal.tagger import tag

    path = eval_dir / "timebank_aquaint_train.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    mb = sum(len(r["text"].encode("utf-8")) for r in rows) / 1e6

    def go() -> None:
        for r in rows:
            tag(r["text"], dt.date.fromisoformat(r["dct"][:10]) if r.get("dct") else None)

    secs = _timed(go)
    base = _baseline([r["text"] for r in rows])
    print(f"timex: docs={len(rows)} mb={mb:.3f} secs={secs:.2f} mb_per_s={mb / secs:.3f} | "
          f"baseline dateparser.search_dates: secs={base:.2f} mb_per_s={mb / base:.3f} | speedup={base / secs:.2f}x",
          flush=True)


def bench_geoparse(eval_dir: Path) -> None:
    from events.geo.gazetteer import load_gazetteer
    from events.geo.geoparse import geoparse

    t_load = _timed(load_gazetteer)
    path = eval_dir / "geowebnews.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    mb = sum(len(r["text"].encode("utf-8")) for r in rows) / 1e6
    # Half a second of work is at the mercy of a shared machine: three passes, the median
    # reported (the first, with the gazetteer's per-name caches still cold, shown too).
    passes = [_timed(lambda: [geoparse(r["text"]) for r in rows]) for _ in range(3)]
    secs = sorted(passes)[1]
    print(f"geoparse: docs={len(rows)} mb={mb:.3f} gazetteer_load_secs={t_load:.2f} secs={secs:.2f} "
          f"mb_per_s={mb / secs:.3f} (median of 3 passes; first pass {mb / passes[0]:.3f})", flush=True)


def distinct_documents(corpus: Path, eval_dir: Path) -> list[Document]:
    """Every text once: the TimeBank and GeoWebNews documents and the corpus pages."""
    docs: list[Document] = []
    for name in ("timebank_aquaint_train.jsonl", "geowebnews.jsonl"):
        path = eval_dir / name
        if path.exists():
            docs.extend(documents_from_bytes(path.name, path.read_bytes()))
    for path in sorted(corpus.glob("*.txt")) if corpus.is_dir() else []:
        docs.extend(documents_from_bytes(path.name, path.read_bytes()))
    unique = {d.doc_id: d for d in docs}  # content ids: a text given twice counts once
    return list(unique.values())


def bench_workers(corpus: Path, eval_dir: Path, counts: Sequence[int], chunk: int = 4) -> None:
    """Wall-clock throughput of distributed extraction with each number of workers."""
    from events.distributed import Cluster, chunked, extract_documents

    docs = distinct_documents(corpus, eval_dir)
    if not docs:
        print("workers: skipped (no TimeBank/GeoWebNews files or corpus)")
        return
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    # the longest texts first, so no worker is left with one long document at the end
    chunks = chunked(sorted(docs, key=lambda d: -len(d.text)), chunk)
    first_rate: float | None = None
    first_ids: list[str] | None = None
    for n in counts:
        with Cluster(workers=n, quiet=True) as cluster:
            cluster.warm_up()  # gazetteer and rules loaded on every worker before the clock starts
            t0 = time.perf_counter()
            results = list(cluster.map_chunks(extract_documents, chunks))
            secs = time.perf_counter() - t0
        ids = sorted(eid for r in results for eid in r.frames.events["event_id"].to_list())
        cpu = sum(r.cpu_seconds for r in results)
        rate = mb / secs
        first_rate = first_rate or rate
        first_ids = first_ids if first_ids is not None else ids
        load = os.getloadavg()[0]
        print(f"workers: n={n} docs={len(docs)} mb={mb:.2f} events={len(ids)} wall_secs={secs:.2f} "
              f"mb_per_s={rate:.3f} docs_per_s={len(docs) / secs:.1f} speedup={rate / first_rate:.2f}x "
              f"worker_cpu_secs={cpu:.2f} cpu_busy={cpu / (n * secs):.0%} "
              f"same_event_ids={ids == first_ids} (load average {load:.1f} on {os.cpu_count()} cores)", flush=True)


LONG_LINE_SENTENCE = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on November 14, 2024. "


def long_line(kind: str, mb: float, corpus: Path) -> bytes:
    """One line of ``mb`` MB: one sentence repeated ("repeat"), or the corpus pages with their line
    breaks turned into spaces, repeated ("corpus")."""
    if kind == "repeat" or not corpus.is_dir():
        unit = LONG_LINE_SENTENCE
    else:
        unit = " ".join(" ".join(p.read_text(encoding="utf-8", errors="replace").split())
                        for p in sorted(corpus.glob("*.txt"))) + " "
    size = int(mb * 1e6)
    data = (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore").encode("utf-8")


def bench_long_lines(corpus: Path, sizes: Sequence[float], kinds: Sequence[str] = ("repeat", "corpus")) -> int:
    """The whole pipeline (read, segment, every stage) on single-line texts of growing size.

    Prints CPU seconds per size and the growth per doubling of size, ``(t2/t1) ** (1/log2(s2/s1))``:
    2.0 is linear time, 4.0 quadratic; the target is <= 2.2 (exit 1 when a step exceeds it).
    """
    import math

    from events.pipeline import run_document

    run_document(documents_from_bytes("warm.txt", long_line("repeat", 0.01, corpus))[0])
    worst = 0.0
    for kind in kinds:
        times: list[tuple[float, float, int]] = []
        for mb in sizes:
            data = long_line(kind, mb, corpus)
            n_events = 0

            def go(data: bytes = data, name: str = f"long-{kind}.txt") -> None:
                nonlocal n_events
                for doc in documents_from_bytes(name, data):
                    n_events += len(run_document(doc).events)

            times.append((mb, _timed(go), n_events))
            print(f"long-line {kind}: mb={mb:g} secs={times[-1][1]:.2f} events={n_events}", flush=True)
        steps = []
        for (m1, t1, _), (m2, t2, _) in zip(times, times[1:], strict=False):
            per_doubling = (t2 / max(t1, 1e-6)) ** (1 / math.log2(m2 / m1))
            worst = max(worst, per_doubling)
            steps.append(f"{m1:g}->{m2:g} MB: x{t2 / max(t1, 1e-6):.2f} = x{per_doubling:.2f} per doubling")
        print(f"long-line {kind}: " + "; ".join(steps), flush=True)
    print(f"long-line: worst growth per doubling x{worst:.2f} (target <= 2.2)", flush=True)
    return 0 if worst <= 2.2 else 1


def run_bench(args: argparse.Namespace) -> int:
    corpus, eval_dir = Path(args.corpus), Path(args.eval_dir)
    if args.workers:
        bench_workers(corpus, eval_dir, [int(n) for n in str(args.workers).split(",") if n.strip()])
        if args.only is None:
            return _memory()
    if args.long_lines:
        return bench_long_lines(corpus, [float(x) for x in args.sizes.split(",")])
    if args.only in (None, "pipeline"):
        bench_pipeline(corpus, eval_dir)
    if args.only in (None, "timex"):
        if (eval_dir / "timebank_aquaint_train.jsonl").exists():
            bench_timex(eval_dir)
        else:
            print(f"timex: skipped (no TimeBank file in {eval_dir}; pass --eval-dir)")
    if args.only in (None, "geoparse"):
        if (eval_dir / "geowebnews.jsonl").exists():
            bench_geoparse(eval_dir)
        else:
            print(f"geoparse: skipped (no GeoWebNews file in {eval_dir}; pass --eval-dir)")
    return _memory()


def _memory() -> int:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory: peak_rss_mb={peak_mb:.0f}")
    sys.stdout.flush()
    return 0
