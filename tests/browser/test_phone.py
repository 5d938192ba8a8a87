"""On a phone-sized screen the menu opens and no page is wider than the screen."""
from __future__ import annotations

import pytest

from .language import LANGUAGES

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}


@pytest.fixture
def phone(new_context):
    return new_context(**PHONE).new_page()


@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_opens_and_leads_to_a_page(phone, site, language):
    pages = site.pages(language)
    phone.goto(site.at(pages[0]))
    menu = phone.locator("nav.md-nav--primary")
    assert not menu.is_visible() or not menu.evaluate(
        "n => n.getBoundingClientRect().right > 0"), "the menu is open before it is asked for"
    phone.locator('label.md-header__button[for="__drawer"]').tap()
    last = menu.locator(f'a.md-nav__link[href]').last
    last.wait_for(state="visible")
    assert last.evaluate("a => a.getBoundingClientRect().right > 0 && a.getBoundingClientRect().left >= 0")
    target = last.evaluate("a => a.href")
    last.tap()
    phone.wait_for_url(target)
    assert site.rel(phone.url) in pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_overflows_horizontally(phone, site, language):
    wide = []
    for rel in site.pages(language):
        phone.goto(site.at(rel))
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide.append(f"{rel or 'home'}: {width}px")
    assert not wide, "pages wider than a 375px phone screen:\n" + "\n".join(wide)
