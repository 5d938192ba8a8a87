"""Links people share land where they point: a heading's permalink, a cross-link to a section."""
from __future__ import annotations

import pytest

from .language import LANGUAGES

# At the top of the window, or (a section near the end of a short page) fully visible with the
# page scrolled as far as it goes.
IN_VIEW = """el => {
  const r = el.getBoundingClientRect();
  const atBottom = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
  return (r.top >= -2 && r.top < 160) || (atBottom && r.top >= 0 && r.bottom <= innerHeight);
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_permalink_lands_on_its_section(page, site, language):
    checked = 0
    for rel in site.pages(language):
        page.goto(site.at(rel))
        headings = page.locator("article h2[id]")
        if not headings.count():
            continue
        heading = headings.nth(headings.count() // 2)
        anchor = heading.get_attribute("id")
        heading.hover()
        heading.locator("a.headerlink").click()
        assert page.url == site.at(rel) + "#" + anchor
        page.reload()  # as someone opening the shared link
        assert page.locator(f"#{anchor}").evaluate(IN_VIEW), f"{page.url}: the section is not in view"
        checked += 1
    assert checked >= 5, "too few pages with sections to check permalinks"


@pytest.mark.parametrize("language", LANGUAGES)
def test_cross_link_lands_on_the_right_page_and_section(page, site, language):
    checked = 0
    for rel in site.pages(language):
        page.goto(site.at(rel))
        links = page.locator('article a[href*="#"]:not(.headerlink):not([href^="#"]):not(.footnote-ref)')
        if not links.count():
            continue
        link = links.first
        target = link.evaluate("a => a.href")
        link.click()
        page.wait_for_load_state("load")
        assert page.url == target
        anchor = target.split("#", 1)[1]
        section = page.locator(f'[id="{anchor}"]')
        assert section.count() == 1, f"{target}: no element with that id"
        assert section.evaluate(IN_VIEW), f"{target}: the section is not in view"
        assert page.locator("html").get_attribute("lang") == language
        checked += 1
    assert checked, f"no {language} page has a cross-link to a section of another page"
