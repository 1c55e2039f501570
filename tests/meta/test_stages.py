"""The declared stage order is one the data can flow through: every requirement is set earlier."""

from __future__ import annotations

from events.stages import LOOP_SETS, STAGES


def test_every_requirement_is_set_by_an_earlier_stage() -> None:
    available: set[str] = set()
    for stage in STAGES:
        if stage.scope == "article":
            available |= set(LOOP_SETS)
        missing = set(stage.requires) - available
        assert not missing, f"stage {stage.name} requires {sorted(missing)} before any stage sets it"
        available |= set(stage.sets)


def test_stage_names_are_unique_and_runners_have_no_run() -> None:
    names = [s.name for s in STAGES]
    assert len(names) == len(set(names))
    assert STAGES[0].name == "ingest" and STAGES[-1].name == "store"
    for stage in STAGES:
        assert (stage.run is None) == (stage.scope == "runner"), stage.name


def test_article_stages_run_between_the_document_stages() -> None:
    scopes = [s.scope for s in STAGES]
    order = {"runner": 0, "document": 1, "article": 2, "document_end": 3}
    inner = [order[s] for s in scopes[1:-1]]
    assert inner == sorted(inner)
