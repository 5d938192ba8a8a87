"""Fail the build when a page lacks its translation or its headings differ by language.

mkdocs-static-i18n's ``fallback_to_default`` (needed for shared assets) would silently
serve the Japanese page under ``/en/``. Every ``page.md`` must have a ``page.en.md``
(and the reverse) with the same heading ids in the same order, so that ``/x/#id`` and
``/en/x/#id`` point at the same section.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from markdown_headings import source_headings

SECOND_LANGUAGE = "en"


def page_pairs(docs_dir: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """Japanese and English page sources, keyed by their shared slug path."""
    japanese, english = {}, {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if rel.endswith(f".{SECOND_LANGUAGE}.md"):
            english[rel[: -len(f".{SECOND_LANGUAGE}.md")]] = path
        else:
            japanese[rel[: -len(".md")]] = path
    return japanese, english


def parity_problems(docs_dir: Path) -> list[str]:
    """One message per missing translation or heading-id difference."""
    japanese, english = page_pairs(docs_dir)
    problems = []
    for slug in sorted(set(japanese) - set(english)):
        problems.append(
            f"docs/{slug}.md has no English translation: create docs/{slug}.{SECOND_LANGUAGE}.md "
            "with the same headings and ids (otherwise /en/ would silently serve Japanese)."
        )
    for slug in sorted(set(english) - set(japanese)):
        problems.append(
            f"docs/{slug}.{SECOND_LANGUAGE}.md has no Japanese source: create docs/{slug}.md "
            "or remove the English page."
        )
    for slug in sorted(set(japanese) & set(english)):
        ja_ids = [h.id for h in source_headings(japanese[slug].read_text("utf-8")) if h.level > 1]
        en_ids = [h.id for h in source_headings(english[slug].read_text("utf-8")) if h.level > 1]
        if ja_ids != en_ids:
            detail = _first_difference(ja_ids, en_ids)
            problems.append(
                f"docs/{slug}.md and docs/{slug}.{SECOND_LANGUAGE}.md have different heading ids "
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


def on_pre_build(config, **kwargs):
    problems = parity_problems(Path(config["docs_dir"]))
    if problems:
        raise PluginError("Translation parity:\n  " + "\n  ".join(problems))
