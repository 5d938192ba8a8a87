"""Stop Material's page script from fetching ``sitemap.xml`` next to every hreflang link.

Each page carries absolute hreflang alternates (``overrides/partials/hreflang.html``) written
``rel="alternate"`` exactly, as search engines and Lighthouse's hreflang audit read them.
Material 9.8.2's bundle, on every page view, fetches ``sitemap.xml`` relative to each
``link[rel=alternate]`` (its function ``ui``), to remap language-selector clicks to the same
page; that fetch asks for ``<page>/sitemap.xml``, which does not exist (two 404s per view),
and from a copy served anywhere but the published address it is a request to another
origin, which the Content-Security-Policy refuses. This site's language switcher already
links each page to its translation (``overrides/partials/alternate.html``), so the call is
dropped from the copied bundle: one exact text replacement, upstream-reportable as "skip
the alternate-sitemap prefetch when the theme's selector is not used". The build stops if
the bundle is not the 9.8.2 one it was written for (Material is pinned).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

BUNDLE = "assets/javascripts/bundle.a5f9d56c.min.js"  # Material 9.8.2
PATCH = ("ui({document$:ct});", "")  # the alternate-sitemap prefetch and its click remapping
HEADER = "/* Material 9.8.2 bundle without its alternate-sitemap prefetch (kb_build/material_bundle.py) */\n"


def patched(source: str) -> str:
    """The bundle without the call; an already patched bundle (``serve --dirty`` keeps the
    site's files between rebuilds) is returned as it is."""
    old, new = PATCH
    if source.startswith(HEADER):
        return source
    if source.count(old) != 1:
        raise PluginError(
            f"kb_build/material_bundle.py: '{old}' is not in Material's bundle exactly once. It was "
            "written for Material 9.8.2's bundle: keep mkdocs-material at 9.8.2 (pyproject.toml), "
            "or port the patch to the new bundle.")
    return HEADER + source.replace(old, new)


def patch_bundle(site_dir: Path) -> None:
    bundle = Path(site_dir) / BUNDLE
    if not bundle.is_file():
        raise PluginError(f"kb_build/material_bundle.py: {bundle} is missing; it was written for "
                          "Material 9.8.2's bundle. Keep mkdocs-material at 9.8.2 or port the patch.")
    bundle.write_text(patched(bundle.read_text("utf-8")), "utf-8")
