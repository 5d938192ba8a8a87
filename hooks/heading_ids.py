"""Fail the build when a heading (h2 and below) has no explicit ASCII id.

Python-Markdown would give Japanese headings ids such as ``_1`` and ``_2`` that shift
whenever a heading moves, breaking every link a wiki holds to a section. Each heading
therefore carries ``{#ascii-id}``, the same in both languages.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from mkdocs.exceptions import PluginError

from markdown_headings import ID_PATTERN, source_headings


def heading_problems(markdown: str, src: str) -> list[str]:
    """One message per missing, malformed or repeated heading id in a page source."""
    problems = []
    found = source_headings(markdown)
    for heading in found:
        where = f"docs/{src}:{heading.line}"
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
    counts = Counter(h.id for h in found if h.id)
    for heading_id, count in counts.items():
        if count > 1:
            problems.append(
                f"docs/{src}: heading id '{heading_id}' is used {count} times. "
                "Give each heading its own id."
            )
    return problems


def on_pre_build(config, **kwargs):
    docs = Path(config["docs_dir"])
    problems = [
        problem
        for path in sorted(docs.rglob("*.md"))
        for problem in heading_problems(path.read_text("utf-8"), path.relative_to(docs).as_posix())
    ]
    if problems:
        raise PluginError("Heading ids:\n  " + "\n  ".join(problems))
