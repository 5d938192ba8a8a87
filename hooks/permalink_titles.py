"""Give the heading permalinks (the ¶ after each heading) a title in the page's language.

``markdown_extensions`` are shared by both languages, so ``toc.permalink_title`` is the
Japanese text on English pages too. This hook swaps it on pages of the other languages.
"""
from __future__ import annotations

from site_languages import current_language, default_language

TITLES = {"en": "Link to this section (click to copy its address)"}


def on_page_content(html, page, config, **kwargs):
    language = current_language(config)
    if language == default_language(config) or language not in TITLES:
        return html
    original = (config["mdx_configs"].get("toc") or {}).get("permalink_title")
    if not original:
        return html
    return html.replace(f'title="{original}"', f'title="{TITLES[language]}"')
