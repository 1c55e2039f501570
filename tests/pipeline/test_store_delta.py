"""The Delta store: time travel, one version per write, real concurrent processes and kill -9."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from events.errors import StoreError
from events.model import Article
from events.store import Store
from events.store_log import build_lock
from events.store_migrate import migrate_sqlite
from tests.pipeline.test_store import _doc, _event
from tests.support.synthetic import build_store, iter_batches

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def _run(*args: str, store: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EVENTSCAPE_STORE": str(store)}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def _consistent(store: Store) -> None:
    """The latest version reads, and its log counts match what is in the tables."""
    assert store.events_frame().height == store.count_events()
    assert store.documents_frame().height == store.versions()[-1].n_documents if store.versions() else True


def test_time_travel_returns_the_earlier_versions_events(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add([_doc("d1")], [], [_event("e1", "d1")])
    store.add([_doc("d2")], [], [_event("e2", "d2")])
    assert store.version() == "2"
    assert store.events_frame(version=1)["event_id"].to_list() == ["e1"]
    assert sorted(store.events_frame()["event_id"].to_list()) == ["e1", "e2"]
    assert [v.n_events for v in store.versions()] == [1, 2]
    assert store.version_at(dt.date(2000, 1, 1)) == 0
    assert store.version_at(dt.datetime.now(dt.UTC)) == 2
    with pytest.raises(StoreError, match="no version 7"):
        store.events_frame(version=7)


def test_delete_document_is_one_version_and_earlier_versions_keep_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add([_doc("d1")], [Article("d1", 0, "A", 0, 5)], [_event("e1", "d1")])
    store.add([_doc("d2")], [Article("d2", 0, "B", 0, 5)], [_event("e2", "d2")])
    assert store.delete_document("d1") == 1
    assert store.version() == "3"
    assert store.events_frame()["event_id"].to_list() == ["e2"]
    assert store.documents_frame()["doc_id"].to_list() == ["d2"]
    assert store.articles_frame()["doc_id"].to_list() == ["d2"]
    assert store.events_frame(version=2).height == 2
    assert store.delete_document("nope' OR '1'='1") == 0 and store.version() == "3"


def test_rollback_and_optimize_keep_content(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    for i in range(4):
        store.add([_doc(f"d{i}")], [], [_event(f"e{i}", f"d{i}")])
    store.rollback(2)
    assert sorted(store.events_frame()["event_id"].to_list()) == ["e0", "e1"]
    store.add([_doc("d9")], [], [_event("e9", "d9")])  # writing after a rollback builds on the rolled-back content
    assert sorted(store.events_frame()["event_id"].to_list()) == ["e0", "e1", "e9"]
    before = store.events_frame().sort("event_id")
    store.optimize()
    assert store.events_frame().sort("event_id").equals(before)
    assert store.versions()[-1].op == "optimize"


def test_a_failed_commit_half_way_is_never_seen_and_is_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "s")
    store.add([_doc("d0")], [], [_event("e0", "d0")])

    def boom(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    # documents and articles are committed to their tables, then the events commit fails
    monkeypatch.setattr(Store, "_merge_events", boom)
    with pytest.raises(StoreError, match="unchanged"):
        store.add([_doc("d1")], [Article("d1", 0, "A", 0, 5)], [_event("e1", "d1")])
    monkeypatch.undo()
    assert store.version() == "1" and store.documents_frame()["doc_id"].to_list() == ["d0"]
    store.add([_doc("d2")], [], [_event("e2", "d2")])
    assert sorted(store.documents_frame()["doc_id"].to_list()) == ["d0", "d2"]


_OLD_SCHEMA = """
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, source TEXT, title TEXT, text TEXT, media_type TEXT,
  encoding TEXT, ingested_at TEXT);
CREATE TABLE articles (doc_id TEXT, idx INTEGER, title TEXT, start INTEGER, "end" INTEGER, pub_date TEXT,
  pub_date_source TEXT);
