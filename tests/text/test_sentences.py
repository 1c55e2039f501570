"""events.text.sentences: the three sentence readings and why they differ."""

from __future__ import annotations

import re

from events.text.sentences import (
    _last_word,
    clause_start,
    rough_sentences,
    sentence_around,
    sentence_initial,
    sentence_starts,
    split_sentences,
)


def test_sentence_splitter_respects_abbreviations_and_initials() -> None:
    text = "Dr. Smith met U.S. officials on Nov. 14 in St. Louis. The talks ended. J. R. Doe left."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Dr. Smith met U.S. officials on Nov. 14 in St. Louis.", "The talks ended.", "J. R. Doe left.",
    ]
    assert split_sentences("Mr. Smith met Gen. Lee. They talked.", 0, 36) == [(0, 23), (24, 36)]


def test_split_sentences_drops_a_bullet_and_keeps_offsets_into_the_text() -> None:
    text = "xx\n• Talks resumed. Both sides met."
    spans = split_sentences(text, 3, len(text))
    assert [text[s:e] for s, e in spans] == ["Talks resumed.", "Both sides met."]


def test_word_before_a_full_stop_is_read_as_the_regex_would() -> None:
    # the walk back replaced re.search(r"(\S+)$", ...): same answer, trailing newline and all
    for text in ["Mr", "said Mr", "ends with space ", "", "x\n", "a b\n\n", "two\u00a0words", "U.S"]:
        for a in range(len(text) + 1):
            for b in range(len(text) + 1):
                m = re.search(r"(\S+)$", text[a:b])
                assert _last_word(text, a, b) == (m.group(1) if m else None)


def test_sentence_starts_for_anchoring_break_at_a_headline_line_but_not_after_an_abbreviation() -> None:
    text = "TALKS RESUME\nGENEVA - The envoys met on Jan. 5 in Geneva. They left."
    starts = sentence_starts(text)
    assert [text[s:s + 4] for s in starts] == ["TALK", "GENE", "They"]


def test_the_two_splitters_differ_on_a_headline_line() -> None:
    # why both exist: the body splitter keeps a line without a full stop with what follows,
    # the anchoring splitter ends a sentence at a new line that opens with capitals
    text = "TALKS RESUME\nGENEVA - The envoys met."
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]
    assert sentence_starts(text) == [0, 13]


def test_sentence_around_a_phrase_stays_inside_its_reach() -> None:
    text = "He spoke. The APEC summit opens in Lima. Then rain."
    start = text.index("APEC")
    left, right = sentence_around(text, start, start + 4, 140)
    assert text[left:right] == "The APEC summit opens in Lima."
    left, right = sentence_around(text, start, start + 4, 3)
    assert (left, right) == (start - 3, start + 4 + 3)


def test_clause_start_is_the_last_stop_or_newline_within_reach() -> None:
    text = "Old news. In 2030 the plan ends"
    assert clause_start(text, text.index("2030"), 120) == text.index(".")
    assert clause_start(text, text.index("2030"), 5) == text.index("2030") - 5


def test_sentence_initial() -> None:
    assert sentence_initial("Now, he said", 0)
    assert sentence_initial('He left. "Now we wait"', 10)
    assert sentence_initial("\u2013 Now", 2)  # a list item
    assert not sentence_initial("until now", 6)


def test_rough_sentences_cut_at_every_stop_and_newline() -> None:
    assert rough_sentences("Mr. Smith left.\n\nHe came back! Ok") == ["Mr.", "Smith left.", "He came back!", "Ok"]
