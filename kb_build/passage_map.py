"""Render the passage map on the About page.

The About page (``about.md`` / ``about.en.md``) holds a placeholder line
``<!-- passage-map -->``. It is replaced with a Markdown table: for every passage group of
the source essay (see ``passages``) it lists where the essay has it (passage ids with their
draft numbers), a short Japanese excerpt (Japanese page only) and the section of the
knowledge base that states it, as a relative link. The sections are read from the
``<!-- passages: ... -->`` comments that follow each heading in the page sources.
"""
from __future__ import annotations

import re

from .markdown_source import escape_inline, source_headings
from .passages import Essay, representative

PLACEHOLDER = "<!-- passage-map -->"
COMMENT = re.compile(r"^<!--\s*passages:\s*(.*?)\s*-->\s*$")
EXCERPT_CHARS = 25


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


def section_index(pages) -> dict[str, list[tuple[str, str]]]:
    """Group id -> [(link label, link target)] for ``pages`` (PageSources of one language)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for page in sorted(pages, key=lambda p: p.src):
        target_page = f"{page.slug}.md"
        for hid, htext, level, ids, _ in cited_sections(page.text):
            if level == 1 or hid is None:
                label, target = page.title, target_page
            else:
                label, target = f"{page.title} › {htext}", f"{target_page}#{hid}"
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
        if japanese:
            locs = ", ".join(f"{p.id} (稿{p.draft})" for p in members)
        else:
            locs = ", ".join(f"{p.id} (draft {p.draft})" for p in members)
        links = ", ".join(f"[{escape_inline(label)}]({target})"
                          for label, target in where.get(gid, [])) or "—"
        if japanese:
            rep = representative(list(members)).norm
            excerpt = rep[:EXCERPT_CHARS] + ("…" if len(rep) > EXCERPT_CHARS else "")
            rows.append(f"| {gid} | {locs} | {escape_inline(excerpt)} | {links} |")
        else:
            rows.append(f"| {gid} | {locs} | {links} |")
    # Wrapped so that the PDF can leave the map to the web edition (pdf_document).
    return '<div class="kb-passage-map" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"
