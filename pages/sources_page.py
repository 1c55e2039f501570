"""Sources: the documents in the store, and adding new ones (upload or paste)."""

from __future__ import annotations

from typing import Any

import polars as pl
import streamlit as st

from ui import asof, ingest, queries
from ui.detail import document_html, md_text
from ui.safe import md
from ui.sources import UPLOAD_TYPES, documents_table, no_event_reason

st.markdown("#### Sources")
st.caption("The news pages in the store: add new ones, read what was extracted from each, see why a page gave "
           "no events, or delete a page together with its events.")


def _say(kind: str, text: str) -> None:
    """Show a result now and keep it until the next ingest (reruns would otherwise wipe it)."""
    getattr(st, kind)(text)
    st.session_state.setdefault("_ingest_log", []).append((kind, text))


def _run(kind: str, payload: Any, name: str) -> None:
    if not ingest.available():
        _say("error", "Ingest is not available yet: `events.pipeline` is missing in this build.")
        return
    bar = st.progress(0.0, text=f"Reading {md(name)}…")

    def progress(fraction: float, message: str) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=md(message, 120))

    store = queries.get_store()
    try:
        report = ingest.ingest(kind, payload, name, store, progress)
    except Exception as exc:  # noqa: BLE001 - show one line, never a traceback
        bar.empty()
        _say("error", md(ingest.failure_message(name, exc)))
        return
    bar.progress(1.0, text="Done")
    asof.follow_latest()
    if not report.ok:
        _say("error", md(report.message))
    elif report.new_documents == 0:
        _say("info", f"{md(name)}: {md(report.message)}")
    else:
        _say("success", f"{md(name)}: {md(report.message)}")


def _delete(doc_id: str, title: str) -> None:
    removed = queries.delete_document(doc_id)
    asof.follow_latest()
    st.session_state["_ingest_log"] = [("success", f"Deleted “{md_text(title)}” and its {removed} event(s).")]
    st.session_state["_confirm_delete"] = None
    st.session_state["doc_view"] = "—"


def _document(doc_id: str, row: dict[str, Any]) -> None:
    """One document: its articles, why it gave no events, its text, and deleting it."""
    doc_arts = queries.articles().filter(pl.col("doc_id") == doc_id)
    for art in doc_arts.iter_rows(named=True):
        st.caption(f"Article {art['index'] + 1}: {md_text(art['title'][:100])} · published "
                   f"{art['pub_date'] or 'unknown'} ({art['pub_date_source']})")
    text = queries.document_text(doc_id)
    if not row["events"]:
        st.info(f"**No events from this page.** {no_event_reason(int(row['articles'] or 0), text)}",
                icon=":material/help:")
    if st.session_state.get("_confirm_delete") == doc_id:
        st.warning(f"Delete “{md_text(row['title'][:80])}” and its {row['events']} event(s) from the store? "
                   "The latest store version will not hold it; earlier versions still do (**As known on**), and "
                   "re-ingesting the file brings it back.")
        yes, no = st.columns(2)
        yes.button("Yes, delete", key="delete_confirm", type="primary", icon=":material/delete:",
                   on_click=_delete, args=(doc_id, row["title"]))
        if no.button("Cancel", key="delete_cancel"):
            st.session_state["_confirm_delete"] = None
            st.rerun()
    elif st.button(f"Delete this document and its {row['events']} event(s)", key="delete_doc",
                   icon=":material/delete:"):
        st.session_state["_confirm_delete"] = doc_id
        st.rerun()
    if text:
        with st.container(height=360, border=True):
            st.html(document_html(text, None, None))
    else:
        st.caption("The store keeps no text for this document (bundled demo data).")


add_col, docs_col = st.columns([1, 2])
with add_col:
    st.markdown("**Add documents**")
    if not ingest.available():
        st.warning("Ingest is not available yet (`events.pipeline` is missing); the list on the right still works.")
    with st.form("upload_form", clear_on_submit=True):
        files = st.file_uploader("Upload files", type=UPLOAD_TYPES, accept_multiple_files=True,
                                 help="Plain text, Markdown, HTML, or JSON/JSONL with a `text` field.")
        ran = False
        if st.form_submit_button("Ingest files", type="primary") and files:
            st.session_state["_ingest_log"] = []
            ran = True
            for file in files:
                _run("bytes", file.getvalue(), file.name)
    with st.form("paste_form", clear_on_submit=True):
        name = st.text_input("Name", value="pasted", max_chars=120)
        text = st.text_area("Or paste text", height=160)
        if st.form_submit_button("Ingest text"):
            st.session_state["_ingest_log"] = []
            ran = True
            if text.strip():
                _run("text", text, name or "pasted")
            else:
                _say("error", "Nothing to ingest: the text box is empty.")
    if not ran:  # results of the last ingest stay visible across reruns
        for kind, message in st.session_state.get("_ingest_log", []):
            getattr(st, kind)(message)

docs = queries.documents()
arts = queries.articles()
with docs_col:
    st.markdown(f"**Documents in the store** ({docs.height:,})")
    if docs.is_empty():
        st.info("No documents yet.")
    else:
        table = documents_table(docs, arts)
        # as tall as its rows (no empty grid under five documents), scrolling past eight
        st.dataframe(table.drop("doc_id"), hide_index=True, width="stretch", height=min(320, 38 + 35 * table.height),
                     column_config={"title": st.column_config.TextColumn("Title", width=330),
                                    "published": st.column_config.TextColumn("Published", width=190)})
        view_doc = st.query_params.get("view_doc")
        options = table["doc_id"].to_list()
        titles = dict(zip(options, table["title"].to_list(), strict=True))
        if view_doc in options:
            st.session_state["doc_view"] = view_doc
        chosen = st.selectbox("Read a document", ["—", *options], key="doc_view",
                              format_func=lambda d: d if d == "—" else f"{titles[d][:70]} ({d})")
        if chosen != "—":
            _document(chosen, table.filter(pl.col("doc_id") == chosen).row(0, named=True))
