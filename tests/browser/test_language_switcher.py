"""The language switcher takes a reader from any page to the same page in the other language and back."""
from __future__ import annotations

def switch_language(page, to: str) -> None:
    page.locator(".md-select .md-header__button").hover()
    link = page.locator(f'a.md-select__link[hreflang="{to}"]')
    link.click()
    page.wait_for_load_state("load")

def test_switcher_goes_to_the_same_page_and_back(page, site):
    """Every Japanese page to its English page (ja -> en) and back again (en -> ja)."""
    pages = site.pages("ja")
    assert len(pages) == len(site.pages("en")) >= 7
    for rel in pages:
        page.goto(site.at(rel))
        switch_language(page, "en")
        there = site.rel(page.url)
        assert there == site.counterpart(rel), f"{rel}: switcher to English landed on {there}"
        assert page.locator("html").get_attribute("lang") == "en"
        switch_language(page, "ja")
        assert site.rel(page.url) == rel, f"{there}: switcher to Japanese landed on {page.url}"
        assert page.locator("html").get_attribute("lang") == "ja"
