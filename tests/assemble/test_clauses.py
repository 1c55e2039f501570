"""Trigger-argument assembly on sentences written for these tests (hand-built lexicon and mentions)."""

from __future__ import annotations

import datetime as dt

from events.assemble import clauses as C
from events.assemble import discourse as D
from events.model import ActorMention, DateSpan, PlaceMention, Sentence, Timex

_SENSES = {
    "arrested": ("arrest", "COERCE", "", "verb"), "arrest": ("arrest", "COERCE", "", "verb"), "met": ("meet", "CONSULT", "meeting", "verb"),
    "meet": ("meet", "CONSULT", "meeting", "verb"), "meeting": ("meet", "CONSULT", "meeting", "verb"), "visit": ("visit", "CONSULT", "visit", "verb"),
    "signed": ("sign", "AGREE", "", "verb"), "killed": ("kill", "ASSAULT", "", "verb"),
    "invasion": ("invasion", "ASSAULT", "", "noun"), "spoke": ("speak", "CONSULT", "phone", "verb"),
    "talks": ("talks", "CONSULT", "meeting", "noun"), "invited": ("invite", "REQUEST", "", "verb"),
    "join": ("join", "COOPERATE", "", "verb"), "clashed": ("clash", "ASSAULT", "", "verb"),
    "conference": ("conference", "CONSULT", "multilateral", "noun"),
    "demanded": ("demand", "REQUEST", "", "verb"), "bombing": ("bombing", "ASSAULT", "", "noun"),
}


def lookup(words: tuple[str, ...], prev: str = "") -> tuple[int, C.TriggerSense] | None:
    if words[:2] == ("news", "conference") or (prev == "news" and words[0] == "conference"):
        return None
    got = _SENSES.get(words[0])
    return (1, C.TriggerSense(*got)) if got else None


def _sent(text: str, start: int = 100) -> Sentence:
    """A sentence that does not open its document, so offsets relative to it and to the document differ."""
    return Sentence("d", 0, start, start + len(text), text)


def _actor(text: str, sent: Sentence, word: str, code: str, kind: str = "state", via: str = "name") -> ActorMention:
    i = sent.text.index(word)
    return ActorMention(sent.start + i, sent.start + i + len(word), word, code, kind, None, via)  # type: ignore[arg-type]


def _place(sent: Sentence, word: str, country: str, precision: str = "city", why: str = "") -> PlaceMention:
    i = sent.text.index(word)
    return PlaceMention(sent.start + i, sent.start + i + len(word), word, word, country, 1.0, 2.0,
                        precision, "PPL", None, why)  # type: ignore[arg-type]


def _date(sent: Sentence, word: str, day: dt.date) -> DateSpan:
    i = sent.text.index(word)
    return DateSpan(Timex(sent.start + i, sent.start + i + len(word), word, "DATE", day.isoformat()), day, day,
                    "day", "document", "publication date")


REF = D.Reference(dt.date(2021, 5, 7), "publication date 2021-05-07", None, "MLI")


def _events(sents, dates=(), actors=(), places=(), ref=REF, text=None):
    text = text if text is not None else " " * 100 + " ".join(s.text for s in sents)
    return D.clause_events(sents, list(dates), list(actors), list(places), [], lookup, ref, text, lambda s: True)


def test_clauses_cut_at_subordinators_and_relative_pronouns() -> None:
    toks = C.tokens("Ministers, who were invited to the talks in May, will meet when the war ends.")
    ids = C.clause_ids(toks)
    words = {c: " ".join(t.text for t, k in zip(toks, ids, strict=False) if k == c) for c in set(ids)}
    assert list(words.values()) == ["Ministers ,", "who were invited to the talks in May ,", "will meet",
                                    "when the war ends"]


def test_numbers_keep_their_comma_apart() -> None:
    assert [t.text for t in C.tokens("in July 1997, will")] == ["in", "July", "1997", ",", "will"]


def test_police_arrest_without_a_state_named_is_the_home_state() -> None:
    s = _sent("Police arrested two men on Friday.")
    [ev] = _events([s], dates=[_date(s, "Friday", dt.date(2021, 5, 7))])
    assert ev.event_type == "COERCE" and ev.home_role == "Police" and ev.status == "occurred"
    assert ev.span is not None and ev.span.date_start == dt.date(2021, 5, 7)


def test_news_lead_without_a_date_word_reports_the_report_day() -> None:
    s = _sent("A roadside bomb has killed eight soldiers in northern Mali.")
    mali = _place(s, "Mali", "MLI", "country")
    [ev] = _events([s], places=[mali], actors=[_actor("", s, "Mali", "MLI")])
    assert ev.date_source == "lead" and ev.span is None  # the caller dates it with the report day
    assert ev.place == mali and ev.trigger.tense == "perfect"


