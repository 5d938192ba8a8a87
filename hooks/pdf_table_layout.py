"""Give long tables a fixed layout in the PDF, with columns sized by their content.

WeasyPrint's automatic table layout measures the min/max width of every cell; on the
passage map (178 rows) and the timeline that took most of the PDF build. A table with many
rows gets ``table-layout: fixed`` and a ``<colgroup>`` whose widths follow the average text
length of each column (within bounds), which looks the same and lays out in a fraction of
the time. Short tables keep the automatic layout.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

MIN_ROWS = 15
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
