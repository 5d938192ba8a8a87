"""Read the glossary entries of one language from its page source.

The glossary page of each language (``docs/glossary.md``, ``docs/glossary.en.md``) is the
single place that defines a term: the step that adds tooltips (``glossary_terms``) and the
checks below read the entries from it, so a translator edits one ordinary page. An entry is::

    ### 推論モデル（reasoning model） {#reasoning-model}

    One to three sentences of definition (the tooltip text).

    関連ページ：[中国の推論モデル](models.md)、[AIチップと半導体](chips.md)

The forms matched in running text are the heading text before any parenthesis, or, when the
heading carries ``data-terms="DeepSeek-R1|DeepSeek R1|R1"``, exactly those forms. The ``id``
is the same ASCII id in both languages; the h2 above the entries names their group.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from .japanese_text import BREAK_NEXT_TO_JAPANESE

SOURCES = {"ja": "glossary.md", "en": "glossary.en.md"}
RELATED_LABELS = {"ja": "関連ページ：", "en": "Related pages:"}
_PARENTHESIS = re.compile(r"\s*[（(].*$")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str  # the heading text
    terms: tuple[str, ...]  # forms matched in running text
    definition: str  # plain text, the tooltip
    related: tuple[str, ...]  # link targets as written, e.g. "models.md#commoditisation"
    group: str  # id of the h2 the entry sits under


def read_entries(page_text: str | None, language: str) -> tuple[list[Entry], list[str]]:
    """The entries of one language's glossary page (its source text, None if there is no
    such page), and one message per malformed entry."""
    source = SOURCES[language]
    if page_text is None:
        return [], [f"docs/{source} is missing: the glossary of '{language}' lives there."]
    body, _ = get_data(page_text)
    html = markdown.markdown(body, extensions=["attr_list"])
    label = RELATED_LABELS[language]
    entries: list[Entry] = []
    problems: list[str] = []
    group = ""
    current: dict | None = None

    def close():
        if current is None:
            return
        name = f"docs/{source}: entry '{current['title']}'"
        if not current["definition"]:
            problems.append(f"{name} has no definition: add one to three sentences under its heading.")
        if not current["related"]:
            problems.append(f"{name} has no '{label}' line: list the pages that discuss the term.")
        entries.append(Entry(**{**current, "definition": " ".join(current["definition"]),
                                "related": tuple(current["related"])}))

    for element in BeautifulSoup(html, "html.parser").find_all(["h2", "h3", "p"], recursive=False):
        text = plain_text(element.get_text())
        if element.name == "h2":
            close()
            current = None
            group = element.get("id", "")
        elif element.name == "h3":
            close()
            current = None
            if not element.get("id"):
                problems.append(
                    f"docs/{source}: entry '{text}' has no id. Add the same ASCII id as in the "
                    f"other language, e.g. '### {text} {{#some-term}}'."
                )
                continue
            declared = element.get("data-terms")
            terms = [t.strip() for t in declared.split("|")] if declared else [_PARENTHESIS.sub("", text)]
            current = {"id": element["id"], "title": text, "terms": tuple(t for t in terms if t),
                       "definition": [], "related": [], "group": group}
        elif current is not None:
            if text.startswith(label.rstrip(":：")):
                current["related"] = [a["href"] for a in element.find_all("a", href=True)]
            else:
                current["definition"].append(text)
    close()
    return entries, problems + duplicate_problems(entries, source)


def plain_text(text: str) -> str:
    """Whitespace collapsed; a line break next to Japanese text disappears, as in the page."""
    text = BREAK_NEXT_TO_JAPANESE.sub("", text)
    return " ".join(text.split())


def duplicate_problems(entries: list[Entry], source: str) -> list[str]:
    """Messages for an id or a term form that two entries of one page share."""
    problems = []
    for entry_id, count in Counter(e.id for e in entries).items():
        if count > 1:
            titles = " / ".join(e.title for e in entries if e.id == entry_id)
            problems.append(
                f"docs/{source}: id '{entry_id}' is used by {count} entries ({titles}). "
                "Give each entry its own id, or merge them into one entry."
            )
    owners: dict[str, list[str]] = {}
    for entry in entries:
        for term in set(entry.terms):
            owners.setdefault(term, []).append(entry.title)
    for term, titles in owners.items():
        if len(titles) > 1:
            problems.append(
                f"docs/{source}: the term '{term}' is defined by {len(titles)} entries "
                f"({' / '.join(titles)}). Keep it in one entry (remove it from the others' "
                "headings or data-terms)."
            )
    return problems


def parity_problems(ja: list[Entry], en: list[Entry]) -> list[str]:
    """Messages for an entry that exists in one language only."""
    problems = []
    en_ids = {e.id for e in en}
    ja_ids = {e.id for e in ja}
    for entry in ja:
        if entry.id not in en_ids:
            problems.append(
                f"Glossary term '{entry.title}' (id '{entry.id}') is in docs/{SOURCES['ja']} but not "
                f"in docs/{SOURCES['en']}: add '### <English term> {{#{entry.id}}}' with its definition "
                f"and '{RELATED_LABELS['en']}' line there, or remove it from both pages."
            )
    for entry in en:
        if entry.id not in ja_ids:
            problems.append(
                f"Glossary term '{entry.title}' (id '{entry.id}') is in docs/{SOURCES['en']} but not "
                f"in docs/{SOURCES['ja']}: add '### <日本語の用語> {{#{entry.id}}}' with its definition "
                f"and '{RELATED_LABELS['ja']}' line there, or remove it from both pages."
            )
    return problems