def test_narrative_carries_the_last_day_to_the_next_sentence() -> None:
    s1 = _sent("As the truce collapsed late Monday, the ministers met in Paris.")
    s2 = _sent("The minister later spoke with his counterpart.", s1.end + 1)
    monday = _date(s1, "Monday", dt.date(2021, 5, 3))
    evs = _events([s1, s2], dates=[monday], places=[_place(s1, "Paris", "FRA")],
                  actors=[_actor("", s1, "ministers", "FRA")])
    second = [e for e in evs if e.sentence == s2]
    assert second and second[0].date_source == "narrative"
    assert second[0].place is None  # a call has no place unless the text gives one


def test_relative_clause_takes_its_antecedent_as_participants() -> None:
    s = _sent("Poland and Hungary, who were invited to join the alliance in July 1997, will join it on March 12.")
    at = s.start + s.text.index("July")
    july = DateSpan(Timex(at, at + 9, "July 1997", "DATE", "1997-07"),
                    dt.date(1997, 7, 1), dt.date(1997, 7, 31), "month", "explicit", "")
    march = _date(s, "March 12", dt.date(1999, 3, 12))
    acts = [_actor("", s, "Poland", "POL"), _actor("", s, "Hungary", "HUN")]
    evs = _events([s], dates=[july, march], actors=acts)
    by_day = {e.span.date_start: e for e in evs if e.span}
    invited = by_day[dt.date(1997, 7, 1)]
    assert {a.code for a in invited.agents} == {"POL", "HUN"} and invited.event_type == "REQUEST"
    joined = by_day[dt.date(1999, 3, 12)]
    assert {a.code for a in joined.agents} == {"POL", "HUN"} and joined.status == "planned"


def test_demonym_and_name_inside_an_organisation_are_no_place() -> None:
    s = _sent("Kenyan officials met Warsaw Pact envoys at the Bank of England on Monday.")
    kenyan = _place(s, "Kenyan", "KEN", "country", why="adjective/demonym of Kenya")
    warsaw = _place(s, "Warsaw", "POL")
    [ev] = _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))], places=[kenyan, warsaw],
                   actors=[_actor("", s, "Kenyan", "KEN", via="adjective")])
    assert ev.place is None


def test_appositive_capital_is_the_place() -> None:
    s = _sent("Talks were held in the Kenyan capital Nairobi on Monday.")
    kenyan = _place(s, "Kenyan", "KEN", "country", why="adjective/demonym of Kenya")
    nairobi = _place(s, "Nairobi", "KEN")
    [ev] = _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))], places=[kenyan, nairobi],
                   actors=[_actor("", s, "Kenyan", "KEN", via="adjective")])
    assert ev.place == nairobi


def test_a_date_in_another_triggers_clause_is_not_borrowed() -> None:
    s = _sent("Officials clashed after the invasion on Aug. 2, police said.")
    aug2 = _date(s, "Aug. 2", dt.date(1990, 8, 2))
    evs = _events([s], dates=[aug2], actors=[_actor("", s, "Officials", "IRQ")])
    dated = [e for e in evs if e.span is not None]
    assert [e.trigger.sense.lemma for e in dated] == ["invasion"]


def test_news_conference_is_no_meeting_and_negated_verbs_are_no_events() -> None:
    s = _sent("The envoy did not meet the king at a news conference on Monday.")
    assert _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))],
                   actors=[_actor("", s, "envoy", "JOR")]) == []


def test_future_cooperation_is_an_intent_to_agree() -> None:
    s = _sent("The president will visit Ghana on Monday.")
    [ev] = _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 10))], actors=[_actor("", s, "Ghana", "GHA")])
    assert ev.event_type == "AGREE" and ev.mode == "visit" and ev.status == "planned"


def test_a_parenthesis_is_its_own_clause_and_the_sentence_goes_on_after_it() -> None:
    s = _sent("Putin met Zhang (who is also a member of the Party) at the Kremlin on April 13.")
    toks = C.tokens(s.text)
    ids = C.clause_ids(toks)
    by_word = dict(zip([t.text for t in toks], ids, strict=False))
    assert by_word["met"] == by_word["Kremlin"] == by_word["13"] != by_word["member"]
    [ev] = _events([s], dates=[_date(s, "April 13", dt.date(2017, 4, 13))], actors=[_actor("", s, "Putin", "RUS")])
    assert ev.trigger.sense.lemma == "meet" and ev.span is not None and ev.span.date_start.day == 13


