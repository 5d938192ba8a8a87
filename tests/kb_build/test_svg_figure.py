"""kb_build/svg_figure.py: both drawings of a figure hold their text, fit their width, and the
narrow one is one column of boxes whose arrows read top to bottom."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from kb_build.figure_sources import Figure
from kb_build.svg_figure import DRAWINGS, LEADING, NARROW, SWITCH, WIDE, draw, render

PHONE_COLUMN = 358  # px: the content column of a 390 px phone (Material's 16 px margins)


def _diagram(**layout):
    return Figure(
        id="t", source="docs/_figures/t.yml", page="chips", section="s", kind="diagram",
        caption={"ja": "図", "en": "Figure"}, alt={"ja": "代替", "en": "Alternative"},
        data={"layout": layout, "nodes": [
            {"id": "a", "row": 0, "col": 0, "label": {"ja": "日本の製造装置", "en": "Japanese equipment"},
             "items": [{"ja": "精密部品", "en": "Precision parts"}]},
            {"id": "b", "row": 0, "col": 1, "label": {"ja": "中国のチップメーカー", "en": "Chinese chipmakers"}},
            {"id": "c", "row": 1, "col": 1, "label": {"ja": "モデル開発企業", "en": "Model developers"}},
            {"id": "d", "row": 1, "col": 0, "label": {"ja": "米国の輸出規制", "en": "US export controls"}},
        ], "edges": [
            {"from": "a", "to": "b", "label": {"ja": "供給", "en": "supply"}},
            {"from": "b", "to": "c", "label": {"ja": "国産AIチップ", "en": "domestic AI chips"}},
            {"from": "d", "to": "b", "label": {"ja": "国産化を加速", "en": "accelerate localisation"}},
        ], "narrow": {"order": ["a", "b", "c", "d"]}},
    )


def _share():
    return Figure(id="s", source="x", page="models", section="s", kind="share",
                  caption={"ja": "図", "en": "Figure"}, alt={"ja": "代替", "en": "Alt"},
                  data={"whole": {"ja": "全体", "en": "All"},
                        "part": {"percent": 40, "label": {"ja": "中国", "en": "China"},
                                 "note": {"ja": "1,509", "en": "1,509"}},
                        "rest": {"label": {"ja": "その他", "en": "Others"}}})


def _svg(figure, language, drawing):
    return BeautifulSoup(draw(figure, language, drawing), "html.parser").svg


def _boxes(svg):
    return {g["data-node"]: tuple(float(g.rect[k]) for k in ("x", "y", "width", "height"))
            for g in svg.select("g.kb-fig__box")}


def test_the_drawings_keep_figure_text_at_12px_where_they_are_shown():
    """The wide drawing is shown from a column of SWITCH px (scale >= SWITCH / WIDE.width); the
    narrow one fits a 390 px phone's column at scale 1."""
    assert WIDE.small * SWITCH / WIDE.width >= 12
    assert NARROW.width <= PHONE_COLUMN and NARROW.small >= 12
    assert all(d.font >= d.small for d in DRAWINGS)


