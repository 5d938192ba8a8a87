"""Every page declares its language and points at its translation with absolute URLs."""
from __future__ import annotations

from bs4 import BeautifulSoup

from sitebuild import SITE_URL


def _content_pages(html_pages):
    return {rel: path for rel, path in html_pages.items() if rel != "404.html" and not rel.endswith("/404.html")}


def _page_url(rel):
    return SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_lang_attribute_matches_the_tree(html_pages):
    pages = _content_pages(html_pages)
    assert len(pages) >= 14
    for rel, path in pages.items():
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        expected = "en" if rel.startswith("en/") else "ja"
        assert soup.html["lang"] == expected, rel


def test_hreflang_pairs_are_absolute_with_x_default(html_pages):
    for rel, path in _content_pages(html_pages).items():
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        links = {
            link["hreflang"]: link["href"]
            for link in soup.select('head link[rel="alternate"][hreflang]')
        }
        assert set(links) == {"ja", "en", "x-default"}, rel
        ja_rel = rel[3:] if rel.startswith("en/") else rel
        assert links["ja"] == _page_url(ja_rel), rel
        assert links["en"] == _page_url("en/" + ja_rel), rel
        assert links["x-default"] == links["ja"], rel
        assert _page_url(rel) in links.values(), f"{rel} is not among its own alternates"


def test_language_switcher_keeps_the_page(html_pages, built_site):
    for rel, path in _content_pages(html_pages).items():
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        other = "ja" if rel.startswith("en/") else "en"
        link = soup.select_one(f'a.md-select__link[hreflang="{other}"]')
        assert link is not None, rel
        target = (path.parent / link["href"]).resolve()
        if target.is_dir():
            target = target / "index.html"
        expected = rel[3:] if rel.startswith("en/") else "en/" + rel
        assert target == (built_site / expected).resolve(), f"{rel}: switcher -> {link['href']}"


def test_hreflang_links_are_written_exactly_as_alternate(built_site, html_pages):
    """Lighthouse's hreflang audit and XPath crawlers match rel="alternate" exactly; Material's
    sitemap prefetch for such links is dropped from the bundle (kb_build/material_bundle.py)."""
    for rel, path in html_pages.items():
        html = path.read_text("utf-8")
        if 'hreflang="x-default"' not in html:
            continue  # redirect stubs carry no alternates
        assert 'rel=" alternate"' not in html, rel
        assert html.count('<link rel="alternate"') >= 3, rel
    bundle = (built_site / "assets" / "javascripts").glob("bundle.*.min.js")
    assert not [b for b in bundle if "ui({document$:ct});" in b.read_text("utf-8")]
