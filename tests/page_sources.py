"""What the Markdown sources say each page holds: nav order, titles, first sentence.

The PDF tests compare the PDFs with these, so that they follow the content as it changes
instead of hard-coding it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


from kb_build.markdown_source import source_headings
from sitebuild import ROOT, read_mkdocs_yml

LANGUAGES = ("ja", "en")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{[:#.][^}]*\}")
_MARKUP = re.compile(r"[*_`]+")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)(?:\s+|$)")
_SENTENCE_END = re.compile(r"(?<=。)|(?<=[.!?])(?=\s)")


@dataclass
class PageSource:
    slug: str
    path: Path
    title: str  # the page's "# " heading, which the PDF uses as chapter title
    sections: list[str]  # its "## " headings, in order
    first_sentence: str  # first sentence of body text, plain text (or the title if none)


def mkdocs_config() -> dict:
    return read_mkdocs_yml()


def nav_slugs() -> list[str]:
    """Page slugs in navigation order (as mkdocs.yml's nav lists them)."""
    slugs = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                slugs.append(value[: -len(".md")])

    walk(mkdocs_config()["nav"])
    return slugs


def page_source(slug: str, language: str) -> PageSource:
    path = ROOT / "docs" / (f"{slug}.md" if language == "ja" else f"{slug}.{language}.md")
    markdown = path.read_text("utf-8")
    headings = source_headings(markdown)
    title = next(h.text for h in headings if h.level == 1)
    sections = [h.text for h in headings if h.level == 2]
    return PageSource(slug, path, plain(title), [plain(s) for s in sections], first_sentence(markdown) or plain(title))


def pages(language: str) -> list[PageSource]:
    return [page_source(slug, language) for slug in nav_slugs()]


def plain(markdown_text: str) -> str:
    """Inline Markdown as the reader sees it."""
    text = _LINK.sub(r"\1", markdown_text)
    text = _ATTRS.sub("", text)
    return _MARKUP.sub("", text).strip()


def first_sentence(markdown: str) -> str:
    """First sentence of body text: paragraphs or list items, not headings, tables or comments."""
    body = _COMMENT.sub("", _FRONT_MATTER.sub("", markdown))
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "```", "<", ">", "!!!", "???")):
            continue
        text = plain(_LIST_MARKER.sub("", stripped))
        if text:
            return _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    return ""
