"""No page loads a script, style, font or image from another origin."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def test_no_external_resources(html_pages):
    offenders = []
    for rel, path in html_pages.items():
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for tag in soup.select("script[src], img[src], source[src], iframe[src], link[href]"):
            if tag.name == "link" and not set(tag.get("rel", [])) & {
                "stylesheet", "preload", "modulepreload", "icon", "preconnect", "dns-prefetch", "manifest"
            }:
                continue  # canonical, alternate: addresses, not loaded resources
            url = tag.get("src") or tag.get("href")
            if EXTERNAL.match(url):
                offenders.append(f"{rel}: <{tag.name}> {url}")
        for style in soup.select("style"):
            for url in re.findall(r"url\(([^)]+)\)", style.text):
                if EXTERNAL.match(url.strip("'\" ")):
                    offenders.append(f"{rel}: <style> {url}")
    assert not offenders, "external resources:\n" + "\n".join(offenders)


def test_stylesheets_do_not_import_web_fonts(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text("utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css
