"""Hovering a glossary term in running text shows its definition in the page's language.

Contract with the glossary work (another branch): terms in running text are marked up as
``<abbr title="definition">`` (Material's content.tooltips then shows the title as a tooltip).
Until that branch is merged no page has such a term, and these tests fail saying so.
"""
from __future__ import annotations

import pytest

from .language import KANA, LANGUAGES

TERM_IN_TEXT = "article :is(p, li, td) abbr[title]"


def first_term_in_running_text(page, site, language):
    """Go to the first page (in nav order) with a glossary term inside a sentence; return it."""
    for rel in site.pages(language):
        page.goto(site.at(rel))
        terms = page.locator(TERM_IN_TEXT)
        for i in range(terms.count()):
            term = terms.nth(i)
            sentence = term.evaluate("t => t.closest('p, li, td').textContent")
            if language == "en" or KANA.search(sentence.replace(term.inner_text(), "")):
                return term
    raise AssertionError(f"no {language} page has a glossary term <abbr title=...> in running text")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hovering_a_term_shows_its_definition_in_the_page_language(page, site, language):
    term = first_term_in_running_text(page, site, language)
    definition = term.get_attribute("title")
    assert definition and definition.strip() != term.inner_text().strip(), "the title is no definition"
    term.hover()
    tooltip = page.locator(".md-tooltip2[role=tooltip]")
    tooltip.wait_for(state="visible")
    shown = tooltip.inner_text().strip()
    assert shown == definition.strip(), f"tooltip shows {shown!r}, the term's title is {definition!r}"
    if language == "ja":
        assert KANA.search(shown), f"a Japanese page shows a definition that is not Japanese: {shown!r}"
    else:
        assert not KANA.search(shown), f"an English page shows a Japanese definition: {shown!r}"
        assert sum(c.isascii() and c.isalpha() for c in shown) >= 10, shown
