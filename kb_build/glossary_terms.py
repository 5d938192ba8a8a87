"""Glossary tooltips: every glossary term in running text shows its definition on hover.

Why code of our own rather than Python-Markdown's ``abbr`` or a plugin:

* ``abbr`` matches with ``\\b`` word boundaries, so it finds nothing in unspaced Japanese
  (推論モデルの, GPUの); and ``markdown_extensions`` cannot differ per language under
  mkdocs-static-i18n, so one auto-appended abbreviation file would give English pages
  Japanese definitions.
* mkdocs-ezglossary needs explicit ``<term:id>`` markup at every use and gives md5 anchors;
  readable anchors (``/glossary/#reasoning-model``) matter to wikis that link to a term.

So each language's glossary page is the single source of its terms (read by
``glossary_entries``), and this step marks the terms in the rendered HTML of every
page of that language: the first occurrence of each term in a section (an ``h2`` and what
follows it; on the glossary page each entry too) becomes
``<a class="glossary-link" href="glossary#id"><abbr title="definition">term</abbr></a>``; later
occurrences in the same section stay plain text, so a paragraph full of terms is not a row of
underlines. It works on text nodes only, outside headings, note titles, links, code, existing
abbreviations and the build records kept out of the search index (``data-search-exclude``:
the passage map, the editorial status), longest form first; an ASCII form never matches inside
a longer ASCII word or hyphenated name (HBM is not found in HBM3, R1 not in R1-Lite-Preview).
On the glossary page an entry's own terms are
not marked inside that entry. (The checks that the two glossary pages define the same ids,
each id and term once, are in ``glossary_entries``.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from .glossary_entries import Entry

SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math",
        "h1", "h2", "h3", "h4", "h5", "h6"}
SKIP_CLASSES = {"admonition-title"}  # an editor's note's title is a heading
SKIP_ATTRIBUTE = "data-search-exclude"  # build records, not running text
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# A hyphen joins names into one longer name: R1 is not a term inside DeepSeek-R1-Lite-Preview,
# nor o1 inside o1-preview (a longer form, matched first, still wins where it is a term).
_NOT_AFTER_NAME = r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)"
_NOT_BEFORE_NAME = r"(?![A-Za-z0-9])(?!-[A-Za-z0-9])"


def term_pattern(entries: list[Entry]) -> re.Pattern:
    """One regex for all forms, longest first; ASCII edges must not touch ASCII letters/digits."""
    parts = []
    for form in sorted({t for e in entries for t in e.terms}, key=len, reverse=True):
        part = re.escape(form)
        if form[0].isascii() and form[0].isalpha() and not form[1:2].isupper():
            # "Reasoning model" (a heading) also matches "reasoning models" in a sentence
            part = f"[{form[0].lower()}{form[0].upper()}]" + re.escape(form[1:])
        if _ASCII_WORD.match(form[0]):
            part = _NOT_AFTER_NAME + part
        if _ASCII_WORD.match(form[-1]):
            if form[-1].isalpha():
                part += r"(?:e?s)?" if form[-1].islower() else "s?"  # plurals: models, GPUs
            part += _NOT_BEFORE_NAME
        parts.append(part)
    return re.compile("|".join(parts))


def form_owner(entries: list[Entry]) -> dict[str, Entry]:
    """Each declared form and the entry it belongs to."""
    return {t: e for e in entries for t in e.terms}


def lookup(owners: dict[str, Entry], matched: str) -> Entry:
    """The entry of a matched text, which may differ in its first letter's case or add -s/-es."""
    for stem in (matched, matched[:-1], matched[:-2]):
        for form in (stem, stem[:1].lower() + stem[1:], stem[:1].upper() + stem[1:]):
            if form in owners:
                return owners[form]
    raise KeyError(matched)


@dataclass(frozen=True)
class GlossaryTerms:
    """The terms of one language, ready to be marked in that language's pages."""

    entries: tuple[Entry, ...]
    pattern: re.Pattern
    owners: dict

    @classmethod
    def of(cls, entries: list[Entry]) -> "GlossaryTerms":
        return cls(tuple(entries), term_pattern(entries), form_owner(entries))

    def mark(self, soup: BeautifulSoup, glossary_href: str, on_glossary: bool) -> None:
        """Mark the first occurrence of every term in each section of ``soup``;
        ``glossary_href`` is the glossary page relative to this page ('' on the glossary page
        itself, where each entry is a section of its own)."""
        if not self.entries:
            return
        entry_ids = {e.id for e in self.entries}
        boundaries = ("h1", "h2", "h3") if on_glossary else ("h1", "h2")
        linked: set[str] = set()
        own: str | None = None
        texts = []
        for element in soup.descendants:
            if isinstance(element, Tag) and element.name in boundaries:
                linked = set()  # a new section: its terms are linked again
                own = element.get("id") if on_glossary and element.get("id") in entry_ids else None
            elif type(element) is NavigableString and not _skipped(element):
                texts.append((element, linked, own))
        for node, section_linked, section_own in texts:  # the tree is edited after the walk
            self._mark(node, soup, glossary_href, section_linked, section_own)

    def _mark(self, node: NavigableString, soup, base: str, linked: set[str], own: str | None) -> None:
        text = str(node)
        pieces, last = [], 0
        for match in self.pattern.finditer(text):
            entry = lookup(self.owners, match.group())
            if entry.id == own or entry.id in linked:
                continue
            linked.add(entry.id)
            pieces.append(text[last:match.start()])
            abbr = soup.new_tag("abbr", attrs={"title": entry.definition})
            abbr.string = match.group()
            link = soup.new_tag("a", attrs={"href": f"{base}#{entry.id}", "class": "glossary-link"})
            link.append(abbr)
            pieces.append(link)
            last = match.end()
        if not pieces:
            return
        pieces.append(text[last:])
        for piece in pieces:
            if piece:
                node.insert_before(NavigableString(piece) if isinstance(piece, str) else piece)
        node.extract()


def _skipped(node: NavigableString) -> bool:
    """Text in which no term is marked (see the module docstring)."""
    return any(p.name in SKIP or SKIP_CLASSES.intersection(p.get("class") or ()) or p.has_attr(SKIP_ATTRIBUTE)
               for p in node.parents)
