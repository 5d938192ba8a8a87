"""Prepare the combined HTML of one language's PDF before WeasyPrint renders it.

mkdocs-to-pdf collects every page into one HTML document; ``prepare`` then:

- sets the document's ``lang`` and ``<title>`` (the PDF's language and title metadata);
- keeps only local stylesheets in the head (nothing is fetched) and adds the PDF stylesheet
  ``docs/assets/stylesheets/pdf.css`` with the ``@font-face`` rules of the packaged font
  (``pdf_font``), which inline SVG figures get as an attribute (WeasyPrint's SVG text
  ignores the CSS);
- drops the source line breaks between two Japanese characters, which WeasyPrint would
  print as spaces;
- leaves the passage map (a build record of 178 rows, a third of the Japanese PDF) to the web
  edition, with a sentence saying so;
- gives long tables a fixed layout, with columns sized by their content.

WeasyPrint's automatic table layout measures the min/max width of every cell; on the
passage map (178 rows) and the timeline that took most of the PDF build. A table with many
rows gets ``table-layout: fixed`` and a ``<colgroup>`` whose widths follow the average text
length of each column (within bounds), which looks the same and lays out in a fraction of
the time. Short tables keep the automatic layout.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from .japanese_text import BREAK_BETWEEN_JAPANESE
from .pdf_font import FAMILY

MIN_ROWS = 15
WEB_ONLY = {
    "ja": "パッセージ対応表（{rows}行）は、ウェブ版のこのページに掲載しています。",
    "en": "The passage map ({rows} rows) is in the web edition of this page.",
}
MIN_SHARE, MAX_SHARE = 0.08, 0.6


def _width(text: str) -> float:
    """Rough rendered width: a CJK character is about two Latin ones."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text.strip())


def fix_long_tables(soup: BeautifulSoup) -> int:
    """Apply the fixed layout to every long table of ``soup``; return how many."""
    count = 0
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        if len(rows) < MIN_ROWS or table.find("colgroup"):
            continue
        columns = max(len(row.find_all(["td", "th"])) for row in rows)
        totals = [0.0] * columns
        for row in rows:
            for index, cell in enumerate(row.find_all(["td", "th"])[:columns]):
                totals[index] += min(_width(cell.get_text()), 80)  # one long cell wraps anyway
        shares = [max(MIN_SHARE, min(MAX_SHARE, total / (sum(totals) or 1))) for total in totals]
        colgroup = soup.new_tag("colgroup")
        for share in shares:
            colgroup.append(soup.new_tag("col", style=f"width: {100 * share / sum(shares):.1f}%"))
        table.insert(0, colgroup)
        table["style"] = "table-layout: fixed; width: 100%;" + table.get("style", "")
        count += 1
    return count


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
    for text in soup.body.find_all(string=BREAK_BETWEEN_JAPANESE):
        if not text.find_parent(["pre", "code"]):
            text.replace_with(BREAK_BETWEEN_JAPANESE.sub("", text))
    for passage_map in soup.body.select(".kb-passage-map"):
        note = soup.new_tag("p", attrs={"class": "kb-web-only-note"})
        note.string = WEB_ONLY.get(language, WEB_ONLY["en"]).format(rows=len(passage_map.select("tbody tr")))
        passage_map.replace_with(note)
    fix_long_tables(soup)
    for old in head.find_all("title"):
        old.decompose()
    title_tag = soup.new_tag("title")
    title_tag.string = title
    head.insert(0, title_tag)
    style = soup.new_tag("style")
    style.string = css
    head.append(style)  # last, so it overrides the plugin's and Material's rules
    return soup
