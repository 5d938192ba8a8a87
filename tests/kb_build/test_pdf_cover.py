"""kb_build/pdf_cover.py: the cover's title breaks only between phrases, and its date is
written as the language writes dates."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from kb_build.pdf_cover import finish, title_phrases
from kb_build.pdf_phrases import Phrases

COVER = ('<body><article id="doc-cover"><div class="wrapper"><h1>{title}</h1>'
         '<p class="subtitle">{subtitle}</p></div><div class="properties"><address>'
         '<p id="build-date"><time datetime="2026-12-02">2026-12-02</time></p></address></div>'
         '</article></body>')


@pytest.fixture(scope="module")
def phrases() -> Phrases:
    return Phrases()


def test_an_english_title_keeps_its_last_two_words_together(phrases):
    assert title_phrases("Chinese AI Reasoning Models Knowledge Base", "en", phrases) == [
        "Chinese", "AI", "Reasoning", "Models", "Knowledge Base"]
    assert title_phrases("Glossary", "en", phrases) == ["Glossary"]


def test_a_japanese_title_breaks_between_phrases_only(phrases):
    pieces = title_phrases("中国AI推論モデル知識ベース", "ja", phrases)
    assert "".join(pieces) == "中国AI推論モデル知識ベース"
    assert not any(p.endswith("知識") for p in pieces), f"「知識/ベース」 may break: {pieces}"


@pytest.mark.parametrize("language, date", [("ja", "2026年12月2日"), ("en", "2 December 2026")])
def test_the_cover_date_is_written_in_the_language(language, date, phrases):
    soup = BeautifulSoup(COVER.format(title="Chinese AI Reasoning Models Knowledge Base", subtitle="A base."),
                         "html.parser")
    finish(soup, language, phrases)
    time = soup.find("time")
    assert time.get_text() == date and time["datetime"] == "2026-12-02"


def test_the_cover_title_is_set_in_unbreakable_phrases(phrases):
    soup = BeautifulSoup(COVER.format(title="Chinese AI Reasoning Models Knowledge Base", subtitle="A base."),
                         "html.parser")
    finish(soup, "en", phrases)
    spans = soup.h1.find_all("span", class_="kb-phrase")
    assert [s.get_text() for s in spans][-1] == "Knowledge Base"
    assert soup.h1.get_text() == "Chinese AI Reasoning Models Knowledge Base"
