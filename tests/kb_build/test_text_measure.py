"""kb_build/text_measure.py: labels wrap where a reader expects a line to break."""
from __future__ import annotations

import pytest

from kb_build.text_measure import phrases, text_em, widest_word_em, wrap


def test_english_words_are_never_split():
    lines = wrap("Semiconductor manufacturing equipment and materials", 12)
    assert len(lines) > 1
    assert " ".join(lines) == "Semiconductor manufacturing equipment and materials"
    assert wrap("localisation", 3) == ["localisation"], "a word wider than the line runs over whole"


@pytest.mark.parametrize("text", ["オープンソースへの参加と貢献", "一強の時代は変化の可能性",
                                  "特定のタスクに最適化されたモデルの共同開発", "「Made in China 2025」を公表しました。"])
def test_phrases_give_back_the_text_and_japanese_breaks_between_them(text):
    assert "".join(phrases(text)) == text
    cuts = {sum(len(p) for p in phrases(text)[:i]) for i in range(len(phrases(text)) + 1)}
    for width in (4, 6, 9):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        ends = {len("".join(lines[:i + 1])) for i in range(len(lines))}
        assert ends <= cuts or width < widest_word_em(text), (width, lines)


def test_words_are_not_split_across_lines():
    assert wrap("オープンソースへの参加と貢献", 9) == ["オープンソースへの", "参加と貢献"]
    assert wrap("1. オープンソースへの参加と貢献", 12) == ["1. オープンソースへの", "参加と貢献"]
    assert "".join(wrap("ファーウェイ「Ascend」", 6)) == "ファーウェイ「Ascend」"
    assert wrap("ファーウェイ「Ascend」", 6)[0] == "ファーウェイ", "broken inside ファーウェイ"


def test_kinsoku_closing_marks_never_start_and_opening_never_end_a_line():
    lines = wrap("日本の半導体製造装置、材料（高純度シリコンウェハ）とコミュニティ", 6)
    assert not any(line[0] in "、。）」" for line in lines), lines
    assert not any(line[-1] in "（「" for line in lines), lines
    assert any("コミュニティ" in line for line in lines), lines


def test_a_phrase_wider_than_the_line_breaks_where_its_script_changes_first():
    assert wrap("顔認証データ・画像データ", 8) == ["顔認証データ・", "画像データ"]
    assert wrap("CUDAプラットフォーム", 9) == ["CUDA", "プラットフォーム"]
    # Only then between characters, and never inside a Latin word.
    assert all(text_em(line) <= 4 for line in wrap("ファーウェイファーウェイ", 4))
    assert "DeepSeek、" in wrap("スタートアップ：DeepSeek、Zhipu AIなど", 5)


def test_widths_follow_the_font():
    assert text_em("中国") == 2.0
    assert text_em("iiii") < text_em("MMMM"), "Latin letters are not all one width"
    assert text_em("Chinese chipmakers", bold=True) > text_em("Chinese chipmakers")
    assert all(text_em(line, bold=True) <= 8 for line in wrap("Chinese chipmakers and more", 8, bold=True))
    assert widest_word_em("equipment and materials") == pytest.approx(text_em("equipment"))
