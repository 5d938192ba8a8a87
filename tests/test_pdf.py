"""The PDF editions: one complete, well-made PDF per language, offered on every page."""
from __future__ import annotations

import posixpath
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

import page_sources
import pdf_reading
from sitebuild import build

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
COVER_TOC_TITLE = {"ja": "目次", "en": "Table of contents"}  # Material's translations
COVER_DATE = {"ja": r"\d{4}年\d{1,2}月\d{1,2}日", "en": r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b"}  # kb_build/dates.py
MM = 72 / 25.4


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_path(site: Path, language: str) -> Path:
    pattern = next(
        p["kb-pdf"]["output_path"]
        for p in page_sources.mkdocs_config()["plugins"]
        if isinstance(p, dict) and "kb-pdf" in p
    )
    return site / pattern.format(lang=language)


@pytest.fixture(scope="session")
def pdfs(built_site) -> dict[str, PdfReader]:
    readers = {}
    for language in page_sources.LANGUAGES:
        path = pdf_path(built_site, language)
        assert path.is_file(), f"no {language} PDF at {path}"
        readers[language] = PdfReader(path)
    return readers


def _printed_sections(page) -> list[str]:
    """The page's "## " headings that the PDF holds: not the web edition's own sections."""
    from kb_build.markdown_source import source_headings
    from kb_build.pdf_document import WEB_ONLY_SECTIONS

    headings = [h for h in source_headings(page.path.read_text("utf-8")) if h.level == 2]
    return [page_sources.plain(h.text) for h in headings if h.id not in WEB_ONLY_SECTIONS]


@pytest.fixture(scope="session")
def texts(pdfs) -> dict[str, list[str]]:
    return {language: pdf_reading.page_texts(reader) for language, reader in pdfs.items()}


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_pdf_holds_every_page_of_its_language(language, texts):
    whole = _squeeze("".join(texts[language]))
    for page in page_sources.pages(language):
        sentence = _squeeze(page.first_sentence)
        assert sentence, f"no text found in {page.path}"
        assert sentence in whole, f"{language} PDF lacks the first sentence of {page.path}: {page.first_sentence!r}"


def test_each_pdf_is_in_its_language(texts):
    def cjk_share(language):
        letters = [c for c in "".join(texts[language]) if c.isalnum()]
        return sum(bool(CJK.match(c)) for c in letters) / len(letters)

    assert cjk_share("ja") > 0.5, "the Japanese PDF is not mostly Japanese"
    assert cjk_share("en") < 0.05, "the English PDF is not mostly English"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_fonts_are_embedded_and_not_type3(language, pdfs):
    fonts = pdf_reading.fonts(pdfs[language])
    assert fonts, f"{language} PDF has no fonts"
    for font in fonts.values():
        assert font.subtype != "/Type3", f"{language} PDF: Type 3 font {font.name}"
        assert font.embedded, f"{language} PDF: font {font.name} is not embedded"
        # Only the pinned font: a system font would make the PDF differ by machine.
        assert "Noto-Sans-CJK-JP" in font.name, f"{language} PDF: fallback font {font.name}"


def test_japanese_pdf_embeds_a_cjk_font_for_its_text(pdfs, texts):
    used = {c for c in "".join(texts["ja"]) if CJK.match(c)}
    drawn = set().union(*(f.unicode_characters for f in pdf_reading.fonts(pdfs["ja"]).values() if f.embedded))
    assert len(used) > 100
    assert used <= drawn, f"CJK characters not drawn by an embedded font: {sorted(used - drawn)[:20]}"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_metadata_in_the_pdfs_language(language, pdfs):
    config = page_sources.mkdocs_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    overrides = next(lang for lang in i18n["languages"] if lang["locale"] == language)
    expected_title = overrides.get("site_name", config["site_name"])
    expected_author = overrides.get("site_author", config["site_author"])
    reader = pdfs[language]
    assert reader.trailer["/Root"].get("/Lang") == language
    assert reader.metadata.title == expected_title
    assert reader.metadata.author == expected_author


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_cover_and_table_of_contents(language, pdfs, texts):
    reader = pdfs[language]
    cover, toc = _squeeze(texts[language][0]), _squeeze(texts[language][1])
    assert _squeeze(reader.metadata.title) in cover, "cover lacks the title"
    assert re.search(COVER_DATE[language], texts[language][0]), "cover lacks the build date, written in its language"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", texts[language][0]), "cover date in ISO form"
    assert _squeeze(COVER_TOC_TITLE[language]) in toc, "no table of contents on page 2"
    # The contents list every page: chapter number, title and page number on one line
    # (the page number, floated right, may come out of the text before or after the title).
    entries = pdf_reading.outline(reader)
    toc_lines = [_squeeze(line) for text in texts[language][1 : entries[0].page] for line in text.splitlines()]
    for number, page in enumerate(page_sources.pages(language), start=1):
        chapter = next(e for e in entries if e.title == page.title)
        entry = re.compile(rf"^(\d*){number}\.{re.escape(_squeeze(page.title))}(\d*)$")
        found = [m for m in map(entry.match, toc_lines) if m]
        assert found, f"TOC lacks '{number}. {page.title}'"
        assert str(chapter.page + 1) in (found[0][1], found[0][2]), f"TOC: wrong page for '{page.title}'"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_outline_has_every_page_once_in_nav_order_with_its_sections(language, pdfs):
    entries = pdf_reading.outline(pdfs[language])
    pages = page_sources.pages(language)
    assert [e.title for e in entries] == [p.title for p in pages]
    for entry, page in zip(entries, pages):
        assert [c.title for c in entry.children] == _printed_sections(page), f"sections of {page.path}"
    starts = [e.page for e in entries]
    assert starts == sorted(starts) and starts[0] >= 2, "chapters after cover and contents, in order"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_internal_links_land_on_the_right_chapter(language, pdfs):
    reader = pdfs[language]
    entries = pdf_reading.outline(reader)
    slugs = page_sources.nav_slugs()
    ends = [e.page for e in entries[1:]] + [len(reader.pages)]
    chapter_pages = {slug: range(e.page, end) for slug, e, end in zip(slugs, entries, ends)}
    destinations = pdf_reading.destination_pages(reader)
    internal = [link for link in pdf_reading.links(reader) if link.target]
    cross_page = 0
    for link in internal:
        assert link.target in destinations, f"link on page {link.page + 1} to missing {link.target!r}"
        # mkdocs-to-pdf names targets "<page path>/:<id>": "./:x" home, "models/:x", "en/models/:x".
        parts = [p for p in link.target.split(":", 1)[0].split("/") if p not in ("", ".")]
        slug = ([p for p in parts if p not in page_sources.LANGUAGES] or ["index"])[0]
        assert destinations[link.target] in chapter_pages[slug], f"{link.target!r} lands outside '{slug}'"
        in_chapters = link.page >= entries[0].page
        cross_page += in_chapters and link.page not in chapter_pages[slug]
    assert cross_page > 0, "no link between pages found"
    for link in pdf_reading.links(reader):
        assert not (link.uri or "").startswith("file:"), f"link to a local file: {link.uri}"


def test_every_page_links_to_the_pdf_of_its_language(built_site, html_pages):
    pages = {rel: path for rel, path in html_pages.items() if not rel.endswith("404.html")}
    assert len(pages) >= 14
    for rel, path in pages.items():
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        links = soup.select('header a[href$=".pdf"]')
        assert len(links) == 1, f"{rel}: expected one PDF link in the header, found {len(links)}"
        href = links[0]["href"]
        assert not href.startswith(("/", "http:", "https:")), f"{rel}: PDF link {href} is not relative"
        target = built_site / posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
        assert target.is_file(), f"{rel}: PDF link {href} points at nothing"
        assert pdf_reading.document_language(target) == soup.html["lang"], f"{rel}: PDF of another language"
        assert "PDF" in links[0].get("aria-label", ""), f"{rel}: PDF link has no accessible name"


def test_a_missing_font_stops_the_build_saying_what_to_install(monkeypatch):
    """In process: the font lookup the build makes before any page (kb_build/pdf_font.py)."""
    from mkdocs.exceptions import PluginError

    from kb_build.pdf_font import PdfFont

    monkeypatch.setitem(sys.modules, "noto_cjk_sans_jp_regular", None)  # import now fails
    with pytest.raises(PluginError) as raised:
        PdfFont.find()
    for fragment in ["noto-cjk-sans-jp-regular", "uv sync --locked", "no PDF was written"]:
        assert fragment in str(raised.value), f"{fragment!r} not in: {raised.value}"


def test_build_fails_on_a_character_the_font_lacks(project_copy, tmp_path):
    page = project_copy / "docs" / "chips.md"
    page.write_text(page.read_text("utf-8") + "\nチベット文字の ༀ は対象外です。\n", "utf-8")
    result = build(project_copy, tmp_path / "site")
    assert result.returncode != 0, f"build passed with an uncovered character:\n{result.output}"
    for fragment in ["docs/chips.md", "U+0F00", "no glyph"]:
        assert fragment in result.output, f"{fragment!r} not in:\n{result.output}"
    assert not list((tmp_path / "site").rglob("*.pdf")), "a PDF was written with an uncovered character"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_figures_are_in_the_pdf_with_caption_and_labels(language, texts):
    """Each figure (docs/_figures/) is drawn in its language's PDF: its caption and every
    label are there as text."""
    import project_sources

    sources = project_sources.read()
    figures = sources.figures
    assert figures and not sources.problems.get("Figures")
    whole = _squeeze("".join(texts[language]))
    for figure in figures:
        assert _squeeze(figure.caption[language]) in whole, (
            f"{language} PDF lacks the caption of figure '{figure.id}'"
        )
        missing = [p[language] for p in figure.labels() if _squeeze(p[language]) not in whole]
        assert not missing, f"{language} PDF lacks labels of figure '{figure.id}': {missing}"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_the_passage_map_is_left_to_the_web_edition(language, texts, html_pages):
    """The 178-row build record stays on the web page; the PDF says where it is."""
    whole = _squeeze("".join(texts[language]))
    assert "G178" not in whole and "G001" not in whole, f"{language} PDF still holds the passage map"
    expected = {"ja": "パッセージ対応表（178行）は、ウェブ版のこのページに掲載しています。",
                "en": "The passage map (178 rows) is in the web edition of this page."}[language]
    assert _squeeze(expected) in whole
    about = html_pages["about/index.html" if language == "ja" else "en/about/index.html"].read_text("utf-8")
    assert "G178" in about, "the web page lost the passage map"


# --- the printed pages, as a reader sees them (character boxes, drawings, table tags) --------


@pytest.fixture(scope="session")
def printed(pdfs, built_site) -> dict[str, list[pdf_reading.PrintedPage]]:
    """Every page of both PDFs read once (pdfplumber: about 10 s a PDF)."""
    return {language: pdf_reading.printed_pages(pdf_path(built_site, language)) for language in pdfs}


def _body_area(page: pdf_reading.PrintedPage) -> tuple[float, float]:
    """Top and bottom of the page's text area, from pdf.css's @page margins (the running
    header and the page number are printed in the margins)."""
    css = (page_sources.ROOT / "docs/assets/stylesheets/pdf.css").read_text("utf-8")
    page_rule = re.search(r"@page\s*\{[^}]*?margin:\s*([\d.]+)mm\s+[\d.]+mm\s+([\d.]+)mm", css)
    top, bottom = (float(v) * MM for v in page_rule.groups())
    return top, page.height - bottom


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_no_character_is_printed_over_another(language, printed):
    """The timeline's dates once printed over its events ("7 October 2022" over "The US
    introduces"), and overflowing table words over the next column."""
    clashes = [(page.number + 1, a.text, b.text, round(a.x0), round(a.top))
               for page in printed[language] for a, b in pdf_reading.overprinted(page)]
    assert not clashes, f"{language} PDF: characters printed over others (page, a, b, x, y): {clashes[:10]}"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_no_table_column_is_narrower_than_four_characters(language, printed):
    """A column whose text wraps holds at least 4 characters a line (the passage map once
    stacked 「グ/ル/ー/プ」 and "G/0/1/0" one glyph a line)."""
    widest: dict[tuple[int, int, int], int] = {}
    for page in printed[language]:
        for cell in page.cells:
            lines = cell.lines()
            if len(lines) > 1:
                key = (page.number + 1, cell.table, cell.column)
                widest[key] = max(widest.get(key, 0), max(len(line) for line in lines))
    assert widest, f"{language} PDF: no table cell that wraps: the table tags were not read"
    narrow = {key: chars for key, chars in widest.items() if chars < 4}
    assert not narrow, f"{language} PDF: columns (page, table, column) narrower than 4 characters: {narrow}"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_tables_break_across_pages_repeating_their_header_row(language, printed):
    """A table that does not fit continues on the next page (rather than jumping whole to
    it), and every page's part of a table starts with the header row."""
    pages = printed[language]
    continued = 0
    for page in pages:
        for table in {cell.table for cell in page.cells}:
            cells = [cell for cell in page.cells if cell.table == table]
            assert any(cell.header for cell in cells), f"{language} PDF p. {page.number + 1}: table without header row"
    for before, after in zip(pages, pages[1:]):
        top, bottom = _body_area(after)
        last = max(before.chars, key=lambda c: c.bottom if c.bottom < bottom else 0)
        first = min((c for c in after.chars if c.top > top), key=lambda c: c.top)
        in_cell = lambda page, char: any(char in cell.chars for cell in page.cells)  # noqa: E731
        header_first = any(first in cell.chars for cell in after.cells if cell.header)
        if in_cell(before, last) and header_first:
            continued += 1
    assert continued, f"{language} PDF: no table continues on a next page (the timeline should)"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_at_most_two_near_empty_pages_other_than_chapter_ends(language, printed, pdfs):
    """A page whose content ends within the top 20 % of its text area is near-empty; the
    last page of a chapter (or of the contents) may be."""
    pages = printed[language]
    starts = [entry.page for entry in pdf_reading.outline(pdfs[language])]
    chapter_ends = {start - 1 for start in starts} | {len(pages) - 1}
    near_empty = []
    for page in pages:
        top, bottom = _body_area(page)
        lowest = page.lowest(top, bottom)
        fullness = 0.0 if lowest is None else (lowest - top) / (bottom - top)
        if fullness < 0.2 and page.number not in chapter_ends:
            near_empty.append((page.number + 1, f"{fullness:.0%}"))
    assert len(near_empty) <= 2, f"{language} PDF: near-empty pages (page, fullness): {near_empty}"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_no_heading_is_numbered_twice(language, pdfs, texts):
    """The PDF numbers headings; a number typed into a heading must not follow its number
    ("5.4.1 1. オープンソースへの参加と貢献"), in the bookmarks, the text or the running header."""
    titles = pdf_reading.outline_titles(pdfs[language])
    numbered = [t for t in titles if pdf_reading.NUMBERING.match(t)]
    assert len(numbered) > len(page_sources.pages(language)), "the bookmarks are not numbered"
    twice = [t for t in titles if pdf_reading.DOUBLE_NUMBER.match(t)]
    assert not twice, f"{language} PDF: bookmarks numbered twice: {twice}"
    lines = [(number + 1, line) for number, text in enumerate(texts[language]) for line in text.splitlines()]
    twice = [(page, line) for page, line in lines if pdf_reading.DOUBLE_NUMBER.match(line)]
    assert not twice, f"{language} PDF: headings numbered twice (page, line): {twice[:5]}"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_pdf_is_tagged_pdf_ua_with_xmp_metadata_and_its_title_shown(language, pdfs):
    reader = pdfs[language]
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, f"{language} PDF is not tagged"
    assert root["/MarkInfo"]["/Marked"], f"{language} PDF: MarkInfo not marked"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"], f"{language} PDF: the viewer shows the file name"
    xmp = pdf_reading.xmp(reader)
    assert 'pdfuaid:part="1"' in xmp, f"{language} PDF does not declare PDF/UA-1"
    assert f">{reader.metadata.title}</rdf:li>" in xmp, f"{language} PDF: XMP lacks the title"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_running_headers_name_the_chapter_and_footers_number_the_page(language, pdfs, texts):
    entries = pdf_reading.outline(pdfs[language])
    ends = [entry.page for entry in entries[1:]] + [len(texts[language])]
    for number, (entry, end) in enumerate(zip(entries, ends), start=1):
        for page in range(entry.page, end):
            lines = [_squeeze(line) for line in texts[language][page].splitlines()]
            assert any(line.endswith(_squeeze(f"{number}. {entry.title}")) for line in lines[-3:]), (
                f"{language} PDF p. {page + 1}: no running header '{number}. {entry.title}'")
            assert str(page + 1) in lines[-2:], f"{language} PDF p. {page + 1}: no page number at the foot"


@pytest.mark.parametrize("language", page_sources.LANGUAGES)
def test_web_only_content_is_not_printed(language, pdfs, texts, html_pages):
    """The home page's "PDF edition" section and the pages' "Related pages" lists are for
    the web edition; the copyright line is on the cover, not in every footer."""
    from kb_build.pdf_document import WEB_ONLY_SECTIONS

    prefix = "" if language == "ja" else f"{language}/"
    web_only = []
    for rel, path in html_pages.items():
        if rel.startswith(prefix) and (language != "ja" or not rel.startswith("en/")):
            soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            web_only += [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h2[id]")
                         if h["id"] in WEB_ONLY_SECTIONS]
    assert len(web_only) >= 2, f"{language}: the site has no web-only sections to leave out"
    titles = [pdf_reading.NUMBERING.sub("", t) for t in pdf_reading.outline_titles(pdfs[language])]
    assert not set(web_only) & set(titles), f"{language} PDF prints web-only sections: {set(web_only) & set(titles)}"
    config = page_sources.mkdocs_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    copyright_line = next(lang for lang in i18n["languages"] if lang["locale"] == language).get(
        "copyright", config["copyright"])
    pages_with_it = [n + 1 for n, text in enumerate(texts[language]) if _squeeze(copyright_line) in _squeeze(text)]
    assert pages_with_it == [1], f"{language} PDF: the copyright line is on pages {pages_with_it}, not the cover only"
