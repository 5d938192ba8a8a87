"""kb_build/pdf_document.py on small documents: web-only sections and typed heading numbers
leave each collected page, every table gets column widths that fit its words, and a long
table, rendered with the PDF stylesheet, breaks across pages repeating its header row."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kb_build.pdf_document import (MIN_UNITS, PADDING_UNITS, TABLE_UNITS, column_shares, drop_hand_numbers,
                                   drop_web_only, prepare, table_columns, units, unlink_missing_targets)
from kb_build.pdf_phrases import Phrases
from sitebuild import ROOT


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def phrases() -> Phrases:
    return Phrases()


def test_web_only_sections_leave_the_page_with_their_subsections():
    article = _soup(
        '<article><h1 id="x/:t">T</h1><p>Intro</p>'
        '<h2 id="x/:pdf">PDF edition</h2><p>Download it.</p><h3 id="x/:sub">Sub</h3><p>More.</p>'
        '<h2 id="x/:kept">Kept</h2><p>Stays.</p>'
        '<h2 id="x/:related-pages">Related pages</h2><ul><li><a href="#y">Y</a></li></ul>'
        '</article>').article
    assert drop_web_only(article) == 2
    assert [h.get_text() for h in article.find_all(["h1", "h2", "h3"])] == ["T", "Kept"]
    assert article.get_text(" ", strip=True) == "T Intro Kept Stays."


def test_links_to_a_web_only_section_are_unlinked():
    article = _soup('<article><p>See <a href="#chips/:related-pages">related pages</a> and '
                    '<a href="#chips/:nvidia">NVIDIA</a>.</p></article>').article
    drop_web_only(article)
    assert [a["href"] for a in article.find_all("a")] == ["#chips/:nvidia"]
    assert article.get_text() == "See related pages and NVIDIA."


def test_the_web_only_class_drops_an_element_or_a_heading_with_its_section():
    article = _soup(
        '<article><h2 id="a">A</h2><p class="kb-web-only">Hover a term.</p><p>Text.</p>'
        '<h2 id="b" class="kb-web-only">Share</h2><p>Copy the link.</p><h2 id="c">C</h2></article>').article
    assert drop_web_only(article) == 2
    assert article.get_text(" ", strip=True) == "A Text. C"


@pytest.mark.parametrize("typed, kept", [
    ("1. オープンソースへの参加と貢献", "オープンソースへの参加と貢献"),
    ("2. Fusing Japan's strengths", "Fusing Japan's strengths"),
    ("2.3 Scale", "Scale"),
    ("3．リスク管理", "リスク管理"),
    ("(1) First", "First"),
    ("① 最初", "最初"),
])
def test_typed_heading_numbers_are_dropped(typed, kept):
    article = _soup(f'<article><h3 id="x">{typed}</h3></article>').article
    assert drop_hand_numbers(article) == 1
    assert article.h3.get_text() == kept


@pytest.mark.parametrize("title", ["01.AI", "2025年の動き", "3 pillars", "3つの柱", "1.5倍の速さ", "GLM-4.5", "R1", "2"])
def test_names_and_numbers_that_are_not_heading_numbers_are_kept(title):
    article = _soup(f'<article><h3 id="x">{title}</h3></article>').article
    assert drop_hand_numbers(article) == 0
    assert article.h3.get_text() == title


def test_a_typed_number_inside_markup_is_dropped_too():
    article = _soup('<article><h3 id="x"><span>1. </span><a href="#y">Open source</a></h3></article>').article
    drop_hand_numbers(article)
    assert article.h3.get_text() == "Open source" and article.h3.a is not None


def _widths(rows, phrases) -> list[float]:
    """Each column's width in units, less its padding: the room for its text."""
    return [share * TABLE_UNITS - PADDING_UNITS for share in column_shares(rows, phrases)]


def test_short_columns_get_room_for_their_longest_cell_on_one_line(phrases):
    rows = [["日付", "出来事", "出典"],
            ["2023年10月17日", "米国が先端半導体と半導体製造装置の輸出規制を強化しました。" * 2, "TIME"],
            ["12 September 2024", "OpenAI releases o1-preview and o1-mini, which think before answering." * 2,
             "US Bureau of Industry and Security (BIS)"]]
    dates, events, sources = _widths(rows, phrases)
    assert dates >= units("12 September 2024") and dates >= units("2023年10月17日")
    assert events > sources > dates / 2
    assert sum(column_shares(rows, phrases)) == pytest.approx(1)


