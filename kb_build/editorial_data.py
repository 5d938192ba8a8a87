"""Read and check the editors' data: sources, editor's notes and the timeline.

The notes and the timeline are the editors' statements, not the essay's. They live in
``docs/_data/*.yml`` (both languages' prose side by side; excluded from the page build)
so that the pages' Markdown never needs editing for them. Every note and event must name
a source with a well-formed web address (https, or http where the record gives no other), write its dates as ISO (see ``dates``),
and point at a page and section heading id that exist in both languages. The readers
return what they read and one message per problem, each naming the note or event and the
fix; the caller prefixes the file.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from babel.dates import get_month_names

from . import dates
from .dates import IsoDate
from .markdown_source import ID_PATTERN, YAML_LOADER


SOURCES_FILE = "_data/sources.yml"
NOTES_FILE = "_data/editor-notes.yml"
TIMELINE_FILE = "_data/timeline.yml"
LANGUAGES = ("ja", "en")
PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
# Dates belong in `dates:` / `date:`, not in the prose (one format per language).
PROSE_DATE = {
    "ja": re.compile(r"\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{4}-\d{2}"),
    "en": re.compile(r"\b(?:" + "|".join(get_month_names("wide", locale="en_GB").values())
                     + r")\b|\d{4}-\d{2}"),
}
NOTE_FIELDS = {"id", "row", "page", "section", "dates", "sources",
               "title_ja", "title_en", "text_ja", "text_en"}
EVENT_FIELDS = {"id", "date", "precision", "page", "section", "sources", "text_ja", "text_en"}


@dataclass(frozen=True)
class Section:
    """A section as readers see it named: its page's title and its heading."""
    page_title: str
    heading: str


# (slug, language) -> heading id -> Section, or None when the page does not exist.
SectionLookup = Callable[[str, str], "dict[str, Section] | None"]


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    name_ja: str
    url: str

    def label(self, language: str) -> str:
        return self.name_ja if language == "ja" else self.name


@dataclass(frozen=True)
class Note:
    id: str
    page: str
    section: str
    dates: dict
    sources: tuple
    title_ja: str
    title_en: str
    text_ja: str
    text_en: str

    def title(self, language: str) -> str:
        return self.title_ja if language == "ja" else self.title_en

    def text(self, language: str) -> str:
        """The prose with each {date} written as this language writes dates."""
        prose = self.text_ja if language == "ja" else self.text_en
        return PLACEHOLDER.sub(lambda m: dates.time_html(self.dates[m[1]], language), prose)


@dataclass(frozen=True)
class Event:
    id: str
    date: IsoDate
    page: str
    section: str
    sources: tuple
    text_ja: str
    text_en: str

    def text(self, language: str) -> str:
        return self.text_ja if language == "ja" else self.text_en


@dataclass(frozen=True)
class EditorialData:
    """Everything the editors added, read and checked once per build."""
    sources: dict
    last_checked: IsoDate | None
    notes: tuple
    events: tuple  # oldest first


def read_yaml(docs_dir: Path, name: str) -> tuple[object, list[str]]:
    """The parsed file, and a problem if it is missing or not YAML."""
    path = docs_dir / name
    if not path.is_file():
        return {}, [f"docs/{name} is missing: the editor's notes and timeline need it."]
    try:
        return yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER) or {}, []
    except yaml.YAMLError as error:
        return {}, [f"docs/{name} is not valid YAML: {error}"]


def url_problem(url) -> str | None:
    """Why ``url`` is not a well-formed absolute web address, or None.

    https is the rule; http only where the fact-check file gives nothing else (one Chinese
    news site): readers follow the link, the site loads nothing from it."""
    text = str(url or "")
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or "." not in parts.netloc or re.search(r"[\s<>\"']", text):
        return f"'{text}' is not an absolute https:// address"
    return None


def read_sources(data) -> tuple[dict[str, Source], list[str]]:
    if not isinstance(data, dict):
        return {}, ["expected a mapping of source keys to {name, url}"]
    problems, sources = [], {}
    for key, entry in data.items():
        entry = entry if isinstance(entry, dict) else {}
        if not entry.get("name"):
            problems.append(f"source '{key}' has no name. Add `name:` (the publication).")
        if problem := url_problem(entry.get("url")):
            problems.append(f"source '{key}': {problem}. Give the full https:// URL.")
        name = str(entry.get("name", ""))
        sources[str(key)] = Source(str(key), name, str(entry.get("name_ja") or name), str(entry.get("url")))
    return sources, problems


def _common_problems(what, item, fields, sources, sections: SectionLookup) -> list[str]:
    """Problems shared by notes and events: fields, prose, sources, target section."""
    problems = []
    for field in sorted(set(item) - fields):
        problems.append(f"{what}: unknown field '{field}'. Allowed: {', '.join(sorted(fields))}.")
    for field in sorted(f for f in fields if f.startswith(("text_", "title_"))):
        if not str(item.get(field) or "").strip():
            problems.append(f"{what} has no {field}. Write the {field[-2:]} text.")
        elif PROSE_DATE[field[-2:]].search(str(item[field])):
            problems.append(f"{what}: {field} spells out a date. Write it as ISO in the data and "
                            "let the build format it (notes: {name} + `dates:`; timeline: `date:`).")
    keys = item.get("sources")
    if not keys or not isinstance(keys, list):
        problems.append(f"{what} has no source. Add `sources: [key]` naming an entry of "
                        f"docs/{SOURCES_FILE} (from the fact-check file's row); nothing is "
                        "published without a source.")
    else:
        for key in keys:
            if key not in sources:
                problems.append(f"{what}: source '{key}' is not in docs/{SOURCES_FILE}. "
                                f"Use one of: {', '.join(sources)}, or add it there.")
    page, section = item.get("page"), item.get("section")
    for language in LANGUAGES:
        file = f"docs/{page}.md" if language == "ja" else f"docs/{page}.{language}.md"
        found = sections(str(page), language) if page else None
        if found is None:
            problems.append(f"{what}: page '{page}' does not exist ({file}). Set `page:` to the "
                            "slug of a page, e.g. models or chips.")
            break
        if section not in found:
            problems.append(f"{what}: section '{section}' is not a heading id of {file}. Set "
                            f"`section:` to one of: {', '.join(found)} (or restore "
                            f"{{#{section}}} on that page's heading).")
    return problems


