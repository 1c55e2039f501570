"""Meta-tests that keep the house shape: data flows one way, docs match code."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_pipeline_never_imports_streamlit() -> None:
    for path in (ROOT / "events").rglob("*.py"):
        assert not any(n.split(".")[0] == "streamlit" for n in _imports(path)), path


def test_pages_never_run_nlp_or_geocoding() -> None:
    forbidden = ("events.temporal.tagger", "events.temporal", "events.actors.states", "events.geo.geoparse", "events.geo.gazetteer",
                 "events.segment", "events.assemble.sentences", "events.dedup", "dateparser", "geopy")
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]
    for path in files:
        if path.exists():
            bad = [n for n in _imports(path) if n.startswith(forbidden)]
            assert not bad, f"{path.name} imports {bad}"


def test_every_stage_has_a_module_and_a_test() -> None:
    from events.pipeline import STAGES

    for stage in STAGES:
        module = {"timex": "timex", "geocode": "geocode"}.get(stage, stage)
        assert (ROOT / "events" / f"{module}.py").exists() or (ROOT / "events" / module).is_dir(), stage
        tests = list((ROOT / "tests").glob(f"test_{stage}*.py")) + list((ROOT / "tests").glob(f"test_{stage[:3]}*.py"))
        assert tests, f"no tests for stage {stage}"


def test_readme_documents_every_cli_command() -> None:
    from events.cli.main import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:  # type: ignore[attr-defined]
        assert f"python -m events {name}" in readme, name


def test_modules_stay_small() -> None:
    for path in [*(ROOT / "events").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        if path.exists():
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 650, f"{path} wants splitting"
