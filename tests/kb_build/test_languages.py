"""kb_build/languages.py: one answer to "which language, and where does it live"."""
from __future__ import annotations

from types import SimpleNamespace

from kb_build.languages import Languages, page_language

LANGUAGES = Languages("ja", ("ja", "en"))


def test_sources_and_folders_of_each_language():
    assert LANGUAGES.split_source("chips.md") == ("chips", "ja")
    assert LANGUAGES.split_source("chips.en.md") == ("chips", "en")
    assert LANGUAGES.split_source("japan-strategy.en.md") == ("japan-strategy", "en")
    assert (LANGUAGES.prefix("ja"), LANGUAGES.prefix("en")) == ("", "en/")
    assert (LANGUAGES.source_suffix("ja"), LANGUAGES.source_suffix("en")) == (".md", ".en.md")
    assert [LANGUAGES.page_url(s, l) for s, l in [("chips", "ja"), ("chips", "en"), ("index", "en")]] == [
        "chips/", "en/chips/", "en/"]


def test_page_language_is_the_files_locale():
    config = {"theme": {"language": "ja"}}
    english_page = SimpleNamespace(file=SimpleNamespace(locale="en"))
    plain_page = SimpleNamespace(file=SimpleNamespace())
    assert page_language(english_page, config) == "en"
    assert page_language(plain_page, config) == "ja"
