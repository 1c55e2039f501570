"""Two people working at once (issue 14): two `build` processes on one store, a `build` while the app
writes, two app sessions uploading 150 files each. Every reported success is in the store after a
restart (a fresh ``Store`` on the folder), every reported failure is not.

The uploads go the app's way in: ``ui.ingest.ingest`` with one ``Store`` object shared by the
sessions (what ``ui.queries`` caches for every session), each upload read, extracted and committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from events.store import Store
from ui import ingest

ROOT = Path(__file__).resolve().parents[2]


def _page(tag: str, i: int) -> str:
    return (f"Report {tag} {i}.\n\nOn {1 + i % 28} May 2021, ministers of Chile and Peru met in Lima "
            f"to sign accord {tag}-{i}.\n")


def _pages(folder: Path, tag: str, n: int) -> set[str]:
    folder.mkdir()
    for i in range(n):
        (folder / f"{tag}{i:03d}.txt").write_text(_page(tag, i), encoding="utf-8")
    return {f"{tag}{i:03d}.txt" for i in range(n)}


def _build(pages: Path, store: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "EVENTSCAPE_STORE": str(store)}
    return subprocess.Popen([sys.executable, "-m", "events", "build", str(pages)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _sources(store: Store, version: int | None = None) -> set[str]:
    return {Path(s).name for s in store.documents_frame(version)["source"].to_list()}


def test_two_build_processes_at_once_one_refuses_or_they_queue(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    a_pages = _pages(tmp_path / "a", "a", 120)
    b_pages = _pages(tmp_path / "b", "b", 5)
    first = _build(tmp_path / "a", store_path)
    while not (store_path / "_build.lock").exists() and first.poll() is None:
        time.sleep(0.05)  # the first build holds its lock from the moment the file exists
    second = _build(tmp_path / "b", store_path)
    second_out = second.communicate(timeout=300)
    overlapped = first.poll() is None  # the first build was still running when the second ended
    first_out = first.communicate(timeout=300)
    for proc, (_out, err) in ((first, first_out), (second, second_out)):
        assert proc.returncode in (0, 2) and "Traceback" not in err, err
    assert first.returncode == 0, first_out[1]
    final = Store(store_path)
    if overlapped:
        assert second.returncode == 2 and "another build" in second_out[1], second_out[1]
        assert _sources(final) == a_pages  # the refused build stored nothing
    else:  # the first ended before the second took the lock: they ran one after the other
        assert second.returncode == 0 and _sources(final) == b_pages
    assert [v.op for v in final.versions()].count("replace") == (1 if overlapped else 2)
    # nothing is left locked: a third build runs
    again = _build(tmp_path / "b", store_path)
    assert again.wait(timeout=300) == 0 and _sources(Store(store_path)) == b_pages


def _upload(store: Store, name: str, data: bytes) -> bool:
    """What the Sources page does with one file: True when it reports the file stored."""
    try:
        report = ingest.ingest("bytes", data, name, store, lambda _f, _m: None)
    except Exception:  # noqa: BLE001 - the page shows one line and counts it failed
        return False
    return bool(report.ok and report.new_documents)


def test_uploads_while_a_build_runs_are_where_their_reports_say(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    app_store = Store(store_path)  # the app's long-lived object, opened before the build
    built = _pages(tmp_path / "pages", "p", 60)
    build = _build(tmp_path / "pages", store_path)
    reported: dict[str, bool] = {}
    during_build = 0
    after_exit = 0
    i = 0
    while after_exit < 3:
        running = build.poll() is None
        name = f"u{i:03d}.txt" if i % 7 else f"u{i:03d}-empty.txt"
        data = _page("u", i).encode() if i % 7 else b""
        reported[name] = _upload(app_store, name, data)
        during_build += running
        after_exit += not running
        i += 1
    _out, err = build.communicate(timeout=300)
    assert build.returncode == 0 and "Traceback" not in err, err
    assert during_build >= 1

    restarted = Store(store_path)
    latest = _sources(restarted)
    replace = next(v.version for v in restarted.versions() if v.op == "replace")
    before_build = _sources(restarted, replace - 1) if replace > 1 else set()
    assert built <= latest
    for name, ok in reported.items():
        if ok:  # stored: in the latest version, or before the build replaced the store's content
            assert name in latest or (name in before_build and name not in _sources(restarted, replace)), name
        else:
            assert all(name not in _sources(restarted, v.version) for v in restarted.versions()), name
    assert any(ok and name in latest for name, ok in reported.items())  # uploads after the build landed
    assert not any(reported[n] for n in reported if n.endswith("-empty.txt"))


def test_two_sessions_uploading_150_files_each(tmp_path: Path) -> None:
    store_path = tmp_path / "s"
    shared = Store(store_path)  # one object for every session, as the app caches it
    reported: dict[str, bool] = {}
    lock = threading.Lock()

    def session(tag: str) -> None:
        for i in range(150):
            bad = i % 25 == 24  # an empty file and a binary one per session: refused
            name = f"{tag}{i:03d}.txt"
            data = (b"" if i % 50 == 24 else bytes(range(256)) * 4) if bad else _page(tag, i).encode()
            ok = _upload(shared, name, data)
            with lock:
                reported[name] = ok

    threads = [threading.Thread(target=session, args=(t,)) for t in ("x", "y")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=1200)
    assert len(reported) == 300
    refused = {n for n, ok in reported.items() if not ok}
    assert refused == {f"{t}{i:03d}.txt" for t in "xy" for i in range(24, 150, 25)}  # only the bad files
    restarted = Store(store_path)
    assert _sources(restarted) == set(reported) - refused
    assert restarted.documents_frame().height == 300 - len(refused)
