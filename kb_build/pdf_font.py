"""The font every PDF is set in (Noto Sans CJK JP from its pinned PyPI packages), and the
check that it can draw every character a PDF will hold.

WeasyPrint silently draws empty boxes ("tofu") for characters no available font has, and
system fonts differ from machine to machine. The PDFs therefore use one font only, the
OTF files of the PyPI packages ``noto-cjk-sans-jp-regular`` / ``-bold`` (locked with
hashes in uv.lock), embedded through ``@font-face``. Its Latin glyphs (from Source Sans)
set the English PDF as well, and Japanese names quoted in English pages stay covered.
Text extraction from such a PDF would even return the missing character intact, so only a
check against the font's own character map (fontTools) catches it, before rendering.
"""
from __future__ import annotations

import importlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

# The family name the PDF stylesheet (docs/assets/stylesheets/pdf.css) asks for.
FAMILY = "Noto Sans CJK JP KB"
# Python package holding the font file -> CSS font-weight it provides.
PACKAGES = {"noto_cjk_sans_jp_regular": 400, "noto_cjk_sans_jp_bold": 700}
SITE_STRINGS = ("site_name", "site_description", "site_author", "copyright")

INSTALL_HINT = (
    "The PDFs need the Japanese font Noto Sans CJK JP from the PyPI packages "
    "noto-cjk-sans-jp-regular and noto-cjk-sans-jp-bold (pinned in pyproject.toml). "
    "Install the locked dependencies with `uv sync --locked` (or run the README's "
    "commands, which do it); no PDF was written."
)


@dataclass
class PdfFont:
    files: dict[int, Path]  # CSS font-weight -> font file
    _covered: frozenset[str] | None = field(default=None, repr=False)

    @classmethod
    def find(cls) -> "PdfFont":
        """The installed font; fails the build, saying what to install, if one is missing."""
        found = {}
        for package, weight in PACKAGES.items():
            try:
                path = Path(str(importlib.import_module(package).FONT_PATH))
            except ImportError as error:
                raise PluginError(f"PDF font missing ({error}). {INSTALL_HINT}") from None
            if not path.is_file():
                raise PluginError(f"PDF font file {path} does not exist. {INSTALL_HINT}")
            found[weight] = path
        return cls(found)

    @property
    def covered(self) -> frozenset[str]:
        """Characters that every weight of the font has a glyph for (from each cmap)."""
        if self._covered is None:
            from fontTools.ttLib import TTFont  # installed with WeasyPrint

            covered = None
            for path in self.files.values():
                with TTFont(str(path), lazy=True) as font:
                    characters = {chr(code) for code in font.getBestCmap()}
                covered = characters if covered is None else covered & characters
            self._covered = frozenset(covered or ())
        return self._covered

    def font_face_css(self) -> str:
        """``@font-face`` rules that make WeasyPrint embed the packaged font files."""
        return "\n".join(
            f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
            f'src: url("{path.resolve().as_uri()}") format("opentype"); }}'
            for weight, path in sorted(self.files.items())
        )

    def missing_characters(self, text: str) -> list[str]:
        """Visible characters of ``text`` that the font cannot draw, in order of appearance."""
        covered = self.covered
        missing = []
        for char in text:
            if char in covered or char in missing or char.isspace():
                continue
            if unicodedata.category(char) in ("Cc", "Cf"):  # controls and format marks: no glyph
                continue
            missing.append(char)
        return missing

    def site_string_problems(self, config) -> list[str]:
        """The site strings on the cover and in the running footer, checked."""
        problems = []
        for key in SITE_STRINGS:
            if missing := self.missing_characters(str(config.get(key) or "")):
                problems.append(
                    f"mkdocs.yml {key} ({config.theme['language']}) uses characters the PDF font "
                    f"Noto Sans CJK JP has no glyph for: {describe(missing)}. Replace them.")
        return problems

    def page_problem(self, src: str, text: str) -> str | None:
        if missing := self.missing_characters(text):
            return (f"docs/{src} uses characters the PDF font Noto Sans CJK JP has no "
                    f"glyph for: {describe(missing)}. They would print as empty boxes in the PDF: "
                    "replace them (e.g. with a word or a covered character).")
        return None


def describe(characters: list[str]) -> str:
    return ", ".join(f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in characters)
