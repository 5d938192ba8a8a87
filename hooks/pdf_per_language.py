"""Make mkdocs-to-pdf write one PDF per language, titled and set in that language.

mkdocs-static-i18n builds each language in a pass of its own and mkdocs-to-pdf (``to-pdf``)
runs in every pass, but i18n only special-cases the older ``with-pdf`` plugin. So
``to-pdf`` reads its options (cover title, author, subject) in its ``on_config`` before
i18n (priority -100) has switched ``site_name`` & co. to the pass's language, and every
pass writes the same ``output_path``: one language's PDF would be lost. Running after
i18n, this hook gives the plugin, for the pass's language:

- ``output_path``: the configured pattern with ``{lang}`` filled in (``pdf/kb-{lang}.pdf``);
- cover title, subtitle and author from the language's ``site_name``,
  ``site_description`` and ``site_author``, and the TOC title from Material's own
  translation of "Table of contents";

then lets the plugin re-read its options. Before WeasyPrint renders, it sets the
document's ``lang`` and ``<title>`` (the PDF's language and title metadata), keeps only
local stylesheets in the head (nothing is fetched), and adds the PDF stylesheet
``docs/assets/stylesheets/pdf.css`` with the ``@font-face`` rules of the packaged font
(see ``pdf_font``), which inline SVG figures get as an attribute. It drops the line breaks of the Markdown source
between two Japanese characters, which WeasyPrint would print as spaces. These steps,
and the header link of ``pdf_download_link``, are installed as the plugin's event-hook
module (the ``pre_pdf_render`` / ``inject_link`` interface of a ``pdf_event_hook.py``,
which would otherwise have to be a new file at the top of the repository).

Links to the other language's pages (``hreflang`` set to it, e.g. "English version of this
page") lead out of the PDF; they are taken out of the pages the plugin collected, or its
strict check would fail on them as missing anchors.
"""
from __future__ import annotations

import re
import weakref
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import pdf_download_link
import pdf_font
import pdf_table_layout

PLUGIN = "to-pdf"
# A source line break between two Japanese characters (kana, kanji, full-width punctuation).
_JA = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_JA_BREAK = re.compile(rf"(?<=[{_JA}])[ \t]*\n[ \t]*(?=[{_JA}])")
STYLESHEET = "assets/stylesheets/pdf.css"  # inside docs_dir

# The configured output_path pattern per plugin instance (the hook overwrites the option).
_patterns: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@event_priority(-110)  # after mkdocs-static-i18n's on_config (-100) has set the language
def on_config(config, **kwargs):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        return config
    pdf_font.font_files()  # fail now, with what to install, rather than write a tofu PDF
    language = config.theme["language"]
    pattern = _patterns.setdefault(plugin, plugin.config["output_path"])
    if "{lang}" not in pattern:
        raise PluginError(
            f"plugins.{PLUGIN}.output_path in mkdocs.yml is '{pattern}': it must contain "
            "'{lang}' (e.g. pdf/kb-{lang}.pdf), or each language's PDF overwrites the other's."
        )
    plugin.config.update(
        output_path=pattern.format(lang=language),
        cover_title=config.site_name,
        cover_subtitle=config.site_description or "",
        author=config.site_author or "",
        toc_title=_material_translation(config, "toc"),
    )
    plugin.on_config(config)  # re-read the options above (and create a fresh generator)
    options = getattr(plugin, "_options", None)  # mkdocs-to-pdf 0.12.1 keeps them here
    if options is None:
        raise PluginError(f"{__name__}: mkdocs-to-pdf changed: it has no options to hook into.")
    options.hook._module = _RenderStep(
        language=language,
        title=config.site_name,
        css=pdf_font.font_face_css() + "\n" + (Path(config.docs_dir) / STYLESHEET).read_text("utf-8"),
    )
    return config


@event_priority(-10)  # after mkdocs-to-pdf's on_post_page has collected the page's article
def on_post_page(output, page, config, **kwargs):
    plugin = config.plugins.get(PLUGIN)
    generator = getattr(plugin, "generator", None)
    article = getattr(generator, "_articles", {}).get(id(page))  # mkdocs-to-pdf 0.12.1
    if article is None:
        return output
    language = config.theme["language"]
    for link in article.find_all("a", hreflang=lambda value: value and value != language):
        parent = link.parent
        if parent.name == "p" and parent.get_text(strip=True) == link.get_text(strip=True):
            parent.decompose()
        else:
            link.unwrap()
    return output


def _material_translation(config, key: str) -> str:
    """Material's translation of ``key`` for the pass's theme language."""
    env = config.theme.get_env()
    template = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}')
    return template.render(config=config, key=key).strip()


class _RenderStep:
    """mkdocs-to-pdf's event-hook interface: edit the combined HTML before WeasyPrint renders it."""

    def __init__(self, language: str, title: str, css: str):
        self.language, self.title, self.css = language, title, css

    def inject_link(self, output: str, href: str, page, logger) -> str:
        return pdf_download_link.inject_link(output, href, page, self.language, self.title)

    def pre_pdf_render(self, soup: BeautifulSoup, logger) -> BeautifulSoup:
        soup.html["lang"] = self.language
        head = soup.head
        for element in head.find_all(["script", "link"]):
            is_local_css = "stylesheet" in (element.get("rel") or []) and element.get("href", "").startswith("file:")
            if not is_local_css:
                element.decompose()
        for svg in soup.body.find_all("svg"):  # figures: WeasyPrint's SVG text ignores the CSS
            svg["font-family"] = pdf_font.FAMILY
        for text in soup.body.find_all(string=_JA_BREAK):
            if not text.find_parent(["pre", "code"]):
                text.replace_with(_JA_BREAK.sub("", text))
        pdf_table_layout.fix_long_tables(soup)
        for old in head.find_all("title"):
            old.decompose()
        title = soup.new_tag("title")
        title.string = self.title
        head.insert(0, title)
        style = soup.new_tag("style")
        style.string = self.css
        head.append(style)  # last, so it overrides the plugin's and Material's rules
        return soup
