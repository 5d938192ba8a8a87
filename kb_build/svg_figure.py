"""Write one figure (from its source in docs/_figures/) as SVG, in one language, in two drawings.

A small writer of our own instead of Graphviz, Mermaid or matplotlib: the figures are a
few boxes and arrows and one bar, and this keeps the build free of system packages and
the pages free of diagram scripts. Every label is real ``<text>`` (searchable, sharp at
any zoom, real text in the PDF). Colours are ``currentColor`` presentation attributes, so
the figure reads in print and in a PDF without any stylesheet; the site's stylesheets restyle
the classes with Material's colour variables for light and dark mode on the web.

Every figure is drawn twice from the same source, so that its text is never shown smaller
than 12 px and never needs sideways scrolling (``DRAWINGS``):

- ``wide``: the source's layout (rows and columns), at most ``WIDE.width`` units wide. The
  page shows it wherever its column is at least ``SWITCH`` px wide, that is at a scale of at
  least ``SWITCH / WIDE.width``, which keeps its smallest text (``WIDE.small``) at 12 px or
  more; the PDF prints it.
- ``narrow``: for phones, at most ``NARROW.width`` units wide (a 390 px phone's column is
  358 px), shown where the column is narrower than ``SWITCH`` px (a container query in
  layout.css). A share bar is the same bar, narrower; a diagram becomes one column of
  boxes in the order ``narrow.order`` of the source (by default column by column): an arrow
  between neighbours runs straight down (or up) with its label beside it, any other arrow runs
  in a lane along the left side (arrows that share a box share a lane).

Two kinds: ``share`` (one bar: a part of a whole, in per cent) and ``diagram`` (boxes on
a grid of rows and columns, joined by arrows that may carry a label). Each box is a
``<g class="kb-fig__box">`` holding its frame and its texts.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from .text_measure import widest_word_em, wrap


@dataclass(frozen=True)
class Drawing:
    name: str  # the SVG's class modifier: kb-figure__svg--NAME
    width: float  # the widest the drawing may be, in SVG units (CSS px at scale 1)
    font: float  # box titles and bar labels
    small: float  # list items in boxes, arrow labels, the bar's scale


WIDE = Drawing("wide", 680.0, 15.0, 13.0)
NARROW = Drawing("narrow", 344.0, 15.0, 14.0)
DRAWINGS = (WIDE, NARROW)
SWITCH = 640  # px of column from which the wide drawing is shown (layout.css says the same)
SHARE_WIDTH = 640.0  # the wide share bar
LEADING = 1.35
PAD = 10.0
MARGIN = 12.0
ARROW = 9.0
LANE_IN, LANE_STEP, LANE_EDGE = 20.0, 10.0, 6.0  # the narrow drawing's lanes: from the boxes
# to the nearest lane, between two lanes, from the outermost lane to the drawing's edge
GAP = 26.0  # between two boxes of the narrow drawing, with no arrow between them
ARROW_GAP = 36.0  # the same, with an arrow


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


def _svg(drawing: Drawing, width: float, height: float, alt: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'class="kb-figure__svg kb-figure__svg--{drawing.name}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'role="img" aria-label="{escape(alt)}"><desc>{escape(alt)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def render(figure, lang: str) -> str:
    """The markup of ``figure`` (a figure_sources.Figure) in ``lang``: every drawing, wide first."""
    return "".join(draw(figure, lang, drawing) for drawing in DRAWINGS)


def draw(figure, lang: str, drawing: Drawing) -> str:
    """One drawing of ``figure`` in ``lang`` as an ``<svg>`` element."""
    if figure.kind == "share":
        return _share(figure, lang, drawing)
    if drawing is NARROW:
        return _column(figure, lang, drawing)
    return _diagram(figure, lang, drawing)


# --- share: one 100 % bar with the part highlighted -------------------------------------

def _share(figure, lang: str, d: Drawing) -> str:
    data = figure.data
    width, bar_h = min(SHARE_WIDTH, d.width), 40.0
    bar_x, bar_w = MARGIN, width - 2 * MARGIN
    line = d.font * LEADING
    whole = wrap(data["whole"][lang], bar_w / d.font, bold=True)
    bar_y = MARGIN + len(whole) * line + 6
    part_w = bar_w * float(data["part"]["percent"]) / 100
    body = [
        _text(whole, bar_x, MARGIN + d.font, d.font, "kb-fig__label", anchor="start", bold=True),
        f'<rect class="kb-fig__part" x="{bar_x:.1f}" y="{bar_y:.1f}" width="{part_w:.1f}" '
        f'height="{bar_h:.0f}" fill="currentColor" fill-opacity="0.75"/>',
        f'<rect class="kb-fig__rest" x="{bar_x + part_w:.1f}" y="{bar_y:.1f}" '
        f'width="{bar_w - part_w:.1f}" height="{bar_h:.0f}" fill="none" stroke="currentColor"/>',
    ]
    # Scale under the bar: 0 % and 100 % (numbers only: the same in both languages).
    scale_y = bar_y + bar_h + d.small + 2
    body.append(_text(["0%"], bar_x, scale_y, d.small, "kb-fig__scale", anchor="start"))
    body.append(_text(["100%"], bar_x + bar_w, scale_y, d.small, "kb-fig__scale", anchor="end"))
    # Labels under each segment, each as wide as its segment (less a little air).
    label_y = scale_y + line + 4
    part = data["part"]
    part_x = bar_x + part_w / 2
    part_em = max(part_w - 8, 4 * d.font) / d.font
    name = wrap(part["label"][lang], part_em, bold=True)
    note = wrap(part["note"][lang], part_em)
    body.append(_text(name, part_x, label_y, d.font, "kb-fig__label", bold=True))
    body.append(_text(note, part_x, label_y + len(name) * line, d.font, "kb-fig__label"))
    percent = f'{float(part["percent"]):g}%'
    percent_y = label_y + (len(name) + len(note)) * line + 6
    body.append(_text([percent], part_x, percent_y + 6, d.font * 1.6, "kb-fig__value", bold=True))
    rest = wrap(data["rest"]["label"][lang], max(bar_w - part_w - 16, 4 * d.font) / d.font)
    body.append(_text(rest, bar_x + part_w + (bar_w - part_w) / 2, label_y, d.font, "kb-fig__label"))
    value_bottom = percent_y + 6 + d.font * 1.6 * 0.25  # the big value's baseline and descent
    height = max(value_bottom, label_y + (len(rest) - 1) * line + d.font * 0.3) + MARGIN
    return _svg(d, width, height, figure.alt[lang], body)


# --- boxes, shared by both diagram drawings ------------------------------------------------

def _box_lines(node, lang: str, inner: float, d: Drawing):
    title = wrap(node["label"][lang], inner / d.font, bold=True)
    items = [wrap(item[lang], inner / d.small - 1.2) for item in node.get("items", [])]
    return title, items


def _box_height(title, items, d: Drawing) -> float:
    height = 2 * PAD + len(title) * d.font * LEADING
    if items:
        height += 4 + sum(len(lines) for lines in items) * d.small * LEADING
    return height


def _box(node, lines, x: float, y: float, w: float, h: float, lang: str, d: Drawing) -> str:
    """A box: its frame, its title (centred when alone) and its list, in one group."""
    accent = node.get("style") == "accent"
    css = "kb-fig__node kb-fig__node--accent" if accent else "kb-fig__node"
    out = [
        f'<g class="kb-fig__box" data-node="{escape(node["id"])}">',
        f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
        f'rx="6" fill="none" stroke="currentColor" stroke-width="{2.5 if accent else 1.2}"/>',
    ]
    title, items = lines
    content_h = _box_height(title, items, d) - 2 * PAD
    # A title alone is centred; a title with a list starts at the top, like its row.
    top = y + PAD if items else y + (h - content_h) / 2
    out.append(_text(title, x + w / 2, top + d.font, d.font, "kb-fig__label", bold=True))
    item_y = top + len(title) * d.font * LEADING + 4 + d.small
    for item in items:
        out.append(_text(["・" if lang == "ja" else "•"], x + PAD, item_y, d.small,
                         "kb-fig__bullet", anchor="start"))
        out.append(_text(item, x + PAD + 1.2 * d.small, item_y, d.small, "kb-fig__item",
                         anchor="start"))
        item_y += len(item) * d.small * LEADING
    out.append("</g>")
    return "".join(out)


def _arrow(points, dashed: bool) -> list[str]:
    """A line through ``points`` (x, y) whose last segment ends in an arrowhead."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    # Stop the line at the arrowhead's base so the head stays sharp.
    lx, ly = x2 - ux * ARROW, y2 - uy * ARROW
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    css = "kb-fig__edge kb-fig__edge--dashed" if dashed else "kb-fig__edge"
    head = (
        f"{x2:.1f},{y2:.1f} {lx - uy * ARROW / 2:.1f},{ly + ux * ARROW / 2:.1f} "
        f"{lx + uy * ARROW / 2:.1f},{ly - ux * ARROW / 2:.1f}"
    )
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in [*points[:-1], (lx, ly)])
    return [
        f'<polyline class="{css}" points="{line}" fill="none" stroke="currentColor" '
        f'stroke-width="1.5"{dash}/>',
        f'<polygon class="kb-fig__head" points="{head}" fill="currentColor"/>',
    ]


