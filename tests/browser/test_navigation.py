"""A reader starts at the home page and reaches every page through the navigation, cleanly."""
from __future__ import annotations

import pytest

from .language import LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_reaches_every_page_without_errors(page, site, reader_log, language):
    expected = site.pages(language)
    home = "" if language == "ja" else "en/"
    page.goto(site.at(home))
    assert page.locator("html").get_attribute("lang") == language

    sidebar = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    in_menu = {site.rel(page.evaluate("a => a.href", link)) for link in sidebar.element_handles()}
    assert in_menu == set(expected), "the navigation menu does not list exactly the built pages"

    # Follow the footer's "next" link from the home page to the last page, as a reader does.
    visited = [site.rel(page.url)]
    next_link = page.locator("a.md-footer__link--next")
    while next_link.count():
        target = next_link.evaluate("a => a.href")
        next_link.click()
        page.wait_for_load_state("load")
        assert page.url == target
        visited.append(site.rel(page.url))
        assert page.locator("article h1").count() == 1, page.url
        assert page.locator("html").get_attribute("lang") == language, page.url
    assert sorted(visited) == sorted(expected), "the next links skip or repeat pages"
    assert not reader_log.problems(), "\n".join(reader_log.problems())
