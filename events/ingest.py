"""Stage 1: bytes → :class:`Document` (plain text).

Requires: a file path or raw bytes with a name.  Sets: ``Document`` with the
text extracted from markup, decoded with a detected encoding, and a content
hash id (so the same text ingested twice is the same document).
Unusable inputs raise :class:`UnusableInput` with a one-line reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from events.errors import UnusableInput
from events.model import Document

OnSkip = Callable[[str], None]

MAX_BYTES = 25 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
_MEDIA = {".md": "text/markdown", ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html",
          ".json": "application/json", ".jsonl": "application/jsonl"}


def content_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-1 of the text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252/latin-1; refuse binary."""
    if not data.strip():
        raise UnusableInput(source, "the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise UnusableInput(source, "looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _control_ratio(sample: bytes) -> float:
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(sample))


_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "figure",
               "figcaption", "aside", "nav", "main", "dd", "dt", "hr", "title")


def html_to_text(markup: str) -> tuple[str, str]:
    """Visible text of an HTML page with block structure kept as blank lines; and its <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "svg", "iframe", "object", "head"]):
        if tag.name == "head":
            title_tag = tag.find("title")
            title = title_tag.get_text(" ", strip=True) if title_tag else ""
            tag.decompose()
            soup.attrs["data-title"] = title
            continue
        tag.decompose()
    title = str(soup.attrs.get("data-title", "")) if hasattr(soup, "attrs") else ""
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = soup.get_text()
    return normalise_whitespace(text), title


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_HEADER = re.compile(r"^#{1,6}[ \t]+", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.M)


def markdown_to_text(markup: str) -> str:
    """Plain text of Markdown: images dropped, links keep their text, markers stripped."""
    text = _MD_IMAGE.sub("", markup)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADER.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_EMPH.sub("", text)
    return normalise_whitespace(text)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_MANY_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def normalise_whitespace(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def documents_from_bytes(name: str, data: bytes, on_skip: OnSkip | None = None) -> list[Document]:
    """Turn one uploaded/read file into documents (a JSONL file may hold many).

    A JSON(L) record that is not a document is passed to ``on_skip`` with a one-line reason;
    a file with nothing usable raises ``UnusableInput``.
    """
    if len(data) > MAX_BYTES:
        raise UnusableInput(name, f"too large ({len(data) / 2**20:.1f} MiB; the limit is {MAX_BYTES / 2**20:.0f} MiB)")
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise UnusableInput(name, f"unsupported file type '{suffix}' (use {', '.join(SUPPORTED_SUFFIXES)})")
    raw, encoding = decode(data, name)
    if suffix in (".json", ".jsonl"):
        return _json_documents(name, raw, encoding, jsonl=suffix == ".jsonl", on_skip=on_skip)
    media = _MEDIA.get(suffix, "text/plain")
    title = ""
    if suffix in (".html", ".htm") or (suffix in ("", ".txt") and _looks_like_html(raw)):
        text, title = html_to_text(raw)
        media = "text/html"
    elif suffix in (".md", ".markdown"):
        text = markdown_to_text(raw)
    else:
        text = normalise_whitespace(raw)
    return [_make_document(name, text, media, encoding, title)]


def _json_documents(name: str, raw: str, encoding: str, *, jsonl: bool, on_skip: OnSkip | None) -> list[Document]:
    """One document per record with a non-empty "text"; a record that is not one is skipped with a
    reason naming the file and line (JSONL) or record (a JSON list), and the others are still read."""
    records: list[tuple[str, object]] = []
    problems: list[str] = []
    if jsonl:
        # only "\n" ends a JSONL line: a JSON string may hold U+2028 and others that splitlines() splits on
        for number, line in enumerate(raw.split("\n"), 1):
            if not line.strip():
                continue
            try:
                records.append((f"line {number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(f"line {number}: not JSON ({exc.msg} at column {exc.colno})")
            except (ValueError, RecursionError) as exc:  # a 1M-digit number, nesting too deep
                problems.append(f"line {number}: not usable JSON ({type(exc).__name__})")
    else:
        try:
            loaded = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UnusableInput(name, f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        except (ValueError, RecursionError) as exc:
            raise UnusableInput(name, f"not usable JSON ({type(exc).__name__})") from exc
        items = loaded if isinstance(loaded, list) else [loaded]
        records = [(f"record {i}" if isinstance(loaded, list) else "the record", rec) for i, rec in enumerate(items)]
    docs: list[Document] = []
    for i, (where, rec) in enumerate(records):
        text = rec.get("text") if isinstance(rec, dict) else None
        if not isinstance(rec, dict) or not isinstance(text, str) or not text.strip():
            what = ("not an object" if not isinstance(rec, dict) else "no \"text\"" if text is None
                    else f"\"text\" is a {type(text).__name__}" if not isinstance(text, str) else "\"text\" is empty")
            problems.append(f"{where}: {what}")
            continue
        text, _ = html_to_text(text) if _looks_like_html(text) else (normalise_whitespace(text), "")
        title = str(rec.get("title") or "")
        ident = rec.get("doc_id", rec.get("id", i))
        try:
            doc = _make_document(f"{name}#{str(ident)[:80]}", text, "application/json", encoding, title)
        except UnusableInput as exc:
            problems.append(f"{where}: {exc.reason}")
            continue
        given = _record_date(rec)
        docs.append(replace(doc, pub_date=given) if given else doc)
    if not docs:
        detail = f" ({len(problems)} skipped; {problems[0]})" if problems else ""
        raise UnusableInput(name, f"no record with a non-empty \"text\" field{detail}")
    if on_skip is not None:
        for problem in problems:
            on_skip(f"{name}: {problem}")
    return docs


_DATE_FIELDS = ("pub_date", "date", "published", "publication_date", "dct", "datePublished")


def _record_date(rec: dict[str, object]) -> dt.date | None:
    """A publication date given by a JSON record (ISO 8601), if any."""
    for key in _DATE_FIELDS:
        raw = rec.get(key)
        if isinstance(raw, str) and len(raw) >= 10:
            try:
                return dt.date.fromisoformat(raw[:10])
            except ValueError:
                continue
    return None


def _make_document(source: str, text: str, media: str, encoding: str, title: str = "") -> Document:
    if not text.strip():
        raise UnusableInput(source, "no readable text in the file")
    if not title:
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), source)[:200]
    return Document(doc_id=content_id(text), source=source, title=title, text=text,
                    media_type=media, encoding=encoding)


def documents_from_text(text: str, name: str = "pasted") -> list[Document]:
    """Pasted text: treated like a .txt file (HTML is recognised)."""
    return documents_from_bytes(name if Path(name).suffix else name + ".txt", text.encode("utf-8"))


def read_path(path: Path, on_skip: OnSkip | None = None) -> list[Document]:
    """Read one file from disk (``on_skip``: as for ``documents_from_bytes``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInput(str(path), f"cannot be read ({exc.strerror})") from exc
    return documents_from_bytes(path.name, data, on_skip)


def expand_paths(paths: list[str]) -> list[Path]:
    """Files named directly plus supported files inside named folders (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        elif p.is_file():
            out.append(p)
        else:
            raise UnusableInput(str(p), "no such file or folder")
    return out
