"""Link-preview images (Open Graph, Twitter card): one per page and language, drawn at build time.

A link pasted into a wiki or a chat unfurls with the page's image. One image for the whole site
said nothing about the page; Material's ``social`` plugin draws one per page but needs the
internet at build time (it downloads fonts), which the project's builds do not have. So the
cards are drawn here with Pillow (already installed with WeasyPrint; pinned in pyproject.toml)
in the font the project ships for its PDFs (Noto Sans CJK JP from PyPI, ``pdf_font.py``): the
site name, the page title and description in the page's language, and the page's address.

Each card is drawn only when what it shows changes: it is kept in ``.cache/kb-social-cards/``
next to mkdocs.yml (git-ignored, never committed) under the SHA-256 of its inputs (texts,
language, address, font files, and ``DRAWING``), and copied into the site from there.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

SIZE = (1200, 630)
DRAWING = "2026-12-01.1"  # change when the drawing below changes: every cached card is redrawn
CACHE = Path(".cache") / "kb-social-cards"
SITE_FOLDER = "assets/images/social/pages"  # under the site; the page's URL path follows

_MARGIN = 80
_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,:;!?&+/\-]*\s*|\s+|.", re.S)
_NO_LINE_START = frozenset("、。，．）」』】！？・ーっゃゅょァィゥェォッャュョ,.;:!?)")


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    site_name: str
    title: str
    description: str
    address: str  # the page's absolute URL, shown without the scheme
    language: str


def card_path(page_url: str) -> str:
    """Site-relative path of a page's card: 'en/chips/' -> assets/images/social/pages/en/chips/card.png."""
    return f"{SITE_FOLDER}/{page_url}card.png"


def wrap(text: str, width: float, measure, max_lines: int) -> list[str]:
    """Greedy line breaks: between words in English, between characters in Japanese (never
    before closing punctuation); past ``max_lines`` the last line ends in '…'."""
    lines, line = [], ""
    for token in _TOKENS.findall(" ".join(text.split())):
        candidate = line + token
        if line and measure(candidate.rstrip()) > width and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and measure(last + "…") > width:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last.rstrip() + "…"]
    return lines


def draw(card: Card, fonts: dict[int, Path]):
    """The card as a Pillow image (``fonts``: CSS weight -> OTF file)."""
    from PIL import Image, ImageDraw, ImageFont, features

    # The language picks Japanese glyph forms (libraqm, in Pillow's wheels); optional.
    language = {"language": card.language} if features.check("raqm") else {}

    def font(weight, size):
        return ImageFont.truetype(str(fonts[weight]), size)

    top, bottom = Image.new("RGB", SIZE, "#283593"), Image.new("RGB", SIZE, "#3f51b5")
    image = Image.composite(bottom, top, Image.linear_gradient("L").resize(SIZE))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 16, SIZE[1]), fill="#c5cae9")
    width = SIZE[0] - 2 * _MARGIN
    site, title_font, text_font, small = font(700, 30), font(700, 64), font(400, 30), font(400, 24)
    pen.text((_MARGIN, 64), card.site_name, font=site, fill="#c5cae9", **language)
    y = 150
    for line in wrap(card.title, width, lambda t: pen.textlength(t, font=title_font), 3):
        pen.text((_MARGIN, y), line, font=title_font, fill="#ffffff", **language)
        y += 84
    y += 24
    room = max(0, (SIZE[1] - 110 - y) // 44)
    for line in wrap(card.description, width, lambda t: pen.textlength(t, font=text_font), min(3, room)):
        pen.text((_MARGIN, y), line, font=text_font, fill="#e8eaf6", **language)
        y += 44
    address = card.address.split("://", 1)[-1]
    pen.text((_MARGIN, SIZE[1] - 70), address, font=small, fill="#c5cae9")
    return image


class SocialCards:
    """The cards of one build, written into the site (one instance per build)."""

    def __init__(self, site_dir: Path, project_dir: Path, fonts: dict[int, Path]):
        self.site_dir, self.cache = Path(site_dir), Path(project_dir) / CACHE
        self.fonts = fonts
        self._font_key = [(w, p.name, p.stat().st_size) for w, p in sorted(fonts.items())]
        self.drawn = 0  # cards drawn in this build (the others came from the cache)

    def key(self, card: Card) -> str:
        inputs = {"drawing": DRAWING, "fonts": self._font_key, **asdict(card)}
        return hashlib.sha256(json.dumps(inputs, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def place(self, page_url: str, card: Card) -> str:
        """Write the page's card into the site (drawn, or from the cache); its site-relative path."""
        cached = self.cache / f"{self.key(card)}.png"
        if not cached.is_file():
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".part")
            draw(card, self.fonts).save(partial, format="PNG")
            partial.replace(cached)  # a build stopped midway never leaves half a card
            self.drawn += 1
        rel = card_path(page_url)
        target = self.site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        return rel
