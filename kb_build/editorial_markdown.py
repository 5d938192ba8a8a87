"""Write the editors' additions into the pages' Markdown, in each page's language.

The essay's claims stay in the pages as the essay's; the editors' additions come from
``docs/_data/`` (see ``editorial_data``), so the pages' Markdown needs no edit for them:

- each editor's note is appended, as an admonition inside
  ``<div class="editor-note" id="note-ID">`` (the same id in both languages), to the end of
  the named section's own text, just before the next heading;
- the timeline replaces the line ``<!-- timeline -->`` of the Timeline page: oldest first, a
  heading per year (``#year-2025``, in both languages) and one entry per event
  (``<li id="event-ID">``): its date (``<time>``), the event, a link to the section that
  discusses it, and the source;
- the editorial status replaces ``<!-- editorial-status -->`` on the About page: what the
  editors added, how much of it, when it was last checked, and the list of notes.

Sources read the same everywhere: the publication's name in the page's language, linking
to its https address with ``rel="external noopener"`` (a navigation; nothing is loaded).
"""
from __future__ import annotations

import itertools

from .dates import time_html
from .editorial_data import EditorialData, SectionLookup
from .markdown_source import escape_inline, headings

NOTE_LABEL = {"ja": "編集部注", "en": "Editor's note"}
TIMELINE_PAGE, TIMELINE_PLACEHOLDER = "timeline", "<!-- timeline -->"
STATUS_PAGE, STATUS_PLACEHOLDER = "about", "<!-- editorial-status -->"
TIMELINE_LABELS = {
    "ja": {"year": "{year}年", "years": "年ごとに移動", "where": "関連ページ："},
    "en": {"year": "{year}", "years": "Go to a year", "where": "Discussed in: "},
}
STATUS_TEXT = {
    "ja": (
        "各ページの本文は原典の内容を編集したもので、原典の意見や予測は原典のものとして示しています。\n"
        "次のものは原典ではなく、編集部が書いたものです。\n\n"
        "- 「編集部注」の囲み（{notes}件）：原典の主張について、公開された記録が示す内容を、日付と出典へのリンクを付けて添えています。"
        "原典にない事実は、この囲み、年表、用語集の定義にだけ書いています。\n"
        "- [年表](timeline.md)：出典を確かめた出来事（{events}件）を年ごとに並べています。\n"
        "- [主張の検証状況](#claim-status)の表と、本文の「原典・一部正確」のような印。\n"
        "- 各ページの「要点」と図：原典の内容を編集部がまとめたもので、新しい主張は含みません。\n"
        "- [用語集](glossary.md)の定義：用語が何を指すかを編集部が短く説明したもので、原典の主張は含みません。\n\n"
        "編集部注、年表、検証状況は、{checked}時点で編集部のファクトチェック資料と照合しました。\n"
        "資料が未確認としている点は、事実としては書いていません。\n\n"
        "編集部注の一覧は次のとおりです。\n"
    ),
    "en": (
        "The pages are edited from the essay, and the essay's opinions and forecasts are given as the "
        "essay's. The editors, not the essay, wrote the following:\n\n"
        "- the \"Editor's note\" boxes ({notes}): what the public record shows about the essay's claims, "
        "with dates and links to the sources. Facts that are not in the essay appear only in these notes, "
        "the timeline and the glossary definitions;\n"
        "- the [timeline](timeline.md): the events whose sources were checked ({events}), by year;\n"
        "- the [claim status](#claim-status) table, and the badges such as \"Essay · partly accurate\" in the text;\n"
        "- each page's key points and the figures: the editors' summaries of the essay, which add no "
        "claims of their own;\n"
        "- the [glossary](glossary.md) definitions: the editors' short definitions of what a term refers "
        "to, which state none of the essay's claims.\n\n"
        "The notes, the timeline and the claim status were last checked against the editors' fact-check "
        "file on {checked}. What that file marks as unverified is not stated as fact.\n\n"
        "The editor's notes:\n"
    ),
}


def source_links(sources, language: str) -> str:
    """'[A](url)、[B](url)' in Japanese, '[A](url); [B](url)' in English."""
    written = [f'[{escape_inline(s.label(language))}]({s.url}){{rel="external noopener"}}'
               for s in sources]
    return ("、" if language == "ja" else "; ").join(written)


