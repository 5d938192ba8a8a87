"""kb_build/pdf_phrases.py: Japanese phrases kept whole in the PDF's headings and tables,
numbers and Latin words never split, and nothing done to English or code."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from kb_build.pdf_phrases import MAX_PHRASE, Phrases


@pytest.fixture(scope="module")
def phrases() -> Phrases:
    return Phrases()


def test_phrases_give_the_text_back_and_keep_words_whole(phrases):
    text = "オープンソースへの参加と貢献"
    assert "".join(phrases.split(text)) == text
    assert "参加と" in phrases.split(text), "「参/加と貢献」 would be possible"
    assert any(p.startswith("ファーウェイ") for p in phrases.split("ファーウェイのAscend"))


def test_numbers_and_latin_words_are_never_split(phrases):
    for text, whole in [("アリババが2025年3月にQwQ-32Bを公開", "2025"), ("DeepSeek-R1の性能", "DeepSeek-R1")]:
        assert any(whole in p for p in phrases.split(text)), phrases.split(text)


def test_text_without_japanese_has_no_phrases(phrases):
    assert phrases.split("Chinese reasoning models") == []


def test_short_phrases_are_wrapped_but_not_code_nor_long_ones(phrases):
    soup = BeautifulSoup("<table><tr><td>ファーウェイの<a href='#x'>Ascend</a>チップ</td>"
                         "<td><code>参加と貢献</code></td></tr></table>", "html.parser")
    assert phrases.keep_whole(soup, [soup.table]) >= 1
    spans = [s.get_text() for s in soup.find_all("span", class_="kb-phrase")]
    assert "ファーウェイの" in spans
    assert soup.code.find("span") is None
    assert all(len(s) <= MAX_PHRASE for s in spans)
    assert soup.td.get_text() == "ファーウェイのAscendチップ"
