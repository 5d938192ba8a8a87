"""Estimate label widths and wrap labels into lines for the SVG figures.

The figures are drawn at build time, without a browser, so text widths are estimated: a CJK
or full-width character is 1 em; a Latin character has the advance of DejaVu Sans (regular or
bold), the widest of the sans-serif fonts a reader's browser may pick (it is Debian's and the
tests' default), so a label measured here fits in any of them.

Lines break only where a reader expects: English at spaces (a word is never split),
Japanese between phrases (文節) as BudouX finds them (``budoux``, the model behind
Chromium's ``word-break: auto-phrase``), so that 「参加と貢献」 never becomes 「参/加と貢献」.
Closing punctuation stays with the phrase before it and opening brackets with the phrase
after (kinsoku). A phrase wider than a whole line is split where a compound changes script
(顔認証|データ, CUDA|プラットフォーム) or after a middle dot or comma, and only if that is not
enough between characters (a Latin word stays whole).
"""
from __future__ import annotations

import re
import unicodedata

from .japanese_text import JAPANESE, phrase_parser

NO_LINE_START = set("、。，．・：；？！）」』】〕ー〜…%％,.:;?!)]}")
NO_LINE_END = set("（「『【〔([{")
# Advance widths of DejaVu Sans, in 1/100 em, for the printable ASCII characters " " to "~".
_ASCII_REGULAR = (
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79,
    60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63,
    63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
)
_ASCII_BOLD = (
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85,
    73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72,
    71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
)
_LATIN_RUN = re.compile(r"[\x21-\x7e\u00a0-\u024f]+\s*|.\s*", re.S)
_KATAKANA, _KANJI = "\u30a0-\u30ff", "\u3400-\u9fff"
_LATIN = "A-Za-z0-9"
_COMPOUND = re.compile(
    f"(?<=[・：、])(?!$)|(?<=[{_KANJI}])(?=[{_KATAKANA}{_LATIN}])|(?<=[{_KATAKANA}])(?=[{_KANJI}{_LATIN}])"
    f"|(?<=[{_LATIN}])(?=[{_KANJI}{_KATAKANA}])")
_SPACES = re.compile(r"(?<=\s)(?=\S)")  # a cut after each run of spaces
OTHER_LATIN = 0.7  # é, –, ’ and the like: about a wide lowercase letter


def char_em(char: str, bold: bool = False) -> float:
    """Estimated advance of one character, in em."""
    if " " <= char <= "~":
        return (_ASCII_BOLD if bold else _ASCII_REGULAR)[ord(char) - 32] / 100
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0
    return OTHER_LATIN


def text_em(text: str, bold: bool = False) -> float:
    """Estimated width of a string, in em."""
    return sum(char_em(c, bold) for c in text)


def phrases(text: str) -> list[str]:
    """``text`` cut at every place a line may break: ``"".join(phrases(text)) == text``.

    Japanese text is cut between BudouX phrases (a Latin name inside one, such as
    「Made in China 2025」を, stays whole), other text at spaces (each space kept with the
    word before it). Punctuation that may not start a line stays with the piece before it,
    and an opening bracket with the piece after it.
    """
    if JAPANESE.search(text):
        pieces = phrase_parser().parse(text)
    else:
        pieces = [w for w in _SPACES.split(text) if w]
    glued: list[str] = []
    for piece in pieces:
        if glued and not glued[-1][-1].isspace() and (
                piece[0] in NO_LINE_START or glued[-1][-1] in NO_LINE_END):
            glued[-1] += piece
        else:
            glued.append(piece)
    return glued


def _fit(piece: str, max_em: float, bold: bool) -> list[str]:
    """A piece wider than a line, cut at its spaces and then, in Japanese only, between
    characters (kinsoku kept): the last resort. A Latin word is never cut: it runs over."""
    if text_em(piece.rstrip(), bold) <= max_em:
        return [piece]
    out: list[str] = []
    for word in (w for w in _SPACES.split(piece) if w):
        if text_em(word.rstrip(), bold) <= max_em or not JAPANESE.search(word):
            out.append(word)
            continue
        # Then where a compound changes script or after ・：、 (顔認証|データ・|画像|データ).
        parts = [p for p in _COMPOUND.split(word) if p]
        if all(text_em(p.rstrip(), bold) <= max_em for p in parts):
            out.extend(parts)
            continue
        for char in _LATIN_RUN.findall(word):  # single CJK characters; Latin runs whole
            if out and (char[0] in NO_LINE_START or char.isspace() or out[-1][-1] in NO_LINE_END):
                out[-1] += char
            else:
                out.append(char)
    return out


def wrap(text: str, max_em: float, bold: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``max_em``, broken between phrases (see ``phrases``).

    A line is wider only where one Latin word alone is wider than ``max_em``.
    """
    lines: list[str] = []
    line = ""
    for piece in (c for p in phrases(text.strip()) for c in _fit(p, max_em, bold)):
        candidate = line + piece
        if line and text_em(candidate.rstrip(), bold) > max_em:
            lines.append(line.rstrip())
            line = piece
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def widest_word_em(text: str, bold: bool = False) -> float:
    """The width of the widest piece ``wrap`` keeps on one line where it can (a word, a phrase)."""
    return max((text_em(p.rstrip(), bold) for p in phrases(text.strip())), default=0.0)
