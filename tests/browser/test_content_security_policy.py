"""Every page carries a Content-Security-Policy of its own origin, and nothing on it breaks it.

The policy is a meta element (kb_build/content_security_policy.py) with the hashes of the page's
inline scripts. Chromium reports each blocked script, style, image, font, worker or request as a
``securitypolicyviolation`` event and a console message; both are collected on every page.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from .language import LANGUAGES

# Registered before any script of each document: every violation is kept on the window.
WATCH = """document.addEventListener("securitypolicyviolation", (e) => {
  (window.__csp = window.__csp || []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`);
});"""
# Violation events are queued as tasks: let them run before reading them.
COLLECT = "() => new Promise((done) => setTimeout(() => done(window.__csp || []), 0))"
SEARCHES = {"ja": "半導体", "en": "semiconductors"}


def _policy(soup) -> dict[str, str]:
    metas = soup.select('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1, f"{len(metas)} Content-Security-Policy meta elements"
    return dict(d.strip().split(" ", 1) for d in metas[0]["content"].split(";"))


def test_every_html_file_has_an_own_origin_policy_before_its_scripts(built_site):
    files = sorted(built_site.rglob("*.html"))
    assert len(files) >= 16
    for path in files:
        rel = path.relative_to(built_site).as_posix()
        html = path.read_text("utf-8")
        policy = _policy(BeautifulSoup(html, "html.parser"))
        assert html.index("Content-Security-Policy") < html.find("<script") or "<script" not in html, rel
        assert policy["default-src"] == "'self'", rel
        scripts = policy["script-src"].split()
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:]), f"{rel}: {scripts}"
        for directive, sources in policy.items():
            assert not re.search(r"unsafe|\*|https?:", sources), f"{rel}: {directive} {sources}"


class _Watched:
    def __init__(self, page):
        self.page, self.console = page, []
        page.add_init_script(WATCH)
        page.on("console", lambda m: "Content Security Policy" in m.text and self.console.append(m.text))

    def violations(self) -> list[str]:
        return [*self.page.evaluate(COLLECT), *self.console]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_reports_a_violation(page, site, language):
    watched = _Watched(page)
    pages = site.pages(language) + ["404.html" if language == "ja" else "en/404.html"]
    found = {}
    for rel in pages:
        page.goto(site.at(rel))
        page.wait_for_load_state("load")
        if watched.violations():
            found[rel] = watched.violations()
        watched.console.clear()
    assert len(pages) >= 8
    assert not found, f"Content-Security-Policy violations: {found}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_works_under_the_policy(page, site, language):
    watched = _Watched(page)
    page.goto(site.at("" if language == "ja" else "en/"))
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(SEARCHES[language])
    box.press("End")  # Material reads the box on keyup
    results = page.locator("li.md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
    assert not watched.violations(), watched.violations()


def test_an_inline_script_without_its_hash_is_blocked_and_reported(page, site):
    """The watch above can fail: a script added to a page after the build is refused."""
    watched = _Watched(page)
    url = site.at("en/chips/")

    def tamper(route):
        body = route.fetch().text().replace("</body>", "<script>window.__injected = true</script></body>")
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route(url, tamper)
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.evaluate("window.__injected") is None, "an unhashed inline script ran"
    assert any("script-src" in v for v in watched.violations()), watched.violations()
