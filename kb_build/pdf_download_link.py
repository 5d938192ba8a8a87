"""Put a "PDF" download link to the reader's language's PDF in the header of every page.

mkdocs-to-pdf injects its own link, but with a class from Material 5 that Material 9 no
longer styles: it is invisible. This replaces it (through the plugin's ``inject_link``
event-hook interface, see ``pdf_adapter``) with a Material header button carrying
Material's own PDF icon. ``href`` is the plugin's path from the page to the PDF of the
pass's language, relative, so it works under a sub-path and from ``file://``.
"""
from __future__ import annotations

import html
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

ICON = Path(material.__file__).parent / "templates" / ".icons" / "material" / "file-pdf-box.svg"
# The search button: the link goes just before it, after the language switcher.
ANCHOR = '<label class="md-header__button md-icon" for="__search">'


def download_link(href: str, language: str, title: str) -> str:
    """The header button: icon-only like Material's others, named "<title> (PDF)"."""
    name = html.escape(f"{title} (PDF)")
    return (
        f'<a href="{html.escape(href)}" class="md-header__button md-icon kb-pdf-link" '
        f'type="application/pdf" hreflang="{language}" download title="{name}" '
        f'aria-label="{name}">{ICON.read_text("utf-8").strip()}</a>'
    )


def inject_link(output: str, href: str, page, language: str, title: str) -> str:
    """``output`` with the download link added to the header."""
    if ANCHOR not in output:
        raise PluginError(
            f"{__name__}: no Material search button in the header of {page.file.src_uri}; "
            "the header markup changed, update ANCHOR."
        )
    return output.replace(ANCHOR, download_link(href, language, title) + ANCHOR, 1)
