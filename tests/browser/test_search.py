"""Search finds the page a reader means, in the language of the page they search from.

The expected page follows the content: it is the page whose Markdown mentions the query most
(any of them on a tie), and it must be among the first results.
"""
from __future__ import annotations

import re

import pytest

from sitebuild import ROOT

from .language import language_of

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
