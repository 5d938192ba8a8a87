"""Insert the editor's notes into the pages, each in the page's language.

The essay's claims stay in the pages as the essay's; where the editors' fact-check rates
a claim "partly" or "inaccurate", an editor's note says what the record shows, with its
date and source. The notes live in ``docs/_data/editor-notes.yml`` (both languages), so
the pages' Markdown needs no edit for them: each note is appended, as an admonition
inside ``<div class="editor-note" id="note-ID">`` (the same id in both languages), to the
end of the named section's own text, just before the next heading. A note whose page or
section does not exist fails the build (see ``editorial_data``).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

import editorial_data
import source_links
from markdown_headings import headings

LABEL = {False: "編集部注", True: "Editor's note"}
_notes: list = []


def on_pre_build(config, **kwargs):
    global _notes
    _, _notes = editorial_data.load_notes(Path(config["docs_dir"]))


def note_markdown(note, english: bool) -> str:
    separator = ": " if english else "："
    title = f"{LABEL[english]}{separator}{note.title(english)}"
    body = [*note.text(english).splitlines(), "", source_links.labelled(note.sources, english)]
    indented = "\n".join(f"    {line}" if line else "" for line in body)
    return (
        f'<div class="editor-note" id="note-{note.id}" markdown>\n\n'
        f'!!! note "{title}"\n\n{indented}\n\n</div>'
    )


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    english = src.endswith(".en.md")
    slug = src[: -len(".en.md")] if english else src[: -len(".md")]
    mine = [note for note in _notes if note.page == slug]
    if not mine:
        return markdown
    lines = markdown.splitlines()
    found = headings(markdown)
    blocks: dict[int, list[str]] = {}
    for note in mine:
        index = next((i for i, h in enumerate(found) if h.id == note.section), None)
        if index is None:  # checked in on_pre_build; kept for a page changed by another hook
            raise PluginError(
                f"docs/{editorial_data.NOTES_FILE}: note '{note.id}': section '{note.section}' "
                f"is not a heading id of docs/{src}. Set `section:` to an existing heading id."
            )
        end = found[index + 1].line - 1 if index + 1 < len(found) else len(lines)
        blocks.setdefault(end, []).append(note_markdown(note, english))
    for end in sorted(blocks, reverse=True):
        lines[end:end] = [part for block in blocks[end] for part in ("", block, "")]
    return "\n".join(lines) + "\n"

