"""Find the font every PDF is set in: Noto Sans CJK JP from its pinned PyPI packages.

WeasyPrint silently draws empty boxes ("tofu") for characters no available font has, and
system fonts differ from machine to machine. The PDFs therefore use one font only, the
OTF files of the PyPI packages ``noto-cjk-sans-jp-regular`` / ``-bold`` (locked with
hashes in uv.lock), embedded through ``@font-face``. Its Latin glyphs (from Source Sans)
set the English PDF as well, and Japanese names quoted in English pages stay covered.
Shared by ``pdf_per_language`` (the ``@font-face`` rules) and ``pdf_glyph_coverage``.
"""
from __future__ import annotations

import functools
import importlib
from pathlib import Path

from mkdocs.exceptions import PluginError

# The family name the PDF stylesheet (docs/assets/stylesheets/pdf.css) asks for.
FAMILY = "Noto Sans CJK JP KB"
# Python package holding the font file -> CSS font-weight it provides.
PACKAGES = {"noto_cjk_sans_jp_regular": 400, "noto_cjk_sans_jp_bold": 700}

INSTALL_HINT = (
    "The PDFs need the Japanese font Noto Sans CJK JP from the PyPI packages "
    "noto-cjk-sans-jp-regular and noto-cjk-sans-jp-bold (pinned in pyproject.toml). "
    "Install the locked dependencies with `uv sync --locked` (or run the README's "
    "commands, which do it); no PDF was written."
)


@functools.cache
def font_files() -> dict[int, Path]:
    """The font file for each weight; fails the build, saying what to install, if one is missing."""
    found = {}
    for package, weight in PACKAGES.items():
        try:
            path = Path(str(importlib.import_module(package).FONT_PATH))
        except ImportError as error:
            raise PluginError(f"PDF font missing ({error}). {INSTALL_HINT}") from None
        if not path.is_file():
            raise PluginError(f"PDF font file {path} does not exist. {INSTALL_HINT}")
        found[weight] = path
    return found


@functools.cache
def covered_characters() -> frozenset[str]:
    """Characters that every weight of the font has a glyph for (from each cmap)."""
    from fontTools.ttLib import TTFont  # installed with WeasyPrint

    covered = None
    for path in font_files().values():
        with TTFont(str(path), lazy=True) as font:
            characters = {chr(code) for code in font.getBestCmap()}
        covered = characters if covered is None else covered & characters
    return frozenset(covered or ())


def font_face_css() -> str:
    """``@font-face`` rules that make WeasyPrint embed the packaged font files."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; '
        f'src: url("{path.resolve().as_uri()}") format("opentype"); }}'
        for weight, path in sorted(font_files().items())
    )
