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


def test_build_records_are_not_in_the_index(built_site):
    # The passage map and the editorial status name every topic: they would come up for any query.
    for home in ("", "en/"):
        docs = _index(built_site / home / "search" / "search_index.json")["docs"]
        by_location = {doc["location"]: doc for doc in docs}
        assert "about/#passage-map" in by_location, "the section itself stays findable"
        assert "G001" not in by_location["about/#passage-map"]["text"], home
        assert not [doc["location"] for doc in docs if "G001" in doc["text"]]


def test_figure_labels_are_not_in_the_index_but_captions_are(built_site):
    """A figure's SVG labels would read as one run-together line in a search result."""
    docs = _index(built_site / "en" / "search" / "search_index.json")["docs"]
    text = " ".join(doc["text"] for doc in docs)
    assert "China's share of the world's AI models" in text, "the caption is findable"
    assert "Other countries and regions" not in text, "an SVG label leaked into the index"


def test_each_index_has_its_language_aliases(built_site):
    ja = _index(built_site / "search" / "search_index.json")["config"]["kb"]
    en = _index(built_site / "en" / "search" / "search_index.json")["config"]["kb"]
    assert ja["aliases"]["ディープシーク"] == "DeepSeek" and ja["aliases"]["huawei"] == "ファーウェイ"
    assert en["aliases"]["ファーウェイ"] == "Huawei"
    assert ja["glossary"] == en["glossary"] == "glossary/"


def test_every_page_and_404_page_starts_the_project_worker(html_pages, built_site):
    for rel in ("chips/index.html", "en/chips/index.html", "404.html", "en/404.html"):
        page = html_pages[rel].read_text("utf-8")
        assert 'workers/kb-search.js"' in page and "search.a7633da7.min.js" not in page, rel
    assert (built_site / "assets/javascripts/workers/material-search.kb.min.js").exists()
    assert '"base": "/en/"' in html_pages["en/404.html"].read_text("utf-8")
    assert '"base": "/"' in html_pages["404.html"].read_text("utf-8")