def test_no_column_is_narrower_than_four_characters_nor_its_longest_word(phrases):
    """The passage map's failure: a column of short ids next to long text got one glyph."""
    rows = [["グループ", "抜粋", "記述のある節"]] + [
        [f"G{n:03d}", "中国のAI企業は驚くべきスピードで推論モデルの性能を高めています。" * 3,
         "中国の推論モデル › 主なモデルと企業、AIチップと半導体 › 国産チップの動き"] for n in range(1, 40)]
    widths = _widths(rows, phrases)
    assert min(widths) >= MIN_UNITS
    assert widths[0] >= units("グループ")
    words = _widths([["Company", "What the source essay says"], ["Semiconductors", "x " * 200]], phrases)
    assert words[0] >= units("Semiconductors")


def test_every_table_of_the_pages_gets_fixed_column_widths(phrases):
    soup = _soup('<article><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></article>'
                 '<article id="doc-toc"><p>no table</p></article>')
    assert table_columns(soup, phrases) == 1
    table = soup.table
    assert "table-layout: fixed" in table["style"]
    assert len(table.colgroup.find_all("col")) == 2
    assert table.has_attr("data-kb-short"), "a two-row table is not kept on one page"
    long = _soup("<article><table>" + "<tr><td>1</td></tr>" * 30 + "</table></article>")
    table_columns(long, phrases)
    assert not long.table.has_attr("data-kb-short")


def test_links_to_what_the_pdf_does_not_hold_are_unlinked():
    soup = _soup('<body><h2 id="a:x">X</h2><p><a href="#a:x">here</a> and <a href="#b:related-pages">there</a>'
                 ' and <a href="https://example.org/">out</a></p></body>')
    assert unlink_missing_targets(soup) == 1
    assert [a["href"] for a in soup.find_all("a")] == ["#a:x", "https://example.org/"]
    assert "there" in soup.get_text()


def test_a_long_table_breaks_across_pages_and_repeats_its_header_row(tmp_path):
    """Rendered with the real stylesheet: the rows flow onto the next pages (no page left
    near-empty by a table that jumps whole), and each page starts with the header row. The
    table fits on a page, but not in what the text leaves of the first one."""
    import pdfplumber
    from kb_build.pdf_adapter import render_pdf
    from kb_build.pdf_font import PdfFont

    import sass
    from mkdocs_to_pdf import styles

    # mkdocs-to-pdf's own print rules come first in the document, as in a build (they keep a
    # table whole on one page); pdf.css, which prepare() appends, must win over them.
    plugin_css = sass.compile(filename=str(Path(styles.__file__).parent / "report-print.scss"))
    css = PdfFont.find().font_face_css() + (ROOT / "docs/assets/stylesheets/pdf.css").read_text("utf-8")
    rows = "".join(f"<tr><td>2025年{n % 12 + 1}月{n % 28 + 1}日</td><td>出来事 {n}：中国のAI企業が新しいモデルを公開しました。</td>"
                   f"<td>Source {n}</td></tr>" for n in range(20))
    html = (f'<html><head><style>{plugin_css}</style></head><body><article class="md-content__inner md-typeset"><h1 id="t">年表</h1>'
            '<p>' + "本文。" * 480 + '</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
            f'<table><thead><tr><th>日付</th><th>出来事</th><th>出典</th></tr></thead><tbody>{rows}</tbody>'
            '</table></div></div></article></body></html>')
    soup = prepare(_soup(html), "ja", "Japan's knowledge base", css)
    path = tmp_path / "table.pdf"
    assert render_pdf(str(soup), str(path)) == []
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    with_rows = [text for text in texts if "出来事 " in text]
    assert len(with_rows) >= 2, "the table did not continue on another page"
    assert "出来事 0：" in texts[0], "the table jumped whole to the next page"
    for text in with_rows:
        assert "日付 出来事 出典" in text, "a page of the table lacks the header row"
    assert "Japan's knowledge base" in texts[1], "the running header lost the title or its space"

