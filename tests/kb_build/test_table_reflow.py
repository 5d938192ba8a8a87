"""kb_build/table_reflow.py: tables of three columns or more carry what a phone's cards need."""
from __future__ import annotations

from bs4 import BeautifulSoup

from kb_build.table_reflow import mark

THREE = """<table><thead><tr><th>企業</th><th>モデル</th><th>原典の<em>記述</em></th></tr></thead>
<tbody><tr><td>DeepSeek</td><td>R1</td><td>低コスト</td></tr>
<tr><td>アリババ</td><td>Qwen</td><td>推論</td></tr></tbody></table>"""
TWO = "<table><thead><tr><th>項目</th><th>数字</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>"


def test_each_cell_of_a_wide_table_carries_its_column_header():
    soup = BeautifulSoup(THREE + TWO, "html.parser")
    assert mark(soup) == 1
    wide, narrow = soup.find_all("table")
    assert wide.has_attr("data-reflow") and not narrow.has_attr("data-reflow")
    assert not wide.get("class"), "a class would take Material's table style away"
    for row in wide.select("tbody tr"):
        assert [td["data-label"] for td in row.find_all("td")] == ["企業", "モデル", "原典の 記述"]
    assert not narrow.find(attrs={"data-label": True})


def test_a_wide_table_stays_a_table_for_screen_readers():
    soup = BeautifulSoup(THREE, "html.parser")
    mark(soup)
    roles = {tag.name: tag["role"] for tag in soup.find_all(True) if tag.has_attr("role")}
    assert roles == {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row",
                     "th": "columnheader", "td": "cell"}
