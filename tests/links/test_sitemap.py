"""sitemap.xml lists every page of both languages with absolute hreflang alternates."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from links.conftest import SITE_URL

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_page_with_alternates(built_site, site_links):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        entries[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}

    expected = {SITE_URL + page[1:] for page in site_links.pages}
    assert set(entries) == expected, f"missing: {expected - set(entries)}; extra: {set(entries) - expected}"
    for loc, alternates in entries.items():
        ja = loc.replace(SITE_URL + "en/", SITE_URL)
        assert alternates == {"ja": ja, "en": ja.replace(SITE_URL, SITE_URL + "en/"), "x-default": ja}, loc


def test_sitemap_claims_no_modification_dates_or_frequencies(built_site):
    """mkdocs-static-i18n's <lastmod> is the build date (every page 'changed' on every deploy),
    and search engines ignore <changefreq>: both are left out."""
    root = ET.parse(built_site / "sitemap.xml").getroot()
    assert root.findall("s:url", NS)
    assert not root.findall("s:url/s:lastmod", NS) and not root.findall("s:url/s:changefreq", NS)


def test_robots_txt_points_at_the_sitemap(built_site):
    lines = (built_site / "robots.txt").read_text("utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines, lines
    assert not [line for line in lines if line.startswith("Disallow:") and line.strip() != "Disallow:"]
