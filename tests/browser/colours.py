"""Colours as the browser computes them (``rgb(…)``/``rgba(…)``), and WCAG contrast between them."""
from __future__ import annotations

import re

_RGB = re.compile(r"rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+%?))?\)")


def parse(css: str) -> tuple[float, float, float, float]:
    """(r, g, b, alpha) of a computed colour, alpha 0-1."""
    match = _RGB.fullmatch(css.strip())
    assert match, f"not a computed rgb() colour: {css!r}"
    r, g, b, a = match.groups()
    alpha = 1.0 if a is None else (float(a[:-1]) / 100 if a.endswith("%") else float(a))
    return float(r), float(g), float(b), alpha


def over(top: str, bottom: str) -> tuple[float, float, float]:
    """``top`` composited over the opaque ``bottom``."""
    r, g, b, a = parse(top)
    br, bg, bb, _ = parse(bottom)
    return r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
