"""Japanese paragraphs read without stray spaces between sentences (one sentence per source line)."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kb_build.japanese_text import join_lines

GAP = re.compile(r"[。、」）][ \n]+[\u3040-\u30ff\u4e00-\u9fff「]")


def test_no_gap_after_japanese_punctuation_in_built_pages(html_pages):
    offenders = []
    for rel, path in html_pages.items():
        if rel.startswith("en/") or rel == "404.html":
            continue
        article = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        for block in article.select("p, li, td"):
            if block.find_parent(["pre", "code"]):
                continue
            if block.name != "p" and block.find("p"):
                continue  # an item or cell made of paragraphs (a timeline entry): each is checked
            match = GAP.search(block.get_text())
            if match:
                offenders.append(f"{rel}: …{match.group(0)}…")
    assert not offenders, "gaps between Japanese sentences:\n" + "\n".join(offenders[:20])


def test_english_and_code_keep_their_line_breaks():
    html = "<p>日本語です。\n次の文です。</p><pre><code>一行目。\n二行目</code></pre><p>An English\nline</p>"
    assert join_lines(html) == (
        "<p>日本語です。次の文です。</p><pre><code>一行目。\n二行目</code></pre><p>An English\nline</p>"
    )