# --- wide diagram: boxes on a grid, arrows between them ------------------------------------

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


def _gap_widths(data: dict, lang: str, columns: int, gap_x: float, d: Drawing) -> list[float]:
    """The width of each gap between two columns: the source's ``column_gap``, or more where an
    arrow across it has a label with a longer word or phrase (labels never break inside one)."""
    col = {n["id"]: n["col"] for n in data["nodes"]}
    row = {n["id"]: n["row"] for n in data["nodes"]}
    gaps = [gap_x] * (columns - 1)
    for e in data.get("edges", []):
        a, b = col[e["from"]], col[e["to"]]
        if "label" in e and row[e["from"]] == row[e["to"]] and abs(a - b) == 1:
            need = widest_word_em(e["label"][lang]) * d.small + 16
            gaps[min(a, b)] = max(gaps[min(a, b)], need)
    return gaps


def _label_height(text: str, width: float, d: Drawing) -> float:
    """The height of an arrow label wrapped to ``width``, from its first line's top."""
    return (len(wrap(text, width / d.small)) - 1) * d.small * LEADING + d.small * 1.2


def _row_gaps(data: dict, lang: str, rows: int, gap_y: float, col_w: float, d: Drawing) -> list[float]:
    """The height of each gap between two rows: the source's ``row_gap``, or more where the
    label of an arrow down (or up) a column needs it with the arrow as far left as it goes."""
    col = {n["id"]: n["col"] for n in data["nodes"]}
    row = {n["id"]: n["row"] for n in data["nodes"]}
    gaps = [gap_y] * (rows - 1)
    for e in data.get("edges", []):
        a, b = row[e["from"]], row[e["to"]]
        if "label" in e and col[e["from"]] == col[e["to"]] and abs(a - b) == 1:
            need = _label_height(e["label"][lang], col_w - 24 - 4 - 8, d) + 8
            gaps[min(a, b)] = max(gaps[min(a, b)], need)
    return gaps


