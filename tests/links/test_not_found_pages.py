"""A 404 page per language, with a search box and a link home in that language."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sitebuild import SITE_PATH

# A 404 page is served at any depth, so its links are absolute paths under the site's own.
CASES = [("404.html", "ja", SITE_PATH, "ページが見つかりません"),
         ("en/404.html", "en", SITE_PATH + "en/", "Page not found")]


@pytest.mark.parametrize("rel, lang, home, heading", CASES)
def test_404_page_is_in_its_language_with_search_and_home(built_site, rel, lang, home, heading):
    path = built_site / rel
    assert path.is_file(), f"/{rel} was not built"
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    assert soup.html["lang"] == lang
    assert heading in soup.select_one("article h1").text
    form = soup.select_one('article form[role="search"]')
    assert form is not None and form["action"] == home, f"/{rel}: no search form to {home}"
    assert form.select_one('input[name="q"]') is not None
    assert form.select_one("label").text.strip(), "the search box has no label"
    assert soup.select_one(f'article a.kb-not-found-home[href="{home}"]'), f"/{rel}: no link to {home}"
    assert (built_site / home[len(SITE_PATH):] / "index.html").is_file()


def test_japanese_404_sends_english_paths_to_the_english_404(built_site):
    soup = BeautifulSoup((built_site / "404.html").read_text("utf-8"), "html.parser")
    script = " ".join(s.text for s in soup.select("article script"))
    english = SITE_PATH + "en/"
    assert f'"{english}"' in script and f'"{english}404.html"' in script
    assert soup.select_one(f'article a[hreflang="en"][href="{english}"]'), "no English way out on the root 404"


def test_404_search_box_opens_the_search(built_site, chromium_browser, serve):
    base = serve(built_site)
    page = chromium_browser.new_page()
    try:
        page.goto(base + "en/404.html")
        page.fill("#kb-not-found-q", "export")
        page.press("#kb-not-found-q", "Enter")
        page.wait_for_url(f"{base}en/?q=export")
        page.locator(".md-search-result__item").first.wait_for()
        assert "export" in page.locator(".md-search-result").inner_text().lower()
    finally:
        page.close()
