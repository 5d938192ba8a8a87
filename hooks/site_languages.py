"""Which language a build pass is for, and where that language lives in the site.

mkdocs-static-i18n builds the default language (Japanese) at the site root and every other
language under ``/<locale>/``, running the hooks once per language. Hooks that write files
of their own (redirect stubs, the English 404 page) need the same answer.
"""
from __future__ import annotations

FALLBACK_DEFAULT = "ja"


def default_language(config) -> str:
    """The language built at the site root (the i18n plugin's ``default: true`` one)."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return FALLBACK_DEFAULT
    for language in i18n.config.languages:
        if language.default:
            return language.locale
    return FALLBACK_DEFAULT


def current_language(config) -> str:
    return config["theme"]["language"]


def language_prefix(config) -> str:
    """'' for the default language, 'en/' for English: where the pass's pages live."""
    language = current_language(config)
    return "" if language == default_language(config) else f"{language}/"
