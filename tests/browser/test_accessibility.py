"""Every page, in both languages and both colour schemes, is usable with assistive technology.

axe-core (bundled by axe-playwright-python, no download) finds no serious or critical
violation; content headings do not skip a level; images have alt text; text in the other
language is marked with ``lang`` so that screen readers pronounce it right.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .language import JAPANESE, LANGUAGES

AXE = Axe()
SEVERE = {"serious", "critical"}

# Visible text nodes whose nearest [lang] says English though they hold Japanese characters,
# or (on Japanese pages) the reverse: Latin-only UI labels marked as Japanese are fine, so only
# the language switcher's label of the other language is checked there.
UNMARKED_JAPANESE = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
    if (!/[\\u3040-\\u30ff\\u3400-\\u9fff]/.test(n.textContent)) continue;
    const lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang');
    if (!/^(ja|zh)/.test(lang)) out.push(n.textContent.trim().slice(0, 40));
  }
  return out;
}"""


def severe_violations(page) -> list[str]:
    response = AXE.run(page).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -- "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                    for node in v["nodes"][:5])
        for v in response["violations"] if v["impact"] in SEVERE
    ]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_serious_violation(new_context, site, language, color_scheme):
    page = new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900}).new_page()
    found = []
    for rel in site.pages(language):
        page.goto(site.at(rel))
        found += [f"{rel or 'home'}: {v}" for v in severe_violations(page)]
    assert not found, "axe-core, serious or critical:\n" + "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_images_and_language_marks(page, site, language):
    problems = []
    for rel in site.pages(language):
        page.goto(site.at(rel))
        name = rel or "home"
        levels = page.locator("article :is(h1, h2, h3, h4, h5, h6)").evaluate_all(
            "hs => hs.map(h => Number(h.tagName[1]))")
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            problems.append(f"{name}: the content must start with its one h1, has {levels}")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{name}: heading level jumps from h{before} to h{after}")
        for img in page.locator("article img").evaluate_all("is => is.map(i => [i.src, i.alt])"):
            if img[1] is None or not img[1].strip():
                problems.append(f"{name}: image without alt text: {img[0]}")
        if language == "en":
            problems += [f"{name}: Japanese text without lang=ja: {text!r}"
                         for text in page.evaluate(UNMARKED_JAPANESE)]
        else:
            label = page.locator('a.md-select__link[hreflang="en"]')
            if label.get_attribute("lang") != "en":
                problems.append(f"{name}: the switcher's English label is not marked lang=en")
    assert not problems, "\n".join(problems)


def test_japanese_detector_sees_japanese():
    assert JAPANESE.search("推論モデル") and not JAPANESE.search("reasoning model")
