"""The text a reader reads is set to be read: tables and editor's notes at 14 px or more (they
were 12.8 px against 16 px body text), and Japanese lines that break between phrases, not inside
a katakana word (「ファーウェ/イ」), in tables, headings and captions, with no caption ending on a
lone character. Checked at a phone's and a desktop's width, in both languages and schemes.
"""
from __future__ import annotations

import pytest

from .language import LANGUAGES

WIDTHS = [390, 1366]
SIZE_WIDTHS = [390, 768, 1366]  # the three widths for the text sizes
SCHEMES = ["light", "dark"]
MIN_PX = 14

# The smallest font size of any visible text inside tables and notes, and where it is.
SMALLEST_TEXT = """() => {
  const found = {boxes: 0, smallest: 1000, where: ""};
  for (const box of document.querySelectorAll("article table, article .editor-note")) {
    found.boxes += 1;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.getClientRects().length) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < found.smallest) {
        found.smallest = size;
        found.where = el.tagName.toLowerCase() + "." + el.className + ": " + n.textContent.trim().slice(0, 30);
      }
    }
  }
  return found;
}"""

# Katakana words broken across two lines in tables, headings, captions and note titles: two
# katakana in a row (one text node) whose boxes sit on different lines.
BROKEN_WORDS = """() => {
  const kata = /[\\u30a1-\\u30fa\\u30fc]/;
  const out = [];
  let pairs = 0;
  const places = "article :is(td, th, h1, h2, h3, h4, figcaption, .admonition-title)";
  for (const place of document.querySelectorAll(places)) {
    const walker = document.createTreeWalker(place, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.getClientRects().length) continue;
      const text = n.textContent;
      for (let i = 0; i + 1 < text.length; i++) {
        if (!kata.test(text[i]) || !kata.test(text[i + 1])) continue;
        pairs += 1;
        const range = document.createRange();
        range.setStart(n, i); range.setEnd(n, i + 1);
        const a = range.getBoundingClientRect();
        range.setStart(n, i + 1); range.setEnd(n, i + 2);
        const b = range.getBoundingClientRect();
        if (b.top >= a.bottom - 1) out.push(text.slice(Math.max(0, i - 5), i + 1) + "/" + text.slice(i + 1, i + 6));
      }
    }
  }
  return {pairs, broken: out};
}"""

# Captions whose last line holds a single character (punctuation aside).
LONE_LAST_CHARACTERS = """() => {
  const out = [];
  let captions = 0;
  for (const caption of document.querySelectorAll("article figcaption")) {
    if (!caption.getClientRects().length) continue;
    captions += 1;
    const chars = [];
    const walker = document.createTreeWalker(caption, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.textContent.length; i++) {
        const range = document.createRange();
        range.setStart(n, i); range.setEnd(n, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width) chars.push([n.textContent[i], box.top]);
      }
    }
    if (!chars.length) continue;
    const lastTop = chars[chars.length - 1][1];
    const firstTop = chars[0][1];
    const last = chars.filter(c => Math.abs(c[1] - lastTop) < 2).map(c => c[0]).join("");
    const letters = last.replace(/[\\s。、．，.,:;!?！？」』）)]/g, "");
    if (lastTop > firstTop + 2 && letters.length < 2) out.push(caption.textContent.trim().slice(-20) + " -> " + last);
  }
  return {captions, lone: out};
}"""


def _pages(new_context, site, language, width, scheme):
    page = new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                       is_mobile=width < 600, has_touch=width < 600).new_page()
    for rel in site.pages(language):
        page.goto(site.at(rel))
        yield rel or "home", page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", SIZE_WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_tables_and_notes_are_set_at_14_px_or_more(new_context, site, language, width, scheme):
    small, boxes = [], 0
    for name, page in _pages(new_context, site, language, width, scheme):
        found = page.evaluate(SMALLEST_TEXT)
        boxes += found["boxes"]
        if found["boxes"] and found["smallest"] < MIN_PX:
            small.append(f"{name}: {found['smallest']} px ({found['where']})")
    assert boxes > 10, "no tables or notes found: the check would pass on nothing"
    assert not small, f"text in tables or notes below {MIN_PX} px:\n" + "\n".join(small)


