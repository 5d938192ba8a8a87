"""Every page links a PDF of the knowledge base in the page's language, and it downloads.

Contract with the PDF work (another branch): every page's header or footer has a link whose
href ends in ``.pdf`` (kb-ja.pdf on Japanese pages, en/kb-en.pdf or similar on English ones).
Until that branch is merged there is no such link, and these tests fail saying so.
"""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from .language import KANA, LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_link_downloads_a_pdf_in_the_page_language(page, site, language):
    pages = site.pages(language)
    hrefs = {}
    for rel in pages:
        page.goto(site.at(rel))
        links = page.locator('a[href$=".pdf"]')
        assert links.count(), f"{rel or 'home'}: no link to a PDF (href ending in .pdf)"
        hrefs[rel] = links.first.evaluate("a => a.href")
    assert len(set(hrefs.values())) == 1, f"{language} pages link different PDFs: {hrefs}"

    link = page.locator('a[href$=".pdf"]').first
    link.scroll_into_view_if_needed()
    with page.expect_download() as download_info:
        link.click(modifiers=["Alt"])  # Alt+click: download the link instead of opening it
    data = open(download_info.value.path(), "rb").read()
    assert data.startswith(b"%PDF-"), "the PDF link does not download a PDF"

    reader = PdfReader(io.BytesIO(data))
    declared = reader.trailer["/Root"].get("/Lang")
    if declared is not None:
        assert str(declared).lower().startswith(language), f"the PDF declares /Lang {declared}"
    text = "".join(p.extract_text() or "" for p in reader.pages[:6])
    letters = [c for c in text if c.isalpha()]
    assert len(letters) > 200, "the PDF has almost no text"
    kana_share = len(KANA.findall(text)) / len(letters)
    if language == "ja":
        assert kana_share > 0.1, f"the Japanese pages' PDF is not in Japanese (kana {kana_share:.0%})"
    else:
        assert kana_share < 0.02, f"the English pages' PDF is not in English (kana {kana_share:.0%})"
