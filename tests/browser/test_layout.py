"""Every page at a phone's, a tablet's and a desktop's width: nothing wider than where it is
shown, figure text at least 12 px as shown, figure labels inside their boxes.

Measured in Chromium on the served site, as a reader sees it (layout.css, kb_build/svg_figure.py,
kb_build/table_reflow.py). Every <details> is opened first, so that the passage map is
measured too. The figure checks run on the drawing each width shows: the narrow one at 390 px,
the wide one at 768 and 1366 px, so both drawings of every figure are measured.
"""
from __future__ import annotations

import pytest

from .language import LANGUAGES

WIDTHS = {390: "narrow", 768: "wide", 1366: "wide"}
MIN_FIGURE_PX = 12.0
SLACK = 0.5  # px: sub-pixel rounding

# For each table, figure and SVG of the content: its width and the width of the space it is
# shown in (a table: Material's scrolling wrapper, else the parent's content box), and
# whether that space scrolls sideways.
_MEASURE = """() => {
  const content = document.querySelector('.md-content');
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const inner = el => {
    const style = getComputedStyle(el);
    return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  const out = [];
  for (const el of content.querySelectorAll('table, figure, svg')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;  // not shown at this width
    const wrap = el.tagName === 'TABLE' ? el.closest('.md-typeset__scrollwrap') : null;
    const space = wrap ? wrap.clientWidth : inner(el.parentElement);
    out.push({
      what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (el.classList.length ? '.' + [...el.classList].join('.') : '') +
            (el.closest('figure') && el.tagName !== 'FIGURE' ? ' in #' + el.closest('figure').id : ''),
      width: rect.width, space, left: rect.left, right: rect.right,
      scrolls: wrap ? wrap.scrollWidth > wrap.clientWidth + 1 : false,
    });
  }
  return {items: out, page: document.documentElement.scrollWidth, viewport: innerWidth};
}"""

# For each figure: which drawings are shown, and for the shown one the smallest text as shown
# (font size times the SVG's on-screen scale), every text outside its box or its SVG, and
# every arrow label that overlaps a box.
_FIGURES = """() => [...document.querySelectorAll('figure.kb-figure')].map(figure => {
  const shown = [...figure.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 0);
  const result = {id: figure.id, shown: shown.map(s => s.getAttribute('class')), problems: [],
                  smallest: Infinity};
  for (const svg of shown) {
    const view = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / view.width;
    const inside = (b, r, pad) => b.x >= r.x - pad && b.y >= r.y - pad &&
      b.x + b.width <= r.x + r.width + pad && b.y + b.height <= r.y + r.height + pad;
    const overlaps = (b, r) => b.x < r.x + r.width && r.x < b.x + b.width &&
      b.y < r.y + r.height && r.y < b.y + b.height;
    const frames = [...svg.querySelectorAll('.kb-fig__box > rect')].map(r => r.getBBox());
    for (const text of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      result.smallest = Math.min(result.smallest, size);
      const box = text.getBBox();
      const label = `"${text.textContent}"`;
      if (!inside(box, view, 0.5)) result.problems.push(`${label} runs out of the drawing`);
      const frame = text.closest('.kb-fig__box');
      if (frame && !inside(box, frame.querySelector('rect').getBBox(), 0)) {
        result.problems.push(`${label} runs out of its box`);
      }
      if (text.classList.contains('kb-fig__edge-label') && frames.some(f => overlaps(box, f))) {
        result.problems.push(`arrow label ${label} overlaps a box`);
      }
    }
  }
  return result;
})"""


