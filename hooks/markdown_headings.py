"""Read the ATX headings of a Markdown source, with their explicit ``{#id}``.

Shared by the build checks (heading ids, translation parity) and the tests, so that
all of them agree on what a heading and its id are. Fenced code is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"\{:?\s*([^{}]*)\}\s*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([^\s}]+)")
_FENCE = re.compile(r"^\s*(```|~~~)")


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


def source_headings(markdown: str) -> list[Heading]:
    """Headings of a page source, with line numbers counted in the whole file."""
    body, offset = strip_front_matter(markdown)
    return [Heading(h.level, h.text, h.id, h.line + offset) for h in headings(body)]
