"""Every contact with mkdocs-to-pdf's internals, for the one version it was written for.

mkdocs-static-i18n builds each language in a pass of its own and mkdocs-to-pdf (``to-pdf``)
runs in every pass, but i18n only special-cases the older ``with-pdf`` plugin. So
``to-pdf`` reads its options (cover title, author, subject) in its ``on_config`` before
i18n has switched ``site_name`` & co. to the pass's language, and every pass writes the
same ``output_path``: one language's PDF would be lost. This adapter, used after i18n's
``on_config``, gives the plugin for the pass's language:

- ``output_path``: the configured pattern with ``{lang}`` filled in (``pdf/kb-{lang}.pdf``);
- cover title, subtitle and author from the language's ``site_name``,
  ``site_description`` and ``site_author``, and the TOC title from Material's own
  translation of "Table of contents";

then lets the plugin re-read its options, and installs ``RenderStep`` as the plugin's
event-hook module (the ``pre_pdf_render`` / ``inject_link`` interface of a
``pdf_event_hook.py``, which would otherwise have to be a file at the top of the repository).

Each page the plugin collected is edited before the plugin numbers its headings and builds
the contents (``collect_page``): links to the other language's pages (``hreflang`` set to
it, e.g. "English version of this page") lead out of the PDF, and its strict check would
fail on them as missing anchors; the web-only sections and typed heading numbers go too
(``pdf_document.prepare_page``). ``mkdocs serve`` rebuilds switch the plugin off
(``disable``).

Rendering: WeasyPrint lays a document out on one core, and the plugin would render the
Japanese PDF, then the English one, each blocking its language pass. The adapter hands the
plugin's finished HTML to ``ParallelRenderer`` instead (through the plugin's ``relaxed_js``
renderer slot, whose ``write_pdf(html, path)`` it calls in place of WeasyPrint): each PDF is
rendered in a process of its own, with exactly the call the plugin makes, while the build
goes on; ``finish`` waits for them and fails the build with every WeasyPrint error a renderer
logged, as the plugin's strict mode does (it sets WeasyPrint's logger to ERROR and counts what
reaches it; in another process its counter would miss them).

None of this is public API: the adapter checks the installed version and fails the build,
saying what to review, if it is not the one it was written for.
"""
from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs_to_pdf.options import Options

from . import pdf_document, pdf_download_link

PLUGIN = "kb-pdf"  # LazyToPdf below: mkdocs-to-pdf, imported only when enabled
WRITTEN_FOR = "0.12.1"


class LazyToPdf(BasePlugin):
    """mkdocs-to-pdf's plugin, imported only when it is enabled (registered as ``kb-pdf``).

    MkDocs imports a listed plugin's module before it reads ``enabled``, and mkdocs-to-pdf's
    module imports WeasyPrint (0.5 to 1.3 s per process): every build without PDFs (the
    tests', ``KB_PDF=false``) paid for it. This stand-in has the plugin's own options and
    hands each event to the real plugin, created on the first ``on_config``.
    """

    config_scheme = Options.config_scheme

    def __init__(self):
        self.real = None

    def on_config(self, config):
        if self.real is None:
            from mkdocs_to_pdf.plugin import WithPdfPlugin

            self.real = WithPdfPlugin()
            self.real.config = self.config
        return self.real.on_config(config)

    def on_serve(self, server, config, builder, **kwargs):
        return self.real.on_serve(server, config, builder) if self.real else server

    def on_nav(self, nav, config, files):
        return self.real.on_nav(nav, config, files)

    def on_post_page(self, output, page, config):
        return self.real.on_post_page(output, page, config)

    def on_post_build(self, config):
        return self.real.on_post_build(config)


