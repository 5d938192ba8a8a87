"""Render the timeline into the Timeline page of each language.

One data file, ``docs/_data/timeline.yml``, holds every event once (ISO date, page and
section that discuss it, sources, and the event in both languages). This hook replaces
the line ``<!-- timeline -->`` of ``timeline.md`` / ``timeline.en.md`` with a table,
oldest first: the date (written by ``iso_dates`` in the page's language, in a
``<time id="event-ID">``), the event, a relative link to the section that discusses it,
and the source. A Timeline page without the placeholder fails the build.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import editorial_data
import iso_dates
import source_links

PLACEHOLDER = "<!-- timeline -->"
SLUG = "timeline"
HEADER = {
    False: "| 日付 | 出来事 | 関連ページ | 出典 |",
    True: "| Date | Event | Discussed in | Source |",
}


def render(events, docs_dir: Path, english: bool) -> str:
    rows = [HEADER[english], "|---|---|---|---|"]
    for event in events:
        section = editorial_data.page_sections(docs_dir, event.page, english)[event.section]
        date = iso_dates.time_html(event.date, english).replace("<time ", f'<time id="event-{event.id}" ', 1)
        where = f"[{_cell(section.page_title)} › {_cell(section.heading)}]({event.page}.md#{event.section})"
        sources = source_links.links(event.sources, english)
        rows.append(f"| {date} | {_cell(event.text(english))} | {where} | {sources} |")
    return '<div class="kb-timeline" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    english = src.endswith(".en.md")
    if src not in (f"{SLUG}.md", f"{SLUG}.en.md"):
        return markdown
    if PLACEHOLDER not in markdown:
        raise PluginError(
            f"docs/{src} has no line '{PLACEHOLDER}': add it where the timeline table belongs."
        )
    docs_dir = Path(config["docs_dir"])
    table = render(editorial_data.load_timeline(docs_dir), docs_dir, english)
    return "\n".join(table if line.strip() == PLACEHOLDER else line for line in markdown.splitlines()) + "\n"


def on_pre_build(config, **kwargs):
    editorial_data.load_timeline(Path(config["docs_dir"]))  # fail early, naming the event


def _cell(text: str) -> str:
    return re.sub(r"([|\[\]*_`\\])", r"\\\1", text)
