"""Every section heading has a ¶ permalink to its explicit id; clicking it copies the address;
the buttons beside it copy a wiki link (Markdown, or title and address)."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from links.conftest import SITE_URL
from links.test_link_previews import _front_matter


def test_every_heading_has_a_permalink_to_its_id(built_site, site_links):
    checked = 0
    for url in site_links.pages:
        soup = BeautifulSoup((built_site / url[1:] / "index.html").read_text("utf-8"), "html.parser")
        english = url.startswith("/en/")
        for heading in soup.select("article h2, article h3, article h4, article h5, article h6"):
            permalink = heading.select_one("a.headerlink")
            assert heading.get("id") and permalink is not None, f"{url}: heading without id or ¶"
            assert permalink["href"] == f"#{heading['id']}", f"{url}: ¶ of #{heading['id']}"
            japanese_title = any("\u3040" <= ch <= "\u30ff" for ch in permalink["title"])
            assert japanese_title != english, f"{url}: ¶ title '{permalink['title']}' in the wrong language"
            checked += 1
    assert checked >= 100


def test_clicking_the_permalink_copies_the_absolute_address(built_site, chromium_browser, serve):
    base = serve(built_site)
    context = chromium_browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base + "en/chips/")
        page.hover("h2#export-controls")
        page.click("h2#export-controls a.headerlink")
        page.wait_for_url(base + "en/chips/#export-controls")
        page.wait_for_selector('h2#export-controls a.headerlink[data-copied="Copied"]')
        assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + "en/chips/#export-controls"
    finally:
        context.close()


def _heading_text(site, rel: str, heading_id: str) -> str:
    soup = BeautifulSoup((site / rel / "index.html").read_text("utf-8"), "html.parser")
    heading = soup.select_one(f"article #{heading_id}")
    heading.select_one("a.headerlink").decompose()
    return heading.get_text().strip()


@pytest.mark.parametrize("rel, heading_id, labels", [
    ("en/chips/", "export-controls", ("Copy as a Markdown link", "Copy title and address")),
    ("chips/", "export-controls", ("Markdownのリンクをコピー", "タイトルとアドレスをコピー")),
])
def test_copy_buttons_copy_a_wiki_link_in_the_page_language(built_site, chromium_browser, serve,
                                                           rel, heading_id, labels):
    title = _front_matter("/" + rel)["title"]
    section = _heading_text(built_site, rel, heading_id)
    url = SITE_URL + rel + "#" + heading_id
    base = serve(built_site)
    context = chromium_browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base + rel)
        expected = {labels[0]: f"[{title} › {section}]({url})", labels[1]: f"{title} › {section} {url}"}
        for label, text in expected.items():
            button = page.locator(f"#{heading_id} button.kb-copy-link[aria-label='{label}']")
            page.hover(f"#{heading_id}")
            button.click()
            page.wait_for_selector(f"#{heading_id} button.kb-copy-link[aria-label='{label}'][data-copied]")
            assert page.evaluate("navigator.clipboard.readText()") == text
        assert page.url == base + rel, "a copy button must not navigate"
        buttons = page.locator("article :is(h2, h3, h4, h5, h6)[id] button.kb-copy-link")
        assert buttons.count() == 2 * page.locator("article :is(h2, h3, h4, h5, h6)[id] a.headerlink").count()
    finally:
        context.close()
