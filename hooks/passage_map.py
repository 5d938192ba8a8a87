"""Render the passage map on the About page.

The About page (``about.md`` / ``about.en.md``) holds a placeholder line
``<!-- passage-map -->``.  This hook replaces it with a Markdown table: for every
passage group of the source essay (see ``hooks/passages.py``) it lists where the
essay has it (passage ids with their draft numbers), a short Japanese excerpt
(Japanese page only) and the section of the knowledge base that states it, as a
relative link.  The sections are read from the ``<!-- passages: ... -->``
comments that follow each heading in the page sources.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import passages as essay
from markdown_headings import source_headings

PLACEHOLDER = "<!-- passage-map -->"
COMMENT = re.compile(r"^<!--\s*passages:\s*(.*?)\s*-->\s*$")
EXCERPT_CHARS = 25


def is_english(page, config) -> bool:
    """English when the source is ``X.en.md``; else the build's theme language."""
    src = getattr(page.file, "src_uri", "") or ""
    if src.endswith(".en.md"):
        return True
    if src.endswith(".md") and re.search(r"\.[a-z]{2}(?:_[A-Z]{2})?\.md$", src):
        return False
    theme = config.get("theme")
    language = None
    if theme is not None:
        try:
            language = theme["language"]
        except (KeyError, TypeError):
            language = getattr(theme, "language", None)
    return str(language or "").lower().startswith("en")


def front_matter_title(text: str) -> str | None:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            if isinstance(meta, dict) and meta.get("title"):
                return str(meta["title"])
    return None


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


def section_index(docs_dir: Path, english: bool) -> dict[str, list[tuple[str, str]]]:
    """Group id -> [(link label, link target)] for the pages of one language."""
    index: dict[str, list[tuple[str, str]]] = {}
    suffix = ".en.md" if english else ".md"
    for path in sorted(docs_dir.glob("*.md")):
        name = path.name
        if english != name.endswith(".en.md"):
            continue
        slug = name[: -len(suffix)]
        text = path.read_text(encoding="utf-8")
        title = front_matter_title(text) or slug
        target_page = f"{slug}.md"
        for hid, htext, level, ids, _ in cited_sections(text):
            if level == 1 or hid is None:
                label, target = title, target_page
            else:
                label, target = f"{title} › {htext}", f"{target_page}#{hid}"
            for gid in ids or []:
                index.setdefault(gid, []).append((label, target))
    return index


def render_table(docs_dir: Path, english: bool, essay_path: Path) -> str:
    groups = essay.groups(essay_path)
    where = section_index(docs_dir, english)
    if english:
        rows = ["| Group | Where in the essay | Section |", "|---|---|---|"]
    else:
        rows = ["| グループ | 原典での位置 | 抜粋 | 掲載先 |", "|---|---|---|---|"]
    for gid, members in groups.items():
        if english:
            locs = ", ".join(f"{p.id} (draft {p.draft})" for p in members)
        else:
            locs = ", ".join(f"{p.id} (稿{p.draft})" for p in members)
        links = ", ".join(f"[{_md(label)}]({target})" for label, target in where.get(gid, [])) or "—"
        if english:
            rows.append(f"| {gid} | {locs} | {links} |")
        else:
            rep = essay.representative(members).norm
            excerpt = rep[:EXCERPT_CHARS] + ("…" if len(rep) > EXCERPT_CHARS else "")
            rows.append(f"| {gid} | {locs} | {_md(excerpt)} | {links} |")
    return "\n".join(rows)


def _md(text: str) -> str:
    """Escape characters that would break a table cell or a link label."""
    return re.sub(r"([|\[\]*_`\\])", r"\\\1", text)


def on_page_markdown(markdown, page, config, files, **kwargs):
    if PLACEHOLDER not in markdown:
        return markdown
    docs_dir = Path(config["docs_dir"])
    config_file = config.get("config_file_path")
    root = Path(config_file).parent if config_file else docs_dir.parent
    essay_path = root / "sources" / "essay.ja.txt"
    table = render_table(docs_dir, is_english(page, config), essay_path)
    return "\n".join(
        table if line.strip() == PLACEHOLDER else line for line in markdown.splitlines()
    ) + "\n"
