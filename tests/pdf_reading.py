"""Read what a reader of the PDF editions meets: text, fonts, outline, links, metadata.

A thin layer over pypdf so that tests/test_pdf.py reads as statements about the PDFs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import Destination

NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")  # "2. ", "2.10 " added by mkdocs-to-pdf


@dataclass
class FontInfo:
    name: str
    subtype: str
    embedded: bool
    unicode_characters: frozenset[str]  # what its ToUnicode map says it draws


@dataclass
class OutlineEntry:
    title: str  # without the chapter number
    page: int  # 0-based
    children: list[OutlineEntry]


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def fonts(reader: PdfReader) -> dict[str, FontInfo]:
    """Every font used on any page (including inside form XObjects), by object reference."""
    found: dict[str, FontInfo] = {}

    def visit(resources):
        resources = resources.get_object() if resources is not None else {}
        for ref in (resources.get("/Font") or {}).values():
            key = repr(ref)
            if key not in found:
                found[key] = _font_info(ref.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                visit(xobject["/Resources"])

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def _font_info(font) -> FontInfo:
    subtype = str(font.get("/Subtype"))
    descriptor = font.get("/FontDescriptor")
    if subtype == "/Type0":
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    to_unicode = font.get("/ToUnicode")
    characters = _to_unicode_targets(to_unicode.get_object().get_data()) if to_unicode else frozenset()
    return FontInfo(str(font.get("/BaseFont")), subtype, embedded, characters)


def _to_unicode_targets(cmap: bytes) -> frozenset[str]:
    """The Unicode characters a ToUnicode CMap maps glyphs to (bfchar and bfrange targets)."""
    text = cmap.decode("latin-1")
    targets = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for _source, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            targets.add(_decode_utf16(target))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = ord(_decode_utf16(target)[0])
            targets.update(chr(start + i) for i in range(int(high, 16) - int(low, 16) + 1))
    return frozenset("".join(targets))


def _decode_utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def outline(reader: PdfReader) -> list[OutlineEntry]:
    def build(items) -> list[OutlineEntry]:
        entries: list[OutlineEntry] = []
        for item in items:
            if isinstance(item, list):
                entries[-1].children = build(item)
            else:
                title = NUMBERING.sub("", item.title)
                entries.append(OutlineEntry(title, reader.get_destination_page_number(item), []))
        return entries

    return build(reader.outline)


@dataclass
class Link:
    page: int  # where the link is
    target: str | None  # named destination (internal links)
    uri: str | None  # external links


def links(reader: PdfReader) -> list[Link]:
    found = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            dest = annotation.get("/Dest", action.get("/D"))
            if isinstance(dest, Destination):
                dest = dest.title
            found.append(Link(number, None if dest is None else str(dest), action.get("/URI")))
    return found


def destination_pages(reader: PdfReader) -> dict[str, int]:
    """Named destination -> 0-based page number."""
    return {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}


def document_language(path: Path) -> str | None:
    lang = PdfReader(path).trailer["/Root"].get("/Lang")
    return None if lang is None else str(lang)