"""


def test_migration_from_sqlite_keeps_every_event(tmp_path: Path) -> None:
    source = build_store(tmp_path / "delta", 700, per_doc=50, seed=3)
    frame = source.events_frame()
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript(_OLD_SCHEMA)
    cols = list(frame.columns)
    conn.execute("CREATE TABLE events (" + ", ".join(f'"{c}"' for c in cols) + ")")
    import json

    rows = []
    for r in frame.iter_rows(named=True):
        r = {**r, "actors": json.dumps(r["actors"]), "people": json.dumps(r["people"])}
        rows.append([v.isoformat() if isinstance(v, dt.date) else v for v in (r[c] for c in cols)])
    conn.executemany("INSERT INTO events VALUES (" + ",".join("?" * len(cols)) + ")", rows)  # noqa: S608 (placeholders only)
    docs = source.documents_frame()
    conn.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                     [(d, "s", "t", "x", "text/plain", "utf-8", "2024-01-01") for d in docs["doc_id"]])
    conn.commit()
    conn.close()
    target = Store(tmp_path / "new")
    assert migrate_sqlite(old, target) == 700
    assert target.version() == "1" and target.documents_frame().height == docs.height
    assert target.events_frame().sort("event_id").equals(frame.sort("event_id"))
    with pytest.raises(StoreError, match="already holds data"):
        migrate_sqlite(old, target)


_WRITER = """
import sys
from events.model import Document
from events.store import Store
from tests.pipeline.test_store import _event
store = Store(sys.argv[1])
for i in range(int(sys.argv[3])):
    d = f"{sys.argv[2]}-{i}"
    store.add([Document(d, d, d, "text " + d)], [], [_event("shared", d), _event("own-" + d, d)])
print("ok")
"""


def test_two_concurrent_writer_processes_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s"
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), name, "6"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    outs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    store = Store(path)
    frame = store.events_frame()
    assert store.version() == "12" and store.documents_frame().height == 12
    assert frame.height == 13 and frame["event_id"].n_unique() == 13  # 12 own events + one shared, merged
    assert frame.filter(frame["event_id"] == "shared")["mentions"].item() == 12


def test_concurrent_uploads_in_one_process_all_succeed(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")  # two app sessions share one Store object
    errors: list[BaseException] = []

    def upload(prefix: str) -> None:
        for i in range(5):
            try:
                store.add([_doc(f"{prefix}{i}")], [], [_event(f"e{prefix}{i}", f"{prefix}{i}")])
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

    threads = [threading.Thread(target=upload, args=(p,)) for p in "xy"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and store.count_events() == 10 and Store(tmp_path / "s").events_frame().height == 10


_BIG_WRITER = """
import sys
from events.store import Store
from tests.support.synthetic import iter_batches
store = Store(sys.argv[1])
for docs, arts, evs in iter_batches(400_000, per_doc=100, seed=5, batch_docs=400):
    store.add(docs, arts, evs)
    print("committed", flush=True)
