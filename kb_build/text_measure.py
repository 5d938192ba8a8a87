"""Estimate label widths and wrap labels into lines for the SVG figures.

The build has no font metrics (no browser, no font files read), so widths are
estimated: a CJK or full-width character is about 1em, a Latin character about
0.6em. Japanese may break between any two characters except inside a katakana word (but not before closing
punctuation such as 、。）」 nor after opening ones such as （「); Latin text breaks
at spaces only, so an English word is never split.
"""
from __future__ import annotations

import re
import unicodedata

NO_LINE_START = set("、。，．・：；？！）」』】〕ー〜…%％,.:;?!)]}")
NO_LINE_END = set("（「『【〔([{")
# Latin words and katakana words (グローバル, コミュニティ) are not split across lines.
_TOKEN = re.compile(r"\s+|[\x21-\x7e\u00a0-\u024f]+|[\u30a0-\u30ffー]+|.", re.S)


def char_em(char: str) -> float:
    """Estimated advance of one character, in em."""
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    if char == " ":
        return 0.3
    return 0.6


def text_em(text: str) -> float:
    """Estimated width of a string, in em."""
    return sum(char_em(c) for c in text)


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: Latin words, single CJK characters, spaces; kinsoku glued."""
    raw = _TOKEN.findall(text)
    tokens: list[str] = []
    for token in raw:
        if tokens and not token.isspace() and (
            token[0] in NO_LINE_START or tokens[-1][-1] in NO_LINE_END
        ) and not tokens[-1].isspace():
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def wrap(text: str, max_em: float) -> list[str]:
    """Lines of ``text`` no wider than ``max_em`` (a single token may exceed it)."""
    lines: list[str] = []
    line = ""
    for token in _split_long(_tokens(text), max_em):
        if token.isspace():
            if line:
                line += " "
            continue
        candidate = line + token
        if line and text_em(candidate.rstrip()) > max_em:
            lines.append(line.rstrip())
            line = token
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _split_long(tokens: list[str], max_em: float) -> list[str]:
    """A katakana word wider than a whole line is split into characters after all."""
    out: list[str] = []
    for token in tokens:
        if text_em(token) > max_em and all("\u30a0" <= c <= "\u30ff" for c in token):
            out.extend(token)
        else:
            out.append(token)
    return out
