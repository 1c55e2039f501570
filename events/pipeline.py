"""Run the stages of ``events/stages.py`` in order, and the runners around them.

``run_document`` is pure (document in, records out); ``ingest_*`` add the result to a store in
one transaction; ``extract_paths`` feeds the CLI.  What each stage requires and sets is declared
in ``events.stages.STAGES``; this module only orders and runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from events.collector import paused_collector
from events.errors import EventscapeError, ExtractionFailed, UnusableInput, failed_ingest_message, user_message
from events.ingest import documents_from_bytes, documents_from_text, expand_paths, read_path
from events.model import Article, Document, Event
from events.stages import STAGES, Stage, Work
from events.store import Store

Progress = Callable[[float, str], None]
Observer = Callable[[Stage, Work], None]


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    articles: list[Article]
    events: list[Event]


@dataclass
class IngestReport:
    ok: bool
    message: str
    new_documents: int = 0
    new_events: int = 0
    skipped: list[str] = field(default_factory=list)


_BEFORE = tuple(s for s in STAGES if s.scope == "document")
_PER_ARTICLE = tuple(s for s in STAGES if s.scope == "article")
_AFTER = tuple(s for s in STAGES if s.scope == "document_end")


def run_document(doc: Document, observe: Observer | None = None) -> DocumentResult:
    """All pure stages on one document: the document stages, each article's stages, then dedup.

    ``observe(stage, work)`` is called after every stage (the fuzzer checks what each one set).
    """
    work = Work(doc)
    for stage in _BEFORE:
        assert stage.run is not None
        stage.run(work)
        if observe is not None:
            observe(stage, work)
    for article in work.articles:
        work.article = article
        with paused_collector():  # else a long document's full collections make it quadratic
            for stage in _PER_ARTICLE:
                assert stage.run is not None
                more = stage.run(work)
                if observe is not None:
                    observe(stage, work)
                if more is False:
                    break
    for stage in _AFTER:
        assert stage.run is not None
        stage.run(work)
        if observe is not None:
            observe(stage, work)
    return DocumentResult(work.document, work.dated_articles, work.events)


# -- runners -------------------------------------------------------------------------------

def run_isolated(doc: Document) -> DocumentResult:
    """``run_document``, with a failure on this one document raised as ``ExtractionFailed``
    so that a batch skips it with a message and keeps the others."""
    try:
        return run_document(doc)
    except Exception as exc:  # noqa: BLE001 - any defect in a stage must cost one document, not the batch
        raise ExtractionFailed(doc.source, exc) from exc


def extract_paths(
    paths: Sequence[str], on_skip: Callable[[str], None], progress: Progress | None = None
) -> Iterator[DocumentResult]:
    files = expand_paths(list(paths))
    for i, path in enumerate(files):
        if progress:
            progress(i / max(1, len(files)), path.name)
        try:
            docs = read_path(path, on_skip)  # a bad JSONL line costs that line
        except UnusableInput as exc:
            on_skip(user_message(exc))
            continue
        for doc in docs:
            try:
                yield run_isolated(doc)
            except ExtractionFailed as exc:
                on_skip(user_message(exc))
    if progress:
        progress(1.0, "done")


def _ingest_documents(docs: list[Document], store: Store, progress: Progress | None,
                      unread: Sequence[str] = ()) -> IngestReport:
    results: list[DocumentResult] = []
    failed: list[str] = list(unread)  # records of the file that were not documents
    for i, doc in enumerate(docs):
        if progress:
            progress(i / (len(docs) + 1), f"extracting events from {doc.source}")
        try:
            results.append(run_isolated(doc))
        except ExtractionFailed as exc:
            failed.append(user_message(exc))
    if failed and not results:
        return IngestReport(False, failed_ingest_message(failed), skipped=failed)
    if progress:
        progress(len(docs) / (len(docs) + 1), "saving")
    added = store.add([r.document for r in results], [a for r in results for a in r.articles],
                      [e for r in results for e in r.events])
    if progress:
        progress(1.0, "done")
    note = "".join(f" Skipped {m}" for m in failed[:3]) + (f" … and {len(failed) - 3} more." if len(failed) > 3 else "")
    if added.new_documents == 0:
        return IngestReport(True, "Already in the store: nothing was added." + note, 0, 0, failed)
    if added.new_events == 0:
        return IngestReport(True, f"Added {added.new_documents} document(s); no dated happening was found in the text."
                            + note, added.new_documents, 0, failed)
    return IngestReport(True, f"Added {added.new_documents} document(s) with {added.new_events} event(s)." + note,
                        added.new_documents, added.new_events, failed)


def ingest_bytes(name: str, data: bytes, store: Store, progress: Progress | None = None) -> IngestReport:
    """Upload path of the app: never raises for bad input; the store is untouched on failure."""
    unread: list[str] = []
    try:
        docs = documents_from_bytes(name, data, unread.append)
        return _ingest_documents(docs, store, progress, unread)
    except EventscapeError as exc:
        return IngestReport(False, failed_ingest_message([user_message(exc)]))


def ingest_text(text: str, name: str, store: Store, progress: Progress | None = None) -> IngestReport:
    try:
        return _ingest_documents(documents_from_text(text, name), store, progress)
    except EventscapeError as exc:
        return IngestReport(False, failed_ingest_message([user_message(exc)]))

