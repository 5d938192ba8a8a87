"""Helpers for the editor's-notes and timeline tests: read what the built pages show.

Date formats are written here as regular expressions, independently of
``kb_build/dates.py``, so that a change of format in the build fails a test.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "docs" / "_data"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_FORMAT = {
    False: re.compile(r"^\d{4}年(1[0-2]|[1-9])月(?:([1-9]|[12]\d|3[01])日)?$"),
    True: re.compile(rf"^(?:([1-9]|[12]\d|3[01]) )?({MONTHS}) \d{{4}}$"),
}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def data(name: str):
    return yaml.safe_load((DATA / name).read_text("utf-8"))


def source_urls(keys) -> list[str]:
    sources = data("sources.yml")
    return [sources[key]["url"] for key in keys]


def page_path(slug: str, english: bool) -> str:
    folder = "" if slug == "index" else f"{slug}/"
    return f"{'en/' if english else ''}{folder}index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("https", "http") and "." in parts.netloc and not re.search(r"\s", url)


def resolve(site: Path, page_rel: str, href: str) -> tuple[Path, str]:
    """The built file a relative link of page ``page_rel`` points at, and its fragment."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    file = site / target
    if file.is_dir() or href.split("#")[0].endswith("/"):
        file = file / "index.html"
    return file, fragment


def check_date(time_tag, english: bool) -> str | None:
    """Why a <time> is not written in the language's one date format, or None."""
    text, iso = time_tag.get_text(), time_tag.get("datetime", "")
    match = DATE_FORMAT[english].match(text)
    if not match or not re.match(r"^\d{4}-\d{2}(-\d{2})?$", iso):
        return f"<time datetime={iso!r}>{text}</time> is not in the {'English' if english else 'Japanese'} format"
    year, month, *day = iso.split("-")
    if english:
        expected = (f"{int(day[0])} " if day else "") + f"{MONTHS.split('|')[int(month) - 1]} {year}"
    else:
        expected = f"{year}年{int(month)}月" + (f"{int(day[0])}日" if day else "")
    return None if text == expected else f"{text!r} does not write {iso}"
