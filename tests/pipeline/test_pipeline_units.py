"""Pipeline glue on hand-built texts: publication dates by strength of evidence, knowledge years."""

from __future__ import annotations

import datetime as dt

from events.ingest import documents_from_text
from events.pipeline import run_document
from events.temporal import publication_date


def test_byline_wins() -> None:
    text = "A headline about talks\nBy Jane Roe On 4/12/17 at 8:21 AM\n\nThe talks began in March 2016 and ended.\n"
    assert publication_date(text, [], None) == (dt.date(2017, 4, 12), "byline")


def test_later_past_year_bounds_a_full_date_from_below() -> None:
    text = ("Relations resumed on March 10, 2023. More than 85,000 pilgrims performed the Hajj in 2025. "
            "The committee met on December 9.")
    date, source = publication_date(text, [], None)
    assert source == "guessed" and date is not None and date.year == 2025


def test_future_year_does_not_move_the_date() -> None:
    text = "Relations resumed on March 10, 2023. The two countries will celebrate the anniversary in 2026."
    assert publication_date(text, [], None) == (dt.date(2023, 3, 10), "inferred")


def test_previous_article_lends_its_date_only_when_it_was_read() -> None:
    text = "The minister met his counterpart on Tuesday."
    assert publication_date(text, [], (dt.date(2017, 4, 12), "byline")) == (dt.date(2017, 4, 12), "page")
    assert publication_date(text, [], (dt.date(2017, 4, 12), "guessed")) == (None, "none")


def test_knowledge_fixes_the_year_of_a_summit_week() -> None:
    page = ("Leaders meet at the port\n\nOn Nov. 14, Xi Jinping and Peruvian President Dina Boluarte inaugurated a "
            "port in Chancay, Peru. The inauguration coincided with the APEC summit in Lima.\n")
    (doc,) = documents_from_text(page, "p.txt")
    result = run_document(doc)
    port = next(e for e in result.events if "inaugurated" in e.evidence)
    assert port.date_start == dt.date(2024, 11, 14) and port.date_anchor == "knowledge"
    assert {"CHN", "PER"} <= set(port.actors)
    assert "APEC" in port.date_anchored_on
    summit = [e for e in result.events if "APEC" in e.actors]
    assert summit and summit[0].date_start == dt.date(2024, 11, 15) and summit[0].place_name == "Lima"


def test_a_page_with_no_dates_yields_no_events() -> None:
    (doc,) = documents_from_text("A headline\n\nThe ministers talked about trade and agreed on nothing.\n", "p.txt")
    assert run_document(doc).events == []


def test_ingest_messages_for_bad_and_dateless_inputs() -> None:
    from events.pipeline import ingest_bytes
    from events.store import Store

    store = Store(":memory:")
    bad = ingest_bytes("x.txt", b"\x00\x01\x02", store)
    assert not bad.ok and "binary" in bad.message and store.version() == "0"
    dateless = ingest_bytes("y.html", b"<html><body><p>Broken <b>markup<div>nothing dated here", store)
    assert dateless.ok and dateless.new_documents == 1 and "no dated happening" in dateless.message


def test_offset_shifting_keeps_every_field() -> None:
    from dataclasses import asdict, replace

    from events.model import ActorMention, PlaceMention
    from events.stages import shift_actor as _shift_actor
    from events.stages import shift_place as _shift_place

    actor = ActorMention(3, 9, "Moscow", "RUS", "state", None, "capital metonym")
    place = PlaceMention(3, 9, "Moscow", "Moscow", "RUS", 55.75, 37.62, "city", "PPL", 524901, "only place")
    assert asdict(_shift_actor(actor, 100)) == asdict(replace(actor, start=103, end=109))
    assert asdict(_shift_place(place, 100)) == asdict(replace(place, start=103, end=109))


def test_years_in_office_skip_impossible_dates() -> None:
    from events.knowledge.summits import _in_office_years

    years = _in_office_years(["Barack Obama"], 2, 29, range(2008, 2018))
    assert years == {"Barack Obama": {2012, 2016}}  # Feb 29 exists only in leap years of his terms
    assert _in_office_years(["Barack Obama"], 1, 10, range(2008, 2018))["Barack Obama"] == set(range(2010, 2018))


def test_a_page_titled_by_its_navigation_takes_its_first_headline() -> None:
    page = (
        "Connect with us\n\nHome\n\nNews\n\n"
        "Leaders meet in Beijing to discuss trade\n\n"
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on May 16, 2024, "
        "and the two leaders signed a joint statement on trade and energy cooperation.\n\n"
        "The talks lasted two hours, officials said, and both sides praised the outcome.\n"
    )
    doc = documents_from_text(page, "nav.txt")[0]
    assert doc.title == "Connect with us"
    result = run_document(doc)
    assert result.document.title == "Leaders meet in Beijing to discuss trade"
    assert result.document.doc_id == doc.doc_id  # ids come from the content, not the title
    assert all(e.doc_title == result.document.title for e in result.events)


