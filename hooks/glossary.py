"""Glossary tooltips: every glossary term in running text shows its definition on hover.

Why a hook of our own rather than Python-Markdown's ``abbr`` or a plugin:

* ``abbr`` matches with ``\\b`` word boundaries, so it finds nothing in unspaced Japanese
  (推論モデルの, GPUの); and ``markdown_extensions`` cannot differ per language under
  mkdocs-static-i18n, so one auto-appended abbreviation file would give English pages
  Japanese definitions.
* mkdocs-ezglossary needs explicit ``<term:id>`` markup at every use and gives md5 anchors;
  readable anchors (``/glossary/#reasoning-model``) matter to wikis that link to a term.

So each language's glossary page is the single source of its terms (read by
``hooks/glossary_entries.py``), and this hook marks the terms in the rendered HTML of every
page of that language: ``<abbr title="definition">term</abbr>``, the first occurrence of each
term on a page wrapped in a link to its entry. It works on text nodes only, outside headings,
links, code and existing abbreviations, longest form first; an ASCII form never matches inside
a longer ASCII word (HBM is not found in HBM3). On the glossary page an entry's own terms are
not marked inside that entry. The build fails when the two glossary pages do not define the
same ids, or when a page defines an id or a term twice.
"""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from glossary_entries import SOURCES, Entry, parity_problems, read_entries

SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math",
        "h1", "h2", "h3", "h4", "h5", "h6"}
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")

# The entries and the compiled pattern of the current language pass (set in on_pre_build,
# which mkdocs-static-i18n runs again for each language).
_state: dict = {}


def term_pattern(entries: list[Entry]) -> re.Pattern:
    """One regex for all forms, longest first; ASCII edges must not touch ASCII letters/digits."""
    parts = []
    for form in sorted({t for e in entries for t in e.terms}, key=len, reverse=True):
        part = re.escape(form)
        if form[0].isascii() and form[0].isalpha() and not form[1:2].isupper():
            # "Reasoning model" (a heading) also matches "reasoning models" in a sentence
            part = f"[{form[0].lower()}{form[0].upper()}]" + re.escape(form[1:])
        if _ASCII_WORD.match(form[0]):
            part = r"(?<![A-Za-z0-9])" + part
        if _ASCII_WORD.match(form[-1]):
            if form[-1].isalpha():
                part += r"(?:e?s)?" if form[-1].islower() else "s?"  # plurals: models, GPUs
            part += r"(?![A-Za-z0-9])"
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


def on_pre_build(config, **kwargs):
    docs = Path(config["docs_dir"])
    language = config["theme"]["language"]
    ja, ja_problems = read_entries(docs, "ja")
    en, en_problems = read_entries(docs, "en")
    problems = ja_problems + en_problems + parity_problems(ja, en)
    if problems:
        raise PluginError("Glossary:\n  " + "\n  ".join(problems))
    entries = ja if language == "ja" else en
    _state.update(language=language, entries=entries, pattern=term_pattern(entries),
                  owners=form_owner(entries))


@event_priority(-50)  # after the other hooks' HTML edits (japanese_line_breaks joins lines first)
def on_page_content(html, page, config, files, **kwargs):
    if not _state.get("entries") or _state.get("language") != config["theme"]["language"]:
        return html
    glossary = files.get_file_from_path(SOURCES[_state["language"]])
    if glossary is None:
        return html
    on_glossary = page.file.src_uri == glossary.src_uri
    base = "" if on_glossary else get_relative_url(glossary.url, page.file.url)
    soup = BeautifulSoup(html, "html.parser")
    linked: set[str] = set()
    entry_ids = {e.id for e in _state["entries"]}
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or any(p.name in SKIP for p in node.parents):
            continue
        own = _own_entry(node, entry_ids) if on_glossary else None
        _mark(node, soup, base, linked, own)
    return str(soup)


def _own_entry(node, entry_ids: set[str]) -> str | None:
    heading = node.find_previous(["h2", "h3"])
    return heading.get("id") if heading is not None and heading.get("id") in entry_ids else None


def _mark(node: NavigableString, soup, base: str, linked: set[str], own: str | None) -> None:
    text = str(node)
    pieces, last = [], 0
    for match in _state["pattern"].finditer(text):
        entry = lookup(_state["owners"], match.group())
        if entry.id == own:
            continue
        pieces.append(text[last:match.start()])
        abbr = soup.new_tag("abbr", attrs={"title": entry.definition})
        abbr.string = match.group()
        if entry.id not in linked:
            linked.add(entry.id)
            link = soup.new_tag("a", attrs={"href": f"{base}#{entry.id}", "class": "glossary-link"})
            link.append(abbr)
            abbr = link
        pieces.append(abbr)
        last = match.end()
    if not pieces:
        return
    pieces.append(text[last:])
    for piece in pieces:
        if piece:
            node.insert_before(NavigableString(piece) if isinstance(piece, str) else piece)
    node.extract()
