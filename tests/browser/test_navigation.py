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


DESKTOP = {"width": 1366, "height": 900}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SITE_NAMES = {"ja": "中国AI推論モデル知識ベース", "en": "Chinese AI Reasoning Models Knowledge Base"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_left_navigation_lists_the_pages_on_a_desktop(new_context, site, language):
    """At 1366 px the left sidebar is not an empty column: it shows every page, the current
    one marked (with one tab per page it used to hold the current page alone)."""
    page = new_context(viewport=DESKTOP).new_page()
    expected = site.pages(language)
    for rel in expected:
        page.goto(site.at(rel))
        sidebar = page.locator(".md-sidebar--primary")
        assert sidebar.is_visible(), f"{rel or 'home'}: no left sidebar at 1366 px"
        links = sidebar.locator("nav.md-nav--primary > ul > li > a.md-nav__link[href]")
        shown = [site.rel(link.evaluate("a => a.href")) for link in links.all() if link.is_visible()]
        assert sorted(shown) == sorted(expected), f"{rel or 'home'}: the left navigation shows {shown}"
        active = sidebar.locator("a.md-nav__link--active[href]").first
        assert site.rel(active.evaluate("a => a.href")) == rel, f"{rel or 'home'}: current page not marked"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_phone_header_shows_the_whole_title(new_context, site, language):
    """At 390 px the header showed about ten characters of the site's name beside four buttons:
    the name (and, scrolled, the page's title) now shows whole, and the other-language link at
    the top of every page stands in for the language button."""
    phone = new_context(**PHONE).new_page()
    for rel in site.pages(language):
        phone.goto(site.at(rel))
        topics = phone.locator(".md-header__topic .md-ellipsis")
        assert topics.first.inner_text().strip() == SITE_NAMES[language]
        for i in range(topics.count()):
            cut = topics.nth(i).evaluate(
                "e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
            assert not cut, f"{rel or 'home'}: the header cuts {topics.nth(i).inner_text()!r}"
            box = topics.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        other = phone.locator(".kb-other-language a")
        assert other.is_visible() and other.bounding_box()["y"] < 844, f"{rel or 'home'}: no language link"
