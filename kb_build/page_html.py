"""Decorate a page's rendered HTML in one pass: line joins, figures, glossary terms, tables, ¶ titles.

Each page's HTML is parsed once, edited in this order, and written out once:

1. Japanese pages: the line breaks between sentences are removed (``japanese_text``).
2. The figures of ``docs/_figures/`` that belong to the page are placed at the end of their
   section's own text, before the next heading of any level (the page Markdown is never
   edited for a figure: it is written and translated by others).
3. Glossary terms in running text (figure captions included) get their tooltip
   (``glossary_terms``); the glossary page gets its index and the names its filter box
   matches, in every language (``glossary_index``).
4. English sections whose Japanese original changed since they were reviewed get a note
   linking to the Japanese section (``translation_records``).
5. Tables of three or more columns get what lets them reflow into cards on a phone
   (``table_reflow``).
6. The ¶ permalinks get their title in the page's language (``markdown_extensions`` are
   shared by both languages, so Python-Markdown writes the Japanese one everywhere).

The SVG of a figure is spliced into the serialised HTML as text, after the parse: Python's
HTML parser would lower-case ``viewBox``. The page's visible text (figure labels included)
is returned as well, for the PDF font's glyph check.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment

from .glossary_index import add_index
from .glossary_terms import GlossaryTerms
from .japanese_text import join_lines
from .svg_figure import render
from .table_reflow import mark as mark_wide_tables
from .translation_records import INTRO, OUTDATED_NOTE

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
PERMALINK_TITLES = {"en": "Link to this section (click to copy its address)"}
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Decorated:
    html: str
    text: str  # what a reader sees of the page, for the glyph check
    placed: list[str] = field(default_factory=list)  # ids of the figures placed


def decorate(html: str, *, language: str, default_language: str, figures, glossary: GlossaryTerms,
             glossary_href: str | None, on_glossary: bool, permalink_title: str | None,
             outdated: dict[str, str] | None = None, counterparts: tuple[GlossaryTerms, ...] = ()
             ) -> Decorated:
    """The page's HTML with every decoration applied (see the module docstring);
    ``counterparts`` are the other languages' glossaries."""
    if language == "ja":
        html = join_lines(html)
    soup = BeautifulSoup(html, "html.parser")
    svgs, placed = {}, []
    for figure in figures:
        heading = soup.find(HEADINGS, id=figure.section)
        if heading is None:
            continue  # reported after the build as a figure not placed
        element = _figure_element(soup, figure, language)
        nxt = next((s for s in heading.find_next_siblings() if s.name in HEADINGS), None)
        if nxt is not None:
            nxt.insert_before(element)
        else:
            heading.parent.append(element)
        svgs[f"<!--kb-figure:{figure.id}-->"] = render(figure, language)
        placed.append(figure.id)
    if glossary_href is not None:
        glossary.mark(soup, glossary_href, on_glossary)
    if on_glossary:
        add_index(soup, list(glossary.entries), [list(g.entries) for g in counterparts], language)
    for key, href in (outdated or {}).items():
        _mark_outdated(soup, key, href, language)
    mark_wide_tables(soup)
    text = soup.get_text() + "".join(html_lib.unescape(_TAG.sub(" ", svg)) for svg in svgs.values())
    out = str(soup)
    for marker, svg in svgs.items():
        out = out.replace(marker, svg, 1)
    if language != default_language and language in PERMALINK_TITLES and permalink_title:
        out = out.replace(f'title="{permalink_title}"', f'title="{PERMALINK_TITLES[language]}"')
    return Decorated(out, text, placed)


def _mark_outdated(soup: BeautifulSoup, key: str, href: str, language: str) -> None:
    """The possibly-outdated note, right after the section's heading (the page title for
    the introduction)."""
    heading = soup.find("h1") if key == INTRO else soup.find(HEADINGS, id=key)
    note = BeautifulSoup(OUTDATED_NOTE[language].format(key=key.strip("_"), href=href), "html.parser")
    if heading is None:
        soup.insert(0, note)
    else:
        heading.insert_after(note)


def _figure_element(soup: BeautifulSoup, figure, language: str):
    """``<figure>``: a canvas holding a marker for the SVG, and the caption."""
    element = soup.new_tag("figure", attrs={"class": "kb-figure", "id": f"figure-{figure.id}",
                                             "data-figure": figure.id})
    # Out of the search index: the SVG's labels would read as one run-together line in results
    # (the caption stays, and the text alternative is for screen readers).
    canvas = soup.new_tag("div", attrs={"class": "kb-figure__canvas", "data-search-exclude": ""})
    canvas.append(Comment(f"kb-figure:{figure.id}"))
    caption = soup.new_tag("figcaption")
    caption.string = figure.caption[language]
    element.append(canvas)
    element.append(caption)
    return element

