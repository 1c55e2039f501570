"""The map's preload hint: the chunk is found in the installed Streamlit, or nothing is sent."""

from __future__ import annotations

from pathlib import Path

from ui.preload import STATIC_JS, chunk_urls, preload_script


def test_chunk_found_by_name_in_a_static_folder(tmp_path: Path) -> None:
    (tmp_path / "DeckGlJsonChart.Ab12-x.js").write_text("", encoding="utf-8")
    (tmp_path / "DeckGlJsonChart.Ab12-x.css").write_text("", encoding="utf-8")
    (tmp_path / "DataFrame.Zz9.js").write_text("", encoding="utf-8")
    assert chunk_urls.__wrapped__(tmp_path) == ("./static/js/DeckGlJsonChart.Ab12-x.js",)


def test_missing_or_ambiguous_chunk_sends_nothing(tmp_path: Path) -> None:
    assert chunk_urls.__wrapped__(tmp_path / "absent") == ()
    (tmp_path / "DeckGlJsonChart.a.js").write_text("", encoding="utf-8")
    (tmp_path / "DeckGlJsonChart.b.js").write_text("", encoding="utf-8")
    assert chunk_urls.__wrapped__(tmp_path) == ()
    assert preload_script(()) == ""


def test_installed_streamlit_has_the_map_chunk() -> None:
    # if a Streamlit upgrade renames the chunk, the hint silently stops working: this says so
    urls = chunk_urls(STATIC_JS)
    assert len(urls) == 1 and urls[0].startswith("./static/js/DeckGlJsonChart.")
    script = preload_script(urls)
    assert script.startswith("<script>") and script.endswith("</script>")
    assert '"DeckGlJsonChart.' in script and "modulepreload" in script
