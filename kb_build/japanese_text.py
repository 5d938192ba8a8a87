"""What counts as Japanese text, and the line joins Japanese needs.

The Japanese pages put one sentence per source line (easy to review and diff). HTML and
WeasyPrint render each line break as a space, which is right between English words but
shows as a stray gap after 。 in Japanese. Every step that has to tell Japanese characters
from others (line joins on the web and in the PDF, glossary definitions, figure texts)
uses the one character class below; every step that keeps Japanese phrases whole (figure
labels, the PDF's headings and tables) uses the one phrase model below.
"""
from __future__ import annotations

import functools
import re

# Kana, CJK punctuation, kanji (with extension A and compatibility ideographs), and
# full-width and half-width forms.
JAPANESE_CHARS = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
JAPANESE = re.compile(f"[{JAPANESE_CHARS}]")
# A line break after a Japanese character, before text (not before a tag): the web pages.
_BREAK_AFTER_JAPANESE = re.compile(rf"(?<=[{JAPANESE_CHARS}])[ \t]*\n[ \t]*(?=[^\s<])")
# A line break between two Japanese characters: the PDF's text nodes.
BREAK_BETWEEN_JAPANESE = re.compile(rf"(?<=[{JAPANESE_CHARS}])[ \t]*\n[ \t]*(?=[{JAPANESE_CHARS}])")
# A line break next to Japanese text on either side: plain text of a definition.
BREAK_NEXT_TO_JAPANESE = re.compile(
    rf"(?<=[{JAPANESE_CHARS}])[ \t]*\n\s*|\s*\n[ \t]*(?=[{JAPANESE_CHARS}])")
_VERBATIM = re.compile(r"(<(pre|code|script|style)\b.*?</\2>)", re.S | re.I)


def join_lines(html: str) -> str:
    """Rendered HTML with the line breaks after Japanese characters removed (never inside
    <pre>, <code>, <script> or <style>)."""
    parts = _VERBATIM.split(html)
    out = []
    # re.split with two groups yields: text, whole verbatim block, tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_BREAK_AFTER_JAPANESE.sub("", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


@functools.cache  # the model is read-only data shipped with the package: read it once
def phrase_parser():
    """BudouX's Japanese phrase model (文節), the one behind Chromium's ``word-break: auto-phrase``."""
    import budoux  # only where phrases are needed: figures and PDFs

    return budoux.load_default_japanese_parser()
