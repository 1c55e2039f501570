"""The contract every stage speaks.

Data flows one way: ``Document`` → ``Article`` → ``Sentence`` → mentions
(``DateSpan``, ``ActorMention``, ``PlaceMention``) → ``Event``.
Everything here is an immutable value object; stages build new ones.
All character offsets index the *document* text (``Document.text``) unless a
docstring says otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
Anchor = Literal["explicit", "document", "narrative", "knowledge"]
PlacePrecision = Literal["venue", "city", "admin", "country", "sea", "none"]
# how specific a place precision is: a venue says most, "none" nothing (assemble and dedup rank by it)
PLACE_RANK: dict[str, int] = {"venue": 5, "city": 4, "admin": 3, "sea": 2, "country": 1, "none": 0}
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Status = Literal["occurred", "planned", "reported", "hypothetical", "denied"]
ActorKind = Literal["state", "org", "person"]

# A document's reference date must lie here: relative expressions ("the next day", "next quarter",
# five years ahead) then stay inside the calendar Python can represent (years 1 to 9999).
REFERENCE_DATES = (dt.date(1000, 1, 1), dt.date(2999, 12, 31))


def usable_reference(date: dt.date | None) -> dt.date | None:
    """``date`` when it can anchor relative expressions, else None (unknown)."""
    return date if date is not None and REFERENCE_DATES[0] <= date <= REFERENCE_DATES[1] else None


@dataclass(frozen=True)
class Document:
    """One ingested file (or pasted text) as plain text."""

    doc_id: str  # content hash of ``text`` (sha1, first 16 hex chars)
    source: str  # file name or "pasted"
    title: str
    text: str
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    pub_date: dt.date | None = None  # given by the source (a JSON record's "date"), strongest evidence


@dataclass(frozen=True)
class Article:
    """One article inside a document (a page may hold several)."""

    doc_id: str
    index: int
    title: str
    start: int  # offsets into Document.text
    end: int
    pub_date: dt.date | None = None
    pub_date_source: str = "none"  # "byline" | "dateline" | "inferred" | "none"


@dataclass(frozen=True)
class Sentence:
    """A sentence of article body text; boilerplate never becomes a Sentence."""

    doc_id: str
    article_index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Timex:
    """A temporal expression in TimeML/TIMEX3 form, offsets into the tagged text."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str  # "2013-03-22", "2013-03", "XXXX-03-22", "P3D", "PRESENT_REF", ...


@dataclass(frozen=True)
class DateSpan:
    """A resolved calendar interval for an expression that names a date.

    ``date_start``/``date_end`` are ``None`` when the year (or more) cannot be
    known from the text; ``timex.value`` then keeps what *is* known (``XXXX-11-14``)
    so a later stage can fill the year from world knowledge.
    ``anchored_on`` says in words what the resolution used, e.g.
    ``"publication date 2017-04-12"`` or ``"narrative time 2024-11-17 ('On November 17')"``.
    """

    timex: Timex
    date_start: dt.date | None
    date_end: dt.date | None
    precision: Precision
    anchor: Anchor
    anchored_on: str = ""
    open_ended: bool = False  # "since 2014", "by April 25th"


@dataclass(frozen=True)
class ActorMention:
    """A participant named in text: a state, an organisation or a person."""

    start: int
    end: int
    text: str
    code: str  # ISO 3166-1 alpha-3 for states, short upper-case code for organisations
    kind: ActorKind
    person: str | None = None  # the person's full name when kind == "person"
    via: str = ""  # why: "name", "adjective", "capital metonym", "title", "leaders dictionary", ...


@dataclass(frozen=True)
class PlaceMention:
    """A toponym resolved to a point."""

    start: int
    end: int
    text: str
    name: str  # canonical gazetteer name
    country: str | None  # ISO 3166-1 alpha-3, None for seas / regions spanning countries
    lat: float
    lon: float
    precision: PlacePrecision
    feature: str = ""  # GeoNames feature code or curated class
    geonameid: int | None = None
    why: str = ""  # human-readable reason the candidate won


@dataclass(frozen=True)
class Event:
    """One happening; the exported record (field names are a public contract)."""

    event_id: str
    date_start: dt.date
    date_end: dt.date
    date_precision: Precision
    date_text: str
    date_anchor: Anchor
    event_type: str  # PLOVER category, e.g. "CONSULT"
    event_mode: str  # e.g. "visit", "phone", "multilateral", "" when none
    title: str
    actors: tuple[str, ...]
    people: tuple[str, ...]
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    place_precision: PlacePrecision
    status: Status
    confidence: float
    mentions: int
    doc_id: str
    doc_title: str
    evidence: str
    char_start: int
    char_end: int
    # Provenance beyond the public record (kept in the store, shown in the app).
    date_anchored_on: str = ""
    place_why: str = ""
    article_title: str = ""
    pub_date: dt.date | None = None
    other_evidence: tuple[tuple[str, str, int, int], ...] = field(default_factory=tuple)
    # (doc_id, evidence sentence, char_start, char_end) of every other mention
    highlights: tuple[tuple[str, int, int], ...] = field(default_factory=tuple)
    # (kind "date"|"place"|"actor", start, end) offsets relative to ``evidence``


EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "date_start", "date_end", "date_precision", "date_text", "date_anchor",
    "event_type", "event_mode", "title", "actors", "people", "place_name", "place_country",
    "lat", "lon", "place_precision", "status", "confidence", "mentions", "doc_id",
    "doc_title", "evidence", "char_start", "char_end",
)
