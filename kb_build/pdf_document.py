"""Prepare the HTML of one language's PDF: each page as collected, then the combined document.

mkdocs-to-pdf collects every page's article (``on_post_page``), then numbers the headings,
builds the contents and the cover, and hands the combined HTML to ``pre_pdf_render``.

``prepare_page`` edits each collected article, before the numbering and the contents see it:

- it drops what only the web edition has: a section whose heading id is in
  ``WEB_ONLY_SECTIONS`` (the home page's "PDF edition", the pages' "Related pages" lists;
  the PDF has its contents and bookmarks instead), and any element of class ``kb-web-only``
  (a heading of that class takes its section with it);
- it drops a number typed into a heading ("1. Taking part in open source"): the PDF numbers
  its headings itself, and "5.4.1 1. ..." would number it twice.

``prepare`` then edits the combined document:

- sets the document's ``lang`` and ``<title>`` (the PDF's language and title metadata);
- keeps only local stylesheets in the head (nothing is fetched) and adds the PDF stylesheet
  ``docs/assets/stylesheets/pdf.css`` with the ``@font-face`` rules of the packaged font
  (``pdf_font``), which inline SVG figures get as an attribute (WeasyPrint's SVG text
  ignores the CSS);
- drops the source line breaks between two Japanese characters, which WeasyPrint would
  print as spaces, and keeps Japanese phrases whole in headings and tables (``pdf_phrases``);
- leaves the passage map (a build record of 178 rows, a third of the Japanese PDF) to the web
  edition, with a sentence saying so;
- finishes the cover (``pdf_cover``);
- gives every table fixed column widths (``table_columns``);
- unlinks a link whose target is not in the PDF (a section left to the web edition);
- writes the book's title for the running header.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from . import pdf_cover
from .japanese_text import BREAK_BETWEEN_JAPANESE
from .pdf_font import FAMILY
from .pdf_phrases import Phrases

WEB_ONLY_SECTIONS = frozenset({"pdf", "related-pages"})
WEB_ONLY_CLASS = "kb-web-only"
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# A number typed at the start of a heading: "1. ", "2.3 ", "1．", "(1) ", "①". Not "01.AI"
# (no space after the dot) nor "2025年" / "3 pillars" (no dot, one number).
HAND_NUMBER = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.\s+|\d+(?:\.\d+)+\s+|\d+[．）)]\s*|[(（]\d+[)）]\s*|[\u2460-\u2473]\s*)")
WEB_EDITION_NOTE = {
    "ja": "パッセージ対応表（{rows}行）は、ウェブ版のこのページに掲載しています。",
    "en": "The passage map ({rows} rows) is in the web edition of this page.",
}


# --- each page, as collected ------------------------------------------------------------------


def _local_id(element: Tag) -> str:
    """The heading's id as written in the page: mkdocs-to-pdf prefixes it ("models/:x")."""
    return str(element.get("id", "")).rsplit(":", 1)[-1]


def _drop_section(heading: Tag) -> None:
    """The heading and everything after it up to the next heading of its level or higher."""
    level = int(heading.name[1])
    for sibling in list(heading.next_siblings):
        if isinstance(sibling, Tag) and sibling.name in HEADINGS and int(sibling.name[1]) <= level:
            break
        sibling.extract()
    heading.decompose()


def drop_web_only(article: Tag) -> int:
    """Drop the web edition's own sections and elements from ``article``; return how many."""
    dropped = 0
    for heading in article.find_all(HEADINGS):
        if heading.parent is None:
            continue  # inside a section dropped already
        if _local_id(heading) in WEB_ONLY_SECTIONS or WEB_ONLY_CLASS in (heading.get("class") or []):
            _drop_section(heading)
            dropped += 1
    for element in article.find_all(class_=WEB_ONLY_CLASS):
        if element.parent is not None:
            element.decompose()
            dropped += 1
    for link in article.find_all("a", href=True):  # to a web-only section of any page
        if str(link["href"]).rsplit(":", 1)[-1].rsplit("#", 1)[-1] in WEB_ONLY_SECTIONS:
            link.unwrap()
    return dropped


def drop_hand_numbers(article: Tag) -> int:
    """Drop the numbers typed into headings; return how many."""
    dropped = 0
    for heading in article.find_all(HEADINGS):
        first = next((t for t in heading.find_all(string=True) if t.strip()), None)
        if first is None or not HAND_NUMBER.match(first):
            continue
        rest = HAND_NUMBER.sub("", first, count=1)
        if not rest.strip() and first is heading.find_all(string=True)[-1]:
            continue  # the number is the whole heading: keep it
        first.replace_with(rest)
        dropped += 1
    return dropped


def prepare_page(article: Tag) -> None:
    """One collected page, before mkdocs-to-pdf numbers headings and builds the contents."""
    drop_web_only(article)
    drop_hand_numbers(article)


# --- tables -----------------------------------------------------------------------------------

# Widths in "units" of 4.5pt, half an em of table text (9pt): a CJK character is two, a
# Latin one (Noto Sans CJK JP's Source Sans) about 1.2. A4 less 18 mm margins: 110 units.
TABLE_UNITS = 110
PADDING_UNITS = 2.5  # a cell's padding, both sides (pdf.css: 1.8 mm)
MIN_UNITS = 8  # room for 4 CJK characters (about 6 Latin ones): no column narrower
SHORT_UNITS = 24  # a column whose every cell is this short is set on one line (dates, names)
WORD_UNITS = 26  # the longest unbreakable word or phrase a column makes room for
SHORT_TABLE_ROWS = 8  # a table this short is kept on one page rather than split 1 + 3
SLACK_UNITS = 1.5  # the estimate is within a few per cent: room so that a short cell stays on one line
_WORD = re.compile(r"[\x21-\x7e\u00a0-\u024f\u2010-\u2027]+")


