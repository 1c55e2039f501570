"""Stage: segment — articles, sentences, and boilerplate that yields nothing."""

from __future__ import annotations

from events.ingest import documents_from_bytes
from events.model import Document
from events.segment import segment

PAGE = """Connect with us

ADVERTISEMENT

Ministers meet in Rivertown to sign a water accord

By Jane Roe On 3/4/19 at 9:00 AM

photo_1234.jpg

The foreign ministers of Atlantis and Lemuria met in Rivertown on Tuesday and signed a water-sharing accord after two days of talks.

Officials said the accord would take effect next month.

Continue reading Ministers meet in Rivertown to sign a water accord

Second story about a railway opening in the north

A new railway line between two northern towns opened on Friday, officials said. Dr. Smith cut the ribbon at 10 a.m. in front of U.S. guests.

@handle1 , @handle2 , @handle3

Leave a Reply

Your email address will not be published. Required fields are marked *

You may be interested in:

Some teaser headline about cars and a new model that was unveiled on Monday...

Another teaser about the weather on July 4 in a faraway city...
"""


def _doc():
    return documents_from_bytes("page.txt", PAGE.encode())[0]


def test_articles_split_with_their_own_headlines() -> None:
    arts, _ = segment(_doc())
    assert [a.title for a in arts] == [
        "Ministers meet in Rivertown to sign a water accord",
        "Second story about a railway opening in the north",
    ]


def test_boilerplate_never_becomes_a_sentence() -> None:
    doc = _doc()
    _, sents = segment(doc)
    joined = " | ".join(s.text for s in sents)
    for junk in ("ADVERTISEMENT", "Continue reading", "@handle1", "photo_1234", "Leave a Reply", "teaser", "email address"):
        assert junk not in joined
    for s in sents:
        assert doc.text[s.start:s.end] == s.text


def test_scripture_header_and_credits_are_boilerplate() -> None:
    page = ("A headline about a war warning issued by a leader\n\n"
            "Revelations 6:3-4 when he opened the second seal, I heard the second beast say, Come and see.\n\n"
            "Leader X: warned on Monday that troops were ready, officials said.\n\n"
            "Photo: AFP\n")
    doc = documents_from_bytes("p.txt", page.encode())[0]
    _, sents = segment(doc)
    assert all("Revelations" not in s.text and "AFP" not in s.text for s in sents)
    assert any("warned on Monday" in s.text for s in sents)


def test_a_page_of_short_unpunctuated_lines_is_still_read() -> None:
    (doc,) = documents_from_bytes("p.html", b"<html><body><p>On March 21, 2023 Xi Jinping met Putin in Moscow"
                                            b"<div>unclosed")
    articles, sentences = segment(doc)
    assert len(articles) == 1
    assert [s.text for s in sentences][0] == "On March 21, 2023 Xi Jinping met Putin in Moscow"


def test_an_article_on_one_huge_line_is_read_in_windows_of_whole_sentences() -> None:
    # a 20 MB single-line page cost quadratic time in the per-article stages; windows keep it linear
    from events.segment import MAX_ARTICLE_CHARS

    sentence = "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on May 8, 2024. "
    text = "Talks in Moscow\n\n" + sentence * (3 * MAX_ARTICLE_CHARS // len(sentence) + 7) + "\n"
    doc = Document(doc_id="long", source="long.txt", title="", text=text)
    articles, sentences = segment(doc)
    assert len(articles) >= 4 and articles[0].title == "Talks in Moscow"
    assert all(a.title.endswith("(continued)") for a in articles[1:])
    for a in articles:
        inside = [s for s in sentences if s.article_index == a.index]
        assert inside and all(a.start <= s.start and s.end <= a.end for s in inside)
        assert inside[-1].end - inside[0].start <= MAX_ARTICLE_CHARS
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert len(sentences) == text.count("2024.")
