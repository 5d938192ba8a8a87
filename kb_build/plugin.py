"""The knowledge base's build: every step MkDocs runs for this project, in order.

Read this file top to bottom and you know the whole build. MkDocs calls the event methods
below; each calls the steps of one moment, in the order written. The steps themselves live
in the modules named here, one concern each.

How the passes fit together: mkdocs-static-i18n (``i18n``) builds the Japanese site, then,
inside that pass's ``on_post_build`` (priority -100), runs a whole second build for English
with the same config object switched to English. So:

- ``on_config`` runs at -110, after i18n's (-100) has switched the pass's language; the
  first call of a build reads every source once and runs every check (``_Build.start``).
- the page events run per page of each pass, in that page's language (``page.file.locale``):
  the claim badges and the editors' additions, the translation status and the last-updated date go into the
  Markdown; the decorations (``page_html``) and the glyph check work on the HTML;
- ``on_post_build`` runs at -200, after i18n's: a nested pass ends first, and the outer pass
  then finishes the whole build (index split, redirect stubs, figure check, serve PDFs).

Nothing is kept between builds except what ``mkdocs serve`` needs (its PDFs) and two caches
keyed by what they were computed from: the essay's grouping (``passages.GroupingCache``) and
the compiled templates (``template_cache``), both also on disk. MkDocs keeps this plugin
instance for the whole serve process because it has ``on_startup``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from . import (checks, claims, content_security_policy, deployment, editorial_markdown, material_bundle,
               page_dates, passage_map, redirects, search_index, search_worker, social_cards,
               template_cache, translation_records)
from .glossary_entries import SOURCES as GLOSSARY_SOURCES
from .glossary_terms import GlossaryTerms
from .languages import Languages, page_language
from .markdown_source import replace_placeholder
from .not_found_pages import NotFoundPages
from .page_html import decorate
from .passages import GroupingCache
from .pdf_adapter import PdfAdapter
from .pdf_font import PdfFont
from .pdf_serving import ServedPdfs
from .site_sources import SiteSources

PDF_STYLESHEET = "assets/stylesheets/pdf.css"  # inside docs_dir; not loaded by the site


class KnowledgeBaseConfig(Config):
    # The source essay, relative to mkdocs.yml: the passage map and the traceability records.
    essay = c.Type(str, default="sources/essay.ja.txt")
    # Render each language's PDF in a process of its own, in parallel with the build
    # (false: one after the other, in the build's process, as mkdocs-to-pdf does).
    parallel_pdfs = c.Type(bool, default=True)


@dataclass
class _Build:
    """What one build (all its language passes) has read and done."""

    languages: Languages
    sources: SiteSources
    glossary: dict  # language -> GlossaryTerms
    not_found: NotFoundPages
    pdf: PdfAdapter | None
    font: PdfFont | None
    cards: social_cards.SocialCards
    pdf_css: str = ""
    passes_open: int = 0
    built: set = field(default_factory=set)  # (slug, language) of every page rendered
    placed: set = field(default_factory=set)  # (figure id, language)

    @classmethod
    def start(cls, config, essay: Path, parallel_pdfs: bool, known_essays) -> "_Build":
        """Read every source once and fail on any problem, before a page is rendered."""
        languages = Languages.from_config(config)
        try:
            sources = SiteSources.read(Path(config.docs_dir), essay, languages, known_essays)
        except FileNotFoundError as error:
            raise PluginError(str(error)) from None
        checks.raise_problems({
            **checks.build_problems(sources, redirects.declared(config)),
            "Deployment settings": deployment.problems(os.environ, config.site_url),
        })
        pdf = PdfAdapter.of(config, parallel=parallel_pdfs)
        font = PdfFont.find() if pdf is not None else None  # fail now, rather than write tofu
        css = ""
        if font is not None:
            css = font.font_face_css() + "\n" + (Path(config.docs_dir) / PDF_STYLESHEET).read_text("utf-8")
        cards = social_cards.SocialCards(Path(config.site_dir), Path(config.config_file_path).parent,
                                         (font or PdfFont.find()).files)
        return cls(languages, sources,
                   {lang: GlossaryTerms.of(sources.glossary.get(lang, [])) for lang in languages.all},
                   NotFoundPages(languages, Path(config.site_dir)), pdf, font, cards, css)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self):
        self.command = "build"
        self.served_pdfs = ServedPdfs()
        self.known_essays: GroupingCache | None = None  # the essay's grouping, across builds
        self.build: _Build | None = None
        self.templates = None  # Jinja's bytecode cache, made on the first pass

    # --- process -------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_shutdown(self):
        self.served_pdfs.discard()

    def on_build_error(self, *, error):
        self.build = None

    # --- each language pass ----------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n's on_config (-100) set the pass's language
    def on_config(self, config):
        if self.build is None:
            project = Path(config.config_file_path).parent
            essay = project / self.config.essay
            if self.known_essays is None:
                self.known_essays = GroupingCache(project / ".cache" / "kb-essay")
            self.build = _Build.start(config, essay, self.config.parallel_pdfs, self.known_essays)
        build = self.build
        build.passes_open += 1
        if build.pdf is not None:
            if self.command == "serve" and self.served_pdfs.kept:
                build.pdf.disable()
            else:
                checks.raise_problems({"PDF font": build.font.site_string_problems(config)})
                build.pdf.configure(config, config.theme["language"], build.pdf_css)
        return config

    def on_env(self, env, config, files):
        """Every pass and build reuses the compiled templates (``template_cache``)."""
        if self.templates is None:
            self.templates = template_cache.bytecode_cache(Path(config.config_file_path).parent)
        env.bytecode_cache = self.templates
        return env

    def on_page_markdown(self, markdown, page, config, files):
        build = self.build
        language = page_language(page, config)
        slug, _ = build.languages.split_source(page.file.src_uri)
        data, sections = build.sources.editorial, build.sources.sections
        markdown = claims.render_markers(markdown, build.sources.claims, build.sources.notes_by_id, language)
        markdown = editorial_markdown.insert_notes(
            markdown, [n for n in data.notes if n.page == slug], language)
        if slug == editorial_markdown.TIMELINE_PAGE:
            markdown = replace_placeholder(markdown, editorial_markdown.TIMELINE_PLACEHOLDER,
                                           editorial_markdown.timeline_table(data, sections, language))
        if slug == editorial_markdown.STATUS_PAGE:
            markdown = replace_placeholder(markdown, editorial_markdown.STATUS_PLACEHOLDER,
                                           search_index.excluded(
                                               editorial_markdown.editorial_status(data, sections, language)))
        if slug == claims.STATUS_PAGE:
            markdown = replace_placeholder(markdown, claims.PLACEHOLDER, claims.status_table(
                build.sources.claims, build.sources.notes_by_id, language))
        if slug == translation_records.STATUS_PAGE:
            markdown = replace_placeholder(markdown, translation_records.STATUS_PLACEHOLDER,
                                           search_index.excluded(translation_records.status_markdown(
                                               build.sources.translations, build.sources, language,
                                               page.file.url)))
        if (updated := page_dates.last_commit_date(Path(page.file.abs_src_path))) is not None:
            page.meta["revision_date"] = page_dates.updated_html(updated, language)
        if passage_map.PLACEHOLDER in markdown:
            table = passage_map.render_table(build.sources.essay, build.sources.in_language(language), language)
            markdown = replace_placeholder(markdown, passage_map.PLACEHOLDER, search_index.excluded(table))
        return markdown

    def on_page_content(self, html, page, config, files):
        build = self.build
        language = page_language(page, config)
        slug, _ = build.languages.split_source(page.file.src_uri)
        glossary = files.get_file_from_path(GLOSSARY_SOURCES.get(language, ""))
        on_glossary = glossary is not None and page.file.src_uri == glossary.src_uri
        decorated = decorate(
            html, language=language, default_language=build.languages.default,
            figures=[f for f in build.sources.figures if f.page == slug],
            glossary=build.glossary[language],
            glossary_href=None if glossary is None else
            ("" if on_glossary else get_relative_url(glossary.url, page.file.url)),
            on_glossary=on_glossary,
            permalink_title=(config["mdx_configs"].get("toc") or {}).get("permalink_title"),
            outdated=self._outdated_sections(page, slug, language),
            counterparts=tuple(g for other, g in build.glossary.items() if other != language),
        )
        build.built.add((slug, language))
        build.placed.update((figure_id, language) for figure_id in decorated.placed)
        if build.pdf is not None and build.pdf.rendering:
            problem = build.font.page_problem(page.file.src_uri, page.title + "\n" + decorated.text)
            if problem:
                raise PluginError(problem)
        return decorated.html

    def _outdated_sections(self, page, slug: str, language: str) -> dict[str, str]:
        """Key -> link to the Japanese original, for this English page's outdated sections."""
        if language != translation_records.TRANSLATION:
            return {}
        original = get_relative_url(self.build.languages.page_url(slug, translation_records.ORIGINAL),
                                    page.file.url)
        return {s.key: original + ("" if s.key == translation_records.INTRO else f"#{s.key}")
                for s in self.build.sources.translations if s.slug == slug and s.state == "outdated"}

    def on_page_context(self, context, page, config, nav):
        """The page's link-preview card (partials/link_preview.html shows it as og:image)."""
        meta = page.meta or {}
        card = social_cards.Card(
            site_name=config.site_name, title=meta.get("title") or page.title or config.site_name,
            description=meta.get("description") or config.site_description or "",
            address=page.canonical_url or "", language=page_language(page, config))
        context["kb_card"] = self.build.cards.place(page.url, card)
        return context

    @event_priority(-10)  # after mkdocs-to-pdf's on_post_page (0) collected the page for the PDF
    def on_post_page(self, output, page, config):
        build = self.build
        output = search_index.point_base_at_language(output, page_language(page, config), build.languages)
        output = search_worker.point_at_project_worker(output)
        if build.pdf is not None:
            build.pdf.collect_page(page, config.theme["language"])
        return content_security_policy.apply(output)  # last: it hashes the final inline scripts

    def on_post_template(self, output_content, template_name, config):
        if template_name != "404.html":
            return output_content
        build, language = self.build, config.theme["language"]
        output = search_index.point_base_at_language(output_content, language, build.languages)
        output = search_worker.point_at_project_worker(output)
        output = content_security_policy.apply(output)
        return build.not_found.rendered(output, language)

    # --- the end of the whole build --------------------------------------------------------

    @event_priority(-200)  # after mkdocs-static-i18n (-100) built the other languages and merged the index
    def on_post_build(self, config):
        build = self.build
        build.passes_open -= 1
        if build.passes_open:
            return  # a nested language pass ended; the outer pass finishes the build
        self.build = None
        if build.pdf is not None:
            build.pdf.finish()  # the PDFs were rendered in parallel with the rest of the build
        self._check_figures_placed(build)
        search_index.split_index(Path(config.site_dir), build.languages, self._search_extras(build))
        search_worker.write_patched_worker(Path(config.site_dir))
        material_bundle.patch_bundle(Path(config.site_dir))
        redirects.write_stubs(redirects.declared(config), Path(config.site_dir), config.site_url,
                              config.theme.get_env().get_template("redirect.html"), build.languages,
                              finish=content_security_policy.apply)
        if self.command == "serve" and build.pdf is not None:
            pdf_dir = build.pdf.output_dir(Path(config.site_dir))
            if self.served_pdfs.kept:
                self.served_pdfs.restore(pdf_dir)
            else:
                self.served_pdfs.keep(pdf_dir)

    @staticmethod
    def _search_extras(build: _Build) -> dict:
        """What the project's search worker reads from each language's index (``config.kb``)."""
        return {language: {
            "aliases": build.sources.aliases.table(language),
            "glossary": build.languages.split_source(GLOSSARY_SOURCES[language])[0] + "/",
            "timeline": editorial_markdown.TIMELINE_PAGE + "/",
        } for language in build.languages.all if language in GLOSSARY_SOURCES}

    @staticmethod
    def _check_figures_placed(build: _Build) -> None:
        """Every figure of a page that was built is in that page (``--dirty`` builds few)."""
        missing = [
            f"{figure.source}: figure '{figure.id}' was not placed in the '{language}' site: page "
            f"'{figure.page}' has no built section '#{figure.section}'. Check 'page' and 'section'."
            for figure in build.sources.figures for language in build.languages.all
            if (figure.page, language) in build.built and (figure.id, language) not in build.placed
        ]
        checks.raise_problems({"Figures": missing})
