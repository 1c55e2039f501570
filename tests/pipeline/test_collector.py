"""The cyclic collector is paused per article, so a long document's full collections do not make it
quadratic (a 20 MB line of one sentence grew x2.24 per doubling of its size, a fifth of it in full
collections walking every earlier window's sentences and events)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from events.collector import paused_collector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def _collector_enabled() -> object:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with paused_collector():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    with paused_collector():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_a_cycle_made_inside_is_freed_when_the_block_ends() -> None:
    with paused_collector():
        ref = weakref.ref(_Node())
        assert ref() is not None
    assert ref() is None


def test_the_collector_stays_off_until_the_last_of_two_threads_leaves() -> None:
    entered, release_first, first_done, release_second = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def first() -> None:
        with paused_collector():
            entered.set()
            release_first.wait(10)
        first_done.set()

    def second() -> None:
        entered.wait(10)
        with paused_collector():
            release_first.set()
            first_done.wait(10)
            seen["after first left"] = gc.isenabled()
            release_second.wait(10)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    first_done.wait(10)
    release_second.set()
    for t in threads:
        t.join(10)
    assert seen == {"after first left": False}
    assert gc.isenabled()


def test_every_article_of_a_long_line_runs_with_the_collector_paused() -> None:
    from events.ingest import documents_from_bytes
    from events.pipeline import run_document
    from events.segment import MAX_ARTICLE_CHARS

    sentence = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on November 14, 2024. "
    text = sentence * (2 * MAX_ARTICLE_CHARS // len(sentence) + 10)  # three windows
    doc = documents_from_bytes("long.txt", text.encode("utf-8"))[0]
    enabled_per_stage: dict[str, set[bool]] = {}
    articles: set[int] = set()

    def observe(stage, work) -> None:  # type: ignore[no-untyped-def]
        enabled_per_stage.setdefault(stage.scope, set()).add(gc.isenabled())
        if stage.scope == "article":
            articles.add(work.article.index)

    run_document(doc, observe)
    assert articles == {0, 1, 2}
    assert enabled_per_stage["article"] == {False}
    assert enabled_per_stage["document"] == {True} and enabled_per_stage["document_end"] == {True}
    assert gc.isenabled()
