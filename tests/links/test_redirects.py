"""A moved page declared in extra.redirects leads to its new address, in both languages."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from links.conftest import SITE_URL, add_redirects, build_ok, rename_page
from links.public_links import read_site
from sitebuild import build


@pytest.fixture
def moved_site(project_copy):
    """The site after chips.md moved to semiconductors.md, with a redirect declared."""
    rename_page(project_copy, "chips", "semiconductors")
    add_redirects(project_copy, {"chips.md": "semiconductors.md"})
    return build_ok(project_copy).site


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_stub_leads_to_the_new_page_in_the_same_language(moved_site, prefix, lang):
    stub_path = moved_site / prefix / "chips" / "index.html"
    soup = BeautifulSoup(stub_path.read_text("utf-8"), "html.parser")
    redirect = read_site(moved_site).redirects[f"/{prefix}chips/"]
    new_url = f"/{prefix}semiconductors/"

    assert redirect.lang == lang
    assert redirect.target == new_url
    assert (moved_site / prefix / "semiconductors" / "index.html").exists()
    assert redirect.canonical == SITE_URL + prefix + "semiconductors/"
    visible = soup.select_one("body a[href]")
    assert visible is not None and visible["href"] == "../semiconductors/", "no visible link to the new page"
    script = soup.select_one("script").text
    assert "location.hash" in script and "../semiconductors/" in script
    assert not soup.select("script[src], link[rel=stylesheet]"), "a stub must not load anything"


def test_stub_keeps_the_fragment_in_a_browser(moved_site, chromium_browser, serve):
    base = serve(moved_site)
    page = chromium_browser.new_page()
    try:
        for prefix in ("", "en/"):
            page.goto(f"{base}{prefix}chips/#export-controls")
            page.wait_for_url(f"{base}{prefix}semiconductors/#export-controls")
            assert page.locator("h2#export-controls").is_visible()
            assert page.evaluate("document.documentElement.lang") == ("en" if prefix else "ja")
    finally:
        page.close()


def test_redirect_to_a_missing_page_fails_the_build(project_copy):
    add_redirects(project_copy, {"old-chips.md": "no-such-page.md"})
    result = build(project_copy, project_copy.parent / "site")
    assert result.returncode != 0
    assert "mkdocs.yml extra.redirects 'old-chips.md: no-such-page.md'" in result.output
    assert "docs/no-such-page.md does not exist" in result.output


def test_redirect_from_a_page_that_still_exists_fails_the_build(project_copy):
    add_redirects(project_copy, {"chips.md": "models.md"})
    result = build(project_copy, project_copy.parent / "site")
    assert result.returncode != 0
    assert "docs/chips.md still exists. Remove the page or the redirect." in result.output


def test_redirect_to_a_missing_section_fails_the_build(project_copy):
    add_redirects(project_copy, {"old-chips.md": "chips.md#no-such-section"})
    result = build(project_copy, project_copy.parent / "site")
    assert result.returncode != 0
    assert "docs/chips.md has no heading {#no-such-section}" in result.output


def test_redirect_to_a_section_lands_on_it_in_each_language(project_copy):
    add_redirects(project_copy, {"old-chips.md": "chips.md#export-controls"})
    site_links = read_site(build_ok(project_copy).site)
    for prefix in ("", "en/"):
        redirect = site_links.redirects[f"/{prefix}old-chips/"]
        assert (redirect.target, redirect.fragment) == (f"/{prefix}chips/", "#export-controls")
        assert "export-controls" in site_links.pages[redirect.target]
        assert redirect.canonical == f"{SITE_URL}{prefix}chips/#export-controls"
