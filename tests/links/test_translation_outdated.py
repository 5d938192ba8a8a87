"""An English section whose Japanese original changed after review is shown as possibly out
of date (on the page, linking to the Japanese section, and on the About page), while the
build still succeeds. Uses the links suite's edited copy (``moved_site``), whose Japanese
section models.md#models was changed."""
from __future__ import annotations

from bs4 import BeautifulSoup

from kb_build.pdf_adapter import PdfAdapter


def _soup(site, rel):
    return BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")


def test_the_english_section_says_it_may_be_out_of_date(moved_site):
    page = _soup(moved_site, "en/models/index.html")
    note = page.find(id="translation-outdated-models")
    assert note is not None, "no note on the outdated English section"
    assert note.find_previous_sibling().get("id") == "models"
    link = note.find("a", hreflang="ja")
    assert link["href"] == "../../models/#models"
    assert (moved_site / "models" / "index.html").exists()
    # The copy also renamed chips.md, which changed the links in the Japanese related-pages list.
    marked = {note["id"] for note in page.select(".translation-outdated")}
    assert marked == {"translation-outdated-models", "translation-outdated-related-pages"}, marked
    assert not _soup(moved_site, "models/index.html").select(".translation-outdated")


def test_the_about_page_lists_the_outdated_section(moved_site):
    for rel, expected in [("en/about/index.html", "Main models and companies"),
                          ("about/index.html", "主なモデルと企業")]:
        section = _soup(moved_site, rel).find(id="translation-status")
        table = section.find_next("table")
        assert table is not None and expected in table.get_text(), rel
        assert table.find("a", href=lambda h: h and h.endswith("models/#models"))


def test_the_note_survives_into_the_english_pdf():
    """The PDF keeps the note's text; only its link to the Japanese site is taken out."""
    from kb_build.translation_records import OUTDATED_NOTE

    note = BeautifulSoup("<article>" + OUTDATED_NOTE["en"].format(key="models", href="../../models/#models")
                         + "</article>", "html.parser")
    plugin = type("Plugin", (), {"enabled": True, "config": {"output_path": "pdf/kb-{lang}.pdf"},
                                 "generator": type("G", (), {"_articles": {}})()})()
    adapter = PdfAdapter(plugin, "pdf/kb-{lang}.pdf")
    page = object()
    plugin.generator._articles[id(page)] = note
    adapter.collect_page(page, "en")
    assert "may be out of date" in note.get_text() and "see the Japanese edition." in note.get_text()
    assert note.find("a") is None