def test_a_demand_addresses_the_subject_of_its_that_clause() -> None:
    s = _sent("Ruritania demanded on Tuesday that Freedonia withdraw its troops.")
    acts = [_actor("", s, "Ruritania", "RUR"), _actor("", s, "Freedonia", "FRE")]
    [ev] = _events([s], dates=[_date(s, "Tuesday", dt.date(2021, 5, 4))], actors=acts)
    assert [a.code for a in ev.agents] == ["RUR"] and [a.code for a in ev.others] == ["FRE"]


def test_the_town_of_x_after_a_locative_is_the_place() -> None:
    s = _sent("A roadside bombing near the town of Samarra on Sunday killed a soldier.")
    samarra = _place(s, "Samarra", "IRQ")
    evs = _events([s], dates=[_date(s, "Sunday", dt.date(2021, 5, 2))], places=[samarra],
                  actors=[_actor("", s, "soldier", "USA")])
    assert evs and all(e.place == samarra for e in evs)


def test_an_attack_on_a_named_town_is_placed_there() -> None:
    s = _sent("He fled after the 1998 bombing of a Springfield clinic.")
    year = DateSpan(Timex(s.start + s.text.index("1998"), s.start + s.text.index("1998") + 4, "1998", "DATE", "1998"),
                    dt.date(1998, 1, 1), dt.date(1998, 12, 31), "year", "explicit", "")
    town = _place(s, "Springfield", "USA")
    [ev] = _events([s], dates=[year], places=[town], actors=[_actor("", s, "He", "USA")])
    assert ev.place == town and ev.place_reason == "target of the attack"


def test_a_refusal_in_the_future_is_a_rejection_told_on_the_report_day() -> None:
    s = _sent("Ruritania said it will not meet the envoys.")
    [ev] = _events([s], actors=[_actor("", s, "Ruritania", "RUR")])
    assert ev.event_type == "REJECT" and ev.date_source == "lead" and ev.status == "occurred"


def test_a_reported_intention_is_an_agreement_and_a_reported_coercion_a_threat() -> None:
    s = _sent("Ruritania said it would meet the envoys, and Freedonia said it would arrest them.")
    acts = [_actor("", s, "Ruritania", "RUR"), _actor("", s, "Freedonia", "FRE")]
    got = sorted((e.event_type, [a.code for a in e.agents]) for e in _events([s], actors=acts))
    assert got == [("AGREE", ["RUR"]), ("THREATEN", ["FRE"])]


def test_a_light_verb_makes_its_noun_the_act() -> None:
    s = _sent("Ruritania issued an ultimatum to Freedonia.")
    old = dict(_SENSES)
    _SENSES["ultimatum"] = ("ultimatum", "THREATEN", "", "noun")
    try:
        [ev] = _events([s], actors=[_actor("", s, "Ruritania", "RUR"), _actor("", s, "Freedonia", "FRE")])
    finally:
        _SENSES.clear()
        _SENSES.update(old)
    assert ev.event_type == "THREATEN" and ev.date_source == "lead"


def test_a_date_before_a_noun_dates_that_noun() -> None:
    s = _sent("Officials said the probe into the August 7 bombing is going on.")
    aug7 = _date(s, "August 7", dt.date(1998, 8, 7))
    _SENSES["probe"] = ("probe", "ACCUSE", "investigate", "noun")
    try:
        evs = _events([s], dates=[aug7], actors=[_actor("", s, "Officials", "USA")])
    finally:
        del _SENSES["probe"]
    assert [e.trigger.sense.lemma for e in evs if e.span is not None] == ["bombing"]


def test_a_retelling_takes_the_date_of_the_happening_the_story_dated() -> None:
    s1 = _sent("Bombs killed dozens at the embassy in Ruritania on Aug. 7.")
    s2 = _sent("The bombing at the embassy in Ruritania killed 20 guards.", s1.end + 1)
    aug7 = _date(s1, "Aug. 7", dt.date(1998, 8, 7))
    acts = [_actor("", s1, "Ruritania", "RUR"), _actor("", s2, "Ruritania", "RUR")]
    evs = [e for e in _events([s1, s2], dates=[aug7], actors=acts) if e.sentence == s2]
    assert evs and evs[0].date_source == "retelling" and evs[0].span is not None
    assert evs[0].span.date_start == dt.date(1998, 8, 7) and evs[0].span.anchor == "narrative"