@pytest.mark.parametrize("width", WIDTHS)
def test_japanese_words_are_not_broken_across_lines(new_context, site, width):
    broken, pairs = [], 0
    for name, page in _pages(new_context, site, "ja", width, "light"):
        found = page.evaluate(BROKEN_WORDS)
        pairs += found["pairs"]
        broken += [f"{name}: {word}" for word in found["broken"]]
    assert pairs > 500, "too few katakana words in tables and headings to tell"
    assert not broken, "katakana words broken across lines:\n" + "\n".join(broken)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_caption_ends_on_a_lone_character(new_context, site, language, width):
    lone, captions = [], 0
    for name, page in _pages(new_context, site, language, width, "light"):
        found = page.evaluate(LONE_LAST_CHARACTERS)
        captions += found["captions"]
        lone += [f"{name}: {line}" for line in found["lone"]]
    assert captions >= 3, "no figure captions found"
    assert not lone, "captions whose last line is one character:\n" + "\n".join(lone)


STATUSES = ["partly", "unverified", "inaccurate", "attributed"]
# Claim badges as the claim register writes them (kb_build/claims.py), put into a sentence, a
# note and a table cell of a real page, so that their look is checked wherever they will stand.
BADGES = """statuses => {
  const places = [document.querySelector("article > p:not([class])"),
                  document.querySelector("article .editor-note .admonition > p:not(.admonition-title)"),
                  document.querySelector("article td:last-child")];
  const out = [];
  for (const place of places) {
    for (const status of statuses) {
      const a = document.createElement("a");
      a.className = "kb-claim kb-claim-" + status;
      a.href = "#";
      a.textContent = status;
      place.append(" ", a);
      const s = getComputedStyle(a);
      let under = place;
      while (under && getComputedStyle(under).backgroundColor === "rgba(0, 0, 0, 0)") under = under.parentElement;
      out.push({status, place: place.tagName, size: parseFloat(s.fontSize), color: s.color,
                background: s.backgroundColor, under: getComputedStyle(under || document.body).backgroundColor,
                page: getComputedStyle(document.body).backgroundColor, radius: parseFloat(s.borderTopLeftRadius),
                border: parseFloat(s.borderTopWidth), decoration: s.textDecorationLine, wrap: s.whiteSpace,
                lines: a.getClientRects().length});
    }
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_claim_badges_are_legible_status_pills(new_context, site, language, scheme):
    from .colours import contrast, over

    page = new_context(viewport={"width": 1366, "height": 900}, color_scheme=scheme).new_page()
    page.goto(site.at("models/" if language == "ja" else "en/models/"))
    badges = page.evaluate(BADGES, STATUSES)
    assert len(badges) == 3 * len(STATUSES), "no sentence, note and table on the page to put badges in"
    colours = {}
    for badge in badges:
        where = f"{badge['status']} badge in a {badge['place']}"
        ground = over(badge["under"], badge["page"])
        pill = over(badge["background"], "rgb({:.0f}, {:.0f}, {:.0f})".format(*ground))
        ratio = contrast(over(badge["color"], "rgb({:.0f}, {:.0f}, {:.0f})".format(*pill)), pill)
        assert badge["size"] >= MIN_PX and ratio >= 4.5, f"{where}: {badge['size']} px, contrast {ratio:.2f}"
        assert badge["radius"] > 0 and badge["border"] >= 1 and badge["decoration"] == "none", where
        assert badge["wrap"] == "nowrap" and badge["lines"] == 1, f"{where}: a pill broken across lines"
        colours.setdefault(badge["status"], set()).add(badge["color"])
    assert len({c for cs in colours.values() for c in cs}) == len(STATUSES), (
        f"the statuses are not told apart by colour: {colours}")
