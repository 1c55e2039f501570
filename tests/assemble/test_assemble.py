"""Stages: assemble + dedup + event typing, with hand-built mentions (no models)."""

from __future__ import annotations

import datetime as dt

from events.assemble.eventtypes import classify, status_of
from events.assemble.sentences import ArticleContext, sentence_events
from events.dedup import dedup
from events.model import ActorMention, Article, DateSpan, Document, PlaceMention, Sentence, Timex

TEXT = ("On May 3, the leaders of Atlantis and Lemuria met in Portville and signed a fisheries accord. "
        "The 2000 figures accounted for 40 percent of GDP in 2001. "
        "They also spoke by telephone on May 4.")
DOC = Document("d1", "t.txt", "Title", TEXT)
ART = Article("d1", 0, "Leaders meet", 0, len(TEXT), dt.date(2020, 5, 6), "byline")
CTX = ArticleContext(DOC, ART, dt.date(2020, 5, 6), {"ATL": "Atlantis", "LEM": "Lemuria"})


def _sentences() -> list[Sentence]:
    out, start = [], 0
    for part in TEXT.split(". "):
        part = part if part.endswith(".") else part + "."
        i = TEXT.index(part, start)
        out.append(Sentence("d1", 0, i, i + len(part), part))
        start = i + len(part)
    return out


def _span(text: str, start_d: dt.date, end_d: dt.date | None = None, anchor: str = "document") -> DateSpan:
    i = TEXT.index(text)
    return DateSpan(Timex(i, i + len(text), text, "DATE", start_d.isoformat()), start_d, end_d or start_d, "day",
                    anchor, "publication date 2020-05-06")  # type: ignore[arg-type]


def _actor(text: str, code: str) -> ActorMention:
    i = TEXT.index(text)
    return ActorMention(i, i + len(text), text, code, "state", via="name")


def test_sentence_with_date_actors_trigger_becomes_an_event() -> None:
    i = TEXT.index("Portville")
    place = PlaceMention(i, i + 9, "Portville", "Portville", "LEM", 10.0, 20.0, "city", why="only candidate")
    spans = [_span("May 3", dt.date(2020, 5, 3)), _span("May 4", dt.date(2020, 5, 4)),
             _span("2001", dt.date(2001, 1, 1), dt.date(2001, 12, 31))]
    actors = [_actor("Atlantis", "ATL"), _actor("Lemuria", "LEM")]
    events = sentence_events(CTX, _sentences(), spans, actors, [place])
    assert len(events) == 2  # the GDP statistic is not an event
    first, second = events
    assert first.date_start == dt.date(2020, 5, 3) and first.actors == ("ATL", "LEM")
    assert first.event_type == "CONSULT" and first.place_name == "Portville" and first.place_precision == "city"
    assert TEXT[first.char_start:first.char_end] == first.evidence
    assert first.title.startswith("Atlantis – Lemuria")
    # "They" inherits the participants; the call happened during no visit frame, so no place is invented
    assert second.event_mode == "phone" and second.actors == ("ATL", "LEM") and second.lat is None
    kinds = {h[0] for h in first.highlights}
    assert kinds == {"date", "actor", "place"}
    for _kind, s, e in first.highlights:
        assert first.evidence[s:e] in ("May 3", "Atlantis", "Lemuria", "Portville")


def test_ids_are_stable_and_dedup_merges_retellings() -> None:
    spans = [_span("May 3", dt.date(2020, 5, 3))]
    actors = [_actor("Atlantis", "ATL"), _actor("Lemuria", "LEM")]
    a = sentence_events(CTX, _sentences(), spans, actors, [])
    b = sentence_events(CTX, _sentences(), spans, actors, [])
    assert [e.event_id for e in a] == [e.event_id for e in b]
    twice = dedup(a + [e.__class__(**{**e.__dict__, "char_start": e.char_start + 500, "event_id": "x"}) for e in a])
    assert len(twice) == 1 and twice[0].mentions == 2 and len(twice[0].other_evidence) == 1


def test_dedup_keeps_different_days_apart() -> None:
    spans = [_span("May 3", dt.date(2020, 5, 3)), _span("May 4", dt.date(2020, 5, 4))]
    actors = [_actor("Atlantis", "ATL"), _actor("Lemuria", "LEM")]
    assert len(dedup(sentence_events(CTX, _sentences(), spans, actors, []))) == 2


