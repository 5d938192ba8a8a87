"""Keep one 404 page per language: /404.html in Japanese, /en/404.html in English.

mkdocs-static-i18n renders the theme's 404.html in every language pass to the same
/404.html, so the last pass (English) overwrote the Japanese page and no /en/404.html
existed. This hook keeps the default language's page at the root and writes the others
under their language folder. The template is overrides/404.html.
"""
from __future__ import annotations

from pathlib import Path

from site_languages import current_language, default_language, language_prefix

_root_page: dict[str, str] = {}  # the default language's 404 of the current build


def on_post_template(output_content, template_name, config, **kwargs):
    if template_name != "404.html":
        return output_content
    if current_language(config) == default_language(config):
        _root_page["html"] = output_content
        return output_content
    target = Path(config["site_dir"]) / language_prefix(config) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, "utf-8")
    return _root_page.get("html", output_content)