def labelled_sources(sources, language: str) -> str:
    """The links after '出典：' / 'Source: ' / 'Sources: '."""
    if language == "ja":
        return "出典：" + source_links(sources, language)
    return ("Sources: " if len(sources) > 1 else "Source: ") + source_links(sources, language)


def note_markdown(note, language: str) -> str:
    separator = "：" if language == "ja" else ": "
    title = f"{NOTE_LABEL[language]}{separator}{note.title(language)}"
    body = [*note.text(language).splitlines(), "", labelled_sources(note.sources, language)]
    indented = "\n".join(f"    {line}" if line else "" for line in body)
    return (
        f'<div class="editor-note" id="note-{note.id}" markdown>\n\n'
        f'!!! note "{title}"\n\n{indented}\n\n</div>'
    )


def insert_notes(markdown: str, notes, language: str) -> str:
    """``markdown`` with each of ``notes`` (all of this page) at the end of its section.

    The sections were checked to exist before the build; a section missing here means
    another step changed the page, which is a bug, so it raises KeyError.
    """
    if not notes:
        return markdown
    lines = markdown.splitlines()
    found = headings(markdown)
    blocks: dict[int, list[str]] = {}
    for note in notes:
        index = next(i for i, h in enumerate(found) if h.id == note.section)
        end = found[index + 1].line - 1 if index + 1 < len(found) else len(lines)
        blocks.setdefault(end, []).append(note_markdown(note, language))
    for end in sorted(blocks, reverse=True):
        lines[end:end] = [part for block in blocks[end] for part in ("", block, "")]
    return "\n".join(lines) + "\n"


def timeline_table(data: EditorialData, sections: SectionLookup, language: str) -> str:
    """The timeline: per year (oldest first) a heading ``#year-YYYY`` and a list of its events,
    each ``<li id="event-ID">`` with its date, the event, the section that discusses it and
    the source. One entry per event, not a table row, so that it reads on a phone."""
    labels = TIMELINE_LABELS[language]
    years = list(dict.fromkeys(event.date.year for event in data.events))
    jumps = " ".join(f"[{labels['year'].format(year=year)}](#year-{year})" for year in years)
    parts = ['<div class="kb-timeline" markdown>', "",
             f'<nav class="kb-timeline__years" aria-label="{labels["years"]}" markdown="1">',
             jumps, "</nav>"]
    for year, events in itertools.groupby(data.events, key=lambda e: e.date.year):
        parts += ["", f"### {labels['year'].format(year=year)} {{#year-{year}}}", "",
                  '<ol class="kb-timeline__events" markdown="block">']
        for event in events:
            section = sections(event.page, language)[event.section]
            where = (f"[{escape_inline(section.page_title)} › {escape_inline(section.heading)}]"
                     f"({event.page}.md#{event.section})")
            parts += [
                f'<li class="kb-timeline__event" id="event-{event.id}" markdown="block">', "",
                time_html(event.date, language), "{: .kb-timeline__date }", "",
                escape_inline(event.text(language)), "{: .kb-timeline__text }", "",
                f'<span class="kb-timeline__where">{labels["where"]}{where}</span>',
                f'<span class="kb-timeline__source">{labelled_sources(event.sources, language)}</span>',
                "{: .kb-timeline__meta }", "", "</li>",
            ]
        parts.append("</ol>")
    return "\n".join(parts + ["", "</div>"])


def editorial_status(data: EditorialData, sections: SectionLookup, language: str) -> str:
    text = STATUS_TEXT[language].format(
        notes=len(data.notes), events=len(data.events),
        checked=time_html(data.last_checked, language),
    )
    items = []
    for note in data.notes:
        section = sections(note.page, language)[note.section]
        where = f"{section.page_title} › {section.heading}"
        items.append(f"- [{escape_inline(note.title(language))}]({note.page}.md#note-{note.id})"
                     + (f"（{where}）" if language == "ja" else f" ({where})"))
    return '<div class="editorial-status" markdown>\n\n' + text + "\n" + "\n".join(items) + "\n\n</div>"
