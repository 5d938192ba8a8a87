"""The checks that stop a build before anything is written, and how they are reported.

Each check is a pure function from what was read (``site_sources``) to a list of messages;
each message names the file and the fix. They run once per build, before the first
language pass renders a page, and every problem found is reported at once, grouped by
what was checked. The checks:

- every heading below the page title has an explicit lowercase ASCII id, used once per
  page: Python-Markdown would give Japanese headings ids such as ``_1`` that shift when a
  heading moves, breaking every link a wiki holds to a section;
- every page has its translation, with the same heading ids in the same order:
  mkdocs-static-i18n's ``fallback_to_default`` (needed for shared assets) would silently
  serve the Japanese page under ``/en/``;
- every English section has a translation record (``translation_records``);
- every disputed claim of the claim register is stated only with its marker (``claims``);
- the glossary, the editors' data and the figures (read with their own checks), the
  redirects declared in mkdocs.yml, and the placeholder lines of the generated parts.
"""
from __future__ import annotations

from collections import Counter

from mkdocs.exceptions import PluginError

from . import claims, editorial_markdown, translation_records
from .glossary_entries import SOURCES as GLOSSARY_SOURCES
from .glossary_entries import parity_problems as glossary_parity_problems
from .markdown_source import ID_PATTERN
from .redirects import redirect_problems
from .site_sources import PageSource, SiteSources


def heading_problems(page: PageSource) -> list[str]:
    """One message per missing, malformed or repeated heading id in a page source."""
    problems = []
    for heading in page.headings:
        where = f"docs/{page.src}:{heading.line}"
        if heading.level < 2:
            continue
        if heading.id is None:
            problems.append(
                f"{where}: heading '{heading.text}' has no explicit id. "
                f"Add one, e.g. '{'#' * heading.level} {heading.text} {{#some-ascii-id}}', "
                "with the same id in the other language's page."
            )
        elif not ID_PATTERN.match(heading.id):
            problems.append(
                f"{where}: heading id '{heading.id}' is not lowercase ASCII words joined by "
                "hyphens. Rename it, e.g. {#huawei-ascend}."
            )
    counts = Counter(h.id for h in page.headings if h.id)
    for heading_id, count in counts.items():
        if count > 1:
            problems.append(
                f"docs/{page.src}: heading id '{heading_id}' is used {count} times. "
                "Give each heading its own id."
            )
    return problems


def translation_problems(sources: SiteSources) -> list[str]:
    """One message per missing translation or heading-id difference."""
    languages = sources.languages
    default = languages.default
    problems = []
    slugs = {language: {p.slug for p in sources.in_language(language)} for language in languages.all}
    for language in languages.all[1:]:
        suffix = languages.source_suffix(language)
        for slug in sorted(slugs[default] - slugs[language]):
            problems.append(
                f"docs/{slug}.md has no English translation: create docs/{slug}{suffix} "
                "with the same headings and ids (otherwise /en/ would silently serve Japanese)."
                if language == "en" else
                f"docs/{slug}.md has no '{language}' translation: create docs/{slug}{suffix}."
            )
        for slug in sorted(slugs[language] - slugs[default]):
            problems.append(
                f"docs/{slug}{suffix} has no Japanese source: create docs/{slug}.md "
                "or remove the English page."
            )
        for slug in sorted(slugs[default] & slugs[language]):
            ids = {lang: [h.id for h in sources.page(slug, lang).headings if h.level > 1]
                   for lang in (default, language)}
            if ids[default] != ids[language]:
                detail = _first_difference(ids[default], ids[language])
                problems.append(
                    f"docs/{slug}.md and docs/{slug}{suffix} have different heading ids "
                    f"({detail}). Give the same section the same {{#id}} in both languages, "
                    "in the same order."
                )
    return problems


def _first_difference(ja_ids: list, en_ids: list) -> str:
    for index, (ja_id, en_id) in enumerate(zip(ja_ids, en_ids), start=1):
        if ja_id != en_id:
            return f"heading {index}: '{ja_id}' in Japanese, '{en_id}' in English"
    if len(ja_ids) > len(en_ids):
        return f"Japanese has more headings, first extra: '{ja_ids[len(en_ids)]}'"
    return f"English has more headings, first extra: '{en_ids[len(ja_ids)]}'"


PLACEHOLDERS = (
    (editorial_markdown.TIMELINE_PAGE, editorial_markdown.TIMELINE_PLACEHOLDER,
     "add it where the timeline table belongs."),
    (editorial_markdown.STATUS_PAGE, editorial_markdown.STATUS_PLACEHOLDER,
     "add it (on its own line) where the editorial status belongs, "
     "e.g. under the heading '## 原典の記述と編集部の記述 {#essay-and-editors}'."),
    (claims.STATUS_PAGE, claims.PLACEHOLDER,
     "add it (on its own line) where the claim-status table belongs, "
     "e.g. under the heading '## 主張の検証状況 {#claim-status}'."),
    (translation_records.STATUS_PAGE, translation_records.STATUS_PLACEHOLDER,
     "add it (on its own line) where the translation status belongs, "
     "e.g. under the heading '## 翻訳の状態 {#translation-status}'."),
)


def placeholder_problems(sources: SiteSources) -> list[str]:
    """The generated parts need their placeholder line on their page, in every language."""
    problems = []
    for page in sources.pages.values():
        lines = {line.strip() for line in page.text.splitlines()}
        for slug, placeholder, fix in PLACEHOLDERS:
            if page.slug == slug and placeholder not in lines:
                problems.append(f"docs/{page.src} has no line '{placeholder}': {fix}")
    return problems


def build_problems(sources: SiteSources, redirects: dict[str, str]) -> dict[str, list[str]]:
    """Every problem of the sources, grouped under a heading, in the order they are reported."""
    problems = {
        "Heading ids": [p for page in sources.pages.values() for p in heading_problems(page)],
        "Glossary": list(sources.problems.get("Glossary", [])) + (
            glossary_parity_problems(sources.glossary["ja"], sources.glossary["en"])
            if {"ja", "en"} <= set(sources.glossary) else []),
        "Translation parity": translation_problems(sources),
        "Figures": list(sources.problems.get("Figures", [])),
        "Redirects": redirect_problems(redirects, sources),
        "Generated parts": placeholder_problems(sources),
        "Translation records": translation_records.problems(sources.translations),
        "Claims": claims.statement_problems(sources.claims, sources.pages.values(),
                                            set(GLOSSARY_SOURCES.values()), sources.figures),
    }
    for name, found in sources.problems.items():
        problems.setdefault(name, list(found))
    return {name: found for name, found in problems.items() if found}


def raise_problems(problems: dict[str, list[str]]) -> None:
    """Fail the build with every problem, if there is any."""
    problems = {name: found for name, found in problems.items() if found}
    if problems:
        raise PluginError("\n".join(f"{name}:\n  " + "\n  ".join(found)
                                    for name, found in problems.items()))
