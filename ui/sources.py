"""The Sources table: documents with their articles, publication dates and event counts."""

from __future__ import annotations

import re

import polars as pl

UPLOAD_TYPES = ["txt", "md", "html", "htm", "json", "jsonl"]


def documents_table(documents: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    per_doc = articles.group_by("doc_id").agg(
        pl.col("pub_date").min().alias("first_pub"),
        pl.col("pub_date").max().alias("last_pub"),
        pl.col("title").first().alias("first_article"),
    )
    table = documents.join(per_doc, on="doc_id", how="left")
    return table.select(
        "doc_id", "title",
        pl.col("n_events").alias("events"),
        pl.col("n_articles").alias("articles"),
        pl.when(pl.col("first_pub").is_null()).then(pl.lit("unknown"))
        .when(pl.col("first_pub") == pl.col("last_pub")).then(pl.col("first_pub").cast(pl.Utf8))
        .otherwise(pl.concat_str([pl.col("first_pub").cast(pl.Utf8), pl.lit(" – "), pl.col("last_pub").cast(pl.Utf8)]))
        .alias("published"),
        "source",
        pl.col("media_type").alias("type"),
        pl.col("ingested_at").alias("ingested"),
        pl.col("has_text").alias("text kept"),
    ).sort("title")


_DATE_WORDS = re.compile(
    r"\b(1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE)


def no_event_reason(n_articles: int, text: str | None) -> str:
    """Why a document gave no events, in the analyst's words (a check of what the store holds,
    not a second run of the pipeline)."""
    if n_articles == 0:
        return ("No article body was found: the page held only navigation, ads, link lists or comments "
                "(boilerplate), which are never read for events.")
    if text is None:
        return "The store keeps no text for this document, so the reason cannot be shown."
    if not _DATE_WORDS.search(text):
        return ("The text writes no date: no year, month, weekday or 'yesterday'/'today'. An event needs a date "
                "it can be placed at.")
    return ("Dates were found, but no sentence ties one to a participant (a country, an organisation or a "
            "known leader) doing something: an event needs both.")
