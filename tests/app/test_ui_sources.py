"""The Sources table (pure builder in ui/sources.py)."""

from __future__ import annotations

import datetime as dt

import polars as pl

from ui.sources import documents_table


def test_sources_table_says_unknown_for_a_page_without_dates() -> None:
    docs = pl.DataFrame({"doc_id": ["a", "b"], "title": ["Dated", "Undated"], "n_events": [2, 0], "n_articles": [2, 1],
                         "source": ["a.txt", "b.txt"], "media_type": ["text/plain"] * 2, "ingested_at": ["now"] * 2,
                         "has_text": [True, True]})
    arts = pl.DataFrame({"doc_id": ["a", "a", "b"], "title": ["x", "y", "z"],
                         "pub_date": [dt.date(2024, 5, 1), dt.date(2024, 5, 3), None]})
    table = documents_table(docs, arts)
    published = dict(zip(table["title"].to_list(), table["published"].to_list(), strict=True))
    assert published == {"Dated": "2024-05-01 – 2024-05-03", "Undated": "unknown"}