def _diagram(figure, lang: str, d: Drawing) -> str:
    data = figure.data
    layout = data.get("layout", {})
    gap_y = float(layout.get("row_gap", 56))
    nodes = data["nodes"]
    columns = max(n["col"] for n in nodes) + 1
    rows = max(n["row"] for n in nodes) + 1
    gaps = _gap_widths(data, lang, columns, float(layout.get("column_gap", 90)), d)
    # The source's column width, narrowed where the drawing would be wider than allowed.
    col_w = min(float(layout.get("column_width", 190)),
                (d.width - 2 * MARGIN - sum(gaps)) / columns)
    col_x = [MARGIN + c * col_w + sum(gaps[:c]) for c in range(columns)]
    inner = col_w - 2 * PAD

    row_gaps = _row_gaps(data, lang, rows, gap_y, col_w, d)
    lines = {n["id"]: _box_lines(n, lang, inner, d) for n in nodes}
    row_h = [0.0] * rows
    for n in nodes:
        row_h[n["row"]] = max(row_h[n["row"]], _box_height(*lines[n["id"]], d))
    row_y = [MARGIN + sum(row_h[:r]) + sum(row_gaps[:r]) for r in range(rows)]
    width = 2 * MARGIN + columns * col_w + sum(gaps)
    height = 2 * MARGIN + sum(row_h) + sum(row_gaps)

    boxes, body = {}, []
    for n in nodes:
        x = col_x[n["col"]]
        y, h = row_y[n["row"]], row_h[n["row"]]
        boxes[n["id"]] = (x + col_w / 2, y + h / 2, col_w, h)
        body.append(_box(n, lines[n["id"]], x, y, col_w, h, lang, d))
    for edge in data.get("edges", []):
        body.extend(_edge(edge, boxes, lang, d))
    return _svg(d, width, height, figure.alt[lang], body)


