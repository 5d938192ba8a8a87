"""kb_build/search_index.py: one search index per language, and each page pointed at its own."""
from __future__ import annotations

import json

from kb_build.languages import Languages
from kb_build.search_index import point_base_at_language, split_index

LANGUAGES = Languages("ja", ("ja", "en"))
CONFIG = '<script id="__config" type="application/json">{"base": "..", "features": []}</script>'


def test_english_pages_search_the_english_index():
    assert '"base": "../en/"' in point_base_at_language(CONFIG, "en", LANGUAGES)
    assert '"base": "./en/"' in point_base_at_language(CONFIG.replace('".."', '""'), "en", LANGUAGES)
    assert point_base_at_language(CONFIG, "ja", LANGUAGES) == CONFIG


def test_the_english_404_page_searches_the_english_index():
    # The 404 pages have an absolute base (they are served at any depth): it stays absolute.
    assert '"base": "/en/"' in point_base_at_language(CONFIG.replace('".."', '"/"'), "en", LANGUAGES)
    assert '"base": "/kb/en/"' in point_base_at_language(CONFIG.replace('".."', '"/kb/"'), "en", LANGUAGES)


def test_merged_index_is_split_by_language(tmp_path):
    merged = {"config": {"lang": ["ja", "en"], "separator": "x"}, "docs": [
        {"location": "", "title": "ホーム", "text": ""},
        {"location": "chips/#export-controls", "title": "輸出規制", "text": ""},
        {"location": "en/", "title": "Home", "text": ""},
        {"location": "en/chips/#export-controls", "title": "Export controls", "text": ""},
    ]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged), "utf-8")
    split_index(tmp_path, LANGUAGES)
    ja = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert [d["title"] for d in ja["docs"]] == ["ホーム", "輸出規制"] and ja["config"]["lang"] == ["ja"]
    assert [d["location"] for d in en["docs"]] == ["", "chips/#export-controls"]
    assert en["config"] == {"lang": ["en"], "separator": "x"}


def test_each_index_carries_what_the_project_worker_needs(tmp_path):
    merged = {"config": {"lang": ["ja", "en"]}, "docs": [{"location": "en/", "title": "Home", "text": ""}]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(merged), "utf-8")
    split_index(tmp_path, LANGUAGES, {"en": {"aliases": {"ファーウェイ": "Huawei"}, "glossary": "glossary/"}})
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert en["config"]["kb"] == {"aliases": {"ファーウェイ": "Huawei"}, "glossary": "glossary/"}
