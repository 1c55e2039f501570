"""`python -m events ...` — extract, build, timex, geoparse, demo, bench, fuzz."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from events.errors import EventscapeError, user_message
from events.resources import REPO_ROOT


def _progress(done: float, label: str) -> None:
    sys.stderr.write(f"\r[{done * 100:5.1f}%] {label[:60]:<60}")
    if done >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _skip(message: str) -> None:
    sys.stderr.write(f"\nskipped: {message}\n")


class _SkipCounter:
    """Prints each skipped record's one-line reason and counts them (exit 2 when any was skipped)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        sys.stderr.write(f"skipped: {message}\n")

    def summary(self) -> str:
        return f"; {self.count} line(s) skipped" if self.count else ""

    def exit_code(self) -> int:
        return 2 if self.count else 0


def write_events(rows: list[dict[str, Any]], out: Path) -> None:
    """Write event rows as .jsonl, .parquet or .csv (by suffix)."""
    import polars as pl

    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from events.store import EVENTS_SCHEMA

    frame = pl.DataFrame(rows, schema={k: (pl.Utf8 if k in ("date_start", "date_end", "pub_date") else v)
                                       for k, v in EVENTS_SCHEMA.items() if k not in ("other_evidence", "highlights")}
                         | {"other_evidence": pl.Utf8, "highlights": pl.Utf8}, strict=False) if rows else pl.DataFrame()
    if suffix == ".parquet":
        if rows:
            frame = frame.with_columns(pl.col(c).str.to_date(strict=False) for c in ("date_start", "date_end", "pub_date"))
        frame.write_parquet(out)
    else:
        flat = frame.with_columns(pl.col("actors").list.join(";"), pl.col("people").list.join(";")) if rows else frame
        flat.write_csv(out)


def _rows(events: Sequence[Any]) -> list[dict[str, Any]]:
    from events.store import event_to_row

    rows = []
    for e in events:
        row = event_to_row(e)
        row["other_evidence"] = json.dumps(row["other_evidence"], ensure_ascii=False)
        row["highlights"] = json.dumps(row["highlights"], ensure_ascii=False)
        rows.append(row)
    return rows


def _batch_progress(state: Any) -> None:
    sys.stderr.write(f"\r{state.line():<100}")
    if state.files_done >= state.files_total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _distributed(args: argparse.Namespace) -> dict[str, Any]:
    if args.workers is not None and args.workers < 1:
        raise EventscapeError("--workers: give 1 or more")
    return {"workers": args.workers, "scheduler": args.scheduler}


def cmd_extract(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".jsonl", ".parquet", ".csv"):
        raise EventscapeError(f"--out {out}: use a .jsonl, .parquet or .csv file name")
    events = []
    skipped: list[str] = []

    def skip(message: str) -> None:
        skipped.append(message)
        _skip(message)

    documents = 0
    if args.workers is not None or args.scheduler:
        rows = _rows_from_batches(args, skip)
        documents = -1  # counted by the batches, not here
    else:
        from events.pipeline import extract_paths

        for result in extract_paths(args.paths, skip, _progress):
            documents += 1
            events.extend(result.events)
        rows = _rows(events)
    write_events(rows, out)
    # the reasons scrolled past with the progress: the last line says again why a file gave nothing
    why = f"; skipped {len(skipped)}: {skipped[0]}{' …' if len(skipped) > 1 else ''}" if skipped else ""
    counted = f" from {documents} document(s)" if documents >= 0 else ""
    sys.stderr.write(f"{len(rows)} events written to {out}{counted}{why}\n")
    return 2 if skipped else 0


def _rows_from_batches(args: argparse.Namespace, skip: Callable[[str], None]) -> list[dict[str, Any]]:
    import polars as pl

    from events.batches import extract_batches

    frames = [b.events for b in extract_batches(args.paths, skip, on_progress=_batch_progress, ordered=True,
                                                **_distributed(args))]
    if not frames:
        return []
    dates = ("date_start", "date_end", "pub_date")
    return pl.concat(frames).with_columns(pl.col(c).cast(pl.Utf8) for c in dates).to_dicts()


OPTIMIZE_AFTER_BUILD = 1000  # documents: past this a build ends with a compaction


