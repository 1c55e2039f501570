"""Dyadic views: the actor × actor matrix and one actor's profile."""

from __future__ import annotations

import altair as alt
import polars as pl

from ui.names import name
from ui.style import type_hex, type_order


def pair_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """Unordered actor pairs (a < b) that appear together in an event, with counts."""
    multi = frame.filter(pl.col("actors").list.len() >= 2).select("event_id", "actors")
    if multi.is_empty():
        return pl.DataFrame(schema={"a": pl.Utf8, "b": pl.Utf8, "count": pl.UInt32})
    left = multi.explode("actors").rename({"actors": "a"})
    right = left.rename({"a": "b"})
    pairs = left.join(right, on="event_id").filter(pl.col("a") < pl.col("b")).unique(["event_id", "a", "b"])
    return pairs.group_by("a", "b").len("count").sort("count", descending=True)


def matrix_frame(frame: pl.DataFrame, top_n: int = 20) -> pl.DataFrame:
    """Pair counts among the ``top_n`` most frequent actors, both orientations (symmetric)."""
    pairs = pair_counts(frame)
    if pairs.is_empty():
        return pairs
    top = (frame.select(pl.col("actors").explode().alias("actor")).drop_nulls()
           .group_by("actor").len().sort(["len", "actor"], descending=[True, False]).head(top_n)["actor"].to_list())
    kept = pairs.filter(pl.col("a").is_in(top) & pl.col("b").is_in(top))
    mirrored = kept.select(pl.col("b").alias("a"), pl.col("a").alias("b"), "count")
    both = pl.concat([kept, mirrored])
    codes = sorted(set(both["a"].to_list()))
    names = [name(c) for c in codes]
    return both.with_columns(
        pl.concat_str([pl.col("a"), pl.lit("-"), pl.col("b")]).alias("pair"),
        pl.col("a").replace_strict(codes, names, default=None, return_dtype=pl.Utf8).alias("a_name"),
        pl.col("b").replace_strict(codes, names, default=None, return_dtype=pl.Utf8).alias("b_name"))


def matrix_chart(matrix: pl.DataFrame) -> alt.LayerChart:
    """Rows and columns labelled by name ("China"), cells select the pair by code."""
    order = (matrix.group_by("a_name").agg(pl.col("count").sum())
             .sort(["count", "a_name"], descending=[True, False])["a_name"].to_list())
    pick = alt.selection_point(name="cell", fields=["a", "b"], on="click")
    base = alt.Chart(matrix.to_pandas()).encode(
        x=alt.X("a_name:N", sort=order, title=None,
                axis=alt.Axis(labelAngle=-60, orient="top", labelOverlap=False, labelLimit=140)),
        y=alt.Y("b_name:N", sort=order, title=None, axis=alt.Axis(labelLimit=160, labelOverlap=False)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("count:Q", scale=alt.Scale(scheme="blues", type="log"), title="Events"),
        tooltip=[alt.Tooltip("a_name:N", title="Actor"), alt.Tooltip("b_name:N", title="Partner"),
                 alt.Tooltip("count:Q", title="Events")],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
    ).add_params(pick)
    labels = base.mark_text(fontSize=10).encode(
        text="count:Q",
        color=alt.condition("datum.count > 5", alt.value("white"), alt.value("#333")),
    )
    size = max(240, 26 * len(order))
    return alt.layer(cells, labels).properties(width=size, height=size)


def clicked_pair(selection: object) -> tuple[str, str] | None:
    """The (a, b) of a clicked matrix cell in an ``st.altair_chart`` selection state."""
    try:
        points = selection["selection"]["cell"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if isinstance(points, list) and points:
        first = points[0]
        if isinstance(first, dict) and first.get("a") and first.get("b"):
            return str(first["a"]), str(first["b"])
    return None


def actor_frequency(frame: pl.DataFrame) -> pl.DataFrame:
    return (frame.select(pl.col("actors").explode().alias("actor")).drop_nulls()
            .group_by("actor").len("events").sort(["events", "actor"], descending=[True, False]))


def profile_partners(frame: pl.DataFrame, actor: str, top: int = 15) -> pl.DataFrame:
    pairs = pair_counts(frame.filter(pl.col("actors").list.contains(actor)))
    partners = pairs.filter((pl.col("a") == actor) | (pl.col("b") == actor)).select(
        pl.when(pl.col("a") == actor).then(pl.col("b")).otherwise(pl.col("a")).alias("partner"), "count")
    top_partners = partners.sort(["count", "partner"], descending=[True, False]).head(top)
    return top_partners.select(pl.col("partner").map_elements(name, return_dtype=pl.Utf8).alias("partner"),
                               pl.col("partner").alias("code"), "count")


def profile_places(frame: pl.DataFrame, actor: str, top: int = 15) -> pl.DataFrame:
    own = frame.filter(pl.col("actors").list.contains(actor) & pl.col("place_name").is_not_null())
    return (own.group_by("place_name", "place_country").len("events")
            .sort(["events", "place_name"], descending=[True, False]).head(top)
            .rename({"place_name": "place", "place_country": "country"}))


def profile_types(frame: pl.DataFrame, actor: str) -> pl.DataFrame:
    own = frame.filter(pl.col("actors").list.contains(actor))
    return own.group_by("event_type").len("events").sort("events", descending=True).rename({"event_type": "type"})


def profile_timeline_chart(frame: pl.DataFrame, actor: str) -> alt.Chart:
    """Events per month for one actor, over the stretch where most of them fall."""
    from ui.frame import focus_range

    own = frame.filter(pl.col("actors").list.contains(actor))
    focus = focus_range(own)
    if focus:
        own = own.filter((pl.col("date_start") >= focus[0]) & (pl.col("date_start") <= focus[1]))
    monthly = (own.group_by(pl.col("date_start").dt.truncate("1mo").alias("month"), "event_type")
               .len("count").sort("month"))
    types = type_order(monthly["event_type"].unique().to_list())
    return alt.Chart(monthly.to_pandas()).mark_bar().encode(
        x=alt.X("yearmonth(month):T", title=None),
        y=alt.Y("sum(count):Q", title="events per month"),
        color=alt.Color("event_type:N", scale=alt.Scale(domain=types, range=[type_hex(t) for t in types]),
                        title="Event type", legend=None),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="Month"), "event_type:N",
                 alt.Tooltip("sum(count):Q", title="Events")],
    ).properties(height=160)
