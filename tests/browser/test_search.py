"""Search finds the page a reader means, in the language of the page they search from.

The expected page follows the content: it is the topic page (not the glossary) whose Markdown
mentions the query most (any of them on a tie), and it must be among the first results. The must-find queries below
cover each kind of query the project's search worker handles (kb-search.js); the search
benchmark (tests/benchmark/search_bench.py) measures many more.
"""
from __future__ import annotations

import re

import pytest

from sitebuild import ROOT

from .language import language_of
from .search_reader import open_search, search

QUERIES = [
    ("ja", "半導体"),
    ("ja", "推論モデル"),
    ("ja", "ファーウェイ"),
    ("en", "semiconductors"),
    ("en", "reasoning"),
    ("en", "Ascend"),
]
TOP = 3


def pages_mentioning_most(language: str, word: str) -> set[str]:
    """The pages (site-relative URLs) whose Markdown holds ``word`` most often."""
    counts = {}
    for md in (ROOT / "docs").glob("*.md"):
        is_english = md.name.endswith(".en.md")
        if is_english != (language == "en"):
            continue
        slug = md.name.removesuffix(".en.md").removesuffix(".md")
        if slug == "glossary":
            continue  # topic pages come before the glossary (its own entries: the test below)
        rel = ("" if slug == "index" else slug + "/")
        counts["en/" + rel if is_english else rel] = len(
            re.findall(re.escape(word), md.read_text("utf-8"), re.IGNORECASE)
        )
    best = max(counts.values())
    assert best > 0, f"no {language} page mentions {word!r}: the content is missing it"
    return {rel for rel, n in counts.items() if n == best}


@pytest.mark.parametrize(("language", "query"), QUERIES)
def test_search_finds_the_page_in_the_same_language(page, site, language, query):
    expected = pages_mentioning_most(language, query)
    page.goto(site.at("" if language == "ja" else "en/"))
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup, as after an IME commits
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    results.first.wait_for()
    found = [site.rel(href) for href in results.evaluate_all("as => as.map(a => a.href)")]
    assert set(found[:TOP]) & expected, f"{query!r}: expected one of {expected} in {found[:TOP]}"
    wrong = [rel for rel in found if language_of(rel) != language]
    assert not wrong, f"{query!r} from a {language} page gave pages in the other language: {wrong}"


# (language, query, page, section that must be among that result's links, or None)
MUST_FIND = [
    ("ja", "賢い共存戦略", "japan-strategy/", "smart-coexistence"),  # the end of a kanji run
    ("ja", "日本の戦略", "japan-strategy/", None),  # a phrase with a particle
    ("ja", "アリババのチップ", "chips/", "domestic-chips"),  # mixed scripts and a particle
    ("ja", "人材", "ecosystem/", "talent"),  # not 人*
    ("ja", "ＤｅｅｐＳｅｅｋ", "models/", None),  # full-width (NFKC)
    ("ja", "ﾌｧｰｳｪｲ", "chips/", "domestic-chips"),  # half-width katakana (NFKC)
    ("ja", "ディープシーク", "models/", None),  # alias: katakana for a Latin name
    ("ja", "Huawei", "chips/", "domestic-chips"),  # alias: Latin on the Japanese site
    ("ja", "export controls", "chips/", "export-controls"),  # alias: an English phrase
    ("en", "semiconducter", "chips/", None),  # one-edit typo
    ("en", "Deepsek", "models/", None),
    ("en", "localization", "chips/", "export-controls"),  # US spelling of -isation
    ("en", "startups", "ecosystem/", "funding"),  # the site writes start-ups
    ("en", "ファーウェイ", "chips/", "domestic-chips"),  # alias: katakana on the English site
    ("en", "ＣＵＤＡ", "chips/", None),  # full-width
]


def _home(language: str) -> str:
    return "" if language == "ja" else "en/"


@pytest.mark.parametrize(("language", "query", "expected", "section"), MUST_FIND)
def test_search_finds_what_readers_type(page, site, language, query, expected, section):
    open_search(page, site.at(_home(language)))
    results = search(page, query)
    top = [(r.page, r.sections) for r in results[:TOP]]
    assert any(r.page == _home(language) + expected and (section is None or section in r.sections)
               for r in results[:TOP]), f"{query!r}: expected {expected}#{section} in the first {TOP}: {top}"


@pytest.mark.parametrize(("language", "query", "topic", "entry"), [
    ("ja", "Qwen", "models/", "qwen"),
    ("ja", "コモディティ化", "models/", "commoditisation"),
    ("en", "commoditisation", "models/", "commoditisation"),
    ("en", "Cambricon", "chips/", "cambricon"),
])
def test_topic_pages_come_first_and_the_terms_own_entry_stays_in_the_top_3(page, site, language, query, topic, entry):
    open_search(page, site.at(_home(language)))
    results = search(page, query)
    home = _home(language)
    assert results[0].page == home + topic, f"{query!r}: {[r.page for r in results[:TOP]]}"
    assert any(r.page == home + "glossary/" and entry in r.sections for r in results[:TOP]), (
        f"{query!r}: the glossary entry #{entry} is not in the first {TOP}: {[(r.page, r.sections) for r in results[:TOP]]}")


def test_a_short_word_matches_only_that_word(page, site):
    # The English pages also have "air" and "aims": ai* would match them.
    open_search(page, site.at("en/"))
    assert search(page, "ai")
    marked = page.locator("li.md-search-result__item mark").evaluate_all("ms => ms.map(m => m.textContent)")
    assert marked and {re.sub(r"\W", "", m.lower()) for m in marked} == {"ai"}, sorted(set(marked))


def test_the_query_in_the_address_is_searched(page, site):
    page.goto(site.at("en/?q=Deepsek"))
    results = page.locator("li.md-search-result__item > a.md-search-result__link:first-child")
    results.first.wait_for()
    found = [site.rel(href) for href in results.evaluate_all("as => as.map(a => a.href)")]
    assert "en/models/" in found[:TOP], found


@pytest.mark.parametrize(("language", "query"), [("ja", "ファーウェイ"), ("en", "Huawei")])
def test_the_404_pages_search_their_own_language(page, site, language, query):
    open_search(page, site.at(_home(language) + "404.html"))
    results = search(page, query)
    assert results, f"{query!r} found nothing from the {language} 404 page"
    wrong = [r.page for r in results if language_of(r.page) != language]
    assert not wrong, f"{query!r} from the {language} 404 page gave pages in the other language: {wrong}"
