"""Every page unfurls in chats and wikis in its own language (canonical, Open Graph, Twitter)."""
from __future__ import annotations

import struct

import yaml
from bs4 import BeautifulSoup

from links.conftest import SITE_URL
from links.public_links import read_site
from sitebuild import ROOT

LOCALES = {"ja": ("ja_JP", "en_US"), "en": ("en_US", "ja_JP")}


def _front_matter(url: str) -> dict:
    """Front matter of the source of a page URL ('/en/chips/' -> docs/chips.en.md)."""
    english = url.startswith("/en/")
    slug = url[len("/en/") if english else 1 :].strip("/") or "index"
    source = ROOT / "docs" / f"{slug}{'.en' if english else ''}.md"
    text = source.read_text("utf-8")
    assert text.startswith("---\n"), f"{source} has no front matter"
    return yaml.safe_load(text[4 : text.index("\n---\n", 4)])


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_has_preview_tags_in_its_language(built_site):
    pages = read_site(built_site).pages
    assert len(pages) >= 14
    for url in pages:
        rel = url[1:] + "index.html"
        soup = BeautifulSoup((built_site / rel).read_text("utf-8"), "html.parser")
        meta = {
            tag.get("property") or tag.get("name"): tag["content"]
            for tag in soup.select("head meta[content]")
            if tag.get("property") or tag.get("name")
        }
        lang = "en" if url.startswith("/en/") else "ja"
        absolute = SITE_URL + url[1:]
        front = _front_matter(url)

        canonical = soup.select('head link[rel="canonical"]')
        assert [c["href"] for c in canonical] == [absolute], f"{url}: canonical"
        assert meta["og:url"] == absolute, url
        assert meta["og:title"] == front["title"] == meta["twitter:title"], url
        assert meta["og:description"] == front["description"] == meta["twitter:description"], url
        assert (meta["og:locale"], meta["og:locale:alternate"]) == LOCALES[lang], url
        assert meta["og:site_name"] == ("Chinese AI Reasoning Models Knowledge Base" if lang == "en" else "中国AI推論モデル知識ベース"), url
        assert meta["twitter:card"] == "summary_large_image", url
        assert meta["og:image"] == meta["twitter:image"], url
        assert meta["og:image"].startswith(SITE_URL), f"{url}: og:image must be absolute"
        image = built_site / meta["og:image"][len(SITE_URL):]
        assert image.is_file(), f"{url}: og:image {meta['og:image']} is not in the site"
        assert _png_size(image) == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630), url
        assert meta["og:image:alt"] and meta["og:image:alt"] == meta["twitter:image:alt"], url
        assert meta["og:image:alt"].startswith(front["title"]), f"{url}: og:image:alt names another page"
        has_kana = any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in meta["og:image:alt"])
        assert has_kana == (lang == "ja"), f"{url}: og:image:alt is not in {lang}"


def test_each_page_has_its_own_card_in_its_language(built_site):
    """The cards are drawn per page (kb_build/social_cards.py): no two pages share one, and
    the Japanese and English cards of a page differ."""
    images = {}
    for url in read_site(built_site).pages:
        soup = BeautifulSoup((built_site / url[1:] / "index.html").read_text("utf-8"), "html.parser")
        image = soup.select_one('meta[property="og:image"]')["content"]
        images[url] = (built_site / image[len(SITE_URL):]).read_bytes()
    assert len(images) >= 14
    assert len(set(images.values())) == len(images), "two pages share one preview image"
    assert images["/chips/"] != images["/en/chips/"]