def cmd_build(args: argparse.Namespace) -> int:
    """Build the store from PATHs as one run: the first batch replaces what the store held (earlier
    versions stay readable), later batches add to it. A rerun of a build that did not finish
    resumes it. Inputs with nothing usable leave the store as it was (exit 2)."""
    import hashlib

    from events.batches import extract_batches
    from events.store import Store, default_store_path, load_demo
    from events.store_log import build_lock

    store = Store(Path(args.store) if args.store else default_store_path())
    with build_lock(store.root):
        if not args.paths:
            load_demo(store, replace=True)
            sys.stderr.write(f"store {store.path}: {store.count_events()} events (bundled demo), "
                             f"version {store.version()}\n")
            return 0
        signature = hashlib.sha1("\n".join(sorted(str(Path(p).resolve()) for p in args.paths)).encode()).hexdigest()
        note = store.note()
        resume = not args.fresh and note.get("build") == signature and not note.get("done")
        skip = frozenset(store.known_document_ids()) if resume else frozenset()
        if resume:
            sys.stderr.write(f"resuming the unfinished build of these inputs ({len(skip)} documents already stored)\n")
        committed = 0
        first = not resume
        skipped: list[str] = []

        def skip_one(message: str) -> None:
            skipped.append(message)
            _skip(message)

        batches = extract_batches(args.paths, skip_one, skip_ids=skip, on_progress=_batch_progress,
                                  **_distributed(args))
        pending = next(batches, None)
        while pending is not None:
            following = next(batches, None)  # one batch ahead: the last commit says the build is done
            added = store.add_frames(pending, replace=first, note={"build": signature, "done": following is None})
            committed += added.new_documents
            first = False
            pending = following
        if committed >= OPTIMIZE_AFTER_BUILD:
            store.optimize()  # a large build: compact its batches, cluster events by date, checkpoint
        if committed == 0 and not resume:
            sys.stderr.write(f"nothing usable in {' '.join(args.paths)}: the store was left as it was "
                             f"({store.count_events()} events, version {store.version()})\n")
            return 2
    why = f"; skipped {len(skipped)}: {skipped[0]}{' …' if len(skipped) > 1 else ''}" if skipped else ""
    sys.stderr.write(f"store {store.path}: {store.count_events()} events, version {store.version()}{why}\n")
    return 2 if skipped else 0


