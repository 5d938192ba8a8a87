"""Render, on the About page, which parts are the essay's and which are the editors'.

Readers cite this knowledge base, so the About page says what the editors added (the
editor's notes and the timeline), how many there are, and when they were last checked
against the editors' fact-check file. Everything comes from the data files (the date is
typed once, as ``last_checked`` in ``docs/_data/editor-notes.yml``) and replaces the line
``<!-- editorial-status -->`` of ``about.md`` / ``about.en.md``; an About page without
that line fails the build.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import editorial_data
import iso_dates

PLACEHOLDER = "<!-- editorial-status -->"
SLUG = "about"

TEXT = {
    False: (
        "この知識ベースの本文は、原典（2025年に意見記事として書かれたエッセイ）の主張を、原典のものとして示しています。\n"
        "次の2つは原典ではなく、編集部によるものです。\n\n"
        "- 「編集部注」の囲み（{notes}件）：原典の主張が不正確な箇所や一部だけ正確な箇所に、"
        "公開された記録が示す内容を、日付と出典へのリンクを付けて添えています。\n"
        "- [年表](timeline.md)：出典を確かめた出来事（{events}件）を古い順に並べています。\n\n"
        "編集部注と年表は、{checked}時点で編集部のファクトチェック資料と照合しました。\n"
        "資料が未確認としている点は、事実としては書いていません。\n\n"
        "編集部注の一覧は次のとおりです。\n"
    ),
    True: (
        "The pages present the claims of the source essay (an opinion piece written in 2025) "
        "as the essay's. Two parts are the editors', not the essay's:\n\n"
        "- the \"Editor's note\" boxes ({notes}): where the essay's claim is inaccurate or only "
        "partly accurate, what the public record shows, with its date and a link to the source;\n"
        "- the [timeline](timeline.md): the events whose sources were checked ({events}), "
        "oldest first.\n\n"
        "The notes and the timeline were last checked against the editors' fact-check file "
        "on {checked}. What that file marks as unverified is not stated as fact.\n\n"
        "The editor's notes:\n"
    ),
}


def render(docs_dir: Path, english: bool) -> str:
    checked, notes = editorial_data.load_notes(docs_dir)
    events = editorial_data.load_timeline(docs_dir)
    text = TEXT[english].format(
        notes=len(notes), events=len(events), checked=iso_dates.time_html(checked, english)
    )
    items = []
    for note in notes:
        section = editorial_data.page_sections(docs_dir, note.page, english)[note.section]
        where = f"{section.page_title} › {section.heading}"
        items.append(
            f"- [{_escape(note.title(english))}]({note.page}.md#note-{note.id})"
            + (f" ({where})" if english else f"（{where}）")
        )
    return '<div class="editorial-status" markdown>\n\n' + text + "\n" + "\n".join(items) + "\n\n</div>"


def on_page_markdown(markdown, page, config, files, **kwargs):
    src = page.file.src_uri
    if src not in (f"{SLUG}.md", f"{SLUG}.en.md"):
        return markdown
    if PLACEHOLDER not in markdown:
        raise PluginError(
            f"docs/{src} has no line '{PLACEHOLDER}': add it (on its own line) where the "
            "editorial status belongs, e.g. under the heading '## 原典の記述と編集部の記述 {#essay-and-editors}'."
        )
    block = render(Path(config["docs_dir"]), src.endswith(".en.md"))
    return "\n".join(block if line.strip() == PLACEHOLDER else line for line in markdown.splitlines()) + "\n"


def _escape(text: str) -> str:
    return re.sub(r"([\[\]*_`\\])", r"\\\1", text)
