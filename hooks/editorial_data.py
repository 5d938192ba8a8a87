"""Read and check the editors' data: sources, editor's notes and the timeline.

The notes and the timeline are the editors' statements, not the essay's. They live in
``docs/_data/*.yml`` (both languages' prose side by side; excluded from the page build)
so that the pages' Markdown never needs editing for them. Every note and event must name
a source with a well-formed https address, write its dates as ISO (see ``iso_dates``),
and point at a page and section heading id that exist in both languages. All problems
of a file are raised together, each naming the file, the note or event, and the fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: faster
from mkdocs.exceptions import PluginError

import iso_dates
from iso_dates import IsoDate
from markdown_headings import ID_PATTERN, source_headings

SOURCES_FILE = "_data/sources.yml"
NOTES_FILE = "_data/editor-notes.yml"
TIMELINE_FILE = "_data/timeline.yml"
PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
# Dates belong in `dates:` / `date:`, not in the prose (one format per language).
PROSE_DATE = {
    "ja": re.compile(r"\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{4}-\d{2}"),
    "en": re.compile(r"\b(?:" + "|".join(iso_dates.MONTHS_EN) + r")\b|\d{4}-\d{2}"),
}
NOTE_FIELDS = {"id", "row", "page", "section", "dates", "sources",
               "title_ja", "title_en", "text_ja", "text_en"}
EVENT_FIELDS = {"id", "date", "precision", "page", "section", "sources", "text_ja", "text_en"}


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    name_ja: str
    url: str

    def label(self, english: bool) -> str:
        return self.name if english else self.name_ja


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

    def title(self, english: bool) -> str:
        return self.title_en if english else self.title_ja

    def text(self, english: bool) -> str:
        """The prose with each {date} written as this language writes dates."""
        prose = self.text_en if english else self.text_ja
        return PLACEHOLDER.sub(lambda m: iso_dates.time_html(self.dates[m[1]], english), prose)


@dataclass(frozen=True)
class Event:
    id: str
    date: IsoDate
    page: str
    section: str
    sources: tuple
    text_ja: str
    text_en: str

    def text(self, english: bool) -> str:
        return self.text_en if english else self.text_ja


@dataclass(frozen=True)
class Section:
    page_title: str
    heading: str


def _read_yaml(docs_dir: Path, name: str):
    path = docs_dir / name
    if not path.is_file():
        raise PluginError(f"docs/{name} is missing: the editor's notes and timeline need it.")
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        raise PluginError(f"docs/{name} is not valid YAML: {error}") from error


def _raise(name: str, problems: list[str]) -> None:
    if problems:
        raise PluginError(f"docs/{name}:\n  " + "\n  ".join(problems))


def url_problem(url) -> str | None:
    """Why ``url`` is not a well-formed absolute https address, or None."""
    text = str(url or "")
    parts = urlsplit(text)
    if parts.scheme != "https" or "." not in parts.netloc or re.search(r"[\s<>\"']", text):
        return f"'{text}' is not an absolute https:// address"
    return None


def load_sources(docs_dir: Path) -> dict[str, Source]:
    data = _read_yaml(docs_dir, SOURCES_FILE)
    problems, sources = [], {}
    if not isinstance(data, dict):
        _raise(SOURCES_FILE, ["expected a mapping of source keys to {name, url}"])
    for key, entry in data.items():
        entry = entry if isinstance(entry, dict) else {}
        if not entry.get("name"):
            problems.append(f"source '{key}' has no name. Add `name:` (the publication).")
        if problem := url_problem(entry.get("url")):
            problems.append(f"source '{key}': {problem}. Give the full https:// URL.")
        name = str(entry.get("name", ""))
        sources[str(key)] = Source(str(key), name, str(entry.get("name_ja") or name), str(entry.get("url")))
    _raise(SOURCES_FILE, problems)
    return sources


@lru_cache(maxsize=None)  # asked once per note and event; a build does not change the pages
def page_sections(docs_dir: Path, slug: str, english: bool) -> dict[str, Section] | None:
    """Heading id -> Section of docs/<slug>[.en].md, or None if the page does not exist."""
    path = docs_dir / (f"{slug}.en.md" if english else f"{slug}.md")
    if not path.is_file():
        return None
    text = path.read_text("utf-8")
    found = source_headings(text)
    title = next((h.text for h in found if h.level == 1), slug)
    if text.startswith("---\n") and (end := text.find("\n---\n", 4)) != -1:
        meta = yaml.load(text[4:end], Loader=_LOADER) or {}
        title = str(meta.get("title") or title) if isinstance(meta, dict) else title
    return {h.id: Section(title, h.text) for h in found if h.id and h.level > 1}


def _common_problems(docs_dir, what, item, fields, sources) -> list[str]:
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
    for english in (False, True):
        file = f"docs/{page}.en.md" if english else f"docs/{page}.md"
        sections = page_sections(docs_dir, str(page), english) if page else None
        if sections is None:
            problems.append(f"{what}: page '{page}' does not exist ({file}). Set `page:` to the "
                            "slug of a page, e.g. models or chips.")
            break
        if section not in sections:
            problems.append(f"{what}: section '{section}' is not a heading id of {file}. Set "
                            f"`section:` to one of: {', '.join(sections)} (or restore "
                            f"{{#{section}}} on that page's heading).")
    return problems


def _ids_problems(what: str, item: dict, seen: set) -> list[str]:
    ident = item.get("id")
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        return [f"{what}: id {ident!r} must be lowercase ASCII words joined by hyphens."]
    if ident in seen:
        return [f"{what}: id '{ident}' is used twice. Give each its own id."]
    seen.add(ident)
    return []


def load_notes(docs_dir: Path) -> tuple[IsoDate, list[Note]]:
    """(date the notes were last checked, notes in file order)."""
    data = _read_yaml(docs_dir, NOTES_FILE)
    sources = load_sources(docs_dir)
    problems, notes, seen = [], [], set()
    try:
        last_checked = iso_dates.parse(data.get("last_checked"))
    except ValueError as error:
        last_checked = None
        problems.append(f"last_checked: {error}")
    for index, item in enumerate(data.get("notes") or [], start=1):
        item = item if isinstance(item, dict) else {}
        what = f"note '{item.get('id', f'#{index}')}'"
        problems += _ids_problems(what, item, seen)
        problems += _common_problems(docs_dir, what, item, NOTE_FIELDS, sources)
        dates = {}
        for name, value in (item.get("dates") or {}).items():
            try:
                dates[str(name)] = iso_dates.parse(value)
            except ValueError as error:
                problems.append(f"{what}: dates.{name}: {error}.")
        for field in ("text_ja", "text_en"):
            used = set(PLACEHOLDER.findall(str(item.get(field) or "")))
            if used - set(dates):
                problems.append(f"{what}: {field} uses {{{', '.join(sorted(used - set(dates)))}}} "
                                "with no ISO date under `dates:`. Add it there.")
            if set(dates) - used:
                problems.append(f"{what}: {field} does not mention "
                                f"{{{', '.join(sorted(set(dates) - used))}}}. Both languages "
                                "state the same dates.")
        notes.append(Note(
            str(item.get("id")), str(item.get("page")), str(item.get("section")), dates,
            tuple(sources[k] for k in item.get("sources") or [] if k in sources),
            *(str(item.get(f) or "").strip() for f in ("title_ja", "title_en", "text_ja", "text_en")),
        ))
    if not notes:
        problems.append("no notes under `notes:`.")
    _raise(NOTES_FILE, problems)
    return last_checked, notes


def load_timeline(docs_dir: Path) -> list[Event]:
    """Timeline events, oldest first (events of the same date keep their file order)."""
    data = _read_yaml(docs_dir, TIMELINE_FILE)
    sources = load_sources(docs_dir)
    problems, events, seen = [], [], set()
    for index, item in enumerate(data.get("events") or [], start=1):
        item = item if isinstance(item, dict) else {}
        what = f"event '{item.get('id', f'#{index}')}'"
        problems += _ids_problems(what, item, seen)
        problems += _common_problems(docs_dir, what, item, EVENT_FIELDS, sources)
        try:
            date = iso_dates.parse(item.get("date"))
        except ValueError as error:
            problems.append(f"{what}: date: {error}.")
            continue
        if item.get("precision") != date.precision:
            problems.append(f"{what}: precision is {item.get('precision')!r} but date "
                            f"'{date.iso}' is a {date.precision}. Write \"YYYY-MM-DD\" with "
                            "precision: day, or \"YYYY-MM\" with precision: month.")
        events.append(Event(
            str(item.get("id")), date, str(item.get("page")), str(item.get("section")),
            tuple(sources[k] for k in item.get("sources") or [] if k in sources),
            str(item.get("text_ja") or "").strip(), str(item.get("text_en") or "").strip(),
        ))
    if not events:
        problems.append("no events under `events:`.")
    _raise(TIMELINE_FILE, problems)
    return sorted(events, key=lambda e: e.date)