class PdfAdapter:
    """The to-pdf plugin of one build, driven per language pass."""

    def __init__(self, plugin, pattern: str, renderer: "ParallelRenderer | None" = None):
        self.plugin, self.pattern = plugin, pattern
        self.renderer = renderer

    @classmethod
    def of(cls, config, parallel: bool = True) -> "PdfAdapter | None":
        """The adapter for this build, or None when to-pdf is not listed or is disabled
        (``enabled: !ENV [KB_PDF, true]`` in mkdocs.yml)."""
        proxy = config.plugins.get(PLUGIN)
        if proxy is None:
            return None
        plugin = proxy.real
        installed = version("mkdocs-to-pdf")
        if installed != WRITTEN_FOR:
            raise PluginError(
                f"kb_build/pdf_adapter.py was written for mkdocs-to-pdf {WRITTEN_FOR}, but "
                f"{installed} is installed. Check the plugin internals this module uses "
                "(on_config, _options.hook._module, generator._articles, enabled) against the "
                "new version, then update WRITTEN_FOR."
            )
        pattern = str(plugin.config["output_path"])
        if "{lang}" not in pattern:
            raise PluginError(
                f"plugins.{PLUGIN}.output_path in mkdocs.yml is '{pattern}': it must contain "
                "'{lang}' (e.g. pdf/kb-{lang}.pdf), or each language's PDF overwrites the other's."
            )
        return cls(plugin, pattern, ParallelRenderer(strict=bool(config.strict)) if parallel else None)

    @property
    def rendering(self) -> bool:
        return bool(self.plugin.enabled)

    def configure(self, config, language: str, css: str) -> None:
        """Point the plugin at this pass's language (see the module docstring)."""
        self.plugin.config.update(
            output_path=self.pattern.format(lang=language),
            cover_title=config.site_name,
            cover_subtitle=config.site_description or "",
            author=config.site_author or "",
            toc_title=_material_translation(config, "toc"),
        )
        self.plugin.on_config(config)  # re-read the options above (and create a fresh generator)
        options = getattr(self.plugin, "_options", None)
        hook = getattr(options, "hook", None)
        if hook is None or not hasattr(hook, "_module"):
            raise PluginError(f"mkdocs-to-pdf {WRITTEN_FOR}'s options changed: no event hook to install.")
        hook._module = RenderStep(language, config.site_name, css)
        if self.renderer is not None:
            if not hasattr(options, "relaxed_js") or getattr(options, "js_renderer", None):
                raise PluginError(f"mkdocs-to-pdf {WRITTEN_FOR}'s options changed: no renderer slot.")
            options.relaxed_js = self.renderer

    def finish(self) -> None:
        """Wait for the PDFs being rendered; fail on anything WeasyPrint reported."""
        if self.renderer is not None:
            self.renderer.finish()

    def disable(self) -> None:
        """No PDF in this build (``mkdocs serve`` rebuilds keep the first build's PDFs)."""
        self.plugin.enabled = False

    def collect_page(self, page, language: str) -> None:
        """Edit the article the plugin collected for ``page``, before it numbers the headings
        and builds the contents: no links to another language's pages, no web-only sections
        and no typed heading numbers (``pdf_document.prepare_page``)."""
        article = self._article(page)
        if article is not None:
            _drop_other_language_links(article, language)
            pdf_document.prepare_page(article)

    def _article(self, page):
        """The article the plugin collected for ``page``; None if it renders nothing or
        excludes the page."""
        if not self.rendering:
            return None
        articles = getattr(self.plugin.generator, "_articles", None)
        if articles is None:
            raise PluginError(f"mkdocs-to-pdf {WRITTEN_FOR}'s generator changed: no collected articles.")
        return articles.get(id(page))

    def output_dir(self, site_dir: Path) -> Path:
        return Path(site_dir) / Path(self.pattern).parent


def _drop_other_language_links(article, language: str) -> None:
    for link in article.find_all("a", hreflang=lambda value: value and value != language):
        parent = link.parent
        if parent.name == "p" and parent.get_text(strip=True) == link.get_text(strip=True):
            parent.decompose()
        else:
            link.unwrap()


def _material_translation(config, key: str) -> str:
    """Material's translation of ``key`` for the pass's theme language."""
    env = config.theme.get_env()
    template = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}')
    return template.render(config=config, key=key).strip()


class ParallelRenderer:
    """Renders each PDF in a process of its own (see the module docstring)."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.pool: ProcessPoolExecutor | None = None
        self.jobs: list[tuple[str, Future]] = []

    def write_pdf(self, html: str, path: str) -> None:
        """The plugin's call: start rendering ``html`` to ``path`` and return at once."""
        if self.pool is None:
            # spawn, not fork: mkdocs serve runs threads, which fork does not copy safely.
            self.pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
        self.jobs.append((path, self.pool.submit(render_pdf, html, path)))

    def finish(self) -> None:
        if self.pool is None:
            return
        try:
            problems = []
            for path, job in self.jobs:
                messages = job.result()  # re-raises a renderer's exception here
                problems += [f"{path}: {logging.getLevelName(level)}: {message}" for level, message in messages]
            if problems and self.strict:
                raise PluginError("WeasyPrint reported errors while rendering the PDFs:\n  "
                                  + "\n  ".join(problems))
            for problem in problems:
                logging.getLogger("mkdocs.plugins.kb").error(problem)
        finally:
            self.pool.shutdown()
            self.pool, self.jobs = None, []


# Tagged PDF/UA-1: a structure tree (headings, lists, tables, figures) for screen readers
# and reflow, XMP metadata, and the document title shown in the viewer's title bar
# (mkdocs-to-pdf's own call passes no options, so it writes an untagged PDF).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def render_pdf(html: str, path: str) -> list[tuple[int, str]]:
    """In a renderer process: the plugin's own WeasyPrint call, with ``PDF_OPTIONS``; returns
    what WeasyPrint logged at the level the plugin listens to (ERROR: it silences WeasyPrint's
    CSS warnings)."""
    from mkdocs_to_pdf.utils.metadata_util import prepend_producer
    from weasyprint import HTML
    from weasyprint.logger import LOGGER

    class Collect(logging.Handler):
        def __init__(self):
            super().__init__(logging.ERROR)
            self.records: list[tuple[int, str]] = []

        def emit(self, record):
            self.records.append((record.levelno, record.getMessage()))

    collect = Collect()
    LOGGER.addHandler(collect)
    LOGGER.setLevel(logging.ERROR)
    try:
        HTML(string=html).render(**PDF_OPTIONS).write_pdf(path, finisher=prepend_producer, **PDF_OPTIONS)
    finally:
        LOGGER.removeHandler(collect)
    return collect.records


class RenderStep:
    """mkdocs-to-pdf's event-hook interface: the header link, and the combined HTML's last edits."""

    def __init__(self, language: str, title: str, css: str):
        self.language, self.title, self.css = language, title, css

    def inject_link(self, output: str, href: str, page, logger) -> str:
        return pdf_download_link.inject_link(output, href, page, self.language, self.title)

    def pre_pdf_render(self, soup: BeautifulSoup, logger) -> BeautifulSoup:
        return pdf_document.prepare(soup, self.language, self.title, self.css)