def units(text: str) -> float:
    """Estimated width of ``text`` in table text, in units."""
    return sum(2 if ord(ch) > 0x2E80 else 0.5 if ch.isspace() else 1.2 for ch in text.strip())


def column_shares(rows: list[list[str]], phrases: Phrases) -> list[float]:
    """The share of the table's width for each column of ``rows`` (cell texts).

    Each column gets room for 4 characters (``MIN_UNITS``), for its longest word or kept
    Japanese phrase (up to ``WORD_UNITS``), and, when all its cells are short, for the longest
    cell on one line; what is left goes to the columns by their average text length.
    """
    columns = max(len(row) for row in rows)
    cells = [[row[i] if i < len(row) else "" for row in rows] for i in range(columns)]
    floors = []
    for column in cells:
        words = [w for cell in column for w in _WORD.findall(cell) + phrases.split(cell)]
        longest = max(units(cell) for cell in column)
        floor = max(MIN_UNITS, min(WORD_UNITS, max(map(units, words), default=0)))
        if longest <= SHORT_UNITS:
            floor = max(floor, longest + SLACK_UNITS)
        floors.append(floor + PADDING_UNITS)
    scale = min(1.0, TABLE_UNITS / sum(floors))  # too many columns: shrink them alike
    floors = [f * scale for f in floors]
    demand = [sum(min(units(c), 100) for c in column) / len(column) + PADDING_UNITS for column in cells]
    want = [max(0.0, d - f) for d, f in zip(demand, floors)]
    left = TABLE_UNITS - sum(floors)
    extra = [left * w / sum(want) if sum(want) else left / columns for w in want]
    widths = [f + e for f, e in zip(floors, extra)]
    return [w / sum(widths) for w in widths]


def table_columns(soup: BeautifulSoup, phrases: Phrases) -> int:
    """Fixed column widths for every table of the pages; return how many tables.

    WeasyPrint's automatic table layout gives a column of short words the width of one
    word (the passage map's "G/0/1/0"), and its min/max measures of every cell took most of
    the PDF build on long tables; a fixed layout with widths from ``column_shares`` avoids
    both. A long table breaks across pages between rows (pdf.css); a short one
    (``SHORT_TABLE_ROWS``, with its header) is marked ``data-kb-short`` and kept whole.
    """
    count = 0
    for table in soup.select("article table"):
        if table.find("colgroup") or table.find_parent("table"):
            continue
        rows = [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"], recursive=False)]
                for row in table.find_all("tr")]
        rows = [row for row in rows if row]
        if not rows:
            continue
        colgroup = soup.new_tag("colgroup")
        for share in column_shares(rows, phrases):
            colgroup.append(soup.new_tag("col", style=f"width: {100 * share:.1f}%"))
        table.insert(0, colgroup)
        table["style"] = "table-layout: fixed; width: 100%;" + table.get("style", "")
        if len(rows) <= SHORT_TABLE_ROWS:
            table["data-kb-short"] = ""  # pdf.css keeps it on one page
        count += 1
    return count


# --- the combined document --------------------------------------------------------------------


def unlink_missing_targets(soup: BeautifulSoup) -> int:
    """Unwrap internal links to an id the document does not have; return how many."""
    ids = {element["id"] for element in soup.find_all(id=True)}
    count = 0
    for link in soup.find_all("a", href=re.compile(r"^#")):
        if link["href"][1:] not in ids:
            link.unwrap()
            count += 1
    return count


def _join_japanese_lines(soup: BeautifulSoup) -> None:
    for text in soup.body.find_all(string=BREAK_BETWEEN_JAPANESE):
        if not text.find_parent(["pre", "code"]):
            text.replace_with(BREAK_BETWEEN_JAPANESE.sub("", text))


def _leave_passage_map_to_the_web(soup: BeautifulSoup, language: str) -> None:
    for passage_map in soup.body.select(".kb-passage-map"):
        note = soup.new_tag("p", attrs={"class": "kb-web-edition-note"})
        note.string = WEB_EDITION_NOTE.get(language, WEB_EDITION_NOTE["en"]).format(
            rows=len(passage_map.select("tbody tr")))
        passage_map.replace_with(note)


def css_string(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def prepare(soup: BeautifulSoup, language: str, title: str, css: str) -> BeautifulSoup:
    """The combined document, ready for WeasyPrint (see the module docstring)."""
    soup.html["lang"] = language
    head = soup.head
    for element in head.find_all(["script", "link"]):
        is_local_css = "stylesheet" in (element.get("rel") or []) and element.get("href", "").startswith("file:")
        if not is_local_css:
            element.decompose()
    for svg in soup.body.find_all("svg"):
        svg["font-family"] = FAMILY
    _join_japanese_lines(soup)
    _leave_passage_map_to_the_web(soup, language)
    phrases = Phrases()
    pdf_cover.finish(soup, language, phrases)
    table_columns(soup, phrases)
    phrases.keep_whole(soup, soup.select("article table, article h1, article h2, article h3, "
                                         "#doc-toc, figcaption"))
    unlink_missing_targets(soup)
    for old in head.find_all("title"):
        old.decompose()
    title_tag = soup.new_tag("title")
    title_tag.string = title
    head.insert(0, title_tag)
    style = soup.new_tag("style")
    # The running header's title, written here: mkdocs-to-pdf's own string-set escapes an
    # apostrophe so that the space after it is lost ("editors'notes").
    style.string = css + f"\n:root {{ string-set: title {css_string(title)}; }}\n"
    head.append(style)  # last, so it overrides the plugin's and Material's rules
    return soup

