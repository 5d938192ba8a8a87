"""A moved page declared in extra.redirects leads to its new address, in both languages."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from links.conftest import SUBPATH, SUBPATH_SITE_URL, add_redirects
from links.public_links import read_site
from sitebuild import assert_bad_input_reported


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_stub_leads_to_the_new_page_in_the_same_language(moved_site, prefix, lang):
    stub_path = moved_site / prefix / "chips" / "index.html"
    soup = BeautifulSoup(stub_path.read_text("utf-8"), "html.parser")
    redirect = read_site(moved_site).redirects[f"/{prefix}chips/"]
    new_url = f"/{prefix}semiconductors/"

    assert redirect.lang == lang
    assert redirect.target == new_url
    assert (moved_site / prefix / "semiconductors" / "index.html").exists()
    assert redirect.canonical == SUBPATH_SITE_URL + prefix + "semiconductors/"
    visible = soup.select_one("body a[href]")
    assert visible is not None and visible["href"] == "../semiconductors/", "no visible link to the new page"
    script = soup.select_one("script").text
    assert "location.hash" in script and "../semiconductors/" in script
    assert not soup.select("script[src], link[rel=stylesheet]"), "a stub must not load anything"


def test_stub_keeps_the_fragment_in_a_browser(moved_site, chromium_browser, serve):
    """The stub's script (allowed by its hash in the stub's Content-Security-Policy) keeps the
    #fragment; the meta refresh alone would drop it."""
    base = serve(moved_site, SUBPATH)
    page = chromium_browser.new_page()
    refused = []
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    try:
        for prefix in ("", "en/"):
            page.goto(f"{base}{prefix}chips/#export-controls")
            page.wait_for_url(f"{base}{prefix}semiconductors/#export-controls")
            assert page.locator("h2#export-controls").is_visible()
            assert page.evaluate("document.documentElement.lang") == ("en" if prefix else "ja")
    finally:
        page.close()
    assert not refused, refused


BAD_INPUTS = {
    "missing-target": (
        lambda p: add_redirects(p, {"old-chips.md": "no-such-page.md"}),
        ["mkdocs.yml extra.redirects 'old-chips.md: no-such-page.md'", "docs/no-such-page.md does not exist"],
    ),
    "old-page-still-exists": (
        lambda p: add_redirects(p, {"chips.md": "models.md"}),
        ["docs/chips.md still exists. Remove the page or the redirect."],
    ),
    "missing-section": (
        lambda p: add_redirects(p, {"old-chips.md": "chips.md#no-such-section"}),
        ["docs/chips.md has no heading {#no-such-section}"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_redirect_is_reported_clearly(case, project_copy):
    """In process; test_strict_build.py shows that such a problem stops a real build."""
    assert_bad_input_reported(BAD_INPUTS, case, project_copy)


def test_redirect_to_a_section_lands_on_it_in_each_language(moved_site):
    site_links = read_site(moved_site)
    for prefix in ("", "en/"):
        redirect = site_links.redirects[f"/{prefix}old-chips/"]
        assert (redirect.target, redirect.fragment) == (f"/{prefix}semiconductors/", "#export-controls")
        assert "export-controls" in site_links.pages[redirect.target]
        assert redirect.canonical == f"{SUBPATH_SITE_URL}{prefix}semiconductors/#export-controls"