def _edge(edge, boxes, lang: str, d: Drawing) -> list[str]:
    a, b = boxes[edge["from"]], boxes[edge["to"]]
    x1, y1, x2, y2 = _ports(a, b)
    across = abs(x2 - x1) >= abs(y2 - y1)
    right = min(a[0] + a[2] / 2, b[0] + b[2] / 2) - 4  # a label beside an arrow ends here
    if "label" in edge and not across and x1 == x2:
        # Down or up within a column: move the arrow left until its label fits between the
        # arrow and the boxes' right edge, in words or phrases and in the gap's height.
        leftmost = min(a[0], b[0]) - min(a[2], b[2]) / 2 + 24
        need = widest_word_em(edge["label"][lang]) * d.small + 8
        x1 = max(min(x1, right - need), leftmost)
        while x1 - 8 >= leftmost and _label_height(edge["label"][lang], right - x1 - 8, d) \
                > abs(y2 - y1) - 8:
            x1 -= 8
        x2 = x1
    out = _arrow([(x1, y1), (x2, y2)], edge.get("style") == "dashed")
    if "label" in edge:
        length = math.hypot(x2 - x1, y2 - y1)
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        if across:  # label above the arrow, as wide as the gap
            label = wrap(edge["label"][lang], max(length - 8, 40) / d.small)
            first = my - 6 - (len(label) - 1) * d.small * LEADING
            out.append(_text(label, mx, first, d.small, "kb-fig__edge-label"))
        else:  # down or up: label to the right of the arrow
            label = wrap(edge["label"][lang], (right - mx - 8) / d.small)
            first = my - (len(label) - 1) * d.small * LEADING / 2 + d.small / 3
            out.append(_text(label, mx + 8, first, d.small, "kb-fig__edge-label", anchor="start"))
    return out


# --- narrow diagram: one column of boxes, arrows beside them -------------------------------

def narrow_order(data: dict) -> list[str]:
    """The node ids top to bottom in the narrow drawing: ``narrow.order``, else column by column."""
    given = (data.get("narrow") or {}).get("order")
    if given:
        return list(given)
    return [n["id"] for n in sorted(data["nodes"], key=lambda n: (n["col"], n["row"]))]