def test_a_fronted_clause_takes_the_subject_of_the_main_clause() -> None:
    s = _sent("After meeting Freedonian officials on Friday, the Ruritanian envoy said talks went well.")
    acts = [_actor("", s, "Freedonian", "FRE", via="adjective"), _actor("", s, "Ruritanian", "RUR", via="adjective")]
    evs = [e for e in _events([s], dates=[_date(s, "Friday", dt.date(2021, 5, 7))], actors=acts) if e.span]
    assert evs and [a.code for a in evs[0].agents] == ["RUR"] and [a.code for a in evs[0].others] == ["FRE"]


def test_a_since_date_dates_no_verb_and_a_clause_with_can_is_a_possibility() -> None:
    s = _sent("He had been arrested in several states since 1990.")
    since = DateSpan(Timex(s.start + s.text.index("1990"), s.start + s.text.index("1990") + 4, "1990", "DATE", "1990"),
                     dt.date(1990, 1, 1), dt.date(1990, 12, 31), "year", "explicit", "", open_ended=True)
    assert [e for e in _events([s], dates=[since], actors=[_actor("", s, "He", "USA")]) if e.span] == []
    s2 = _sent("The president can arrest officials without a warrant on Monday.")
    assert _events([s2], dates=[_date(s2, "Monday", dt.date(2021, 5, 3))], actors=[_actor("", s2, "president", "USA")]) == []


def test_a_bare_base_form_without_a_subject_is_a_noun() -> None:
    _SENSES["support"] = ("support", "SUPPORT", "", "verb")
    try:
        s = _sent("Polls show public support for the plan rising this year.")
        assert C.find_triggers(s, C.tokens(s.text), C.clause_ids(C.tokens(s.text)), lookup, []) == []
        s2 = _sent("Officials support the plan.")
        assert [h.sense.lemma for h in C.find_triggers(s2, C.tokens(s2.text), C.clause_ids(C.tokens(s2.text)), lookup, [])] == ["support"]
    finally:
        del _SENSES["support"]


def test_an_uncoded_named_agent_is_a_participant_of_the_home_state() -> None:
    _SENSES["bought"] = ("buy", "COOPERATE", "", "verb")
    try:
        s = _sent("Zorbex Holdings bought Quillmart in March.")
        march = DateSpan(Timex(s.start + s.text.index("March"), s.start + s.text.index("March") + 5, "March", "DATE",
                               "2021-03"), dt.date(2021, 3, 1), dt.date(2021, 3, 31), "month", "document", "")
        [ev] = _events([s], dates=[march])
        assert ev.home_role == "Zorbex" and not ev.agents
        # a sentence-opening capital alone is no name; a coded partner leaves the home state out
        s2 = _sent("Yesterday thieves bought guns in March.")
        assert [e.home_role for e in _events([s2], dates=[march]) if e.span] in ([""], [])
    finally:
        del _SENSES["bought"]
    s3 = _sent("Lt. Gen. Ana Ruiz met Ruritanian envoys on Monday.")
    [ev3] = _events([s3], dates=[_date(s3, "Monday", dt.date(2021, 5, 3))],
                    actors=[_actor("", s3, "Ruritanian", "RUR", via="adjective")])
    assert ev3.home_role == ""


def test_a_condition_is_no_happening() -> None:
    s = _sent("If the rebels clashed with troops on Monday, talks would end.")
    evs = _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))], actors=[_actor("", s, "troops", "MLI")])
    assert all(e.trigger.tense == "modal" for e in evs if e.trigger.sense.lemma == "clash")
    assert [e for e in evs if e.trigger.sense.lemma == "clash"] == []