"""


@pytest.mark.parametrize("delay", [1.5])
def test_kill_9_during_an_ingest_leaves_the_last_version_readable(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "s"
    store = Store(path)
    for docs, arts, evs in iter_batches(200, per_doc=50, seed=1):
        store.add(docs, arts, evs)
    child = subprocess.Popen([sys.executable, "-c", _BIG_WRITER, str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    time.sleep(delay + 2.0)  # interpreter start + imports, then some way into a commit
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    after = Store(path)
    _consistent(after)
    assert after.count_events() >= 200
    assert after.events_frame(version=1).height == 200
    before = after.count_events()
    for docs, arts, evs in iter_batches(100, per_doc=50, seed=99):
        after.add(docs, arts, evs)  # the next writer undoes whatever the killed one left
    assert after.count_events() == before + 100
    _consistent(after)


def test_kill_9_during_a_build_then_the_same_command_finishes_it(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    Store(store_path).add([_doc()], [], [_event()])
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(40):
        (pages / f"p{i:02d}.txt").write_text(f"Report {i}.\n\nOn {1 + i % 28} May 2021, Chinese and Russian "
                                            f"ministers met in Moscow to sign accord number {i}.\n", encoding="utf-8")
    env = {**os.environ, "EVENTSCAPE_STORE": str(store_path)}
    child = subprocess.Popen([sys.executable, "-m", "events", "build", str(pages)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4.0)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    killed = Store(store_path)
    _consistent(killed)  # the version before the build, or one the build committed: readable either way
    done = _run("-m", "events", "build", str(pages), store=store_path)
    assert done.returncode == 0, done.stderr
    final = Store(store_path)
    assert final.documents_frame().height == 40 and final.note().get("done") is True
    _consistent(final)


def test_build_of_only_bad_files_leaves_the_store_and_says_so(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    store = Store(store_path)
    store.add([_doc()], [], [_event()])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "x.jsonl").write_text("{not json\n", encoding="utf-8")
    done = _run("-m", "events", "build", str(bad), store=store_path)
    assert done.returncode == 2 and "left as it was" in done.stderr and "Traceback" not in done.stderr
    assert Store(store_path).version() == "1" and Store(store_path).count_events() == 1


def test_a_build_that_skipped_a_file_stores_the_rest_and_exits_2(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("March 3, 2023\n\nOfficials of Peru and China met in Lima on March 3, 2023.\n",
                                  encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    done = _run("-m", "events", "build", str(src), store=store_path)
    assert done.returncode == 2 and "skipped 1" in done.stderr and "Traceback" not in done.stderr
    assert Store(store_path).count_events() >= 1


def test_overlapping_builds_refuse_with_a_message(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    Store(store_path)
    page = tmp_path / "page.txt"
    page.write_text("On 3 May 2021, Chinese and Russian ministers met in Moscow.", encoding="utf-8")
    with build_lock(store_path):
        done = _run("-m", "events", "build", str(page), store=store_path)
    assert done.returncode == 2 and "another build" in done.stderr and "Traceback" not in done.stderr
    assert Store(store_path).version() == "0"


def test_a_store_object_writes_to_what_a_build_left(tmp_path: Path) -> None:
    """The app's long-lived Store object after a build replaced the content: its write lands on disk."""
    store_path = tmp_path / "s"
    app_store = Store(store_path)
    app_store.add([_doc("d0")], [], [_event("e0", "d0")])
    page = tmp_path / "page.txt"
    page.write_text("On 3 May 2021, Chinese and Russian ministers met in Moscow.", encoding="utf-8")
    assert _run("-m", "events", "build", str(page), store=store_path).returncode == 0
    app_store.add([_doc("d5")], [], [_event("e5", "d5")])
    fresh = Store(store_path)  # "after a restart"
    assert "d5" in fresh.documents_frame()["doc_id"].to_list()
    assert "d0" not in fresh.documents_frame()["doc_id"].to_list()


def test_without_flags_nothing_about_dask_is_imported(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("On 3 May 2021, Chinese and Russian ministers met in Moscow.", encoding="utf-8")
    code = ("import sys; from events.cli.main import main; rc = main(['build', sys.argv[1], '--store', sys.argv[2]]); "
            "print(rc, any(m == 'dask' or m.startswith(('dask.', 'distributed')) for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, str(page), str(tmp_path / "s")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["0", "False"], done.stderr


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_dask_local_cluster_with_two_workers_extracts_the_same_events(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from events.batches import extract_batches
    from events.pipeline import extract_paths

    # Workers are spawned processes, which re-run the parent's __main__ module by its path. An AppTest earlier in
    # the same pytest process leaves app.py as __main__; the CLI's own __main__ is events/__main__.py.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))

    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    local = sorted(e.event_id for r in extract_paths(files, lambda _m: None) for e in r.events)
    batches = list(extract_batches(files, lambda _m: None, workers=2))
    distributed = sorted(eid for b in batches for eid in b.events["event_id"].to_list())
    assert local and distributed == local


def test_thousands_of_small_uploads_are_compacted_automatically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    import events.store as store_mod

    monkeypatch.setattr(store_mod, "OPTIMIZE_EVERY", 3)
    store = Store(tmp_path / "s")
    for i in range(3):
        store.add([_doc(f"d{i}")], [], [_event(f"e{i}", f"d{i}")])
    assert [v.op for v in store.versions()] == ["add", "add", "add", "optimize"]
    assert store.count_events() == 3 == store.events_frame().height
    assert (tmp_path / "s" / "events" / "_delta_log" / "_last_checkpoint").exists()