@dataclass
class _Lane:
    """Arrows that run along the left side and share one box, the hub (a fork or a merge)."""

    hub: str
    edges: list = field(default_factory=list)
    index: int = 0  # 0 is the lane nearest the boxes

    def span(self, at: dict) -> tuple[int, int]:
        places = [at[end] for e in self.edges for end in (e["from"], e["to"])]
        return min(places), max(places)


def _routes(edges: list, at: dict) -> tuple[list, list[_Lane]]:
    """(arrows between neighbours, lanes) for the boxes in the order ``at`` (id -> place)."""
    far = [e for e in edges if abs(at[e["from"]] - at[e["to"]]) > 1]
    ends = Counter(end for e in far for end in (e["from"], e["to"]))
    lanes: dict[str, _Lane] = {}
    for e in far:
        hub = e["from"] if ends[e["from"]] > ends[e["to"]] else e["to"]
        lanes.setdefault(hub, _Lane(hub)).edges.append(e)
    near = []
    for e in edges:
        if e in far:
            continue
        hub = e["from"] if e["from"] in lanes else e["to"] if e["to"] in lanes else None
        if hub is not None and "label" not in e:  # an unlabelled arrow joins its hub's fork
            lanes[hub].edges.append(e)
        else:
            near.append(e)
    taken: list[tuple[int, int]] = []  # the span last given to each lane
    for lane in sorted(lanes.values(), key=lambda lane: lane.span(at)):
        low, high = lane.span(at)
        lane.index = next((i for i, (_, end) in enumerate(taken) if end < low), len(taken))
        if lane.index == len(taken):
            taken.append((low, high))
        else:
            taken[lane.index] = (low, high)
    return near, list(lanes.values())


def _column(figure, lang: str, d: Drawing) -> str:
    data = figure.data
    nodes = {n["id"]: n for n in data["nodes"]}
    order = narrow_order(data)
    at = {node_id: i for i, node_id in enumerate(order)}
    near, lanes = _routes(data.get("edges", []), at)
    lane_count = 1 + max((lane.index for lane in lanes), default=-1)
    left = LANE_EDGE + LANE_IN + (lane_count - 1) * LANE_STEP if lanes else MARGIN
    right = d.width - MARGIN
    box_w = right - left
    arrow_x = left + box_w / 3

    def lane_x(lane: _Lane) -> float:
        return left - LANE_IN - lane.index * LANE_STEP

    lines = {i: _box_lines(nodes[i], lang, box_w - 2 * PAD, d) for i in order}
    heights = {i: _box_height(*lines[i], d) for i in order}
    # What each gap between two boxes holds: arrows with labels on their right, and the
    # labels of lane arrows, on the left (beside their lane).
    gap_arrows: dict[int, list] = {}
    for e in near:
        gap_arrows.setdefault(min(at[e["from"]], at[e["to"]]), []).append(e)
    gap_lane_labels: dict[int, list] = {}
    for lane in lanes:
        for e in lane.edges:
            if "label" not in e:
                continue
            step = 1 if at[e["to"]] > at[e["from"]] else -1
            by_source = min(at[e["from"]], at[e["from"]] + step)
            by_target = min(at[e["to"]], at[e["to"]] - step)
            gap = by_source if by_source not in gap_arrows and by_source not in gap_lane_labels \
                else by_target
            gap_lane_labels.setdefault(gap, []).append((lane, e))

    line_h = d.small * LEADING
    label_lines: dict[int, tuple[list, list]] = {}
    for gap in range(len(order) - 1):
        arrows = [wrap(e["label"][lang], (right - arrow_x - 10) / d.small)
                  for e in gap_arrows.get(gap, []) if "label" in e]
        label_right = arrow_x - 10 if gap in gap_arrows else right
        lane_labels = [wrap(e["label"][lang], (label_right - lane_x(lane) - 6) / d.small)
                       for lane, e in gap_lane_labels.get(gap, [])]
        label_lines[gap] = (arrows, lane_labels)
    gaps = []
    for gap in range(len(order) - 1):
        arrows, lane_labels = label_lines[gap]
        tallest = max([sum(len(label) for label in lane_labels)]
                      + [len(label) for label in arrows]) * line_h
        gaps.append(max(ARROW_GAP if gap in gap_arrows else GAP, tallest + 14))

    tops = {}
    y = MARGIN
    for i, node_id in enumerate(order):
        tops[node_id] = y
        y += heights[node_id] + (gaps[i] if i < len(gaps) else 0)
    height = y + MARGIN

    body = [_box(nodes[i], lines[i], left, tops[i], box_w, heights[i], lang, d) for i in order]
    for gap, edges in gap_arrows.items():
        upper, lower = order[gap], order[gap + 1]
        y1, y2 = tops[upper] + heights[upper], tops[lower]
        arrows, _ = label_lines[gap]
        for k, e in enumerate(edges):
            x = arrow_x + k * 12  # two arrows between the same boxes: side by side
            down = e["from"] == upper
            body.extend(_arrow([(x, y1), (x, y2)] if down else [(x, y2), (x, y1)],
                               e.get("style") == "dashed"))
        for label in arrows:
            first = (y1 + y2) / 2 - (len(label) - 1) * line_h / 2 + d.small / 3
            body.append(_text(label, arrow_x + 10, first, d.small, "kb-fig__edge-label",
                              anchor="start"))
    for gap, placed in gap_lane_labels.items():
        upper, lower = order[gap], order[gap + 1]
        y1, y2 = tops[upper] + heights[upper], tops[lower]
        _, lane_labels = label_lines[gap]
        first = (y1 + y2) / 2 - (sum(len(label) for label in lane_labels) - 1) * line_h / 2 \
            + d.small / 3
        for (lane, _), label in zip(placed, lane_labels):
            body.append(_text(label, lane_x(lane) + 6, first, d.small, "kb-fig__edge-label",
                              anchor="start"))
            first += len(label) * line_h
    body.extend(_lane_arrows(lanes, tops, heights, left, lane_x))
    return _svg(d, d.width, height, figure.alt[lang], body)