def _lemmas(text: str, extra: dict[str, tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    saved = {k: _SENSES[k] for k in extra if k in _SENSES}
    _SENSES.update(extra)
    try:
        s = _sent(text)
        toks = C.tokens(s.text)
        return [(h.sense.lemma, h.tense) for h in C.find_triggers(s, toks, C.clause_ids(toks), lookup, [])]
    finally:
        for k in extra:
            del _SENSES[k]
        _SENSES.update(saved)  # a sense the shared table had stays for the other tests


def test_uses_of_event_words_that_report_no_act() -> None:
    release = {"released": ("release", "RETREAT", "release", "verb")}
    assert _lemmas("The agency released the tapes on Monday.", release) == []
    assert _lemmas("The rebels released two hostages on Monday.", release) == [("release", "past")]
    decline = {"declined": ("decline", "REJECT", "", "verb")}
    assert _lemmas("He declined to comment on the weapons.", decline) == []
    ousted = {"ousted": ("oust", "COERCE", "", "verb")}
    assert _lemmas("A loyalist of ousted Prime Minister Ruiz spoke.", ousted) == [("speak", "past")]
    assert _lemmas("The army ousted Prime Minister Ruiz.", ousted) == [("oust", "past")]
    assert _lemmas("Investors bet on an imminent clash between the firms.", {"clash": ("clash", "ASSAULT", "", "noun")}) == [("clash", "modal")]


def test_negative_contractions_negate_and_keep_their_auxiliary() -> None:
    assert _lemmas("The ministers didn't meet on Monday.", {}) == []
    s = _sent("Ruritania won't join the alliance.")
    toks = C.tokens(s.text)
    [hit] = C.find_triggers(s, toks, C.clause_ids(toks), lookup, [])
    assert (hit.tense, hit.sense.event_type) == ("future", "REJECT")  # a refusal to cooperate
    assert _lemmas("Jaguar shouldn't clash with anyone.", {}) == []


def test_the_content_of_an_agreement_or_a_demand_is_no_second_event() -> None:
    extra = {"agreed": ("agree", "AGREE", "", "verb"), "exercises": ("exercise", "MOBILIZE", "", "noun")}
    assert [lem for lem, _ in _lemmas("Ruritania has agreed to hold joint exercises this month.", extra)] == ["agree"]


def test_a_condition_after_the_main_clause_is_its_own_clause() -> None:
    extra = {"attacked": ("attack", "ASSAULT", "", "verb"), "send": ("send", "AID", "", "verb")}
    hits = dict(_lemmas("Ruritania will send troops if Freedonia is attacked.", extra))
    assert hits == {"send": "future", "attack": "modal"}


def test_a_place_naming_the_happening_is_its_place() -> None:
    s = _sent("He is charged in the Ostra bombing on May 3, officials in Bern said.")
    ostra, bern = _place(s, "Ostra", "RUR"), _place(s, "Bern", "CHE")
    evs = [e for e in _events([s], dates=[_date(s, "May 3", dt.date(2021, 5, 3))], places=[ostra, bern],
                              actors=[_actor("", s, "officials", "RUR")]) if e.trigger.sense.lemma == "bombing"]
    assert evs and evs[0].place == ostra and evs[0].place_reason == "place named before the event"


def test_a_possessive_names_the_nearest_participant_before_it_as_the_actor() -> None:
    s = _sent("The council kept sanctions on Ruritania after its 1990 invasion of Freedonia.")
    y1990 = DateSpan(Timex(s.start + s.text.index("1990"), s.start + s.text.index("1990") + 4, "1990", "DATE", "1990"),
                     dt.date(1990, 1, 1), dt.date(1990, 12, 31), "year", "explicit", "")
    acts = [_actor("", s, "council", "UN", kind="org"), _actor("", s, "Ruritania", "RUR"), _actor("", s, "Freedonia", "FRE")]
    [ev] = [e for e in _events([s], dates=[y1990], actors=acts) if e.trigger.sense.lemma == "invasion"]
    assert [a.code for a in ev.agents] == ["RUR"] and [a.code for a in ev.others] == ["FRE"]


def test_once_again_and_decades_long_are_not_durative_and_an_adverb_keeps_a_verb() -> None:
    assert not C._DURATIVE.search("has once again rejected a decades-long alliance")
    assert C._DURATIVE.search("has long rejected")
    assert _lemmas("Soldiers routinely beat detainees.", {"beat": ("beat", "ASSAULT", "", "verb")}) == [("beat", "past")]


def test_a_present_tense_relative_clause_in_a_lead_describes() -> None:
    s = _sent("Ruritania keeps an army, which meets the needs of the state.")
    assert [e for e in _events([s], actors=[_actor("", s, "Ruritania", "RUR")]) if e.trigger.sense.lemma == "meet"] == []


def test_a_noun_that_is_a_subject_takes_no_date_from_another_clause() -> None:
    _SENSES["alliance"] = ("alliance", "COOPERATE", "", "noun")
    try:
        s = _sent("The alliance has grown twice, adding Ruritania in 1952.")
        at = s.start + s.text.index("1952")
        y = DateSpan(Timex(at, at + 4, "1952", "DATE", "1952"), dt.date(1952, 1, 1), dt.date(1952, 12, 31), "year",
                     "explicit", "")
        assert [e for e in _events([s], dates=[y], actors=[_actor("", s, "Ruritania", "RUR")]) if e.span] == []
    finally:
        del _SENSES["alliance"]


def _since(s: Sentence, word: str, year: int) -> DateSpan:
    at = s.start + s.text.index(word)
    return DateSpan(Timex(at, at + len(word), word, "DATE", str(year)), dt.date(year, 1, 1), dt.date(year, 12, 31),
                    "year", "explicit", "", open_ended=True)


def test_a_stretch_of_time_dates_only_the_noun_it_modifies_or_its_when_clause() -> None:
    s = _sent("The pledge helped him win for the second time since 1991.")
    _SENSES["pledge"] = ("pledge", "AGREE", "", "noun")
    try:
        assert [e for e in _events([s], dates=[_since(s, "1991", 1991)], actors=[_actor("", s, "him", "IND")]) if e.span] == []
    finally:
        del _SENSES["pledge"]
    s2 = _sent("Ties soured, particularly since 2014, when Ruritania clashed with Freedonia.")
    evs = [e for e in _events([s2], dates=[_since(s2, "2014", 2014)],
                              actors=[_actor("", s2, "Ruritania", "RUR"), _actor("", s2, "Freedonia", "FRE")]) if e.span]
    assert [(e.trigger.sense.lemma, e.span.date_start.year) for e in evs] == [("clash", 2014)]  # type: ignore[union-attr]


def test_a_private_name_is_no_participant_of_the_home_state() -> None:
    _SENSES["bought"] = ("buy", "COOPERATE", "", "verb")
    try:
        s = _sent("Lottery player John Reekie bought a ticket on Monday.")
        assert [e.home_role for e in _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))])] in ([""], [])
        s2 = _sent("Governor Jane Miller bought bonds on Monday.")
        assert [e.home_role for e in _events([s2], dates=[_date(s2, "Monday", dt.date(2021, 5, 3))])] == ["Governor"]
    finally:
        del _SENSES["bought"]


