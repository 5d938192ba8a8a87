"""Search the built site as a reader does: type into Material's search box, read the results.

Shared by the search tests (tests/browser/test_search.py) and the search benchmark
(tests/benchmark/search_bench.py), so that both measure the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

BOX = "input.md-search__input"
META = ".md-search-result__meta"
GROUPS = "li.md-search-result__item"


@dataclass(frozen=True)
class Result:
    """One result group (one page): its page and the sections it shows, site-relative."""
    page: str  # 'chips/', 'en/chips/'
    sections: tuple[str, ...]  # fragments of the group's links: 'export-controls'


def _rel(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = parts.path.lstrip("/")
    return path, parts.fragment


def open_search(page, url: str) -> None:
    page.goto(url)
    page.locator(BOX).click()


def search(page, query: str, base_path: str = "") -> list[Result]:
    """The result groups for ``query``, in order; the box is cleared first, so that the
    results read are this query's. ``base_path``: the site's path prefix ('' at the root)."""
    box = page.locator(BOX)
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    box.fill("")
    box.press("End")
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent.trim() === text",
                           arg=[META, placeholder])
    box.fill(query)
    box.press("End")  # Material reads the box on keyup, as after an IME commits
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent.trim() !== text",
                           arg=[META, placeholder])
    groups = page.locator(GROUPS).evaluate_all(
        "items => items.map(li => [...li.querySelectorAll('a.md-search-result__link')].map(a => a.href))")
    results = []
    for hrefs in groups:
        rels = [_rel(href) for href in hrefs]
        page_path = rels[0][0][len(base_path):] if rels else ""
        results.append(Result(page_path, tuple(fragment for _, fragment in rels if fragment)))
    return results