def cmd_store(args: argparse.Namespace) -> int:
    from events.store import Store, default_store_path

    target = Path(args.store) if args.store else default_store_path()
    if args.action == "migrate":
        from events.store_migrate import migrate_sqlite

        n = migrate_sqlite(Path(args.source), Store(target))
        sys.stderr.write(f"migrated {n} events from {args.source} into {target}\n")
        return 0
    store = Store(target)
    if args.action == "optimize":
        store.optimize()
        sys.stderr.write(f"store {target}: compacted and checkpointed, version {store.version()}\n")
    elif args.action == "versions":
        for v in store.versions():
            print(f"{v.version}\t{v.at.isoformat() if v.at else ''}\t{v.op}\t{v.n_events} events\t"
                  f"{v.n_documents} documents")
    elif args.action == "rollback":
        if args.version is None:
            raise EventscapeError("store rollback: give the version to return to")
        new = store.rollback(args.version)
        sys.stderr.write(f"store {target}: version {new} holds what version {args.version} held\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from events.cli.demo import write_demo

    n = write_demo(args.paths, Path(args.out_dir) if args.out_dir else None, on_skip=_skip)
    sys.stderr.write(f"demo data: {n} events\n")
    return 0


def cmd_timex(args: argparse.Namespace) -> int:
    from events.cli.timex import tag_file

    _need_file(args.input)
    skipped = _SkipCounter()
    n = tag_file(args.input, args.out, on_skip=skipped)
    sys.stderr.write(f"{n} documents tagged → {args.out}{skipped.summary()}\n")
    return skipped.exit_code()


def cmd_geoparse(args: argparse.Namespace) -> int:
    from events.cli.geoparse import geoparse_file

    _need_file(args.input)
    skipped = _SkipCounter()
    n = geoparse_file(args.input, args.out, given_spans=args.given_spans, on_skip=skipped)
    sys.stderr.write(f"{n} documents geoparsed → {args.out}{skipped.summary()}\n")
    return skipped.exit_code()


def cmd_bench(args: argparse.Namespace) -> int:
    from events.cli.bench import run_bench

    return run_bench(args)


def cmd_fuzz(args: argparse.Namespace) -> int:
    from events.cli.fuzz import main as fuzz_main

    return fuzz_main(args.n, args.seed, args.eval_dir, args.write)


def _need_file(path: str) -> None:
    if not Path(path).is_file():
        raise EventscapeError(f"{path}: no such file")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m events", description="Eventscape event extraction pipeline")
    ap.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract events from files/folders to .jsonl/.parquet/.csv")
    p.add_argument("paths", nargs="+")
    p.add_argument("--out", required=True)
    _cluster_flags(p)
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("build", help="(re)build the app's store from PATHs (default: the bundled demo data)")
    p.add_argument("paths", nargs="*")
    p.add_argument("--store", help="store folder (default $EVENTSCAPE_STORE or data/store/)")
    p.add_argument("--fresh", action="store_true", help="start over even if the last build of these inputs did not finish")
    _cluster_flags(p)
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("store", help="store upkeep: optimize, versions, rollback, migrate from SQLite")
    p.add_argument("action", choices=["optimize", "versions", "rollback", "migrate"])
    p.add_argument("source", nargs="?", help="migrate: the SQLite store file to read")
    p.add_argument("--version", type=int, help="rollback: the version whose content becomes the latest")
    p.add_argument("--store", help="store folder (default $EVENTSCAPE_STORE or data/store/)")
    p.set_defaults(func=cmd_store)
    p = sub.add_parser("demo", help="regenerate the bundled demo data (data/demo/) from PATHs")
    p.add_argument("paths", nargs="+")
    p.add_argument("--out-dir")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("timex", help="TimeML temporal tagging of {doc_id,text,dct?} JSONL")
    p.add_argument("input")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_timex)
    p = sub.add_parser("geoparse", help="toponym recognition + resolution of {doc_id,text} JSONL")
    p.add_argument("input")
    p.add_argument("--out", required=True)
    p.add_argument("--given-spans", action="store_true", help="resolve only the toponyms given in the input")
    p.set_defaults(func=cmd_geoparse)
    p = sub.add_parser("bench", help="throughput and memory benchmarks")
    p.add_argument("--corpus", default=str(REPO_ROOT.parent / "shared" / "corpus"))
    p.add_argument("--eval-dir", default=str(REPO_ROOT.parent / "shared" / "eval" / "data"))
    p.add_argument("--only", choices=["pipeline", "timex", "geoparse"], help="run one benchmark")
    p.add_argument("--workers", help="distributed extraction with each number of Dask workers, e.g. 1,2 "
                                     "(on distinct texts; alone unless --only is given)")
    p.add_argument("--long-lines", action="store_true",
                   help="instead: the pipeline on single-line texts of --sizes MB (time per doubling <= 2.2x)")
    p.add_argument("--sizes", default="1,5,20", help="MB sizes for --long-lines, comma-separated")
    p.set_defaults(func=cmd_bench)
    p = sub.add_parser("fuzz", help="hostile generated documents through every stage, properties checked")
    p.add_argument("--n", type=int, default=10_000, help="documents to generate")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--eval-dir", default=str(REPO_ROOT.parent / "shared" / "eval" / "data"),
                   help="real sentences are drawn from the JSONL files here")
    p.add_argument("--write", help="also write the generated texts as {doc_id,text} JSONL (for the file tools)")
    p.set_defaults(func=cmd_fuzz)
    return ap


def _cluster_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, help="extract on a local Dask cluster of N worker processes")
    p.add_argument("--scheduler", help="extract on an existing Dask cluster (tcp://HOST:8786)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    try:
        if args.command in ("extract", "build", "geoparse"):
            from events.geo.backends.nominatim import check_configuration

            check_configuration()  # a wrong geocoder setting fails now, with the fix, not mid-run
        return int(args.func(args))
    except EventscapeError as exc:
        sys.stderr.write(f"error: {user_message(exc)}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except Exception as exc:
        if debug:
            raise
        sys.stderr.write(f"error: {type(exc).__name__}: {str(exc)[:200]} — a defect, please report it "
                         "(run again with --debug for the traceback)\n")
        return 2
