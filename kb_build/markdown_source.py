"""Read page sources the one way the whole build reads them: headings, ids, front matter.

The checks (heading ids, translation parity), the data that points at sections (notes,
timeline, figures, redirects), the passage map and the tests all need to agree on what a
heading and its id are, so this is the only reader of Markdown structure. It also holds the
one escaper for text written into generated Markdown, and the one placeholder substitution.
Fenced code is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"\{:?\s*([^{}]*)\}\s*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([^\s}]+)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_SPECIAL = re.compile(r"([|\[\]*_`\\])")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: faster


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int  # 1-based line number in the source file


def headings(markdown: str) -> list[Heading]:
    """All ATX headings outside fenced code, in source order."""
    found: list[Heading] = []
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker == fence:
                fence = None
            continue
        if fence is not None:
            continue
        match = _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        heading_id = None
        attrs = _ATTRS.search(text)
        if attrs:
            id_match = _ID_IN_ATTRS.search(attrs.group(1))
            heading_id = id_match.group(1) if id_match else None
            text = text[: attrs.start()].rstrip()
        found.append(Heading(len(match.group(1)), text, heading_id, number))
    return found


def strip_front_matter(markdown: str) -> tuple[str, int]:
    """The Markdown without its YAML front matter, and how many lines were removed."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            head = markdown[: end + 5]
            return markdown[end + 5 :], head.count("\n")
    return markdown, 0


def front_matter(markdown: str) -> dict:
    """The YAML front matter of a page source as a mapping ({} when there is none)."""
    if markdown.startswith("---\n") and (end := markdown.find("\n---\n", 4)) != -1:
        meta = yaml.load(markdown[4:end], Loader=YAML_LOADER)
        return meta if isinstance(meta, dict) else {}
    return {}


def source_headings(markdown: str) -> list[Heading]:
    """Headings of a page source, with line numbers counted in the whole file."""
    body, offset = strip_front_matter(markdown)
    return [Heading(h.level, h.text, h.id, h.line + offset) for h in headings(body)]


def escape_inline(text: str) -> str:
    """``text`` safe inside a generated Markdown link label or table cell."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def replace_placeholder(markdown: str, placeholder: str, block: str) -> str:
    """``markdown`` with every line that is exactly ``placeholder`` replaced by ``block``.

    The caller has checked that the placeholder is there (a missing one is a build error
    that names the page).
    """
    return "\n".join(block if line.strip() == placeholder else line
                     for line in markdown.splitlines()) + "\n"
