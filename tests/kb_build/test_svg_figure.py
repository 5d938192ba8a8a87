"""kb_build/text_measure.py and svg_figure.py: labels wrap where a reader expects, and the
figure's boxes hold their text."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from kb_build.figure_sources import Figure
from kb_build.svg_figure import render
from kb_build.text_measure import text_em, wrap


def test_english_words_are_never_split():
    lines = wrap("Semiconductor manufacturing equipment and materials", 12)
    assert len(lines) > 1
    assert " ".join(lines) == "Semiconductor manufacturing equipment and materials"


def test_japanese_breaks_keep_kinsoku_and_katakana_words():
    lines = wrap("日本の半導体製造装置、材料（高純度シリコンウェハ）とコミュニティ", 6)
    assert not any(line[0] in "、。）」" for line in lines), lines
    assert not any(line[-1] in "（「" for line in lines), lines
    assert any("コミュニティ" in line for line in lines), lines
    assert all(text_em(line) <= 6 or re.fullmatch(r"[\u30a0-\u30ff]+\W?", line) for line in lines)


def test_a_katakana_word_longer_than_a_line_is_split_after_all():
    assert all(text_em(line) <= 4 for line in wrap("ファーウェイファーウェイ", 4))


def _diagram():
    return Figure(
        id="t", source="docs/_figures/t.yml", page="chips", section="s", kind="diagram",
        caption={"ja": "図", "en": "Figure"}, alt={"ja": "代替", "en": "Alternative"},
        data={"nodes": [
            {"id": "a", "row": 0, "col": 0, "label": {"ja": "日本の製造装置", "en": "Japanese equipment"},
             "items": [{"ja": "精密部品", "en": "Precision parts"}]},
            {"id": "b", "row": 0, "col": 1, "label": {"ja": "中国のチップメーカー", "en": "Chinese chipmakers"}},
        ], "edges": [{"from": "a", "to": "b", "label": {"ja": "供給", "en": "supply"}}]},
    )


@pytest.mark.parametrize("language", ["ja", "en"])
def test_diagram_draws_every_label_inside_its_box(language):
    svg = BeautifulSoup(render(_diagram(), language), "html.parser").svg
    assert svg["viewbox"].startswith("0 0 ")  # html.parser lowers it; the markup has viewBox
    texts = ["".join(t.stripped_strings) for t in svg.find_all("text")]
    figure = _diagram()
    for pair in figure.labels():
        assert any(pair[language].replace(" ", "") in t.replace(" ", "") for t in texts), (pair, texts)
    assert svg.desc.get_text() == figure.alt[language]
    rects = svg.find_all("rect")
    assert len(rects) == 2
    first, second = (float(r["x"]) for r in rects)
    assert second >= first + float(rects[0]["width"]), "boxes overlap"
    assert svg.find("polygon") is not None, "the arrow has no head"


def test_share_bar_is_as_long_as_its_percentage():
    figure = Figure(id="s", source="x", page="models", section="s", kind="share",
                    caption={"ja": "図", "en": "Figure"}, alt={"ja": "代替", "en": "Alt"},
                    data={"whole": {"ja": "全体", "en": "All"},
                          "part": {"percent": 40, "label": {"ja": "中国", "en": "China"},
                                   "note": {"ja": "1,509", "en": "1,509"}},
                          "rest": {"label": {"ja": "その他", "en": "Others"}}})
    svg = BeautifulSoup(render(figure, "en"), "html.parser").svg
    part = svg.find("rect", class_="kb-fig__part")
    rest = svg.find("rect", class_="kb-fig__rest")
    whole = float(part["width"]) + float(rest["width"])
    assert float(part["width"]) / whole == pytest.approx(0.40, abs=0.001)
