"""Meta-tests that keep the house shape: data flows one way, docs match code."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GATEWAY = "ui/ingest.py"  # the app's only way into the pipeline


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "events":  # "from events import pipeline"
                names.update(f"events.{a.name}" for a in node.names)
    return names


def _app_files() -> list[Path]:
    return [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]


def test_pipeline_never_imports_streamlit() -> None:
    for path in (ROOT / "events").rglob("*.py"):
        assert not any(n.split(".")[0] == "streamlit" for n in _imports(path)), path


# what the app may import from events/: the contract, errors, settings, shipped tables, the store
APP_MAY_IMPORT = ("events.model", "events.errors", "events.config", "events.resources", "events.store")


def test_app_reaches_the_pipeline_only_through_the_gateway() -> None:
    for path in _app_files():
        if path.relative_to(ROOT).as_posix() == GATEWAY or not path.exists():
            continue
        bad = [n for n in _imports(path) if n.startswith("events") and n != "events" and not n.startswith(APP_MAY_IMPORT)]
        bad += [n for n in _imports(path) if n.split(".")[0] in ("dateparser", "geopy", "rapidfuzz")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}; go through {GATEWAY}"


def test_gateway_imports_only_the_pipeline_and_errors() -> None:
    found = {n for n in _imports(ROOT / GATEWAY) if n.startswith("events")}
    assert found <= {"events", "events.pipeline", "events.errors"}, found


def test_text_helpers_depend_on_nothing_else_in_events() -> None:
    # every stage uses events/text/, so an import from a stage there would be a cycle waiting to happen
    for path in (ROOT / "events" / "text").glob("*.py"):
        bad = [n for n in _imports(path) if n.startswith("events") and not n.startswith("events.text")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_ui_never_imports_geo() -> None:
    for path in _app_files():
        bad = [n for n in _imports(path) if n.startswith("events.geo")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_no_compatibility_modules_at_old_paths() -> None:
    old = ("timex", "geocode", "geo_local", "geo_recognize", "geo_resolve", "geo_online", "gazetteer", "actors_people",
           "actors_lexicon", "eventtypes", "bench", "demo", "cli", "knowledge", "assemble", "actors")
    for name in old:
        assert not (ROOT / "events" / f"{name}.py").exists(), name


def test_every_stage_module_says_what_it_requires_and_sets() -> None:
    from events.stages import STAGES

    for stage in STAGES:
        doc = importlib.import_module(stage.module).__doc__ or ""
        assert "Requires" in doc and "Sets" in doc, f"{stage.module} docstring lacks Requires/Sets"


def test_tests_mirror_the_packages() -> None:
    for package in ("text", "temporal", "geo", "actors", "knowledge", "assemble", "pipeline", "app", "browser", "meta"):
        assert list((ROOT / "tests" / package).glob("test_*.py")), package
    assert not list((ROOT / "tests").glob("test_*.py")), "tests belong in the folder of their package"


def test_readme_documents_every_cli_command() -> None:
    from events.cli.main import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:  # type: ignore[attr-defined]
        assert f"python -m events {name}" in readme, name


def test_readme_lists_every_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "events").rglob("*.py"):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        rel = path.relative_to(ROOT / "events")
        assert path.name in readme, f"README's 'How it is built' does not list events/{rel}"


def test_modules_stay_small() -> None:
    for path in [*(ROOT / "events").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        if path.exists():
            assert len(path.read_text(encoding="utf-8").splitlines()) <= 650, f"{path} wants splitting"
    assert len((ROOT / "events" / "pipeline.py").read_text(encoding="utf-8").splitlines()) < 200


def test_only_config_reads_the_environment() -> None:
    # settings come from events/config.py (validated there), never from a stray os.environ/getenv
    for path in [*(ROOT / "events").rglob("*.py"), *_app_files()]:
        if path == ROOT / "events" / "config.py" or not path.exists():
            continue
        source = path.read_text(encoding="utf-8")
        assert "os.environ" not in source and "getenv" not in source, f"{path.relative_to(ROOT)} reads the environment"


def test_dates_are_anchored_on_the_document_never_on_today() -> None:
    # the house rule: a stage reads no clock; only the store stamps its versions with the time of writing
    stamps = {ROOT / "events" / "store.py", ROOT / "events" / "store_log.py"}
    for path in (ROOT / "events").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "today()" not in source, f"{path.relative_to(ROOT)} reads today's date"
        if path not in stamps:
            assert ".now(" not in source, f"{path.relative_to(ROOT)} reads the clock"


def test_only_resources_knows_where_geodata_lives() -> None:
    for path in (ROOT / "events").rglob("*.py"):
        if path == ROOT / "events" / "resources.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "__file__" not in source and "GEODATA" not in source, f"{path.relative_to(ROOT)} builds a geodata path"


def test_every_setting_is_documented() -> None:
    from events.config import SETTINGS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Settings"):]
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in table, f"README's Settings table lacks {setting.name}"
