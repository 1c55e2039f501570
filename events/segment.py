"""Stage 2: a document → articles and body sentences; boilerplate is dropped.

Requires: ``Document.text`` as produced by ingest (lines, blank lines between blocks).
Sets: ``Article`` (headline, span), ``Sentence`` (body text only, offsets into the
document) and the page's title when its first line was navigation (``titled``).  Boilerplate — navigation, ads, "Continue reading …", comment forms,
"You may be interested in" link lists, forum handles, image file names, photo
credits, scripture headers — never becomes a sentence, so it can yield no events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from events.model import Article, Document, Sentence
from events.text.sentences import BULLET, split_sentences

# Lines that are page furniture wherever they appear.
_BOILER_LINE = re.compile(
    r"""^(?:
        advertisement|sponsored|connect\ with\ us|hi,?\ what\ are\ you\ looking\ for\??|published|on|
        share(?:\ this)?(?:\ article)?|subscribe.*|sign\ up.*|follow\ us.*|print|email|menu|search|home|
        what'?s\ new|take\ a\ look|click\ to\ comment|read\ more.*|related(?:\ articles|\ posts|\ stories)?:?|
        (?:read\ the\ original\ article|read\ the\ rest|continue\ reading|source\s*:|source\ link|image:|photo:|video:|watch:|via:|latest\ posts|back|top\ bottom).*|
        (?:\(?(?:additional\ )?reporting\ by|editing\ by|writing\ by).*|
        \d+\s*(?:min(?:ute)?s?|hours?|days?)\ (?:ago|read).*|
        ©.*|copyright.*|all\ rights\ reserved.*|
        tags?:.*|categories?:.*|filed\ under.*
    )$""",
    re.I | re.X,
)
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_IMAGE_FILE = re.compile(r"^[\w\-. ()]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)$", re.I)
_HANDLES = re.compile(r"^(?:[—–-]\s*)?(?:@[\w\-]+[\s,]*){1,}(?:@[\w\- ]+)?$")
_SOCIAL_ATTRIB = re.compile(r"^[—–-]\s*.{0,80}\(@\w+\)\s*$")
_VERSE = re.compile(
    r"^(?:[1-3]\s?)?(?:Genesis|Exodus|Leviticus|Numbers|Deuteronomy|Joshua|Judges|Ruth|Samuel|Kings|"
    r"Chronicles|Ezra|Nehemiah|Esther|Job|Psalms?|Proverbs|Ecclesiastes|Isaiah|Jeremiah|Lamentations|"
    r"Ezekiel|Daniel|Hosea|Joel|Amos|Obadiah|Jonah|Micah|Nahum|Habakkuk|Zephaniah|Haggai|Zechariah|"
    r"Malachi|Matthew|Mark|Luke|John|Acts|Romans|Corinthians|Galatians|Ephesians|Philippians|"
    r"Colossians|Thessalonians|Timothy|Titus|Philemon|Hebrews|James|Peter|Jude|Revelations?)"
    r"\s+\d+:\d+(?:[-–]\d+)?\b"
)
_NAV_ITEM = re.compile(r"^(?:\d+\.\s+\S.{0,60}|/|\||»|›|>)$")
_COMMENT_META = re.compile(r"^\d[\d,]*\s+comments?$|.*\|\s*\d[\d,]*\s+comments?$", re.I)
# A line after which the rest of an article is not article text.
_TAIL_TRIGGER = re.compile(
    r"^(?:leave\ a\ (?:reply|comment)|you\ may\ (?:also\ )?(?:be\ interested\ in|like)|"
    r"(?:you\ might\ also\ like)|recommended(?:\ for\ you)?|more\ (?:from|stories|news).*|"
    r"related\ (?:articles|posts|stories|news)|comments?|\d+\ comments?|post\ a\ comment|"
    r"your\ email\ address\ will\ not\ be\ published.*|source\s*:.*|latest\ posts|"
    r"continue\ reading.*|read\ the\ original\ article.*)\s*:?$",
    re.I | re.X,
)
_BYLINE = re.compile(
    r"^(?:by\s+\S.{0,80}|\(?[A-Z][\w .]{1,30}\)?\s+\d{1,2}:\d{2},\s+\w+.{0,40}|"
    r"\d{1,2}:\d{2}\s+\d{1,2}\.\d{1,2}\.\d{2,4}.*|[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}\s+staff)$",
    re.I,
)
_CREDIT = re.compile(
    r"(?:\b(?:photo|image|picture)s?\s*(?:credit)?\s*:|\b(?:Alamy|Getty(?: Images)?|Shutterstock|AFP|AP Photo|"
    r"Reuters|EPA|Sputnik|TASS|Xinhua)\s*$|^[A-Z][\w .]+/[A-Z][\w .]+$)",
    re.I,
)
_LINK_INTRO = re.compile(r"^(?:read more|see also|also read|related)\s*:\s*$", re.I)
_PUBLISHED = re.compile(r"^(?:published|posted|updated)\b.*|^by\s+\S.*", re.I)
_AUTHOR = re.compile(r"^(?!The\b)[A-Z][\w.'’-]+(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){1,2}$")
_EMBEDDED_URL = re.compile(r"https?://\S+|\bwww\.\S+", re.I)
_DATE_ONLY = re.compile(
    r"^(?:\w+day,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{0,2},?\s*\d{4}$|"
    r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$",
    re.I,
)
_SENT_END = re.compile(r"""[.!?…:;]["'”’)\]]*$""")
_ALL_CAPS_WORD = re.compile(r"^[A-Z][A-Z \-]{1,25}$")


@dataclass
class _Block:
    start: int
    end: int
    text: str
    kind: str = "body"  # body | head | boiler


def _has_url(line: str) -> bool:
    # the substring tests are a necessary condition that skips the regex on almost every line
    return ("://" in line or "www." in line.lower()) and _EMBEDDED_URL.search(line) is not None


def _classify(text: str) -> str:
    t = text.strip()
    if (not t or _BOILER_LINE.match(t) or _URL_LINE.match(t) or _IMAGE_FILE.match(t) or _HANDLES.match(t)
            or _SOCIAL_ATTRIB.match(t) or _VERSE.match(t) or _NAV_ITEM.match(t) or _COMMENT_META.match(t)
            or _LINK_INTRO.match(t) or (len(t) < 200 and not _SENT_END.search(t) and _CREDIT.search(t))):
        return "boiler"
    words = t.split()
    if BULLET.match(t):
        return "body"
    if _has_url(t):
        return "body" if len(words) > 12 else "boiler"
    if _DATE_ONLY.match(t):
        return "byline"
    if len(words) <= 22 and len(t) <= 160 and not _SENT_END.search(t) and not _ALL_CAPS_WORD.match(t):
        return "head"
    return "body"


def _blocks(text: str) -> list[_Block]:
    out: list[_Block] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        out.append(_Block(start + lead, end, line.strip()))
    return out


def segment(doc: Document) -> tuple[list[Article], list[Sentence]]:
    """Split a document into articles and body sentences.

    A headline-like line (short, no final punctuation) opens a new article when the
    current one already has body text; headline-like lines before the first body
    paragraph are subtitles, bylines or captions of the same article.
    """
    blocks = _blocks(doc.text)
    articles: list[tuple[list[_Block], list[_Block]]] = []  # (head lines, body lines)
    heads: list[_Block] = []
    body: list[_Block] = []
    in_tail = False
    skip_next = False
    for block in blocks:
        if skip_next:
            skip_next = False
            continue
        if _LINK_INTRO.match(block.text):
            skip_next = True
            continue
        if _PUBLISHED.match(block.text) and heads and not body:
            heads.append(_Block(block.start, block.end, block.text, "byline"))
            continue
        kind = _classify(block.text)
        if _TAIL_TRIGGER.match(block.text):
            in_tail = True
            continue
        if kind == "boiler":
            continue
        if kind == "byline":
            if not body:
                heads.append(_Block(block.start, block.end, block.text, "byline"))
            continue
        if kind == "head" and _AUTHOR.match(block.text) and not body:
            heads.append(_Block(block.start, block.end, block.text, "byline"))
            continue
        if kind == "head" and _AUTHOR.match(block.text):
            continue  # an author or caption name line inside an article
        if kind == "head":
            if body or in_tail:
                if body:
                    articles.append((heads, body))
                heads, body, in_tail = [block], [], False
            else:
                heads.append(block)
            continue
        if in_tail:
            continue
        body.append(block)
    if body:
        articles.append((heads, body))
    elif not articles and any(b.kind != "byline" for b in heads):
        # a page of short unpunctuated lines only ("On March 21, 2023 Xi met Putin in Moscow"): they are its text
        articles.append(([], [b for b in heads if b.kind != "byline"]))

    out_articles: list[Article] = []
    out_sentences: list[Sentence] = []
    for head_blocks, body_blocks in articles:
        title = _pick_title(head_blocks) or _first_words(body_blocks[0].text)
        start = head_blocks[0].start if head_blocks else body_blocks[0].start
        spans = [se for block in body_blocks for se in split_sentences(doc.text, block.start, block.end)]
        windows = _windows(spans, MAX_ARTICLE_CHARS)
        for k, window in enumerate(windows):
            idx = len(out_articles)
            out_articles.append(Article(
                doc_id=doc.doc_id, index=idx, title=title if k == 0 else f"{title} (continued)",
                start=start if k == 0 else window[0][0],
                end=body_blocks[-1].end if k == len(windows) - 1 else window[-1][1]))
            out_sentences.extend(Sentence(doc.doc_id, idx, s, e, doc.text[s:e]) for s, e in window)
    return out_articles, out_sentences


# An article longer than this (a page of one 20 MB line) is read as consecutive windows of whole
# sentences, each an article of its own: every per-article stage then costs the same per window,
# and the whole document linear time.  News articles are far shorter (the corpus's longest is ~20 kB).
MAX_ARTICLE_CHARS = 100_000


def _windows(spans: list[tuple[int, int]], limit: int) -> list[list[tuple[int, int]]]:
    """``spans`` (sentence offsets, in order) cut into runs of at most ``limit`` characters;
    a sentence longer than ``limit`` is a run of its own.  At least one run, even an empty one."""
    out: list[list[tuple[int, int]]] = [[]]
    for span in spans:
        if out[-1] and span[1] - out[-1][0][0] > limit:
            out.append([])
        out[-1].append(span)
    return out


def _pick_title(heads: list[_Block]) -> str:
    if not heads:
        return ""
    for i, block in enumerate(heads[1:], start=1):
        if block.kind == "byline" or _BYLINE.match(block.text) or re.search(r"\d{1,2}:\d{2}", block.text):
            if heads[i - 1].kind != "byline":
                return heads[i - 1].text
    candidates = [b.text for b in heads if b.kind != "byline"]
    return next((c for c in candidates if len(c.split()) >= 5), max(candidates, key=len, default=""))


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def clean_article_text(text: str, article: Article) -> str:
    """The article's text with boilerplate lines blanked out (same length, same offsets).

    Later stages read this, so a comment counter, a navigation item or a teaser
    can never become a date, an actor or a place.
    """
    chunk = text[article.start:article.end]
    out: list[str] = []
    for line in chunk.split("\n"):
        kind = _classify(line) if line.strip() else "boiler"
        blank = kind == "boiler" or bool(_TAIL_TRIGGER.match(line.strip())) or bool(_LINK_INTRO.match(line.strip()))
        out.append(" " * len(line) if blank else line)
    return "\n".join(out)


def titled(doc: Document, articles: Sequence[Article]) -> Document:
    """A page titled by its first line ("Connect with us", "What's new") takes its first article's
    title when that line lies outside every article, i.e. is the site's navigation."""
    if not articles or not articles[0].title:
        return doc
    first = doc.text.find(doc.title) if doc.title else -1
    if first < 0 or first >= articles[0].start or doc.title == articles[0].title:
        return doc  # a title given with the document, or the article's own headline
    if doc.text[:first].strip():
        return doc  # the title is not the page's first line
    return replace(doc, title=articles[0].title)
