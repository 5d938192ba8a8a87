"""Each language has its own search index that holds only its own pages."""
from __future__ import annotations

import json


def _index(path):
    return json.loads(path.read_text("utf-8"))


def test_japanese_index_holds_only_japanese_pages(built_site):
    index = _index(built_site / "search" / "search_index.json")
    assert index["config"]["lang"] == ["ja"]
    locations = [doc["location"] for doc in index["docs"]]
    assert "chips/" in locations and "models/" in locations
    assert not [loc for loc in locations if loc.startswith("en/")]


def test_english_index_holds_only_english_pages(built_site):
    index = _index(built_site / "en" / "search" / "search_index.json")
    assert index["config"]["lang"] == ["en"], "English pages must not load the Japanese segmenter"
    locations = [doc["location"] for doc in index["docs"]]
    assert "chips/" in locations and "models/" in locations
    for doc in index["docs"]:
        assert not any("\u3040" <= ch <= "\u30ff" for ch in doc["title"]), doc["title"]


def test_english_pages_fetch_the_english_index(html_pages):
    page = html_pages["en/chips/index.html"].read_text("utf-8")
    assert '"base": "../../en/"' in page
    page = html_pages["chips/index.html"].read_text("utf-8")
    assert '"base": ".."' in page
