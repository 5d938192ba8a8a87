"""Printing a page from the browser gives its content without the navigation chrome."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from .language import JAPANESE, LANGUAGES

CHROME = {
    "header": "header.md-header",
    "tabs": "nav.md-tabs",
    "navigation sidebar": ".md-sidebar--primary",
    "table of contents sidebar": ".md-sidebar--secondary",
    "footer": "footer.md-footer",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_shows_content_without_navigation(page, site, language):
    rel = "chips/" if language == "ja" else "en/chips/"
    page.goto(site.at(rel))
    footer_text = page.locator(".md-footer__link--next").inner_text().strip()
    page.emulate_media(media="print")
    for name, selector in CHROME.items():
        assert not page.locator(selector).first.is_visible(), f"the {name} is printed"
    assert page.locator("article h1").is_visible()

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = "".join(p.extract_text() or "" for p in pdf.pages)
    paragraphs = page.locator("article > p").all_inner_texts()
    first_paragraph = next(p.strip() for p in paragraphs if not JAPANESE.search(p))
    assert len(pdf.pages) >= 1
    if language == "en":  # pypdf reads Chromium's Latin text; Japanese needs a CJK font installed
        assert first_paragraph[:30] in " ".join(text.split()), "the content is missing from the print"
        assert footer_text.split("\n")[-1] not in text, "the footer's next-page link is printed"
