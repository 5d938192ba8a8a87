"""Fail the build when a page uses a character the PDF font has no glyph for.

WeasyPrint would draw such a character as an empty box and still exit 0, and text
extraction from the PDF would even return it intact: only a check against the font's
own character map (fontTools) catches it. Each page's rendered text (title and body, as
they go into the PDF) and the site strings on the cover and in the running footer are
checked before the PDF is rendered; the message names the page and the characters.
"""
from __future__ import annotations

import unicodedata

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import pdf_font

PLUGIN = "to-pdf"
SITE_STRINGS = ("site_name", "site_description", "site_author", "copyright")


def missing_characters(text: str) -> list[str]:
    """Visible characters of ``text`` that the font cannot draw, in order of appearance."""
    covered = pdf_font.covered_characters()
    missing = []
    for char in text:
        if char in covered or char in missing or char.isspace():
            continue
        if unicodedata.category(char) in ("Cc", "Cf"):  # controls and format marks: no glyph
            continue
        missing.append(char)
    return missing


def _describe(characters: list[str]) -> str:
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in characters)


def on_pre_build(config, **kwargs):
    if PLUGIN not in config.plugins:
        return
    for key in SITE_STRINGS:
        missing = missing_characters(str(config.get(key) or ""))
        if missing:
            raise PluginError(
                f"mkdocs.yml {key} ({config.theme['language']}) uses characters the PDF font "
                f"Noto Sans CJK JP has no glyph for: {_describe(missing)}. Replace them."
            )


def on_page_content(html, page, config, **kwargs):
    if PLUGIN not in config.plugins:
        return html
    text = page.title + "\n" + BeautifulSoup(html, "html.parser").get_text()
    missing = missing_characters(text)
    if missing:
        raise PluginError(
            f"docs/{page.file.src_uri} uses characters the PDF font Noto Sans CJK JP has no "
            f"glyph for: {_describe(missing)}. They would print as empty boxes in the PDF: "
            "replace them (e.g. with a word or a covered character)."
        )
    return html