def test_event_typing_and_status() -> None:
    assert classify("Xi spoke by telephone with Trump").mode == "phone"  # type: ignore[union-attr]
    assert classify("The two navies launched a joint drill").event_type == "MOBILIZE"  # type: ignore[union-attr]
    assert classify("The minister imposed tariffs on steel").event_type == "SANCTION"  # type: ignore[union-attr]
    assert classify("The weather was mild") is None
    assert status_of("He will visit Russia", False) == "planned"
    assert status_of("He reportedly visited Russia", False) == "reported"
    assert status_of("He visited Russia", False) == "occurred"
    assert status_of("He visited Russia", True) == "planned"


def test_the_day_after_another_happening_dates_it_too() -> None:
    text = ("The president received the envoy at the palace on April 13, which was the day after the visit "
            "by the Lemurian minister to Portville.")
    doc = Document("d2", "t.txt", "T", text)
    art = Article("d2", 0, "A", 0, len(text), dt.date(2020, 4, 20), "byline")
    ctx = ArticleContext(doc, art, dt.date(2020, 4, 20), {})
    sent = Sentence("d2", 0, 0, len(text), text)
    i = text.index("April 13")
    span = DateSpan(Timex(i, i + 8, "April 13", "DATE", "2020-04-13"), dt.date(2020, 4, 13), dt.date(2020, 4, 13),
                    "day", "document", "publication date")
    j = text.index("Lemurian")
    k = text.index("Portville")
    actors = [ActorMention(j, j + 8, "Lemurian", "LEM", "state", via="adjective"),
              ActorMention(0, 13, "The president", "ATL", "person", person="P", via="title")]
    place = PlaceMention(k, k + 9, "Portville", "Portville", "ATL", 1.0, 2.0, "city")
    events = sentence_events(ctx, [sent], [span], actors, [place])
    by_day = {e.date_start: e for e in events}
    assert set(by_day) == {dt.date(2020, 4, 13), dt.date(2020, 4, 12)}
    visit = by_day[dt.date(2020, 4, 12)]
    assert "LEM" in visit.actors and visit.place_name == "Portville" and visit.date_anchor == "narrative"
    assert "LEM" not in by_day[dt.date(2020, 4, 13)].actors


def test_the_trigger_nearest_the_date_types_the_event() -> None:
    from events.assemble.eventtypes import classify_near

    text = "He prepared the visit, which will be inaugurated later, for the summit on May 14-15."
    i = text.index("May 14-15")
    near = classify_near(text, i, i + 9)
    assert near is not None and near.mode == "multilateral"


def test_an_undated_retelling_of_the_articles_call_is_kept_as_evidence() -> None:
    text = "Xi spoke by telephone with Trump on May 4. During their call Xi outlined his position."
    doc = Document("d3", "t.txt", "T", text)
    art = Article("d3", 0, "A", 0, len(text), dt.date(2020, 5, 6), "byline")
    ctx = ArticleContext(doc, art, dt.date(2020, 5, 6), {})
    cut = text.index("During")
    sents = [Sentence("d3", 0, 0, cut - 1, text[:cut - 1]), Sentence("d3", 0, cut, len(text), text[cut:])]
    i = text.index("May 4")
    span = DateSpan(Timex(i, i + 5, "May 4", "DATE", "2020-05-04"), dt.date(2020, 5, 4), dt.date(2020, 5, 4),
                    "day", "document", "publication date")
    actors = [ActorMention(0, 2, "Xi", "CHN", "person", person="Xi Jinping"),
              ActorMention(27, 32, "Trump", "USA", "person", person="Donald Trump"),
              ActorMention(cut + 18, cut + 20, "Xi", "CHN", "person", person="Xi Jinping")]
    (event,) = sentence_events(ctx, sents, [span], actors, [])
    assert event.event_mode == "phone" and event.mentions == 2
    assert event.other_evidence[0][1].startswith("During their call")


def test_a_word_cut_by_the_window_is_no_trigger() -> None:
    from events.assemble.eventtypes import SentenceTriggers, classify_near

    head = "The company said "
    filler = "that the figures " * 12  # no trigger words, about 200 characters
    text = head + filler + "were published on May 5."
    i = text.index("May 5")
    lo = head.index("said") + 1  # a window starting inside "said" would see "aid"
    near = classify_near(text, lo + 160, lo + 165)
    assert near is None or near.event_type != "AID"
    assert SentenceTriggers(text).near(i, i + 5) == classify_near(text, i, i + 5)
