"""Stage: ingest — hand-built bytes in, documents or a clear refusal out."""

from __future__ import annotations

import json

import pytest

from events.errors import UnusableInput
from events.ingest import content_id, decode, documents_from_bytes, expand_paths


def test_plain_text_keeps_paragraphs_and_hashes_content() -> None:
    (doc,) = documents_from_bytes("a.txt", b"Headline\n\n\n\nBody one.\r\nBody two.\n")
    assert doc.text == "Headline\n\nBody one.\nBody two.\n"
    assert doc.doc_id == content_id(doc.text)
    assert doc.title == "Headline"


def test_same_text_same_id_whatever_the_file_name() -> None:
    a = documents_from_bytes("a.txt", b"Same words.\n")[0]
    b = documents_from_bytes("b.txt", b"Same words.\n")[0]
    assert a.doc_id == b.doc_id


def test_html_drops_scripts_styles_and_keeps_blocks() -> None:
    html = (b"<html><head><title>Page</title><style>p{}</style></head><body><h1>Head</h1>"
            b"<script>alert('x')</script><p>First <b>para</b>.</p><div>Second</div></body></html>")
    (doc,) = documents_from_bytes("page.html", html)
    assert "alert" not in doc.text and "p{}" not in doc.text
    assert doc.text == "Head\n\nFirst para.\n\nSecond\n"
    assert doc.title == "Page"
    assert doc.media_type == "text/html"


def test_malformed_html_still_yields_text() -> None:
    (doc,) = documents_from_bytes("bad.htm", b"<html><body><p>Unclosed <b>bold <div>inner</p></span>")
    assert "Unclosed" in doc.text and "inner" in doc.text


def test_markdown_links_images_headers() -> None:
    (doc,) = documents_from_bytes("n.md", b"# Title\n\nSee [the report](http://x.y) ![pic](a.png) **now**.\n")
    assert doc.text == "Title\n\nSee the report now.\n"


def test_json_and_jsonl_text_fields() -> None:
    docs = documents_from_bytes("a.jsonl", b'{"text": "One."}\n{"text": "Two.", "title": "T2"}\n')
    assert [d.text for d in docs] == ["One.\n", "Two.\n"] and docs[1].title == "T2"
    (doc,) = documents_from_bytes("a.json", json.dumps({"text": "Solo."}).encode())
    assert doc.text == "Solo.\n"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("x.json", b"{not json", "not valid JSON"),
        ("x.json", b'{"body": "no text field"}', "text"),
        ("x.pdf", b"%PDF-1.4", "unsupported"),
    ],
)
def test_unusable_inputs_give_one_line_reasons(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnusableInput) as info:
        documents_from_bytes(name, data)
    assert reason in info.value.user_message
    assert "\n" not in info.value.user_message


def test_encodings_bom_and_cp1252() -> None:
    assert decode("café".encode("utf-8-sig"), "x") == ("café", "utf-8-sig")
    assert decode("café – “quoted”".encode("cp1252"), "x") == ("café – “quoted”", "cp1252")


def test_huge_file_is_refused_with_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    import events.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    with pytest.raises(UnusableInput, match="too large"):
        documents_from_bytes("big.txt", b"x" * 11)


def test_expand_paths_reports_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.bin").write_bytes(b"\x00")
    assert [p.name for p in expand_paths([str(tmp_path)])] == ["a.txt"]
    with pytest.raises(UnusableInput, match="no such file"):
        expand_paths([str(tmp_path / "missing")])


def test_json_record_date_becomes_the_publication_date() -> None:
    import datetime as dt

    (doc,) = documents_from_bytes("a.jsonl", b'{"text": "Talks on Tuesday.", "date": "2017-04-12T08:00:00Z"}\n')
    assert doc.pub_date == dt.date(2017, 4, 12)