@pytest.fixture(scope="module")
def pages_by_width(browser, site):
    """(width, language) -> [(page, measures, figures)], every page measured once per width."""
    measured = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      is_mobile=width < 500, has_touch=width < 500)
        page = context.new_page()
        for language in LANGUAGES:
            rows = []
            for rel in site.pages(language):
                page.goto(site.at(rel))
                rows.append((rel or "home", page.evaluate(_MEASURE), page.evaluate(_FIGURES)))
            measured[width, language] = rows
        context.close()
    return measured


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_nothing_is_wider_than_where_it_is_shown(pages_by_width, width, language):
    wide = []
    for rel, measured, _ in pages_by_width[width, language]:
        if measured["page"] > measured["viewport"]:
            wide.append(f"{rel}: the page is {measured['page']} px wide")
        for item in measured["items"]:
            if item["width"] > item["space"] + SLACK or item["right"] > width + SLACK or item["left"] < -SLACK:
                wide.append(f"{rel}: {item['what']} is {item['width']:.0f} px wide in "
                            f"{item['space']:.0f} px (from {item['left']:.0f} to {item['right']:.0f})")
            if item["scrolls"]:
                wide.append(f"{rel}: {item['what']} scrolls sideways")
    assert not wide, f"at {width} px:\n" + "\n".join(wide)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_figure_text_is_at_least_12px_and_inside_its_boxes(pages_by_width, width, language):
    seen, problems = 0, []
    for rel, _, figures in pages_by_width[width, language]:
        for figure in figures:
            seen += 1
            expected = [f"kb-figure__svg kb-figure__svg--{WIDTHS[width]}"]
            if figure["shown"] != expected:
                problems.append(f"{rel}#{figure['id']}: shows {figure['shown']}, not {expected}")
                continue
            if figure["smallest"] < MIN_FIGURE_PX:
                problems.append(f"{rel}#{figure['id']}: text shown at {figure['smallest']:.1f} px")
            problems += [f"{rel}#{figure['id']}: {p}" for p in figure["problems"]]
    assert seen >= 4, f"only {seen} figures found in the {language} site"
    assert not problems, f"at {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_wide_tables_become_cards_on_a_phone(site, browser, language):
    """At 390 px a table of three columns or more shows each row as a card: its cells one
    under the other, each under its column's header (the passage map's compact ones aside)."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, is_mobile=True)
    page = context.new_page()
    page.goto(site.at("models/" if language == "ja" else "en/models/"))
    tables = page.evaluate("""() => [...document.querySelectorAll('table[data-reflow]')].map(t => ({
        header: [...t.querySelectorAll('th')].map(th => th.textContent.trim()),
        rows: [...t.querySelectorAll('tbody tr')].map(tr => {
            const cells = [...tr.children].map(td => td.getBoundingClientRect());
            return {stacked: cells.every((c, i) => i === 0 || c.top >= cells[i - 1].bottom - 1),
                    labels: [...tr.children].map(td => getComputedStyle(td, '::before').content)};
        })}))""")
    context.close()
    assert tables, "the models page has no table of three columns or more"
    for table in tables:
        for row in table["rows"]:
            assert row["stacked"], f"a row's cells stand side by side at 390 px: {table['header']}"
            # The first cell is the card's title; every other one comes under its header.
            assert row["labels"][1:] == [f'"{h}"' for h in table["header"][1:]], row["labels"]


def _contrast(colour: list[float], background: list[float]) -> float:
    """WCAG contrast of ``colour`` (r, g, b, alpha), laid over the opaque ``background``."""
    alpha = colour[3]
    mixed = [alpha * c + (1 - alpha) * b for c, b in zip(colour[:3], background[:3])]

    def luminance(rgb):
        lin = [(v / 255 / 12.92) if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(mixed), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_COLOURS = """() => {
  const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
  const dot = document.querySelector('.kb-timeline__event');
  return {
    background: rgba(getComputedStyle(document.body).backgroundColor),
    dot: rgba(getComputedStyle(dot, '::before').backgroundColor),
    date: rgba(getComputedStyle(dot.querySelector('.kb-timeline__date')).color),
  };
}"""
_FIGURE_COLOURS = """() => {
  const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
  const svg = [...document.querySelectorAll('.kb-figure svg')].find(s => s.getBoundingClientRect().width);
  return {
    background: rgba(getComputedStyle(document.body).backgroundColor),
    frame: rgba(getComputedStyle(svg.querySelector('.kb-fig__node')).stroke),
    arrow: rgba(getComputedStyle(svg.querySelector('.kb-fig__edge')).stroke),
    label: rgba(getComputedStyle(svg.querySelector('.kb-fig__edge-label')).fill),
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_timeline_and_figure_marks_are_visible_in_both_schemes(browser, site, language, scheme):
    """The timeline's dots, the figures' frames and arrows: 3:1 against the page (non-text
    contrast); the timeline's dates and the arrows' labels: 4.5:1 (text)."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    prefix = "" if language == "ja" else "en/"
    page.goto(site.at(prefix + "timeline/"))
    timeline = page.evaluate(_COLOURS)
    page.goto(site.at(prefix + "chips/"))
    figure = page.evaluate(_FIGURE_COLOURS)
    context.close()
    low = {name: round(_contrast(colour, timeline["background"]), 2)
           for name, colour in timeline.items() if name != "background"}
    low |= {name: round(_contrast(colour, figure["background"]), 2)
            for name, colour in figure.items() if name != "background"}
    needed = {"dot": 3, "frame": 3, "arrow": 3, "date": 4.5, "label": 4.5}
    assert all(low[name] >= needed[name] for name in needed), f"{scheme}: contrast {low}"
