"""Everything the build reads from disk, read once per build.

A build (both language passes of mkdocs-static-i18n) reads each page source, the glossary
pages, the editors' data, the figure sources and the essay exactly once, here, and every
step works from this snapshot: nothing is read again per page or per language pass, and
nothing is kept across builds (``mkdocs serve`` reads afresh on every rebuild, so a
renamed heading shows everywhere at once) except the essay's grouping, keyed by the essay's
text. Reading also collects the problems found, for
the checks to report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import passages
from .claims import CLAIMS_FILE, ClaimRegister, read_register
from .editorial_data import EditorialData, Section, read_editorial_data, read_yaml
from .figure_sources import Figure, load_figures
from .glossary_entries import SOURCES, Entry, read_entries
from .languages import Languages
from .search_aliases import ALIASES_FILE, SearchAliases, read_aliases
from .markdown_source import Heading, front_matter, source_headings


@dataclass(frozen=True)
class PageSource:
    src: str  # 'chips.en.md'
    slug: str  # 'chips'
    language: str
    text: str
    headings: tuple[Heading, ...]
    title: str  # front matter title, else the h1, else the slug

    @property
    def sections(self) -> dict[str, Section]:
        return {h.id: Section(self.title, h.text) for h in self.headings if h.id and h.level > 1}


@dataclass
class SiteSources:
    docs_dir: Path
    languages: Languages
    pages: dict[str, PageSource]  # by src
    glossary: dict[str, list[Entry]]  # by language
    editorial: EditorialData
    figures: list[Figure]
    essay: passages.Essay
    problems: dict[str, list[str]] = field(default_factory=dict)  # heading -> messages
    aliases: SearchAliases = field(default_factory=SearchAliases)  # docs/_data/search-aliases.yml
    claims: ClaimRegister = field(default_factory=ClaimRegister)  # docs/_data/claims.yml

    @classmethod
    def read(cls, docs_dir: Path, essay_path: Path, languages: Languages,
             known_essays: "passages.GroupingCache | None" = None) -> "SiteSources":
        docs_dir = Path(docs_dir)
        pages = {}
        for path in sorted(docs_dir.rglob("*.md")):
            src = path.relative_to(docs_dir).as_posix()
            slug, language = languages.split_source(src)
            text = path.read_text("utf-8")
            found = tuple(source_headings(text))
            title = (str(front_matter(text).get("title") or "")
                     or next((h.text for h in found if h.level == 1), slug))
            pages[src] = PageSource(src, slug, language, text, found, title)
        problems: dict[str, list[str]] = {}
        glossary = {}
        for language in languages.all:
            page = pages.get(SOURCES[language])
            glossary[language], found = read_entries(page.text if page else None, language)
            problems.setdefault("Glossary", []).extend(found)
        figures, problems["Figures"] = load_figures(docs_dir, _lookup_headings(pages, languages))
        sources = cls(docs_dir, languages, pages, glossary, None, figures,
                      passages.Essay.read(essay_path, known_essays), problems)
        sources.editorial, data_problems = read_editorial_data(docs_dir, sources.sections)
        for name, found in data_problems.items():
            problems[f"docs/{name}"] = found
        sources.claims, found = read_register(docs_dir, sources.notes_by_id, sources.editorial.sources, read_yaml)
        if found:
            problems[f"docs/{CLAIMS_FILE}"] = found
        texts = {lang: "\n".join(p.text for p in sources.in_language(lang)) for lang in languages.all}
        sources.aliases, found = read_aliases(docs_dir, texts)
        if found:
            problems[f"docs/{ALIASES_FILE}"] = found
        return sources

    @cached_property
    def translations(self) -> list:
        """Every English section's translation state (``translation_records``)."""
        from .translation_records import statuses

        return statuses(self)

    @cached_property
    def notes_by_id(self) -> dict:
        return {note.id: note for note in self.editorial.notes}

    def page(self, slug: str, language: str) -> PageSource | None:
        return self.pages.get(slug + self.languages.source_suffix(language))

    def sections(self, slug: str, language: str) -> dict[str, Section] | None:
        """Heading id -> Section of one page in one language; None if there is no such page."""
        page = self.page(slug, language)
        return None if page is None else page.sections

    def in_language(self, language: str) -> list[PageSource]:
        return [p for p in self.pages.values() if p.language == language]


def _lookup_headings(pages: dict[str, PageSource], languages: Languages):
    def lookup(slug: str, language: str) -> list[str] | None:
        page = pages.get(slug + languages.source_suffix(language))
        return None if page is None else [h.id for h in page.headings if h.id]
    return lookup
