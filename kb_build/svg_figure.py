"""Write one figure (from its source in docs/_figures/) as an SVG string, in one language.

A small writer of our own instead of Graphviz, Mermaid or matplotlib: the figures are a
few boxes and arrows and one bar, and this keeps the build free of system packages and
the pages free of diagram scripts. Every label is real ``<text>`` (searchable, sharp at
any zoom, real text in the PDF). Colours are ``currentColor`` presentation attributes, so
the figure reads in print and in a PDF without any stylesheet; the figures section of site.css restyles the
classes with Material's colour variables for light and dark mode on the web.

Two kinds: ``share`` (one bar: a part of a whole, in per cent) and ``diagram`` (boxes on
a grid of rows and columns, joined by arrows that may carry a label).
"""
from __future__ import annotations

import math
from html import escape

from .text_measure import text_em, wrap

FONT = 15.0  # box titles and bar labels, in SVG user units (= CSS px at 100 %)
SMALL = 13.0  # list items in boxes and arrow labels
LEADING = 1.35
PAD = 10.0
MARGIN = 12.0
ARROW = 9.0


def _text(lines, x, y, size, css, anchor="middle", bold=False) -> str:
    """One ``<text>`` per label; wrapped lines are ``<tspan>``s. ``y`` is the first baseline."""
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * LEADING:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" font-size="{size:g}"{weight} '
        f'text-anchor="{anchor}" fill="currentColor">{spans}</text>'
    )


