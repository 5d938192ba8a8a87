"""Let wide tables reflow into one card per row on a phone.

A table of ``MIN_COLUMNS`` or more columns does not fit a 390 px screen without columns a few
characters wide (the models table, the passage map). On a narrow screen layout.css shows each
of its body rows as a card: the first cell as the card's title, every other cell on lines of
its own under its column's header. CSS cannot read a cell's column header, so the build writes
it on each body cell (``data-label``) and marks the table (``data-reflow``; not a class, which
would take Material's table style away). Explicit ARIA roles keep the table a table for
screen readers when CSS displays its parts as blocks.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

MIN_COLUMNS = 3
_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row",
          "th": "columnheader", "td": "cell"}


def mark(soup: BeautifulSoup) -> int:
    """Mark every table of ``soup`` with a header row and ``MIN_COLUMNS`` columns or more;
    return how many were marked."""
    count = 0
    for table in soup.find_all("table"):
        header = table.find("thead")
        heads = header.find_all("th") if header else []
        if len(heads) < MIN_COLUMNS:
            continue
        labels = [th.get_text(" ", strip=True) for th in heads]
        table["data-reflow"] = ""
        for element in [table, *table.find_all(list(_ROLES))]:
            element["role"] = _ROLES[element.name]
        for row in table.select("tbody > tr"):
            for label, cell in zip(labels, row.find_all(["td", "th"], recursive=False)):
                cell["data-label"] = label
        count += 1
    return count
