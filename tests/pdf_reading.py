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


# --- the printed page: characters, drawings and table cells (pdfplumber) ---------------------

DOUBLE_NUMBER = re.compile(  # "5.4.1 1. Title", "2. 1) ...": a number added before a typed one
    r"^\s*\d+(?:\.\d+)*\.?\s+(?:\d+(?:\.\d+)*[.．]\s|\d+(?:\.\d+)+\s|\d+[)）]|[(（]\d+[)）]|[\u2460-\u2473])")


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page, in points
    bottom: float
    size: float
    index: int = -1  # its place in the page's content stream


@dataclass
class Cell:
    """One table cell as printed on one page (a row split by a page break is two)."""

    table: int  # the table's index among the page's tables
    header: bool  # TH
    column: int
    chars: list[Char]

    def lines(self) -> list[list[Char]]:
        return text_lines(self.chars)


@dataclass
class PrintedPage:
    number: int  # 0-based
    width: float
    height: float
    chars: list[Char]  # visible characters (no spaces)
    boxes: list[tuple[float, float, float, float]]  # x0, top, x1, bottom of everything drawn
    cells: list[Cell]

    def lowest(self, top: float, bottom: float) -> float | None:
        """The bottom of the lowest thing drawn between ``top`` and ``bottom`` (points)."""
        inside = [b[3] for b in self.boxes if b[1] >= top - 1 and b[3] <= bottom + 1 and b[3] > b[1]]
        return max(inside, default=None)


def printed_pages(path: Path) -> list[PrintedPage]:
    """Every page's characters, drawings and table cells (from the PDF's structure tags)."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages):
            chars = [c for c in page.chars if c["text"].strip()]
            boxes = [(o["x0"], o["top"], o["x1"], o["bottom"])
                     for kind in ("chars", "rects", "lines", "curves", "images")
                     for o in getattr(page, kind)
                     if (o["text"].strip() if kind == "chars" else not _blank(o))]
            printed = [_char(c, index) for index, c in enumerate(chars)]
            by_mcid: dict[int, list[Char]] = {}
            for c, char in zip(chars, printed):
                if c.get("mcid") is not None:
                    by_mcid.setdefault(c["mcid"], []).append(char)
            cells = _cells(page.structure_tree, by_mcid)
            pages.append(PrintedPage(number, float(page.width), float(page.height), printed, boxes, cells))
    return pages


def _blank(shape) -> bool:
    """A white fill with no outline: the page's background, nothing a reader sees."""
    color = shape.get("non_stroking_color")
    white = isinstance(color, (tuple, list)) and bool(color) and all(
        isinstance(v, (int, float)) and v >= 0.99 for v in color)
    return bool(shape.get("fill")) and not shape.get("stroke") and white


def _char(c, index: int = -1) -> Char:
    return Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], index)


def _cells(tree, by_mcid) -> list[Cell]:
    cells: list[Cell] = []
    tables = 0

    def mcids(element):
        yield from element.get("mcids") or []
        for child in element.get("children", []):
            yield from mcids(child)

    def visit(element, table):
        nonlocal tables
        kind = element.get("type")
        if kind == "Table":
            table, tables = tables, tables + 1
        if kind == "TR":
            cell_elements = [c for c in element.get("children", []) if c.get("type") in ("TH", "TD")]
            for column, cell in enumerate(cell_elements):
                chars = [ch for m in mcids(cell) for ch in by_mcid.get(m, [])]
                cells.append(Cell(table, cell["type"] == "TH", column, chars))
            return
        for child in element.get("children", []):
            visit(child, table)

    for root in tree:
        visit(root, -1)
    return cells


def text_lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into printed lines (same baseline), each left to right."""
    lines: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (round(c.bottom, 0), c.x0)):
        if lines and abs(lines[-1][0].bottom - c.bottom) < 0.3 * c.size:
            lines[-1].append(c)
        else:
            lines.append([c])
    return [sorted(line, key=lambda c: c.x0) for line in lines]


def overprinted(page: PrintedPage, share: float = 0.25) -> list[tuple[Char, Char]]:
    """Pairs of characters whose boxes overlap by more than ``share`` of the smaller box's
    width and height. Neighbours in the text may overlap a little (kerning: "." under the
    end of a quotation mark); two texts printed over each other are not neighbours."""
    found = []
    chars = sorted(page.chars, key=lambda c: c.x0)
    for i, a in enumerate(chars):
        for b in chars[i + 1:]:
            if b.x0 >= a.x1:
                break
            if abs(a.index - b.index) == 1:
                continue
            width = min(a.x1, b.x1) - b.x0
            height = min(a.bottom, b.bottom) - max(a.top, b.top)
            if (width > share * min(a.x1 - a.x0, b.x1 - b.x0)
                    and height > share * min(a.bottom - a.top, b.bottom - b.top)):
                found.append((a, b))
    return found


def outline_titles(reader: PdfReader) -> list[str]:
    """Every bookmark's title as the PDF has it (with its number), depth first."""
    titles = []

    def visit(items):
        for item in items:
            if isinstance(item, list):
                visit(item)
            else:
                titles.append(item.title)

    visit(reader.outline)
    return titles


def xmp(reader: PdfReader) -> str:
    """The document's XMP metadata packet, as text ("" if none)."""
    metadata = reader.trailer["/Root"].get("/Metadata")
    return "" if metadata is None else metadata.get_object().get_data().decode("utf-8")
