"""Every page says when it last changed: the date of its source's last commit, in its language."""
from __future__ import annotations

import subprocess

import pytest
from bs4 import BeautifulSoup

from editorial_html import check_date
from sitebuild import ROOT


def _committed(source: str) -> str:
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", f"docs/{source}"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_shows_its_last_commit_date(built_site, html_pages, language):
    checked = 0
    for rel, path in html_pages.items():
        if rel.startswith("en/") != (language == "en") or rel.endswith("404.html"):
            continue
        slug = rel.removeprefix("en/").removesuffix("index.html").strip("/") or "index"
        source = f"{slug}.md" if language == "ja" else f"{slug}.en.md"
        if not (ROOT / "docs" / source).exists():
            continue  # a redirect stub or the search page
        expected = _committed(source)
        aside = BeautifulSoup(path.read_text("utf-8"), "html.parser").find("aside", class_="md-source-file")
        if not expected:
            continue  # a page not committed yet has no date (never a made-up one)
        assert aside is not None, f"{rel}: no last-updated line"
        time = aside.find("time")
        assert time["datetime"] == expected, f"{rel}: {time} is not the last commit {expected}"
        assert check_date(time, language == "en") is None, f"{rel}: {check_date(time, language == 'en')}"
        assert ("最終更新" if language == "ja" else "Last updated") in aside.get_text()
        checked += 1
    assert checked >= 8
