"""Render the passage map on the About page.

The About page (``about.md`` / ``about.en.md``) holds a placeholder line
``<!-- passage-map -->``. It is replaced with a Markdown table: for every passage group of
the source essay (see ``passages``) it lists where the essay has it (passage ids with their
draft numbers), a short Japanese excerpt (Japanese page only) and the section of the
knowledge base that states it, as a relative link. The sections are read from the
``<!-- passages: ... -->`` comments that follow each heading in the page sources.

The excerpt quotes the essay exactly (its spaces kept: 「Made in China 2025」, not the
normalised text the grouping compares) and ends between two phrases or words
(``text_measure.phrases``), never inside one. The table is folded into a ``<details>``
(178 rows are a record to look things up in, not to read through) that says how many groups
it holds; on a phone its rows become cards (``table_reflow``, layout.css).
"""
from __future__ import annotations

import re

from html import escape

from .markdown_source import escape_inline, source_headings
from .passages import Essay, representative
from .text_measure import phrases

PLACEHOLDER = "<!-- passage-map -->"
COMMENT = re.compile(r"^<!--\s*passages:\s*(.*?)\s*-->\s*$")
EXCERPT_CHARS = 30  # at most, before the ellipsis
SUMMARY = {"ja": "パッセージ対応表（{groups}グループ）", "en": "Passage map ({groups} groups)"}


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of ``text``, exactly as written, cut after the last whole phrase or word that
    ends within ``limit`` characters (after the first, if it alone is longer), with "…" if cut."""
    kept = ""
    for piece in phrases(text):
        if kept and len((kept + piece).rstrip()) > limit:
            return kept.rstrip() + "…"
        kept += piece
    return kept


def cited_sections(text: str) -> list[tuple[str | None, str, int, list[str] | None, int]]:
    """(heading id, heading text, level, group ids, line) for every heading of a page source.

    The group ids are None when the heading has no ``<!-- passages: ... -->`` comment on its
    next non-blank line (the traceability tests read the records with this function too).
    """
    lines = text.splitlines()
    result = []
    for h in source_headings(text):
        ids: list[str] | None = None
        for follow in lines[h.line : h.line + 3]:
            m = COMMENT.match(follow.strip())
            if m:
                ids = [g for g in m.group(1).split() if g != "none"]
                break
            if follow.strip():
                break
        result.append((h.id, h.text, h.level, ids, h.line))
    return result


HOME = {"ja": "ホーム", "en": "Home"}


def section_index(pages) -> dict[str, list[tuple[str, str]]]:
    """Group id -> [(link label, link target)] for ``pages`` (PageSources of one language)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for page in sorted(pages, key=lambda p: p.src):
        target_page = f"{page.slug}.md"
        # The home page as the navigation names it: its title is the site's name, which says
        # less and, unspaced in Japanese, does not fit the column.
        title = HOME.get(page.language, page.title) if page.slug == "index" else page.title
        for hid, htext, level, ids, _ in cited_sections(page.text):
            if level == 1 or hid is None:
                label, target = title, target_page
            else:
                label, target = f"{title} › {htext}", f"{target_page}#{hid}"
            for gid in ids or []:
                index.setdefault(gid, []).append((label, target))
    return index


def render_table(essay: Essay, pages, language: str) -> str:
    where = section_index(pages)
    japanese = language == "ja"
    if japanese:
        rows = ["| グループ | 原典での位置 | 抜粋 | 掲載先 |", "|---|---|---|---|"]
    else:
        rows = ["| Group | Where in the essay | Section |", "|---|---|---|"]
    for gid, members in essay.groups.items():
        draft = "稿{draft}" if japanese else "draft {draft}"
        # One place never breaks across lines ("P001（稿1）", "P001 (draft 1)"); a list breaks between places.
        opening, closing = ("（", "）") if japanese else (" (", ")")
        locs = ", ".join(f'<span class="kb-passage-map__place">{p.id}{opening}{draft.format(draft=p.draft)}{closing}</span>'
                         for p in members)
        links = ", ".join(f"[{escape_inline(label)}]({target})"
                          for label, target in where.get(gid, [])) or "—"
        if japanese:
            quote = escape_inline(escape(excerpt(representative(list(members)).text), quote=False))
            rows.append(f"| {gid} | {locs} | <q>{quote}</q> | {links} |")
        else:
            rows.append(f"| {gid} | {locs} | {links} |")
    # Wrapped so that the PDF can lay the map out for paper (pdf_document).
    summary = SUMMARY[language].format(groups=len(essay.groups))
    return (f'<details class="abstract kb-passage-map" markdown>\n<summary>{summary}</summary>\n\n'
            + "\n".join(rows) + "\n\n</details>")
