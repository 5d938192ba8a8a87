"""kb_build/glossary_index.py: the glossary's index in dictionary order (五十音 by reading, then
A–Z), every entry wrapped with its names in both languages (in process, on small inputs)."""
from __future__ import annotations

from bs4 import BeautifulSoup

from kb_build.glossary_entries import Entry
from kb_build.glossary_index import add_index, hiragana, index_entries, initial_group


def _entry(entry_id: str, title: str, *terms: str) -> Entry:
    return Entry(entry_id, title, terms or (title.split("（")[0],), f"{title}の定義です。", ("models.md",), "g")


JA = [
    _entry("reasoning-model", "推論モデル（reasoning model）"),
    _entry("huawei-ascend", "ファーウェイのAscend（Huawei Ascend）", "ファーウェイ", "Ascend"),
    _entry("silicon-wafers", "高純度シリコンウェハ（high-purity silicon wafers）"),
    _entry("gpu", "GPU"),
    _entry("01-ai", "01.AI"),
    _entry("alibaba", "アリババ（Alibaba）"),
    _entry("cambricon", "カンブリコン（Cambricon）"),
    _entry("ai-chip", "AIチップ（AI chip）"),
]
EN = [
    _entry("reasoning-model", "Reasoning model"),
    _entry("huawei-ascend", "Huawei Ascend", "Huawei Ascend", "Huawei", "Ascend"),
    _entry("silicon-wafers", "High-purity silicon wafers"),
    _entry("gpu", "GPU"),
    _entry("01-ai", "01.AI"),
    _entry("alibaba", "Alibaba"),
    _entry("cambricon", "Cambricon"),
    _entry("ai-chip", "AI chip"),
]


def _page(entries, readings=None) -> BeautifulSoup:
    readings = readings or {}
    parts = ["<h1>用語集</h1><p>はじめに。</p><h2 id=\"g\">グループ</h2>"]
    for entry in entries:
        reading = f' data-reading="{readings[entry.id]}"' if entry.id in readings else ""
        parts.append(f'<h3 id="{entry.id}"{reading}>{entry.title}</h3>\n<p>{entry.definition}</p>\n'
                     f'<p>関連ページ：<a href="models.md">M</a></p>\n')
    return BeautifulSoup("".join(parts), "html.parser")


def test_initials_fall_into_their_kana_row_or_latin_letter():
    assert [initial_group(t) for t in ["ファーウェイ", "ガス", "ぱ", "ヴ", "Ｇｐｕ", "gpu", "01.AI", "推論"]] == [
        "は", "か", "は", "あ", "G", "G", "0–9", None]
    assert hiragana("カンブリコン") == "かんぶりこん"


def test_japanese_index_orders_kana_and_kanji_by_reading_then_a_to_z():
    listed = index_entries(JA, {"silicon-wafers": "こうじゅんどしりこんうぇは"}, "ja")
    assert [(e.group, e.label) for e in listed] == [
        ("あ", "アリババ"), ("か", "カンブリコン"), ("か", "高純度シリコンウェハ"),
        ("さ", "推論モデル"), ("は", "ファーウェイのAscend"),
        ("0–9", "01.AI"), ("A", "AIチップ"), ("G", "GPU"),
    ]


def test_kanji_are_read_by_the_dictionary_unless_the_heading_gives_the_reading():
    soup = _page(JA, readings={"silicon-wafers": "コウジュンドシリコンウェハ"})
    add_index(soup, JA, [EN], "ja")
    group = soup.select_one("#kb-index-kana-ka")
    assert [a["href"] for a in group.select("li a")] == ["#cambricon", "#silicon-wafers"]
    reasoning = soup.select_one("#kb-index-kana-sa li[data-kb-entry=reasoning-model] a")
    assert reasoning.get_text() == "推論モデル"  # the dictionary read 推論 as すいろん


def test_every_entry_is_wrapped_with_its_names_in_both_languages():
    soup = _page(JA)
    add_index(soup, JA, [EN], "ja")
    wrapped = soup.select("div.kb-glossary-entry")
    assert [w["data-kb-entry"] for w in wrapped] == [e.id for e in JA]
    ascend = soup.select_one('div.kb-glossary-entry[data-kb-entry="huawei-ascend"]')
    names = ascend["data-kb-names"].split("|")
    assert {"ファーウェイ", "Huawei", "Huawei Ascend", "Ascend"} <= set(names)
    # the entry's own heading and paragraphs, and nothing of the next entry
    assert [t.name for t in ascend.find_all(True, recursive=False)] == ["h3", "p", "p"]
    assert ascend.h3["id"] == "huawei-ascend"
    reading = soup.select_one('div.kb-glossary-entry[data-kb-entry="reasoning-model"]')["data-kb-names"]
    assert "すいろんもでる" in reading.split("|") and "Reasoning model" in reading.split("|")


def test_the_index_comes_before_the_first_group_and_links_every_entry_once():
    soup = _page(EN)
    add_index(soup, EN, [JA], "en")
    index = soup.select_one("nav.kb-glossary-index")
    assert index.find_next_sibling("h2")["id"] == "g" and index.has_attr("data-search-exclude")
    assert sorted(a["href"][1:] for a in index.select(".kb-glossary-index__groups a")) == sorted(e.id for e in EN)
    strip = {a.get_text(): a["href"] for a in index.select(".kb-glossary-index__strip a")}
    assert strip == {"0–9": "#kb-index-digits", "A": "#kb-index-latin-a", "C": "#kb-index-latin-c",
                     "G": "#kb-index-latin-g", "H": "#kb-index-latin-h", "R": "#kb-index-latin-r"}
    assert all(soup.find(id=target[1:]) for target in strip.values())
    assert "あ" not in index.get_text(), "the English page has no 五十音 strip"
    greyed = [li.get_text() for li in index.select(".kb-glossary-index__strip li[aria-hidden]")]
    assert "B" in greyed and "A" not in greyed
