"""The Sources table: documents with their articles, publication dates and event counts."""

from __future__ import annotations

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