def _svg(width: float, height: float, alt: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-figure__svg" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'role="img" aria-label="{escape(alt)}"><desc>{escape(alt)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def render(figure, lang: str) -> str:
    """The SVG markup of ``figure`` (a figure_sources.Figure) in ``lang`` ('ja' or 'en')."""
    if figure.kind == "share":
        return _share(figure, lang)
    return _diagram(figure, lang)


# --- share: one 100 % bar with the part highlighted -------------------------------------

def _share(figure, lang: str) -> str:
    data = figure.data
    width, bar_h = 640.0, 40.0
    bar_x, bar_w = MARGIN, width - 2 * MARGIN
    line = FONT * LEADING
    whole = wrap(data["whole"][lang], bar_w / FONT)
    bar_y = MARGIN + len(whole) * line + 6
    part_w = bar_w * float(data["part"]["percent"]) / 100
    body = [
        _text(whole, bar_x, MARGIN + FONT, FONT, "kb-fig__label", anchor="start", bold=True),
        f'<rect class="kb-fig__part" x="{bar_x:.1f}" y="{bar_y:.1f}" width="{part_w:.1f}" '
        f'height="{bar_h:.0f}" fill="currentColor" fill-opacity="0.75"/>',
        f'<rect class="kb-fig__rest" x="{bar_x + part_w:.1f}" y="{bar_y:.1f}" '
        f'width="{bar_w - part_w:.1f}" height="{bar_h:.0f}" fill="none" stroke="currentColor"/>',
    ]
    # Scale under the bar: 0 % and 100 % (numbers only: the same in both languages).
    scale_y = bar_y + bar_h + FONT + 2
    body.append(_text(["0%"], bar_x, scale_y, SMALL, "kb-fig__scale", anchor="start"))
    body.append(_text(["100%"], bar_x + bar_w, scale_y, SMALL, "kb-fig__scale", anchor="end"))
    # Labels under each segment.
    label_y = scale_y + line + 4
    part = data["part"]
    part_x = bar_x + part_w / 2
    name = wrap(part["label"][lang], 14)
    note = wrap(part["note"][lang], 14)
    body.append(_text(name, part_x, label_y, FONT, "kb-fig__label", bold=True))
    body.append(_text(note, part_x, label_y + len(name) * line, FONT, "kb-fig__label"))
    percent = f'{float(part["percent"]):g}%'
    percent_y = label_y + (len(name) + len(note)) * line + 6
    body.append(_text([percent], part_x, percent_y + 6, FONT * 1.6,
                      "kb-fig__value", bold=True))
    rest = wrap(data["rest"]["label"][lang], (bar_w - part_w) / FONT - 1)
    body.append(_text(rest, bar_x + part_w + (bar_w - part_w) / 2, label_y, FONT, "kb-fig__label"))
    height = percent_y + FONT * 1.6 + MARGIN
    return _svg(width, height, figure.alt[lang], body)


# --- diagram: boxes on a grid, arrows between them ---------------------------------------

def _box_lines(node, lang: str, inner: float):
    title = wrap(node["label"][lang], inner / FONT)
    items = [wrap(item[lang], inner / SMALL - 1.2) for item in node.get("items", [])]
    return title, items


def _box_height(title, items) -> float:
    height = 2 * PAD + len(title) * FONT * LEADING
    if items:
        height += 4 + sum(len(lines) for lines in items) * SMALL * LEADING
    return height


def _ports(a, b):
    """Start and end of an arrow from box ``a`` to box ``b`` (each centre x, y, w, h).

    In one row: side to side. Across rows: from the bottom (or top) edge of one box to the
    top (or bottom) edge of the other, each end kept over the other box where they overlap,
    so that arrows never run through the gap where a same-row arrow has its label.
    """
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    if abs(ay - by) < 1:
        sign = 1 if bx > ax else -1
        return ax + sign * aw / 2, ay, bx - sign * bw / 2, by
    inset = 24.0
    sign = 1 if by > ay else -1
    x1 = min(max(bx, ax - aw / 2 + inset), ax + aw / 2 - inset)
    x2 = min(max(ax, bx - bw / 2 + inset), bx + bw / 2 - inset)
    return x1, ay + sign * ah / 2, x2, by - sign * bh / 2


def _diagram(figure, lang: str) -> str:
    data = figure.data
    layout = data.get("layout", {})
    col_w = float(layout.get("column_width", 190))
    gap_x = float(layout.get("column_gap", 90))
    gap_y = float(layout.get("row_gap", 56))
    nodes = data["nodes"]
    columns = max(n["col"] for n in nodes) + 1
    rows = max(n["row"] for n in nodes) + 1
    inner = col_w - 2 * PAD

    lines = {n["id"]: _box_lines(n, lang, inner) for n in nodes}
    row_h = [0.0] * rows
    for n in nodes:
        row_h[n["row"]] = max(row_h[n["row"]], _box_height(*lines[n["id"]]))
    row_y = [MARGIN + sum(row_h[:r]) + r * gap_y for r in range(rows)]
    width = 2 * MARGIN + columns * col_w + (columns - 1) * gap_x
    height = 2 * MARGIN + sum(row_h) + (rows - 1) * gap_y

    boxes, body = {}, []
    for n in nodes:
        x = MARGIN + n["col"] * (col_w + gap_x)
        y, h = row_y[n["row"]], row_h[n["row"]]
        boxes[n["id"]] = (x + col_w / 2, y + h / 2, col_w, h)
        accent = n.get("style") == "accent"
        css = "kb-fig__node kb-fig__node--accent" if accent else "kb-fig__node"
        body.append(
            f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{col_w:.0f}" height="{h:.1f}" '
            f'rx="6" fill="none" stroke="currentColor" stroke-width="{2.5 if accent else 1.2}"/>'
        )
        title, items = lines[n["id"]]
        content_h = _box_height(title, items) - 2 * PAD
        # A title alone is centred; a title with a list starts at the top, like its row.
        top = y + PAD if items else y + (h - content_h) / 2
        body.append(_text(title, x + col_w / 2, top + FONT, FONT, "kb-fig__label", bold=True))
        item_y = top + len(title) * FONT * LEADING + 4 + SMALL
        for item in items:
            body.append(_text(["・" if lang == "ja" else "•"], x + PAD, item_y, SMALL,
                              "kb-fig__bullet", anchor="start"))
            body.append(_text(item, x + PAD + 1.2 * SMALL, item_y, SMALL, "kb-fig__item",
                              anchor="start"))
            item_y += len(item) * SMALL * LEADING

    for edge in data.get("edges", []):
        body.extend(_edge(edge, boxes, lang, gap_x, col_w))
    return _svg(width, height, figure.alt[lang], body)


def _edge(edge, boxes, lang: str, gap_x: float, col_w: float) -> list[str]:
    x1, y1, x2, y2 = _ports(boxes[edge["from"]], boxes[edge["to"]])
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    # Stop the line at the arrowhead's base so the head stays sharp.
    lx, ly = x2 - ux * ARROW, y2 - uy * ARROW
    dashed = ' stroke-dasharray="6 4"' if edge.get("style") == "dashed" else ""
    css = "kb-fig__edge kb-fig__edge--dashed" if dashed else "kb-fig__edge"
    head = (
        f"{x2:.1f},{y2:.1f} {lx - uy * ARROW / 2:.1f},{ly + ux * ARROW / 2:.1f} "
        f"{lx + uy * ARROW / 2:.1f},{ly - ux * ARROW / 2:.1f}"
    )
    out = [
        f'<line class="{css}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{lx:.1f}" y2="{ly:.1f}" '
        f'stroke="currentColor" stroke-width="1.5"{dashed}/>',
        f'<polygon class="kb-fig__head" points="{head}" fill="currentColor"/>',
    ]
    if "label" in edge:
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        if abs(dx) >= abs(dy):  # across: label above the arrow, as wide as the gap
            label = wrap(edge["label"][lang], max(length - 8, 40) / SMALL)
            first = my - 6 - (len(label) - 1) * SMALL * LEADING
            out.append(_text(label, mx, first, SMALL, "kb-fig__edge-label"))
        else:  # down or up: label to the right of the arrow
            label = wrap(edge["label"][lang], (col_w / 2 - 12) / SMALL)
            first = my - (len(label) - 1) * SMALL * LEADING / 2 + SMALL / 3
            out.append(_text(label, mx + 8, first, SMALL, "kb-fig__edge-label", anchor="start"))
    return out
