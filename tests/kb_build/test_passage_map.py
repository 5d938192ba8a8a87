"""kb_build/passage_map.py: the map quotes the essay exactly and cuts between words."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from kb_build.passage_map import EXCERPT_CHARS, excerpt, render_table
from kb_build.passages import Essay, representative
from kb_build.text_measure import phrases

ESSAY = Essay.read(Path(__file__).resolve().parents[2] / "sources" / "essay.ja.txt")


def test_an_excerpt_is_the_start_of_the_passage_cut_between_phrases():
    text = "「Made in China 2025」という国家戦略のもと、2026年までにAIチップの国内生産能力を3倍に引き上げる"
    cut = excerpt(text)
    assert cut.endswith("…") and text.startswith(cut[:-1])
    assert "Made in China 2025" in cut, "the spaces of a Latin name were dropped"
    assert len(cut) - 1 <= EXCERPT_CHARS
    ends = {len("".join(phrases(text)[:i])) for i in range(1, len(phrases(text)) + 1)}
    assert len(cut) - 1 in ends, f"cut inside a word: {cut}"
    assert excerpt("短い文です。") == "短い文です。"
    assert excerpt("Zhipu AIのGLM-4.5のように、中国企業もオープンソースモデルの公開に積極的です。").startswith("Zhipu AIの")


def _rows(language):
    html = markdown.markdown(render_table(ESSAY, [], language), extensions=["tables", "md_in_html"])
    return BeautifulSoup(html, "html.parser")


def test_every_excerpt_quotes_its_group_exactly():
    soup = _rows("ja")
    rows = soup.select("tbody tr")
    assert len(rows) == len(ESSAY.groups)
    for row, (gid, members) in zip(rows, ESSAY.groups.items()):
        cells = row.find_all("td")
        assert cells[0].get_text() == gid
        quote = cells[2].find("q").get_text()
        whole = representative(list(members)).text
        assert whole.startswith(quote.removesuffix("…")), (gid, quote, whole)
    quotes = [row.find("q").get_text() for row in rows]
    assert any("Zhipu AI" in q for q in quotes) and not any("ZhipuAI" in q for q in quotes)
    assert any("Made in China 2025" in q for q in quotes)


def test_the_map_is_folded_and_says_how_many_groups_it_holds():
    for language, summary in (("ja", f"パッセージ対応表（{len(ESSAY.groups)}グループ）"),
                              ("en", f"Passage map ({len(ESSAY.groups)} groups)")):
        soup = _rows(language)
        details = soup.find("details", class_="kb-passage-map")
        assert details is not None and not details.has_attr("open")
        assert details.summary.get_text() == summary
        # One place of the essay never breaks across lines: "P001（稿1）", "P001 (draft 1)".
        places = details.select("tbody tr td:nth-of-type(2) span.kb-passage-map__place")
        assert places and all(re.fullmatch(r"P\d{3}(（稿\d）| \(draft \d\))", p.get_text()) for p in places)
