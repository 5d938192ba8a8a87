"""Join the lines of a Japanese paragraph without a space.

The Japanese pages put one sentence per source line (easy to review and diff). HTML renders
each line break as a space, which is right between English words but shows as a stray gap
after 。 in Japanese. On Japanese pages, a line break that follows a Japanese character is
removed from the rendered HTML (never inside <pre>, <code> or <script>).
"""
from __future__ import annotations

import re

_JAPANESE = r"\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60"
_BREAK = re.compile(rf"(?<=[{_JAPANESE}])[ \t]*\n[ \t]*(?=[^\s<])")
_VERBATIM = re.compile(r"(<(pre|code|script|style)\b.*?</\2>)", re.S | re.I)


def join_lines(html: str) -> str:
    parts = _VERBATIM.split(html)
    out = []
    # re.split with two groups yields: text, whole verbatim block, tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_BREAK.sub("", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def on_page_content(html, page, config, files, **kwargs):
    if config["theme"]["language"] != "ja":
        return html
    return join_lines(html)
