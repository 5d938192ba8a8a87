"""Keep Japanese phrases whole where the PDF breaks short lines: headings, tables, captions.

Japanese may break a line between any two characters, so a narrow table cell or a heading
prints 「ファーウェ/イ」 or 「参/加と貢献」. Browsers avoid that with ``word-break:
auto-phrase`` (Chromium, with the BudouX model); WeasyPrint has no such property (nor
``keep-all``). So the PDF puts each phrase that BudouX finds in a ``<span class="kb-phrase">``
that pdf.css sets ``white-space: nowrap``: lines then break between phrases only.

Only short phrases are kept whole (``MAX_PHRASE``), so that a long one can still break
rather than run out of its table cell; the table widths (``pdf_document.column_shares``)
make room for the phrases of each column. BudouX splits numbers ("202|5年"): a number or
Latin word is never split here.
"""
from __future__ import annotations

import re
from bs4 import BeautifulSoup, NavigableString, Tag

from .japanese_text import JAPANESE, phrase_parser

MAX_PHRASE = 10  # characters
PHRASE_CLASS = "kb-phrase"
_SKIP = ("pre", "code", "svg", "script", "style")
_LATIN = re.compile(r"[0-9A-Za-z.,%\-]")


class Phrases:
    """Japanese phrases for the PDF (BudouX's model, ``japanese_text.phrase_parser``)."""

    def __init__(self):
        self._parser = phrase_parser()

    def split(self, text: str) -> list[str]:
        """The phrases of ``text``, in order (joined, they give ``text`` back); ``[]`` when
        ``text`` has no Japanese."""
        if not JAPANESE.search(text):
            return []
        merged: list[str] = []
        for piece in self._parser.parse(text):
            if merged and _LATIN.match(merged[-1][-1]) and _LATIN.match(piece[0]):
                merged[-1] += piece  # BudouX split a number or a word
            else:
                merged.append(piece)
        return merged

    def keep_whole(self, soup: BeautifulSoup, elements: list[Tag]) -> int:
        """Wrap the short phrases of the Japanese text in ``elements``; return how many."""
        count = 0
        for element in elements:
            for text in element.find_all(string=JAPANESE):
                if (type(text) is not NavigableString or text.find_parent(_SKIP)
                        or text.find_parent(class_=PHRASE_CLASS)):
                    continue
                replacement = []
                for part in self.split(str(text)):
                    if 1 < len(part.strip()) <= MAX_PHRASE:
                        span = soup.new_tag("span", attrs={"class": PHRASE_CLASS})
                        span.string = part
                        replacement.append(span)
                        count += 1
                    else:
                        replacement.append(NavigableString(part))
                text.replace_with(*replacement)
        return count