@pytest.mark.parametrize("figure", [_diagram(), _share()], ids=["diagram", "share"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_drawing_holds_every_label_within_its_width(figure, language):
    markup = render(figure, language)
    svgs = BeautifulSoup(markup, "html.parser").find_all("svg")
    assert [s["class"][-1] for s in svgs] == [f"kb-figure__svg--{d.name}" for d in DRAWINGS]
    assert markup.count("viewBox=") == len(DRAWINGS)  # html.parser lowers it; the markup keeps it
    for svg, drawing in zip(svgs, DRAWINGS):
        assert float(svg["width"]) <= drawing.width
        texts = ["".join(t.stripped_strings).replace(" ", "") for t in svg.find_all("text")]
        for pair in figure.labels():
            assert any(pair[language].replace(" ", "") in t for t in texts), (drawing.name, pair, texts)
        sizes = {float(t["font-size"]) for t in svg.find_all("text")}
        assert min(sizes) >= drawing.small, (drawing.name, sizes)
        assert svg.desc.get_text() == figure.alt[language]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_wide_diagram_is_a_grid_narrowed_to_fit(language):
    svg = _svg(_diagram(column_width=400, column_gap=60), language, WIDE)
    assert float(svg["width"]) <= WIDE.width, "a wide source column was not narrowed"
    boxes = _boxes(svg)
    assert boxes["a"][1] == boxes["b"][1] and boxes["a"][0] + boxes["a"][2] < boxes["b"][0], boxes
    assert boxes["b"][0] == boxes["c"][0] and boxes["b"][1] + boxes["b"][3] < boxes["c"][1], boxes
    assert len(svg.find_all("polygon")) == 3, "every arrow has a head"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_narrow_diagram_is_one_column_in_the_sources_order(language):
    svg = _svg(_diagram(), language, NARROW)
    boxes = _boxes(svg)
    assert list(boxes) == ["a", "b", "c", "d"]
    assert len({(x, w) for x, _, w, _ in boxes.values()}) == 1, "boxes not in one column"
    tops = [y for _, y, _, _ in boxes.values()]
    bottoms = [y + h for _, y, _, h in boxes.values()]
    assert all(bottoms[i] < tops[i + 1] for i in range(len(tops) - 1)), "boxes overlap"
    assert float(svg["width"]) == NARROW.width


def _lines(svg):
    return [tuple(float(line[k]) for k in ("x1", "y1", "x2", "y2")) for line in svg.find_all("line")]


def test_narrow_arrows_between_neighbours_run_down_and_others_in_a_lane():
    svg = _svg(_diagram(), "en", NARROW)
    boxes = _boxes(svg)
    x, _, width, _ = boxes["a"]
    # a -> b and b -> c are neighbours: straight down, between the boxes, labels beside them.
    down = [p["points"] for p in svg.find_all("polyline")]
    for upper, lower in (("a", "b"), ("b", "c")):
        bottom, top = boxes[upper][1] + boxes[upper][3], boxes[lower][1]
        assert any(re.fullmatch(rf"([\d.]+),{bottom:.1f} \1,[\d.]+", p) and float(p.split(",")[0]) > x
                   for p in down), (upper, lower, down)
        assert top > bottom
    # d -> b skips c: it runs in a lane left of the boxes, and its head ends at b's left edge.
    lane = [line for line in _lines(svg) if line[0] == line[2] and line[0] < x]
    assert lane, "no lane left of the boxes"
    heads = [[float(v) for v in p["points"].split()[0].split(",")] for p in svg.find_all("polygon")]
    b_top, b_bottom = boxes["b"][1], boxes["b"][1] + boxes["b"][3]
    assert any(hx == pytest.approx(x) and b_top < hy < b_bottom for hx, hy in heads), heads
    # Every label of an arrow is in a gap between two boxes, not over one.
    for text in svg.select("text.kb-fig__edge-label"):
        y = float(text["y"])
        assert not any(by <= y <= by + bh for _, by, _, bh in boxes.values()), text.get_text()
    assert x + width <= NARROW.width


def test_narrow_default_order_is_column_by_column():
    figure = _diagram()
    figure.data.pop("narrow")
    assert list(_boxes(_svg(figure, "en", NARROW))) == ["a", "d", "b", "c"]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_vertical_arrow_label_fits_its_gap(language):
    """The row gap grows (and the arrow moves left) so that a label beside a vertical arrow is
    no taller than the arrow."""
    svg = _svg(_diagram(row_gap=20), language, WIDE)
    boxes = _boxes(svg)
    gap = boxes["c"][1] - (boxes["b"][1] + boxes["b"][3])
    label = next(t for t in svg.select("text.kb-fig__edge-label")
                 if "".join(t.stripped_strings).startswith(("国産AI", "domestic")))
    lines = len(label.find_all("tspan"))
    assert (lines - 1) * WIDE.small * LEADING + WIDE.small <= gap, (lines, gap)


@pytest.mark.parametrize("drawing", DRAWINGS, ids=lambda d: d.name)
def test_share_bar_is_as_long_as_its_percentage(drawing):
    svg = _svg(_share(), "en", drawing)
    part = svg.find("rect", class_="kb-fig__part")
    rest = svg.find("rect", class_="kb-fig__rest")
    whole = float(part["width"]) + float(rest["width"])
    assert float(part["width"]) / whole == pytest.approx(0.40, abs=0.001)
    assert float(svg["width"]) <= drawing.width
