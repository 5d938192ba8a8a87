"""A glossary term in running text shows its definition in the page's language: on hover in a
tooltip that is readable (at least 13 px, regular weight, an edge that shows against the page in
both colour schemes), and on a touch screen, where there is no hover, on a tap, in a popover that
leads on to the entry. The glossary page's filter box finds a term typed in either script.

Terms are marked up by the build (kb_build/glossary_terms.py) as ``<a class="glossary-link">
<abbr title="definition">``; Material's content.tooltips shows the title; site.js the popover and
the filter box.
"""
from __future__ import annotations

import pytest

from .colours import contrast, over
from .language import KANA, LANGUAGES

TERM_IN_TEXT = "article :is(p, li, td) abbr[title]"
SCHEMES = ["light", "dark"]
MIN_TOOLTIP_PX = 13
MIN_EDGE_CONTRAST = 3.0  # WCAG 1.4.11, non-text contrast of a component's boundary
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# The computed look of a box: text size and weight, and its edge against the page.
LOOK = """el => {
  const s = getComputedStyle(el);
  const page = getComputedStyle(document.body).backgroundColor;
  return {size: parseFloat(s.fontSize), weight: s.fontWeight, border: parseFloat(s.borderTopWidth),
          edge: s.borderTopColor, style: s.borderTopStyle, page: page, background: s.backgroundColor};
}"""


def first_term_in_running_text(page, site, language, link=False):
    """Go to the first page (in nav order) with a glossary term inside a sentence; return it."""
    selector = TERM_IN_TEXT.replace("abbr[title]", "a.glossary-link") if link else TERM_IN_TEXT
    for rel in site.pages(language):
        page.goto(site.at(rel))
        terms = page.locator(selector)
        for i in range(terms.count()):
            term = terms.nth(i)
            sentence = term.evaluate("t => t.closest('p, li, td').textContent")
            if language == "en" or KANA.search(sentence.replace(term.inner_text(), "")):
                return term
    raise AssertionError(f"no {language} page has a glossary term <abbr title=...> in running text")


def assert_readable(look: dict, what: str) -> None:
    assert look["size"] >= MIN_TOOLTIP_PX, f"{what}: {look['size']} px, below {MIN_TOOLTIP_PX} px"
    assert look["weight"] in ("400", "normal"), f"{what}: font weight {look['weight']}, not regular"
    edge = over(look["edge"], look["page"])
    ratio = contrast(edge, over(look["page"], "rgb(255, 255, 255)"))
    assert look["border"] >= 1 and look["style"] != "none" and ratio >= MIN_EDGE_CONTRAST, (
        f"{what}: no visible edge: {look['border']} px {look['style']} {look['edge']} on {look['page']}"
        f" (contrast {ratio:.2f}, {MIN_EDGE_CONTRAST} needed)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hovering_a_term_shows_its_definition_in_the_page_language(page, site, language):
    term = first_term_in_running_text(page, site, language)
    definition = term.get_attribute("title")
    assert definition and definition.strip() != term.inner_text().strip(), "the title is no definition"
    term.hover()
    tooltip = page.locator(".md-tooltip2[role=tooltip]")
    tooltip.wait_for(state="visible")
    shown = tooltip.inner_text().strip()
    assert shown == definition.strip(), f"tooltip shows {shown!r}, the term's title is {definition!r}"
    if language == "ja":
        assert KANA.search(shown), f"a Japanese page shows a definition that is not Japanese: {shown!r}"
    else:
        assert not KANA.search(shown), f"an English page shows a Japanese definition: {shown!r}"
        assert sum(c.isascii() and c.isalpha() for c in shown) >= 10, shown


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tooltip_is_readable_and_has_an_edge(new_context, site, language, scheme):
    page = new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme).new_page()
    term = first_term_in_running_text(page, site, language)
    term.scroll_into_view_if_needed()
    term.hover()
    inner = page.locator(".md-tooltip2--active[role=tooltip] > .md-tooltip2__inner")
    inner.wait_for(state="visible")
    assert_readable(inner.evaluate(LOOK), f"{language} {scheme} tooltip")
    # It does not sit on the term itself (nor, with room above, on the lines that follow).
    tip, host = inner.bounding_box(), term.bounding_box()
    assert tip["y"] + tip["height"] <= host["y"] or tip["y"] >= host["y"] + host["height"], (tip, host)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tap_on_a_touch_screen_shows_the_definition(new_context, site, language, scheme):
    phone = new_context(**PHONE, color_scheme=scheme).new_page()
    term = first_term_in_running_text(phone, site, language, link=True)
    page_url = phone.url
    definition = term.locator("abbr").get_attribute("title")
    entry = term.evaluate("a => a.href")
    term.scroll_into_view_if_needed()
    term.tap()
    popover = phone.locator(".kb-term-popover")
    popover.wait_for(state="visible")
    assert phone.url == page_url, "the tap left the page instead of showing the definition"
    assert popover.locator("p").inner_text().strip() == definition.strip()
    assert_readable(popover.evaluate(LOOK), f"{language} {scheme} popover")
    box, width = popover.bounding_box(), phone.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"the popover leaves the screen: {box}"
    assert not phone.locator(".md-tooltip2--active[role=tooltip]").is_visible(), "two definitions at once"
    link = popover.locator("a.kb-term-popover__entry")
    assert link.evaluate("a => a.href") == entry
    phone.locator("article h1").tap()
    popover.wait_for(state="detached")  # a tap elsewhere closes it
    term.tap()
    popover.wait_for(state="visible")
    link.tap()
    phone.wait_for_url(entry)


QUERIES = ["ファーウェイ", "Huawei", "ふぁーうぇい", "huawei ascend"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_filter_finds_a_term_typed_in_either_script(new_context, site, language, scheme):
    page = new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme).new_page()
    page.goto(site.at("glossary/" if language == "ja" else "en/glossary/"))
    entries = page.locator(".kb-glossary-entry")
    total = entries.count()
    box = page.locator(".kb-glossary-filter input[type=search]")
    assert box.is_visible(), "no filter box on the glossary page"
    shown = "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.kbEntry)"
    for query in QUERIES:
        box.fill(query)
        visible = entries.evaluate_all(shown)
        assert "huawei-ascend" in visible and len(visible) <= 3, f"{query!r} shows {visible}"
        assert page.locator("#huawei-ascend").is_visible()
        assert not page.locator("#reasoning-model").is_visible()
        index = page.locator(".kb-glossary-index__groups li[data-kb-entry]").evaluate_all(shown)
        assert index == [e for e in index if e in visible] and "huawei-ascend" in index
        assert page.locator(".kb-glossary-filter output").inner_text().strip()
    box.fill("推論" if language == "en" else "inference")  # the other language's word for it
    assert "reasoning-vs-inference" in entries.evaluate_all(shown)
    box.fill("zzzz")
    assert entries.evaluate_all(shown) == [] and page.locator(".kb-glossary-empty").is_visible()
    box.fill("")
    assert len(entries.evaluate_all(shown)) == total > 60
