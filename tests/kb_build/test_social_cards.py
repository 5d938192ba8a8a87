"""kb_build/social_cards.py: each page's preview card, drawn offline in the project's font, and
drawn again only when what it shows changes."""
from __future__ import annotations

import pytest
from PIL import Image

from kb_build import social_cards
from kb_build.pdf_font import PdfFont
from kb_build.social_cards import Card, SocialCards, card_path, wrap

CARD = Card("中国AI推論モデル知識ベース", "AIチップと半導体", "米国の輸出規制の下で進む中国のAIチップ国産化。",
            "https://wiki.example.internal/kb/chips/", "ja")


@pytest.fixture
def cards(tmp_path):
    return SocialCards(tmp_path / "site", tmp_path / "project", PdfFont.find().files)


def test_card_path_follows_the_page_url():
    assert card_path("") == "assets/images/social/pages/card.png"
    assert card_path("en/chips/") == "assets/images/social/pages/en/chips/card.png"


def test_wrap_breaks_english_between_words_and_japanese_between_characters():
    measure = len  # one unit per character
    assert wrap("the smart coexistence strategy", 16, measure, 3) == ["the smart", "coexistence", "strategy"]
    assert wrap("中国のAI国産化と日本", 6, measure, 3) == ["中国のAI国", "産化と日本"]  # "AI" stays whole
    assert wrap("半導体の国。次", 5, measure, 3) == ["半導体の国。", "次"]  # 。 never starts a line
    assert wrap("one two three four five six", 9, measure, 2) == ["one two", "three…"]


def _white_pixels(image) -> int:
    return sum(image.convert("L").point(lambda v: 255 if v >= 250 else 0).histogram()[255:])


def test_a_card_is_a_1200_by_630_png_with_the_title_drawn(cards, tmp_path):
    rel = cards.place("chips/", CARD)
    image = Image.open(tmp_path / "site" / rel)
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert _white_pixels(image) > 2000, "no white title text on the card"
    blank = Card(CARD.site_name, "", CARD.description, CARD.address, "ja")
    # Only the title is white: without one, the check above would fail.
    assert _white_pixels(Image.open(tmp_path / "site" / cards.place("x/", blank))) == 0


def test_cards_are_drawn_once_and_again_only_when_their_inputs_change(cards, tmp_path, monkeypatch):
    cards.place("chips/", CARD)
    assert cards.drawn == 1
    again = SocialCards(tmp_path / "site2", tmp_path / "project", cards.fonts)  # the next build
    monkeypatch.setattr(social_cards, "draw", lambda *a: pytest.fail("an unchanged card was drawn again"))
    again.place("chips/", CARD)
    assert again.drawn == 0 and (tmp_path / "site2" / card_path("chips/")).is_file()
    monkeypatch.undo()
    again.place("chips/", Card(CARD.site_name, "AIチップ", CARD.description, CARD.address, "ja"))
    assert again.drawn == 1
    assert len(list((tmp_path / "project" / ".cache" / "kb-social-cards").glob("*.png"))) == 2