def _id_problems(what: str, item: dict, seen: set) -> list[str]:
    ident = item.get("id")
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        return [f"{what}: id {ident!r} must be lowercase ASCII words joined by hyphens."]
    if ident in seen:
        return [f"{what}: id '{ident}' is used twice. Give each its own id."]
    seen.add(ident)
    return []


def _sources_of(item: dict, sources: dict) -> tuple:
    return tuple(sources[k] for k in item.get("sources") or [] if k in sources)


def read_notes(data, sources, sections: SectionLookup) -> tuple[IsoDate | None, list[Note], list[str]]:
    """(date the notes were last checked, notes in file order, problems)."""
    data = data if isinstance(data, dict) else {}
    problems, notes, seen = [], [], set()
    try:
        last_checked = dates.parse(data.get("last_checked"))
    except ValueError as error:
        last_checked = None
        problems.append(f"last_checked: {error}")
    for index, item in enumerate(data.get("notes") or [], start=1):
        item = item if isinstance(item, dict) else {}
        what = f"note '{item.get('id', f'#{index}')}'"
        problems += _id_problems(what, item, seen)
        problems += _common_problems(what, item, NOTE_FIELDS, sources, sections)
        parsed = {}
        for name, value in (item.get("dates") or {}).items():
            try:
                parsed[str(name)] = dates.parse(value)
            except ValueError as error:
                problems.append(f"{what}: dates.{name}: {error}.")
        for field in ("text_ja", "text_en"):
            used = set(PLACEHOLDER.findall(str(item.get(field) or "")))
            if used - set(parsed):
                problems.append(f"{what}: {field} uses {{{', '.join(sorted(used - set(parsed)))}}} "
                                "with no ISO date under `dates:`. Add it there.")
            if set(parsed) - used:
                problems.append(f"{what}: {field} does not mention "
                                f"{{{', '.join(sorted(set(parsed) - used))}}}. Both languages "
                                "state the same dates.")
        notes.append(Note(
            str(item.get("id")), str(item.get("page")), str(item.get("section")), parsed,
            _sources_of(item, sources),
            *(str(item.get(f) or "").strip() for f in ("title_ja", "title_en", "text_ja", "text_en")),
        ))
    if not notes:
        problems.append("no notes under `notes:`.")
    return last_checked, notes, problems


def read_timeline(data, sources, sections: SectionLookup) -> tuple[list[Event], list[str]]:
    """Timeline events, oldest first (events of the same date keep their file order), and problems."""
    data = data if isinstance(data, dict) else {}
    problems, events, seen = [], [], set()
    for index, item in enumerate(data.get("events") or [], start=1):
        item = item if isinstance(item, dict) else {}
        what = f"event '{item.get('id', f'#{index}')}'"
        problems += _id_problems(what, item, seen)
        problems += _common_problems(what, item, EVENT_FIELDS, sources, sections)
        try:
            date = dates.parse(item.get("date"))
        except ValueError as error:
            problems.append(f"{what}: date: {error}.")
            continue
        if item.get("precision") != date.precision:
            problems.append(f"{what}: precision is {item.get('precision')!r} but date "
                            f"'{date.iso}' is a {date.precision}. Write \"YYYY-MM-DD\" with "
                            "precision: day, or \"YYYY-MM\" with precision: month.")
        events.append(Event(
            str(item.get("id")), date, str(item.get("page")), str(item.get("section")),
            _sources_of(item, sources),
            str(item.get("text_ja") or "").strip(), str(item.get("text_en") or "").strip(),
        ))
    if not events:
        problems.append("no events under `events:`.")
    return sorted(events, key=lambda e: e.date), problems


def read_editorial_data(docs_dir: Path, sections: SectionLookup) -> tuple[EditorialData, dict[str, list[str]]]:
    """All three files, and their problems keyed by file (``docs/_data/...``)."""
    problems: dict[str, list[str]] = {}
    raw_sources, problems[SOURCES_FILE] = read_yaml(docs_dir, SOURCES_FILE)
    sources, found = read_sources(raw_sources) if not problems[SOURCES_FILE] else ({}, [])
    problems[SOURCES_FILE] += found
    raw_notes, problems[NOTES_FILE] = read_yaml(docs_dir, NOTES_FILE)
    last_checked, notes, found = read_notes(raw_notes, sources, sections)
    problems[NOTES_FILE] += found
    raw_events, problems[TIMELINE_FILE] = read_yaml(docs_dir, TIMELINE_FILE)
    events, found = read_timeline(raw_events, sources, sections)
    problems[TIMELINE_FILE] += found
    data = EditorialData(sources, last_checked, tuple(notes), tuple(events))
    return data, {name: found for name, found in problems.items() if found}
