"""Write the sources of editor's notes and timeline events as external links.

Shared by ``editor_notes`` and ``timeline`` so that a source reads the same everywhere:
the publication's name in the page's language, linking to its https address with
``rel="external noopener"`` (a navigation; nothing is loaded from another origin).
"""
from __future__ import annotations

import re


def links(sources, english: bool) -> str:
    """'[A](url)、[B](url)' in Japanese, '[A](url); [B](url)' in English."""
    written = [
        f'[{_escape(s.label(english))}]({s.url}){{rel="external noopener"}}' for s in sources
    ]
    return ("; " if english else "、").join(written)


def labelled(sources, english: bool) -> str:
    """The links after '出典：' / 'Source: ' / 'Sources: '."""
    if english:
        return ("Sources: " if len(sources) > 1 else "Source: ") + links(sources, english)
    return "出典：" + links(sources, english)


def _escape(text: str) -> str:
    return re.sub(r"([\[\]*_`|\\])", r"\\\1", text)
