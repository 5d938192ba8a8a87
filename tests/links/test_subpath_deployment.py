"""A site built for a sub-path (SITE_URL=https://wiki.example.internal/kb/) works under /kb/.

Internal servers and GitHub project pages publish the site below the host's root. The moved
site (tests/links/conftest.py) is built that way and served under /kb/, where nothing outside
/kb/ exists: every link, stylesheet, script and image of every page must resolve there, and
every absolute address the site prints must start with SITE_URL.
"""
from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from links.conftest import SUBPATH, SUBPATH_SITE_URL

STARTS = ["", "en/", "chips/", "en/chips/", "old-chips/", "en/old-chips/", "404.html", "en/404.html"]
RESOURCES = "a[href], link[href], script[src], img[src], form[action]"
PRINTED = ('link[rel="canonical"]', 'link[hreflang]', 'meta[property="og:url"]', 'meta[property="og:image"]')


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def test_every_link_and_resource_resolves_under_the_sub_path(moved_site, serve):
    base = serve(moved_site, SUBPATH)
    origin = base[: -len(SUBPATH)]
    queue, seen, problems, pages = [base + start for start in STARTS], set(), [], 0
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = _get(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
            continue
        if kind != "text/html":
            continue
        pages += 1
        soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
        for tag in soup.select(RESOURCES):
            ref = tag.get("href") or tag.get("src") or tag.get("action")
            if tag.name == "link" and ({"canonical", "alternate"} & set(tag.get("rel", []))):
                continue  # printed addresses: checked below
            target = urldefrag(urljoin(url, ref)).url
            if not target.startswith(origin):
                continue  # another origin: tests/test_same_origin.py
            if not target.startswith(base):
                problems.append(f"{url}: <{tag.name}> {ref} leaves {SUBPATH} ({urlsplit(target).path})")
            else:
                queue.append(target)
        for selector in PRINTED:
            for tag in soup.select(selector):
                address = tag.get("href") or tag.get("content")
                rel = urldefrag(address).url[len(SUBPATH_SITE_URL):]
                if not address.startswith(SUBPATH_SITE_URL):
                    problems.append(f"{url}: {selector} {address} is not under {SUBPATH_SITE_URL}")
                elif not (moved_site / rel).is_file() and not (moved_site / rel / "index.html").is_file():
                    problems.append(f"{url}: {selector} {address} is not a file of the site")
    assert pages >= 20, f"the crawl reached only {pages} pages"  # 8 pages, 2 stubs, 404: x2
    assert not problems, "\n".join(problems[:40])


def test_sitemap_lists_addresses_under_the_sub_path(moved_site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(moved_site / "sitemap.xml").getroot()
    locations = [loc.text for loc in root.findall("s:url/s:loc", namespaces)]
    assert len(locations) >= 14
    assert all(loc.startswith(SUBPATH_SITE_URL) for loc in locations), locations
    assert SUBPATH_SITE_URL + "en/semiconductors/" in locations


def test_a_reader_under_the_sub_path_meets_no_missing_file(moved_site, chromium_browser, serve):
    """Pages, the language switcher and search (which fetches its index) in both languages."""
    base = serve(moved_site, SUBPATH)
    context = chromium_browser.new_context()
    failed = []
    context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url}: HTTP {r.status}"))
    page = context.new_page()
    try:
        for start, query in (("semiconductors/", "半導体"), ("en/semiconductors/", "semiconductors")):
            page.goto(base + start)
            box = page.locator("input.md-search__input")
            box.click()
            box.fill(query)
            box.press("End")  # Material reads the box on keyup
            first = page.locator("li.md-search-result__item a.md-search-result__link").first
            first.wait_for()
            assert first.evaluate("a => a.href").startswith(base + ("en/" if start.startswith("en/") else ""))
        page.goto(base + "en/semiconductors/")
        page.locator(".kb-other-language a").click()
        page.wait_for_url(base + "semiconductors/")
    finally:
        context.close()
    assert not failed, failed


def test_a_missing_english_page_under_the_sub_path_gets_the_english_404(moved_site, chromium_browser, serve):
    """As GitHub Pages does, the server answers a missing page with /kb/404.html (Japanese); it
    forwards /kb/en/... to the English 404, which is styled and searches the English index."""
    base = serve(moved_site, SUBPATH)
    context = chromium_browser.new_context()
    loaded = []
    context.on("response", lambda r: loaded.append((r.url, r.status)))
    page = context.new_page()
    try:
        page.goto(base + "en/no-such-page/deeper/")
        page.wait_for_url(base + "en/404.html")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.locator("h1").first.inner_text().startswith("Page not found")
        styled = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
        assert styled in ("sticky", "fixed"), "the 404 page is unstyled"
        assert page.locator("form.kb-not-found-search").get_attribute("action") == SUBPATH + "en/"
        config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
        assert config["base"].rstrip("/").endswith("/kb/en") or config["base"] in ("/kb/en/", "/kb/en")
        page.locator("#kb-not-found-q").fill("semiconductors")
        page.locator("form.kb-not-found-search button").click()
        first = page.locator("li.md-search-result__item a.md-search-result__link").first
        first.wait_for()
        assert first.evaluate("a => a.href").startswith(base + "en/")
    finally:
        context.close()
    broken = [(u, s) for u, s in loaded if s >= 400 and "no-such-page" not in u]
    assert not broken, broken