def test_a_fronted_clause_with_its_own_subject_keeps_it() -> None:
    s = _sent("Since they clashed in May, just before Ruritania's invasion of Freedonia, the world has changed.")
    may = DateSpan(Timex(s.start + s.text.index("May"), s.start + s.text.index("May") + 3, "May", "DATE", "2021-05"),
                   dt.date(2021, 5, 1), dt.date(2021, 5, 31), "month", "document", "")
    acts = [_actor("", s, "Ruritania", "RUR"), _actor("", s, "Freedonia", "FRE")]
    clash = [e for e in _events([s], dates=[may], actors=acts) if e.trigger.sense.lemma == "clash"]
    assert clash and not clash[0].agents


def test_recalling_as_telling_and_a_present_passive_state() -> None:
    recall = {"recalled": ("recall", "SANCTION", "", "verb")}
    assert _lemmas('"It was hard," recalled one participant.', recall) == []
    assert _lemmas("She recalled that the vote was close.", recall) == []
    assert _lemmas("Ruritania recalled its ambassador.", recall) == [("recall", "past")]
    assert _lemmas("They are aided by Freedonia.", {"aided": ("aid", "AID", "", "verb")}) == [("aid", "present")]


def test_a_question_is_no_request() -> None:
    asked = {"asked": ("ask", "REQUEST", "", "verb")}
    assert _lemmas("Reporters asked whether the vote failed.", asked) == []
    assert _lemmas("Ruritania asked Freedonia for help.", asked) == [("ask", "past")]


def test_a_signed_document_is_the_signing_s_object() -> None:
    extra = {"signed": ("sign", "SUPPORT", "", "verb"), "treaty": ("treaty", "AGREE", "", "noun")}
    assert _lemmas("Ruritania and Freedonia signed a treaty of friendship.", extra) == [("sign", "past")]
    assert [lem for lem, _ in _lemmas("The treaty was welcomed.", extra)] == ["treaty"]


def test_the_object_of_a_demand_or_refusal_is_its_content_and_giving_tenses_the_gift() -> None:
    extra = {"demanded": ("demand", "REQUEST", "", "verb"), "withdrawal": ("withdrawal", "RETREAT", "", "noun"),
             "aid": ("aid", "AID", "", "noun")}
    assert _lemmas("Ministers demanded the withdrawal of troops on Monday.", extra) == [("demand", "past")]
    assert _lemmas("Ruritania will provide nearly 25,000 tons of food aid.", extra) == [("aid", "future")]


def test_attempts_count_and_coordinated_verbs_share_the_clause_date() -> None:
    extra = {"assassinate": ("assassinate", "ASSAULT", "", "verb")}
    assert _lemmas("Militants said they attempted to assassinate the premier.", extra) == [("assassinate", "past")]
    assert _lemmas("The envoy is believed to have met rebels.", {}) == [("meet", "modal")]
    s = _sent("Rebels have arrested two envoys and killed a guard, officials said on Monday.")
    evs = _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))], actors=[_actor("", s, "Rebels", "RUR")])
    assert {e.trigger.sense.lemma for e in evs if e.span is not None} == {"arrest", "kill"}


