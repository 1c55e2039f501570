"""Synthetic events generated column-wise (numpy + polars), for stores of 1M–10M events.

``tests.support.synthetic`` builds events one dataclass at a time, which is right for tests and too slow
for ten million; this makes the same shapes of data (states and organisations, a CHN–RUS
share, day/month/year precision, places with jittered coordinates, several mentions) as
:class:`events.store.Frames` batches that go through the real store code
(:meth:`events.store.Store.add_frames`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import polars as pl

from events.store import ARTICLES_SCHEMA, DOCUMENTS_SCHEMA, EVENTS_SCHEMA, Frames
from tests.support.synthetic import ORGS, PEOPLE, PLACES, STATES, STATUS, TYPES, VERB

_PLACES = [*PLACES, *((name, code, lat, lon, "country") for name, code, lat, lon in (
    ("China", "CHN", 35.0, 103.0), ("Russia", "RUS", 61.5, 105.3), ("India", "IND", 22.0, 79.0),
    ("Brazil", "BRA", -10.0, -52.0), ("Ukraine", "UKR", 49.0, 32.0), ("United States", "USA", 39.8, -98.5),
    ("Peru", "PER", -9.2, -75.0))), ("Siberia", "RUS", 60.0, 95.0, "admin")]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def frame_batches(n_events: int, *, per_doc: int = 200, batch: int = 250_000, seed: int = 7,
                  start: dt.date = dt.date(2015, 1, 1), days: int = 3650) -> Iterator[Frames]:
    """``n_events`` events in batches of ``batch`` (whole documents of ``per_doc`` events)."""
    batch -= batch % per_doc
    for first in range(0, n_events, batch):
        yield make_frames(first, min(batch, n_events - first), per_doc=per_doc, seed=seed, start=start, days=days)


def make_frames(first: int, n: int, *, per_doc: int, seed: int, start: dt.date, days: int) -> Frames:
    rng = np.random.default_rng([seed, first])
    idx = np.arange(first, first + n)
    doc_no = idx // per_doc
    pool = np.array(STATES + ORGS)
    n_states = len(STATES)
    # actors: 16 % CHN–RUS (either order), else 1–3 distinct draws, mostly states
    k = rng.choice([1, 2, 2, 2, 3], size=n)
    draws = np.stack([rng.integers(0, n_states, n), (rng.integers(1, n_states, n)), rng.integers(0, len(pool), n)])
    a0 = draws[0]
    a1 = (a0 + draws[1]) % n_states
    a2 = np.where((draws[2] == a0) | (draws[2] == a1), (draws[2] + 1) % len(pool), draws[2])
    chn_rus = rng.random(n) < 0.16
    flip = rng.random(n) < 0.5
    a0 = np.where(chn_rus, np.where(flip, STATES.index("CHN"), STATES.index("RUS")), a0)
    a1 = np.where(chn_rus, np.where(flip, STATES.index("RUS"), STATES.index("CHN")), a1)
    k = np.where(chn_rus, 2, k)
    pool_s = pl.Series(pool.tolist())
    actors = pl.DataFrame({"a0": pool_s.gather(a0), "a1": pool_s.gather(a1), "a2": pool_s.gather(a2), "k": k}).select(
        pl.concat_list("a0", "a1", "a2").list.head(pl.col("k")).alias("actors"))["actors"]
    # dates: 80 % day, 15 % month, 5 % year precision
    epoch = (start - dt.date(1970, 1, 1)).days
    day = epoch + rng.integers(0, days, n)
    roll = rng.random(n)
    precision = _pick(["day", "month", "year"], np.where(roll < 0.8, 0, np.where(roll < 0.95, 1, 2)))
    dates = pl.DataFrame({"day": day, "precision": precision, "extra": rng.choice([0, 0, 0, 1, 2], n)}).with_columns(
        pl.col("day").cast(pl.Date))
    d = pl.col("day")
    dates = dates.with_columns(
        pl.when(pl.col("precision") == "day").then(d).when(pl.col("precision") == "month").then(d.dt.month_start())
        .otherwise(d.dt.truncate("1y")).alias("date_start"),
        pl.when(pl.col("precision") == "day").then(d + pl.duration(days=pl.col("extra")))
        .when(pl.col("precision") == "month").then(d.dt.month_end())
        .otherwise(d.dt.truncate("1y").dt.offset_by("1y").dt.offset_by("-1d")).alias("date_end"),
    )
    month_name = d.dt.month().replace_strict(list(range(1, 13)), _MONTHS, return_dtype=pl.Utf8)
    date_text = (pl.when(pl.col("precision") == "day").then(pl.concat_str([month_name, d.dt.day().cast(pl.Utf8)], separator=" "))
                 .when(pl.col("precision") == "month").then(pl.concat_str([pl.lit("in "), month_name, pl.lit(" "),
                                                                           d.dt.year().cast(pl.Utf8)]))
                 .otherwise(pl.concat_str([pl.lit("in "), d.dt.year().cast(pl.Utf8)])))
    dates = dates.with_columns(date_text.alias("date_text"))
    # places: 85 % one of PLACES (cities, venues, a sea) or a country named only as the country
    # (a quarter of them: the honest map shades those countries), jittered
    has_place = rng.random(n) < 0.85
    p = rng.integers(0, len(_PLACES), n)
    lats = np.array([pl_[2] for pl_ in _PLACES])
    lons = np.array([pl_[3] for pl_ in _PLACES])
    etype = _pick(TYPES, rng.integers(0, len(TYPES), n))
    mentions = rng.choice([1, 1, 1, 2, 3, 5], n)
    people_k = rng.choice([0, 1, 2], n)
    frame = pl.DataFrame({
        "i": idx, "doc_no": doc_no, "actors": actors, "etype": etype, "has_place": has_place, "p": p,
        "lat": np.where(has_place, lats[p] + rng.uniform(-0.05, 0.05, n), np.nan),
        "lon": np.where(has_place, lons[p] + rng.uniform(-0.05, 0.05, n), np.nan),
        "mentions": mentions, "p0": _pick(PEOPLE, rng.integers(0, len(PEOPLE), n)),
        "p1": _pick(PEOPLE, rng.integers(0, len(PEOPLE), n)), "pk": people_k,
        "status": _pick(STATUS, rng.integers(0, len(STATUS), n)),
        "confidence": np.round(rng.uniform(0.5, 1.0, n), 2),
        "mode": _pick(["visit", "phone", "multilateral", "", ""], rng.integers(0, 5, n)),
        "anchor": _pick(["explicit", "document", "narrative", "knowledge"], rng.integers(0, 4, n)),
    }).with_columns(
        pl.col("lat").fill_nan(None), pl.col("lon").fill_nan(None),
        pl.col("etype").replace_strict(TYPES, [VERB[t] for t in TYPES], return_dtype=pl.Utf8).alias("verb"),
        *(pl.when(pl.col("has_place")).then(pl.col("p").replace_strict(
            list(range(len(_PLACES))), [pl_[i] for pl_ in _PLACES], return_dtype=pl.Utf8)).otherwise(pl.lit(default, pl.Utf8)).alias(name)
          for name, i, default in (("place_name", 0, None), ("place_country", 1, None), ("place_precision", 4, "none"))),
    )
    frame = pl.concat([frame, dates.select("date_start", "date_end", "precision", "date_text")], how="horizontal")
    subject = pl.col("actors").list.first()
    obj = pl.when(pl.col("actors").list.len() > 1).then(pl.col("actors").list.last()).otherwise(pl.lit("partners"))
    where = pl.when(pl.col("place_name").is_not_null()).then(pl.concat_str([pl.lit(" in "), pl.col("place_name")])
                                                               ).otherwise(pl.lit(""))
    doc_id = pl.concat_str([pl.lit("doc"), pl.lit(str(seed)), pl.col("doc_no").cast(pl.Utf8)], separator="-")
    title_expr = pl.concat_str([subject, pl.lit(" "), pl.col("verb"), pl.lit(" "), obj, where])
    evidence = pl.concat_str([pl.lit("On "), pl.col("date_text"), pl.lit(", "), title_expr, pl.lit(".")])
    doc_title = pl.concat_str([pl.lit("Synthetic wire report "), (pl.col("doc_no") + 1).cast(pl.Utf8)])
    events = frame.select(
        pl.concat_str([pl.lit("ev"), pl.lit(str(seed)), pl.col("i").cast(pl.Utf8)], separator="-").alias("event_id"),
        "date_start", "date_end", pl.col("precision").alias("date_precision"), "date_text",
        pl.col("anchor").alias("date_anchor"), pl.col("etype").alias("event_type"), pl.col("mode").alias("event_mode"),
        title_expr.alias("title"), "actors",
        pl.concat_list("p0", "p1").list.head(pl.col("pk")).list.unique(maintain_order=True).alias("people"),
        "place_name", "place_country", "lat", "lon", "place_precision", "status", "confidence",
        pl.col("mentions").cast(pl.Int64), doc_id.alias("doc_id"), doc_title.alias("doc_title"),
        evidence.alias("evidence"), pl.lit(0, pl.Int64).alias("char_start"),
        evidence.str.len_chars().cast(pl.Int64).alias("char_end"),
        pl.concat_str([pl.lit("publication date "), pl.col("date_start").cast(pl.Utf8)]).alias("date_anchored_on"),
        pl.when(pl.col("place_name").is_not_null()).then(pl.lit("named in the sentence")).otherwise(pl.lit(""))
        .alias("place_why"),
        doc_title.alias("article_title"), pl.col("date_end").alias("pub_date"),
        pl.when(pl.col("mentions") > 1).then(pl.concat_str([pl.lit('[["'), doc_id, pl.lit('", "'), subject,
                                                            pl.lit(' and partners met again.", 0, 10]]')]))
        .otherwise(pl.lit("[]")).alias("other_evidence"),
        pl.concat_str([pl.lit('[["date", 3, '), (pl.col("date_text").str.len_chars() + 3).cast(pl.Utf8),
                       pl.lit("]]")]).alias("highlights"),
    ).cast(EVENTS_SCHEMA)  # type: ignore[arg-type]
    docs = events.group_by("doc_id", maintain_order=True).agg(pl.col("doc_title").first().alias("title")).select(
        "doc_id", pl.concat_str([pl.col("doc_id"), pl.lit(".txt")]).alias("source"), "title",
        pl.lit(None, pl.Utf8).alias("text"), pl.lit("text/plain").alias("media_type"), pl.lit("utf-8").alias("encoding"),
        pl.lit("").alias("ingested_at")).cast(DOCUMENTS_SCHEMA)  # type: ignore[arg-type]
    arts = docs.select("doc_id", pl.lit(0, pl.Int64).alias("index"), "title", pl.lit(0, pl.Int64).alias("start"),
                       pl.lit(0, pl.Int64).alias("end"), pl.lit(None, pl.Date).alias("pub_date"),
                       pl.lit("inferred").alias("pub_date_source")).cast(ARTICLES_SCHEMA)  # type: ignore[arg-type]
    return Frames(docs, arts, events)


def _pick(values: list[str], idx: np.ndarray) -> pl.Series:
    """values[idx] as a string Series (a gather: no Python string per row)."""
    return pl.Series(values, dtype=pl.Utf8).gather(idx)
