"""Which languages the site has, which one a page is in, and where each language lives.

mkdocs-static-i18n builds the default language (Japanese) at the site root and every other
language under ``/<locale>/``, one build pass per language, and marks each page's file with
its ``locale``. Everything in the build that depends on the language asks here, so that
there is one answer (the i18n plugin's configuration, read once per build).
"""
from __future__ import annotations

from dataclasses import dataclass

FALLBACK = "ja"


@dataclass(frozen=True)
class Languages:
    default: str
    all: tuple[str, ...]  # the default language first

    @classmethod
    def from_config(cls, config) -> "Languages":
        """Read from the i18n plugin's configuration (one language when it is absent)."""
        i18n = config["plugins"].get("i18n")
        if i18n is None:
            language = config["theme"]["language"] or FALLBACK
            return cls(language, (language,))
        locales = [lang.locale for lang in i18n.config.languages if lang.build]
        default = next((lang.locale for lang in i18n.config.languages if lang.default), locales[0])
        return cls(default, (default, *[loc for loc in locales if loc != default]))

    def prefix(self, language: str) -> str:
        """'' for the default language, 'en/' for English: where that language's pages live."""
        return "" if language == self.default else f"{language}/"

    def source_suffix(self, language: str) -> str:
        """'.md' for the default language, '.en.md' for English (the suffix structure)."""
        return ".md" if language == self.default else f".{language}.md"

    def page_url(self, slug: str, language: str) -> str:
        """The site-relative URL of a page in a language: 'chips/', 'en/chips/', 'en/' for home."""
        return self.prefix(language) + ("" if slug == "index" else f"{slug}/")

    def split_source(self, src_uri: str) -> tuple[str, str]:
        """('chips', 'en') for 'chips.en.md'; ('chips', 'ja') for 'chips.md'."""
        for language in self.all:
            suffix = self.source_suffix(language)
            if language != self.default and src_uri.endswith(suffix):
                return src_uri[: -len(suffix)], language
        return src_uri[: -len(".md")], self.default


def page_language(page, config) -> str:
    """The language of a page: mkdocs-static-i18n's ``file.locale``, else the pass's."""
    return getattr(page.file, "locale", None) or config["theme"]["language"]