def test_where_someone_is_based_is_not_where_it_happened() -> None:
    s = _sent("A group based in Ostra clashed with Freedonian troops on Monday.")
    ostra = _place(s, "Ostra", "RUR")
    evs = _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))], places=[ostra],
                  actors=[_actor("", s, "Freedonian", "FRE", via="adjective")])
    assert evs and evs[0].place is None


def test_he_or_she_is_the_last_named_person_of_that_sex() -> None:
    s1 = _sent("Foreign Minister Madeleine Ruiz invited Robert Kowal to visit Ostra on Monday.")
    s2 = _sent("He will travel to Ostra on May 12.", s1.end + 1)
    ruiz = ActorMention(s1.start + s1.text.index("Madeleine Ruiz"), s1.start + s1.text.index("Madeleine Ruiz") + 14,
                        "Madeleine Ruiz", "RUR", "person", "Madeleine Ruiz", "test")
    kowal = ActorMention(s1.start + s1.text.index("Robert Kowal"), s1.start + s1.text.index("Robert Kowal") + 12,
                         "Robert Kowal", "FRE", "person", "Robert Kowal", "test")
    _SENSES["travel"] = ("travel", "CONSULT", "visit", "verb")
    try:
        evs = _events([s1, s2], dates=[_date(s1, "Monday", dt.date(2021, 5, 3)), _date(s2, "May 12", dt.date(2021, 5, 12))],
                      actors=[ruiz, kowal])
    finally:
        del _SENSES["travel"]
    second = [e for e in evs if e.sentence == s2]
    assert second and [a.code for a in second[0].agents] == ["FRE"]


def test_a_military_strike_is_an_assault_a_workers_strike_a_protest() -> None:
    extra = {"strikes": ("strike", "PROTEST", "demo", "noun"), "strike": ("strike", "PROTEST", "demo", "noun")}
    _SENSES.update(extra)
    try:
        for text, kind in (("He had ordered the strikes on the camps.", "ASSAULT"), ("Workers went on strike.", "PROTEST")):
            s = _sent(text)
            toks = C.tokens(s.text)
            assert [h.sense.event_type for h in C.find_triggers(s, toks, C.clause_ids(toks), lookup, [])] == [kind]
    finally:
        for k in extra:
            del _SENSES[k]


def test_concluding_that_is_a_finding() -> None:
    extra = {"concluded": ("conclude", "AGREE", "", "verb")}
    assert _lemmas("Officers concluded he had probably died.", extra) == []
    assert _lemmas("Ruritania concluded a trade accord.", extra) == [("conclude", "past")]


def test_a_that_complement_of_a_demand_is_its_content() -> None:
    extra = {"demanded": ("demand", "REQUEST", "", "verb"), "withdraw": ("withdraw", "RETREAT", "", "verb")}
    assert _lemmas("Ruritania demanded that Freedonia withdraw its troops.", extra) == [("demand", "past")]


def test_a_relative_clause_is_not_dated_by_the_main_clause() -> None:
    s = _sent("The man, who killed a guard, was named on Thursday.")
    evs = [e for e in _events([s], dates=[_date(s, "Thursday", dt.date(2021, 5, 6))],
                              actors=[_actor("", s, "guard", "RUR")]) if e.span is not None]
    assert [e.trigger.sense.lemma for e in evs] == []


def test_a_fronted_following_clause_keeps_its_places_and_parties() -> None:
    s = _sent("Following his visit to Freedonia, the Ruritanian premier met Ostrian leaders on Monday.")
    acts = [_actor("", s, "Freedonia", "FRE"), _actor("", s, "Ruritanian", "RUR", via="adjective"),
            _actor("", s, "Ostrian", "OST", via="adjective")]
    [ev] = [e for e in _events([s], dates=[_date(s, "Monday", dt.date(2021, 5, 3))], actors=acts) if e.span]
    assert "FRE" not in {a.code for a in ev.agents + ev.others}


def test_the_speaker_of_a_must_demand_and_the_target_of_a_conditional_threat() -> None:
    s = _sent("Ruritania said on Tuesday that Freedonia must return the helicopter.")
    acts = [_actor("", s, "Ruritania", "RUR"), _actor("", s, "Freedonia", "FRE")]
    toks = C.tokens(s.text)
    clauses = C.clause_ids(toks)
    [hit] = [h for h in C.find_triggers(s, toks, clauses, lookup, []) if h.sense.lemma == "must"]
    agents, others = C.clause_actors(s, toks, clauses, hit, acts)
    assert [a.code for a in agents] == ["RUR"] and [a.code for a in others] == ["FRE"]
    s2 = _sent("Ruritania threatened to quit if Freedonia deploys missiles.")
    acts2 = [_actor("", s2, "Ruritania", "RUR"), _actor("", s2, "Freedonia", "FRE")]
    toks2 = C.tokens(s2.text)
    clauses2 = C.clause_ids(toks2)
    hit2 = C.TriggerHit(s2.text.index("threatened"), s2.text.index("threatened") + 10,
                        C.TriggerSense("threaten", "THREATEN", "", "verb"), "past", False, 0)
    assert "FRE" in {a.code for a in C.clause_actors(s2, toks2, clauses2, hit2, acts2)[1]}


