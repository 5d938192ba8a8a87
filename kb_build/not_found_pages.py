"""Keep one 404 page per language: /404.html in Japanese, /en/404.html in English.

mkdocs-static-i18n renders the theme's 404.html in every language pass to the same
/404.html, so the last pass (English) would overwrite the Japanese page and no
/en/404.html would exist. The default language's page stays at the root; the others are
written under their language folder. The template is overrides/404.html.
"""
from __future__ import annotations

from pathlib import Path


class NotFoundPages:
    """The 404 pages of one build (one instance per build: no state across builds)."""

    def __init__(self, languages, site_dir: Path):
        self.languages, self.site_dir = languages, Path(site_dir)
        self.root_html: str | None = None

    def rendered(self, html: str, language: str) -> str:
        """What MkDocs should write to /404.html after rendering the page in ``language``."""
        if language == self.languages.default:
            self.root_html = html
            return html
        target = self.site_dir / self.languages.prefix(language) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")
        return self.root_html if self.root_html is not None else html
