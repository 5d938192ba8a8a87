"""kb_build/translation_records.py: per-section records of which Japanese revision each
English section translates; outdated sections are shown, unrecorded ones stop the build."""
from __future__ import annotations

from bs4 import BeautifulSoup

import project_sources
from kb_build import translation_records as records
from kb_build.glossary_terms import GlossaryTerms
from kb_build.page_html import decorate
from sitebuild import assert_check_fails, check_output

ADDED = "\n\n日本語の原文に、あとから一文を足しました。\n"


def _append_to_section(path, heading_line, text):
    lines = path.read_text("utf-8").splitlines()
    index = lines.index(heading_line)
    lines.insert(index + 3, text)
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_a_revision_changes_only_with_what_readers_see():
    base = records.revision("## 見出し {#x}\n\n本文です。\n")
    assert records.revision("## 見出し  {#x}\n<!-- passages: G001 -->\n\n本文です。") == base
    assert records.revision("## 見出し {#x}\n\n本文でした。\n") != base
    assert len(base) == 10


def test_every_english_section_of_the_repository_is_recorded_and_current():
    found = project_sources.read().translations
    assert found and {s.state for s in found} == {"current"}, [s for s in found if s.state != "current"]
    assert {"_intro", "models", "export-controls"} <= {s.key for s in found}


def test_a_changed_japanese_section_is_outdated_but_allowed(project_copy):
    _append_to_section(project_copy / "docs" / "models.md", "## 主なモデルと企業 {#models}", ADDED)
    assert check_output(project_copy) == "", "an outdated translation must not stop the build"
    sources = project_sources.read(project_copy)
    outdated = [(s.slug, s.key) for s in sources.translations if s.state == "outdated"]
    assert outdated == [("models", "models")]
    table = records.status_markdown(sources.translations, sources, "en", "en/about/")
    assert "[Chinese reasoning models › Main models and companies](models.md#models)" in table
    assert '<a href="../../models/#models" hreflang="ja">Japanese</a>' in table
    assert "英語版" in records.status_markdown(sources.translations, sources, "ja", "about/")


def test_the_outdated_note_sits_under_its_heading_and_links_to_the_japanese_section():
    html = ('<h1>T</h1><p>Intro.</p><h2 id="models">Main models</h2><p>Text.</p>'
            '<h2 id="figures">Figures</h2>')
    out = decorate(html, language="en", default_language="ja", figures=[], glossary=GlossaryTerms.of([]),
                   glossary_href=None, on_glossary=False, permalink_title=None,
                   outdated={"models": "../../models/#models", "_intro": "../../models/"}).html
    soup = BeautifulSoup(out, "html.parser")
    note = soup.find(id="translation-outdated-models")
    assert note.find_previous_sibling().get("id") == "models"
    assert note.find("a", hreflang="ja")["href"] == "../../models/#models"
    assert "may be out of date" in note.get_text()
    assert soup.find(id="translation-outdated-intro").find_previous_sibling().name == "h1"
    assert soup.find(id="figures").find_previous_sibling().get_text() == "Text."


def test_a_section_without_a_record_stops_the_build_naming_the_command(project_copy):
    path = project_copy / "docs" / "chips.en.md"
    text = path.read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("  export-controls: "))
    path.write_text(text.replace(line + "\n", ""), "utf-8")
    assert_check_fails(project_copy, [
        "docs/chips.en.md: section 'export-controls' has no translation record",
        "against docs/chips.md",
        "uv run --locked python -m kb_build.translation_records chips#export-controls",
    ])


def test_the_command_records_only_what_it_is_told(project_copy, capsys):
    docs = project_copy / "docs"
    _append_to_section(docs / "models.md", "## 主なモデルと企業 {#models}", ADDED)
    _append_to_section(docs / "chips.md", "## 輸出規制と国産化 {#export-controls}", ADDED)
    records.main(["--docs", str(docs), "--status"])
    assert "outdated   docs/models.en.md#models" in capsys.readouterr().out
    before = (docs / "chips.en.md").read_text("utf-8")
    records.main(["--docs", str(docs), "models#models"])
    assert "docs/models.en.md: models" in capsys.readouterr().out
    states = {(s.slug, s.key): s.state for s in project_sources.read(project_copy).translations}
    assert states[("models", "models")] == "current"
    assert states[("chips", "export-controls")] == "outdated"
    assert (docs / "chips.en.md").read_text("utf-8") == before
    body = (docs / "models.en.md").read_text("utf-8").split("\n---\n", 1)[1]
    assert "translated_from" not in body, "the records belong in the front matter"