def test_a_possessive_before_a_dated_noun() -> None:
    s = _sent("Ostra has been isolated since Ruritania's envoy praised his Aug. 2 invasion of Freedonia.")
    toks = C.tokens(s.text)
    hit = C.TriggerHit(s.text.index("invasion"), s.text.index("invasion") + 8,
                       C.TriggerSense("invasion", "ASSAULT", "", "noun"), "none", False, 0)
    assert C._possessor(toks, hit) is not None


def test_the_dateline_places_only_what_happens_about_the_report_day() -> None:
    ostra = PlaceMention(0, 5, "Ostra", "Ostra", "RUR", 1.0, 2.0, "city", "PPL", None, "")
    ref = D.Reference(dt.date(2021, 5, 7), "publication date 2021-05-07", ostra, "RUR")
    s = _sent("Ruritanian troops arrested two men on Thursday, and Ruritanian troops arrested a judge in 1949.")
    thu = _date(s, "Thursday", dt.date(2021, 5, 6))
    at = s.start + s.text.index("1949")
    y1949 = DateSpan(Timex(at, at + 4, "1949", "DATE", "1949"), dt.date(1949, 1, 1), dt.date(1949, 12, 31), "year",
                     "explicit", "")
    evs = [e for e in _events([s], dates=[thu, y1949], actors=[_actor("", s, "Ruritanian", "RUR", via="adjective")],
                              ref=ref) if e.span is not None]
    by_year = {e.span.date_start.year: e for e in evs}  # type: ignore[union-attr]
    assert by_year[2021].place == ostra and by_year[1949].place is None


def test_a_participle_after_a_possessive_is_an_adjective_and_tapes_four_words_on_are_information() -> None:
    ousted = {"ousted": ("oust", "COERCE", "", "verb")}
    assert _lemmas("Ruritania's ousted government asked for help.", ousted) == []
    assert [lem for lem, _ in _lemmas("He's ousted the premier.", ousted)] == ["oust"]
    release = {"released": ("release", "RETREAT", "release", "verb")}
    assert _lemmas("The agency released air traffic control tapes.", release) == []


def test_a_statement_later_in_a_domestic_story_takes_no_dateline_place() -> None:
    ostra = PlaceMention(0, 5, "Ostra", "Ostra", "RUR", 1.0, 2.0, "city", "PPL", None, "")
    ref = D.Reference(dt.date(2021, 5, 7), "publication date 2021-05-07", ostra, "RUR")
    s0 = _sent("Ruritanian troops clashed with rebels on Friday.")
    s1 = _sent("Ruritanian leaders demanded calm on Friday.", s0.end + 1)
    evs = _events([s0, s1], dates=[_date(s0, "Friday", dt.date(2021, 5, 7)), _date(s1, "Friday", dt.date(2021, 5, 7))],
                  actors=[_actor("", s0, "Ruritanian", "RUR", via="adjective"),
                          _actor("", s1, "Ruritanian", "RUR", via="adjective")], ref=ref)
    demand = [e for e in evs if e.trigger.sense.lemma == "demand"]
    assert demand and demand[0].place is None


def test_an_argued_opinion_is_no_happening() -> None:
    extra = {"criticism": ("criticism", "ACCUSE", "", "noun")}
    assert [t for _, t in _lemmas("Tim argues that the criticism of Ruritania is unfair.", extra)] == ["modal"]


def test_two_cities_for_one_telling_give_no_pin() -> None:
    s = _sent("The leaders met twice in May, once in Ostra and once in Bern.")
    may = DateSpan(Timex(s.start + s.text.index("May"), s.start + s.text.index("May") + 3, "May", "DATE", "2021-05"),
                   dt.date(2021, 5, 1), dt.date(2021, 5, 31), "month", "document", "")
    evs = _events([s], dates=[may], places=[_place(s, "Ostra", "RUR"), _place(s, "Bern", "CHE")],
                  actors=[_actor("", s, "leaders", "RUR")])
    assert evs and evs[0].place is None
