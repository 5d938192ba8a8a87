"""Which language a page or a text is in: the site's two languages, told apart simply."""
from __future__ import annotations

import re

LANGUAGES = ["ja", "en"]
# Kana and CJK ideographs (and half-width katakana): text that is Japanese (or Chinese).
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
KANA = re.compile(r"[\u3040-\u30ff]")


def language_of(rel: str) -> str:
    """The language of a page from its path relative to the site root ('en/...' is English)."""
    return "en" if rel.startswith("en/") else "ja"
