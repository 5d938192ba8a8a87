"""Every section heading has a ¶ permalink to its explicit id; clicking it copies the address."""
from __future__ import annotations

from bs4 import BeautifulSoup

from links.conftest import SITE_URL


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