def _lane_arrows(lanes, tops, heights, left: float, lane_x) -> list[str]:
    """Each lane: from the left edge of each box it joins, along the lane, into its targets."""
    touching: dict[str, list] = {}
    for lane in lanes:
        for box in dict.fromkeys(end for e in lane.edges for end in (e["from"], e["to"])):
            touching.setdefault(box, []).append(lane)
    port = {}  # (box, lane index) -> y where the lane meets the box
    for box, joined in touching.items():
        for k, lane in enumerate(sorted(joined, key=lambda lane: lane.index)):
            port[box, lane.index] = tops[box] + heights[box] * (k + 1) / (len(joined) + 1)
    out = []
    for lane in lanes:
        x = lane_x(lane)
        dashed = all(e.get("style") == "dashed" for e in lane.edges)
        ends = list(dict.fromkeys(end for e in lane.edges for end in (e["from"], e["to"])))
        ys = [port[end, lane.index] for end in ends]
        css = "kb-fig__edge kb-fig__edge--dashed" if dashed else "kb-fig__edge"
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        out.append(f'<line class="{css}" x1="{x:.1f}" y1="{min(ys):.1f}" x2="{x:.1f}" '
                   f'y2="{max(ys):.1f}" stroke="currentColor" stroke-width="1.5"{dash}/>')
        targets = {e["to"] for e in lane.edges}
        for end in ends:
            y = port[end, lane.index]
            if end in targets:
                out.extend(_arrow([(x, y), (left, y)], dashed))
            else:
                out.append(f'<line class="{css}" x1="{x:.1f}" y1="{y:.1f}" x2="{left:.1f}" '
                           f'y2="{y:.1f}" stroke="currentColor" stroke-width="1.5"{dash}/>')
    return out
