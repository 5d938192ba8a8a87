"""Place the figures of docs/_figures/ on their pages, as inline SVG, in the page's language.

The page Markdown is never edited for a figure (it is written and translated by others):
each figure source names its page slug and section heading id, and this hook inserts the
figure at the end of that section's own text, before the next heading of any level. The
build fails, naming the figure and the fix, when a source is unusable (see
figure_sources.py) or a figure could not be placed in a language.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Comment
from mkdocs.exceptions import PluginError

from figure_sources import load_figures
from svg_figure import render

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_state: dict = {"figures": [], "placed": set()}


def page_language(page, config) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else config["theme"]["language"]


def page_slug(page) -> str:
    src = page.file.src_uri
    return src[: -len(".en.md")] if src.endswith(".en.md") else src[: -len(".md")]


def figure_html(figure, lang: str) -> str:
    """The ``<figure>`` element: the SVG (with its text alternative) and the caption."""
    return (
        f'<figure class="kb-figure" id="figure-{figure.id}" data-figure="{figure.id}">'
        f'<div class="kb-figure__canvas">{render(figure, lang)}</div>'
        f"<figcaption>{escape(figure.caption[lang])}</figcaption></figure>"
    )


def on_pre_build(config, **kwargs):
    figures, problems = load_figures(Path(config["docs_dir"]))
    if problems:
        raise PluginError("Figures:\n  " + "\n  ".join(problems))
    _state["figures"] = figures
    # static-i18n runs one whole build per language, nested in the first one's
    # on_post_build: forget only this language's placements.
    lang = config["theme"]["language"]
    _state["placed"] = {p for p in _state["placed"] if p[1] != lang}


def on_page_content(html, page, config, files, **kwargs):
    here = [f for f in _state["figures"] if f.page == page_slug(page)]
    if not here:
        return html
    lang = page_language(page, config)
    soup = BeautifulSoup(html, "html.parser")
    markers = {}
    for figure in here:
        heading = soup.find(HEADINGS, id=figure.section)
        if heading is None:
            continue  # reported in on_post_build
        marker = f"kb-figure:{figure.id}"
        nxt = next((s for s in heading.find_next_siblings() if s.name in HEADINGS), None)
        if nxt is not None:
            nxt.insert_before(Comment(marker))
        else:
            heading.parent.append(Comment(marker))
        markers[f"<!--{marker}-->"] = figure_html(figure, lang)
        _state["placed"].add((figure.id, lang))
    # The SVG is spliced in as text: html.parser would lower-case viewBox.
    out = str(soup)
    for marker, markup in markers.items():
        out = out.replace(marker, markup, 1)
    return out


def on_post_build(config, **kwargs):
    lang = config["theme"]["language"]
    missing = [f for f in _state["figures"] if (f.id, lang) not in _state["placed"]]
    if missing:
        raise PluginError(
            "Figures:\n  "
            + "\n  ".join(
                f"{f.source}: figure '{f.id}' was not placed in the '{lang}' site: page "
                f"'{f.page}' has no built section '#{f.section}'. Check 'page' and 'section'."
                for f in missing
            )
        )
