"""The names a reader may type for one thing, in any script, for search in both languages.

Readers type ディープシーク on the Japanese site, which writes DeepSeek; ファーウェイ on the
English site, which writes Huawei; "startups" where the site writes start-ups. Search only
finds the words the pages use, so ``docs/_data/search-aliases.yml`` (content: translators and
editors review it) lists, per thing, the form each language's pages use (``ja``, ``en``) and
other spellings readers type (``also``). The search worker (overrides/assets/javascripts/
workers/kb-search.js) replaces a name the reader typed by the form of the page's language;
it gets the table through the search index (``search_index.write_index``).

A form that no page of its language uses would lead nowhere: that is a problem reported with
the file, the entry and the fix, like every other bad input.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .markdown_source import YAML_LOADER

ALIASES_FILE = "_data/search-aliases.yml"
LANGUAGES = ("ja", "en")
FIELDS = frozenset(LANGUAGES) | {"also"}


def normalise(text: str) -> str:
    """What search compares: NFKC (full-width ＡＩ, half-width ﾌｧｰｳｪｲ), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


@dataclass(frozen=True)
class Alias:
    forms: dict  # language -> the form its pages use
    also: tuple[str, ...]

    def names(self) -> list[str]:
        return [*self.forms.values(), *self.also]


@dataclass(frozen=True)
class SearchAliases:
    entries: tuple[Alias, ...] = ()

    def table(self, language: str) -> dict[str, str]:
        """Typed name (normalised) -> what to search for in ``language``; names that are
        already that form are left out."""
        table = {}
        for alias in self.entries:
            target = alias.forms.get(language)
            if target is None:
                continue
            for name in alias.names():
                key = normalise(name)
                if key != normalise(target):
                    table[key] = target
        return dict(sorted(table.items(), key=lambda item: (-len(item[0]), item[0])))


def read_aliases(docs_dir: Path, page_texts: dict) -> tuple[SearchAliases, list[str]]:
    """The alias file and its problems; ``page_texts``: language -> all its pages' Markdown."""
    path = Path(docs_dir) / ALIASES_FILE
    where = f"docs/{ALIASES_FILE}"
    if not path.exists():
        return SearchAliases(), []
    try:
        raw = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        return SearchAliases(), [f"{where} is not valid YAML ({error}). Fix the line it names."]
    if raw is None:
        return SearchAliases(), []
    if not isinstance(raw, list):
        return SearchAliases(), [f"{where} must be a list of entries such as "
                                 "'- {ja: ファーウェイ, en: Huawei, also: [ファーウエイ]}'."]
    problems, entries, seen = [], [], {}
    normalised_pages = {lang: normalise(text) for lang, text in page_texts.items()}
    for number, item in enumerate(raw, 1):
        label = f"{where}: entry {number}"
        if not isinstance(item, dict) or not item or set(item) - FIELDS:
            problems.append(f"{label} ({item!r}) must be a mapping with 'ja' and/or 'en' (the forms "
                            "the pages use) and optionally 'also' (a list of other spellings).")
            continue
        label = f"{label} ({', '.join(str(v) for k, v in item.items() if k != 'also')})"
        forms = {lang: item[lang] for lang in LANGUAGES if lang in item}
        also = item.get("also", [])
        if not forms:
            problems.append(f"{label} has no 'ja' or 'en': add the form the pages use.")
            continue
        if not isinstance(also, list):
            problems.append(f"{label}: 'also' must be a list, e.g. 'also: [ファーウエイ, 华为]'.")
            continue
        names = [*forms.values(), *also]
        bad = [name for name in names if not isinstance(name, str) or not name.strip()]
        if bad:
            problems.append(f"{label}: every name must be non-empty text; found {bad!r}. Quote it.")
            continue
        for lang, form in forms.items():
            text = normalised_pages.get(lang)
            if text is not None and normalise(form) not in text:
                problems.append(f"{label}: no {lang} page uses '{form}', so search for it finds "
                                f"nothing. Write '{lang}' as the pages spell it, or remove it.")
        for name in names:
            key = normalise(name)
            if key in seen and seen[key] != number:
                problems.append(f"{label}: '{name}' is also in entry {seen[key]}. A name may lead "
                                "to one thing only: keep it in one entry.")
            seen.setdefault(key, number)
        entries.append(Alias(forms, tuple(also)))
    return SearchAliases(tuple(entries)), problems
