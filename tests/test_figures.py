"""Figures: drawn from docs/_figures/*.yml into both languages, with caption and text alternative.

Checked on the built HTML the way readers meet it: each figure sits in its section, in two
drawings (wide, and narrow for phones: kb_build/svg_figure.py), every label of its source is
real SVG text of both drawings in the page's language, no Japanese label breaks inside a
word, and bad sources stop the build with a message naming the figure and the fix.
(tests/browser/test_layout.py measures the drawings as shown: size, text size, overlaps.)
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

import project_sources
from kb_build.japanese_text import JAPANESE
from kb_build.svg_figure import DRAWINGS, draw
from sitebuild import assert_bad_input_reported

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
_SOURCES = project_sources.read()
FIGURES, PROBLEMS = _SOURCES.figures, _SOURCES.problems.get("Figures", [])
LANGS = ("ja", "en")
# The four figures the knowledge base promises (issue 11); more may be added.
REQUIRED = {"models-share", "ecosystem-pillars", "chips-supply-chain", "japan-strategy-parts"}


def test_sources_are_usable_and_complete():
    assert PROBLEMS == []
    assert REQUIRED <= {f.id for f in FIGURES}


def _figure(html_pages, figure, lang):
    rel = f"{figure.page}/index.html" if lang == "ja" else f"en/{figure.page}/index.html"
    soup = BeautifulSoup(html_pages[rel].read_text("utf-8"), "html.parser")
    found = soup.select(f"figure#figure-{figure.id}")
    assert len(found) == 1, f"figure '{figure.id}' appears {len(found)} times in {rel}"
    return found[0], rel


def _rendered_texts(svg, lang):
    """Each <text> of the SVG as one string: wrapped lines joined back together."""
    joiner = "" if lang == "ja" else " "
    return [joiner.join(t.get_text() for t in text.find_all("tspan")) for text in svg.find_all("text")]


def _norm(text, lang):
    return re.sub(r"\s+", "", text) if lang == "ja" else re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_figure_is_in_its_section(html_pages, figure, lang):
    element, rel = _figure(html_pages, figure, lang)
    heading = element.find_previous(HEADINGS)
    assert heading is not None and heading.get("id") == figure.section, (
        f"figure '{figure.id}' in {rel} follows '#{heading and heading.get('id')}', "
        f"not its section '#{figure.section}'"
    )
    # Inline SVG, nothing loaded: no diagram library, no image file; one SVG per drawing.
    drawings = [svg["class"] for svg in element.find_all("svg")]
    assert drawings == [["kb-figure__svg", f"kb-figure__svg--{d.name}"] for d in DRAWINGS], drawings
    assert element.find(["script", "img", "object", "iframe"]) is None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
@pytest.mark.parametrize("drawing", range(len(DRAWINGS)), ids=[d.name for d in DRAWINGS])
def test_every_label_is_svg_text_in_the_page_language(html_pages, figure, lang, drawing):
    element, rel = _figure(html_pages, figure, lang)
    svg = element.find_all("svg")[drawing]
    rendered = {_norm(t, lang) for t in _rendered_texts(svg, lang)}
    for pair in figure.labels():
        assert _norm(pair[lang], lang) in rendered, (
            f"label '{pair[lang]}' of figure '{figure.id}' is not a <text> in {rel}"
        )
    if lang == "en":
        for text in [*_rendered_texts(svg, lang), svg.get("aria-label", ""),
                     element.figcaption.get_text()]:
            assert not JAPANESE.search(text), f"Japanese in English figure '{figure.id}': {text}"
    else:
        assert any(JAPANESE.search(t) for t in _rendered_texts(svg, lang)), (
            f"the Japanese figure '{figure.id}' has no Japanese text"
        )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_every_figure_has_caption_and_text_alternative(html_pages, figure, lang):
    element, rel = _figure(html_pages, figure, lang)
    caption = element.find("figcaption")
    assert caption is not None and caption.get_text().strip() == figure.caption[lang].strip(), rel
    alt = figure.alt[lang].strip()
    assert len(alt) > len(caption.get_text()), f"alt text of '{figure.id}' is shorter than its caption"
    for svg in element.find_all("svg"):  # the one a width shows (layout.css) is the one read out
        assert svg.get("role") == "img", rel
        assert svg.get("aria-label") == alt, rel
        assert svg.find("desc").get_text() == alt, rel


# Where a Japanese label may break: between BudouX phrases (word-break: auto-phrase's model),
# and inside a phrase too wide for any line only where a compound changes script or after
# ・：、 (顔認証|データ, CUDA|プラットフォーム), never elsewhere (「参/加と貢献」, 「ファーウェ/イ」).
_SCRIPT_CHANGE = re.compile(
    r"(?<=[・：、])|(?<=[\u3400-\u9fff])(?=[\u30a0-\u30ffA-Za-z0-9])"
    r"|(?<=[\u30a0-\u30ff])(?=[\u3400-\u9fffA-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff\u30a0-\u30ff])")


def _allowed_breaks(text: str) -> set[int]:
    import budoux

    allowed, at = set(), 0
    for phrase in budoux.load_default_japanese_parser().parse(text):
        allowed |= {at + m.start() for m in _SCRIPT_CHANGE.finditer(phrase)}
        at += len(phrase)
        allowed.add(at)
    return allowed


@pytest.mark.parametrize("drawing", DRAWINGS, ids=lambda d: d.name)
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_japanese_labels_never_break_inside_a_word(figure, drawing):
    """In process: every wrapped Japanese label of both drawings breaks where a reader expects."""
    svg = BeautifulSoup(draw(figure, "ja", drawing), "html.parser")
    bad = []
    for text in svg.find_all("text"):
        lines = [t.get_text() for t in text.find_all("tspan")]
        whole = "".join(lines)
        allowed = _allowed_breaks(whole)
        ends = [sum(len(line) for line in lines[:i + 1]) for i in range(len(lines) - 1)]
        bad += [" / ".join(lines) for end in ends if end not in allowed]
    assert not bad, f"'{figure.id}' ({drawing.name}) breaks inside a word: {bad}"


def _edit_source(project: Path, figure_id: str, change) -> None:
    path = project / "docs" / "_figures" / f"{figure_id}.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


BAD_INPUTS = {
    "label-without-english": (
        lambda p: _edit_source(p, "chips-supply-chain", lambda d: d["nodes"][0]["label"].pop("en")),
        ["docs/_figures/chips-supply-chain.yml (figure 'chips-supply-chain')",
         "has no 'en' form. Add 'en: ...'"],
    ),
    "missing-section": (
        lambda p: _edit_source(p, "models-share", lambda d: d.update(section="no-such-section")),
        ["figure 'models-share' is placed in section 'no-such-section'",
         "docs/models.md has no heading {#no-such-section}", "Set 'section' to one of"],
    ),
    "narrow-order-incomplete": (
        lambda p: _edit_source(p, "chips-supply-chain",
                               lambda d: d["narrow"].update(order=["japan", "japan", "ghost"])),
        ["docs/_figures/chips-supply-chain.yml (figure 'chips-supply-chain'): narrow.order lacks "
         "chipmakers, controls, developers, nvidia", "names ghost, not a node id", "names japan twice",
         "List every node id once"],
    ),
    "missing-page": (
        lambda p: _edit_source(p, "ecosystem-pillars", lambda d: d.update(page="pillars")),
        ["figure 'ecosystem-pillars' is placed on page 'pillars'", "docs/pillars.md does not exist"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_figure_source_is_reported_naming_the_figure(case, project_copy):
    """In process; test_strict_build.py shows that such a problem stops a real build."""
    assert_bad_input_reported(BAD_INPUTS, case, project_copy)


def test_figure_sources_are_not_published(built_site):
    assert not list(built_site.rglob("*.yml")), "docs/_figures/*.yml leaked into the site"


def test_figure_text_follows_the_colour_scheme(built_site, browser):
    """In dark mode the SVG text takes Material's light foreground colour, not black."""
    url = (built_site / "en" / "chips" / "index.html").as_uri()
    colours = {}
    for scheme in ("light", "dark"):
        page = browser.new_page(color_scheme=scheme)
        page.goto(url)
        colours[scheme] = page.evaluate(
            """() => {
                const label = document.querySelector('#figure-chips-supply-chain .kb-fig__label');
                const body = document.querySelector('.md-typeset');
                return [getComputedStyle(label).fill, getComputedStyle(body).color];
            }"""
        )
        page.close()
    for scheme, (fill, text_colour) in colours.items():
        assert fill == text_colour, f"{scheme}: figure text {fill}, page text {text_colour}"
    assert colours["light"][0] != colours["dark"][0], "figure text does not change with the scheme"