def test_an_undated_agency_story_does_not_take_the_page_date() -> None:
    page = (
        "Leaders meet in Beijing to discuss trade\n\n"
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on May 16, 2024, "
        "and the two leaders signed a joint statement on trade and energy cooperation.\n\n"
        "Envoys to meet in Geneva\n\n"
        "GENEVA (Reuters) - U.S. and Chinese envoys will meet on Tuesday to discuss trade, officials said, "
        "the first such talks since the leaders spoke.\n"
    )
    result = run_document(documents_from_text(page, "wire.txt")[0])
    dated = {a.title: (a.pub_date, a.pub_date_source) for a in result.articles}
    assert dated["Leaders meet in Beijing to discuss trade"] == (dt.date(2024, 5, 16), "inferred")
    assert dated["Envoys to meet in Geneva"] == (None, "none")  # a reprinted wire story: its own date, unknown
    assert not [e for e in result.events if "Geneva" in e.evidence]  # "Tuesday" cannot be placed in time


def test_a_defect_on_one_document_skips_it_and_keeps_the_others(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from events import pipeline
    from events.store import Store

    real = pipeline.run_document

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise ValueError("year -7976 is out of range")
        return real(doc)

    monkeypatch.setattr(pipeline, "run_document", flaky)
    good = "On March 21, 2023, Xi Jinping met Vladimir Putin in Moscow."
    lines = [{"doc_id": "a", "text": "BOOM " + good}, {"doc_id": "b", "text": good}]
    data = "\n".join(json.dumps(r) for r in lines).encode()
    store = Store(":memory:")
    report = pipeline.ingest_bytes("two.jsonl", data, store)
    assert report.ok and report.new_documents == 1 and report.new_events >= 1
    assert len(report.skipped) == 1 and "two.jsonl#a" in report.skipped[0] and "ValueError" in report.skipped[0]
    assert "Skipped two.jsonl#a" in report.message

    only_bad = pipeline.ingest_bytes("bad.jsonl", json.dumps(lines[0]).encode(), Store(":memory:"))
    assert not only_bad.ok and "left unchanged" in only_bad.message

    (tmp_path / "a.txt").write_text("BOOM " + good, encoding="utf-8")
    (tmp_path / "b.txt").write_text(good, encoding="utf-8")
    skipped: list[str] = []
    results = list(pipeline.extract_paths([str(tmp_path)], skipped.append))
    assert [r.document.source.endswith("b.txt") for r in results] == [True]
    assert len(skipped) == 1 and "a.txt" in skipped[0]


def test_a_yearless_dateline_takes_the_year_of_the_article_before_it() -> None:
    text = "Talks resume\n\nBEIJING, November 26 -- Officials met today to discuss trade.\n"
    assert publication_date(text, [], (dt.date(2025, 11, 17), "page")) == (dt.date(2025, 11, 26), "dateline")
    # across a new year: the nearest year to the article before it
    text = "Talks resume\n\nBEIJING, December 30 -- Officials met today to discuss trade.\n"
    assert publication_date(text, [], (dt.date(2026, 1, 3), "byline")) == (dt.date(2025, 12, 30), "dateline")
    # without one, the article before it lends its date
    plain = "Talks resume\n\nOfficials met on Tuesday to discuss trade.\n"
    assert publication_date(plain, [], (dt.date(2025, 11, 17), "page")) == (dt.date(2025, 11, 17), "page")


def test_a_summit_named_with_the_date_beats_a_borrowed_page_date() -> None:
    page = ("Talks in Lima\n\nOn Nov. 14, 2024, Xi Jinping and Dina Boluarte opened a port in Chancay, Peru.\n\n"
            "Xi concentrates power\n\nXi Jinping appointed his war cabinet in October, at the Communist Party's "
            "20th National Congress.\n")
    (doc,) = documents_from_text(page, "p.txt")
    result = run_document(doc)
    assert [a.pub_date_source for a in result.articles] == ["inferred", "page"]
    (ev,) = [e for e in result.events if "war cabinet" in e.evidence]
    assert (ev.date_start, ev.date_end, ev.date_anchor) == (dt.date(2022, 10, 1), dt.date(2022, 10, 31), "knowledge")


def test_an_interaction_needs_a_named_party_but_a_bombing_takes_its_place() -> None:
    text = ("March 20, 2025\n\nSPRINGFIELD, Illinois (AP) — The first direct train to Chicago arrived on Thursday. "
            "A bomb exploded at a Chicago market on Thursday, killing two people.")
    (doc,) = documents_from_text(text, "t.txt")
    events = run_document(doc).events
    assert all(e.event_type != "CONSULT" for e in events)  # a train's arrival is no visit
    assert any(e.event_type == "ASSAULT" and e.actors == ("USA",) and e.place_name == "Chicago" for e in events)


def test_a_non_state_group_also_carries_the_state_it_acts_from() -> None:
    text = "March 20, 2025\n\nHamas fighters attacked an army post on Thursday, officials said."
    (doc,) = documents_from_text(text, "h.txt")
    events = run_document(doc).events
    assert events and all("HAMAS" in e.actors and "PSE" in e.actors for e in events)


def test_a_meeting_without_a_place_takes_the_place_of_the_gathering_it_happens_at() -> None:
    text = ("September 20, 2025\n\nChile's president is expected to travel outside the region for the first time in two years to meet Peru's president on October 17. "
            "To mark the anniversary, Peru's president will host representatives from 30 countries in Lima on "
            "October 17 and 18.")
    (doc,) = documents_from_text(text, "g.txt")
    meet = [e for e in run_document(doc).events if e.event_type in ("CONSULT", "AGREE") and "CHL" in e.actors]
    assert meet and meet[0].place_name == "Lima"  # inherited from the gathering, or merged with it as one happening
