"""Finish the PDF's cover (overrides/pdf/cover.html): a title that breaks between phrases,
and the date written as the language writes dates.

mkdocs-to-pdf renders the cover template with the build time, which the template writes
as ``<time datetime="2026-12-02">``; ``finish`` writes its text the way the pages write
dates (``dates.format_date``: 2026年12月2日, 2 December 2026).

A title set large breaks wherever the line is full: 「知識/ベース」, "Knowledge/Base". The
title is therefore set in phrases that never break inside (pdf.css: ``.kb-phrase``):
Japanese phrases as BudouX finds them (``pdf_phrases``), English words, with the last two
words together so that no word stands alone on the last line.
"""
from __future__ import annotations

from bs4 import BeautifulSoup

from . import dates, pdf_phrases

COVER = "#doc-cover"


def title_phrases(title: str, language: str, phrases: pdf_phrases.Phrases) -> list[str]:
    """The pieces of ``title`` a line may not break inside, in order."""
    if language == "ja":
        return phrases.split(title) or [title]
    words = title.split()
    if len(words) > 2:
        words[-2:] = [" ".join(words[-2:])]
    return words


def finish(soup: BeautifulSoup, language: str, phrases: pdf_phrases.Phrases) -> None:
    cover = soup.select_one(COVER)
    if cover is None:
        return
    for time in cover.find_all("time", datetime=True):
        time.string = dates.format_date(dates.parse(time["datetime"][:10]), language)
    heading = cover.find("h1")
    if heading is not None:
        title = heading.get_text()
        heading.clear()
        for index, phrase in enumerate(title_phrases(title.strip(), language, phrases)):
            if index:
                heading.append(" " if language != "ja" else soup.new_tag("wbr"))
            span = soup.new_tag("span", attrs={"class": pdf_phrases.PHRASE_CLASS})
            span.string = phrase
            heading.append(span)
    phrases.keep_whole(soup, cover.select("p"))
