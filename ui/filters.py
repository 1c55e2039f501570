"""The view's filters: a value object that round-trips through the URL query string.

Every filter and the time window live in ``st.query_params`` so a copied link
reproduces the view. The encoding is deliberately plain (comma-separated
values) so links stay readable::

    ?actors=CHN,RUS&mode=all&pair=CHN-RUS&type=CONSULT&status=occurred
     &prec=day&doc=ab12..&q=summit&from=2024-01-01&to=2024-12-31
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import urlencode

import polars as pl

ActorMode = Literal["any", "all"]
QUERY_KEYS: tuple[str, ...] = ("actors", "mode", "pair", "type", "status", "prec", "doc", "q", "from", "to")


def _split(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    parts = value if isinstance(value, list) else [value]
    out: list[str] = []
    for part in parts:
        out.extend(p.strip() for p in str(part).split(",") if p.strip())
    return tuple(dict.fromkeys(out))


def _date(value: str | list[str] | None) -> dt.date | None:
    if isinstance(value, list):
        value = value[-1] if value else None
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Filters:
    actors: tuple[str, ...] = ()
    actor_mode: ActorMode = "any"
    pair: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    text: str = ""
    start: dt.date | None = None
    end: dt.date | None = None

    # -- URL round trip -----------------------------------------------------------
    def to_query(self) -> dict[str, str]:
        """Only non-default values, so a plain view has a plain URL."""
        query: dict[str, str] = {}
        if self.actors:
            query["actors"] = ",".join(self.actors)
        if self.actor_mode == "all" and self.actors:
            query["mode"] = "all"
        if self.pair:
            query["pair"] = "-".join(self.pair)
        if self.types:
            query["type"] = ",".join(self.types)
        if self.statuses:
            query["status"] = ",".join(self.statuses)
        if self.precisions:
            query["prec"] = ",".join(self.precisions)
        if self.docs:
            query["doc"] = ",".join(self.docs)
        if self.text.strip():
            query["q"] = self.text.strip()
        if self.start:
            query["from"] = self.start.isoformat()
        if self.end:
            query["to"] = self.end.isoformat()
        return query

    @classmethod
    def from_query(cls, params: Mapping[str, str | list[str]]) -> Filters:
        pair = _split(params.get("pair"))
        if len(pair) == 1 and "-" in pair[0]:
            pair = tuple(p.strip() for p in pair[0].split("-", 1))
        mode = str(params.get("mode") or "any")
        text = params.get("q") or ""
        return cls(
            actors=tuple(a.upper() for a in _split(params.get("actors"))),
            actor_mode="all" if mode == "all" else "any",
            pair=(pair[0].upper(), pair[1].upper()) if len(pair) == 2 and pair[0] and pair[1] else None,
            types=tuple(t.upper() for t in _split(params.get("type"))),
            statuses=_split(params.get("status")),
            precisions=_split(params.get("prec")),
            docs=_split(params.get("doc")),
            text=str(text[-1] if isinstance(text, list) else text),
            start=_date(params.get("from")),
            end=_date(params.get("to")),
        )

    def query_string(self) -> str:
        return urlencode(self.to_query(), safe=",")

    def link(self, base_url: str) -> str:
        query = self.query_string()
        return f"{base_url.split('?')[0]}?{query}" if query else base_url.split("?")[0]

    def with_window(self, start: dt.date | None, end: dt.date | None) -> Filters:
        return replace(self, start=start, end=end)

    def without_window(self) -> Filters:
        return replace(self, start=None, end=None)

    def describe(self) -> list[str]:
        """One human-readable line per active filter (for stamps and captions)."""
        lines: list[str] = []
        if self.actors:
            joiner = " and " if self.actor_mode == "all" else " or "
            lines.append(f"Actors: {joiner.join(self.actors)}")
        if self.pair:
            lines.append(f"Pair: {self.pair[0]}–{self.pair[1]} (either direction)")
        if self.types:
            lines.append(f"Event type: {', '.join(self.types)}")
        if self.statuses:
            lines.append(f"Status: {', '.join(self.statuses)}")
        if self.precisions:
            lines.append(f"Date precision: {', '.join(self.precisions)}")
        if self.docs:
            lines.append(f"Documents: {', '.join(self.docs)}")
        if self.text.strip():
            lines.append(f"Text contains: {self.text.strip()}")
        return lines or ["No filters (all events)"]

    def window_text(self) -> str:
        if not self.start and not self.end:
            return "all dates"
        return f"{self.start.isoformat() if self.start else '…'} to {self.end.isoformat() if self.end else '…'}"


def apply_filters(frame: pl.DataFrame, filters: Filters, *, window: bool = True) -> pl.DataFrame:
    """Rows of a prepared events frame (see :func:`ui.frame.prepare`) that pass every filter.

    The time window keeps events whose interval *overlaps* it, so a month-precision
    event is in every window that touches its month.
    """
    conds: list[pl.Expr] = []
    if filters.actors:
        hits = [pl.col("actors").list.contains(a) for a in filters.actors]
        conds.append(pl.all_horizontal(hits) if filters.actor_mode == "all" else pl.any_horizontal(hits))
    if filters.pair:
        a, b = filters.pair
        conds.append(pl.col("actors").list.contains(a) & pl.col("actors").list.contains(b))
    if filters.types:
        conds.append(pl.col("event_type").is_in(list(filters.types)))
    if filters.statuses:
        conds.append(pl.col("status").is_in(list(filters.statuses)))
    if filters.precisions:
        conds.append(pl.col("date_precision").is_in(list(filters.precisions)))
    if filters.docs:
        conds.append(pl.col("doc_id").is_in(list(filters.docs)))
    if filters.text.strip():
        conds.append(pl.col("_search").str.contains(filters.text.strip().lower(), literal=True))
    if window and filters.start:
        conds.append(pl.col("date_end") >= filters.start)
    if window and filters.end:
        conds.append(pl.col("date_start") <= filters.end)
    return frame.filter(*conds) if conds else frame
