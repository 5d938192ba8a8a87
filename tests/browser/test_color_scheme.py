"""The dark/light toggle switches the scheme and is remembered across a reload and a page change."""
from __future__ import annotations

import pytest

from .language import LANGUAGES


def scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def toggle(page) -> None:
    page.locator('form[data-md-component="palette"] label:not([hidden])').click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_toggle_is_remembered(page, site, language):
    page.goto(site.at("" if language == "ja" else "en/"))
    assert scheme(page) == "default", "a light-scheme reader does not get the light scheme"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle(page)
    assert scheme(page) == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    page.reload()
    assert scheme(page) == "slate", "dark scheme forgotten after a reload"
    link = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link").nth(1)  # the second page
    second = site.rel(link.evaluate("a => a.href"))
    link.click()
    page.wait_for_load_state("load")
    assert site.rel(page.url) == second
    assert scheme(page) == "slate", "dark scheme forgotten on another page"
    page.goto(site.at(site.counterpart(second)))
    assert scheme(page) == "slate", "dark scheme forgotten in the other language"
    toggle(page)
    assert scheme(page) == "default"
    page.reload()
    assert scheme(page) == "default", "light scheme forgotten after a reload"
