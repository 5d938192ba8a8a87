"""The editors' Japanese prose (notes, timeline, About block) passes the pages' textlint.

That prose lives in docs/_data/*.yml, which tests/test_japanese_prose.py does not lint.
It is read back from the built Japanese pages (what readers see), one paragraph per block,
and linted with the same rules. Source names are left out: they are proper names.
"""
from __future__ import annotations

import subprocess

from editorial_html import page_path, soup
from test_japanese_prose import CONFIG, ROOT, textlint  # noqa: F401  (fixture)


def _editorial_paragraphs(html_pages) -> list[str]:
    paragraphs = []
    for rel, path in html_pages.items():
        if rel.startswith("en/"):
            continue
        page = soup(path)
        for note in page.select("div.editor-note"):
            paragraphs += [p.get_text() for p in note.select("p:not(.admonition-title)")
                           if not p.get_text().startswith("出典：")]
        for event in page.select(".kb-timeline .kb-timeline__text"):
            paragraphs.append(event.get_text())
        for block in page.select(".editorial-status"):
            paragraphs += [p.get_text() for p in block.select("p")]
            paragraphs += [li.get_text() for li in block.find("ul").select("li")]
    return paragraphs


def test_editorial_japanese_prose_passes_textlint(html_pages, textlint, tmp_path):  # noqa: F811
    paragraphs = _editorial_paragraphs(html_pages)
    assert len(paragraphs) > 30, f"too little editorial prose found: {paragraphs}"
    prose = tmp_path / "editorial.md"
    prose.write_text("# 編集部の文章\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    result = subprocess.run(
        [str(textlint), "--config", str(CONFIG.relative_to(ROOT)), "--format", "compact", str(prose)],
        cwd=ROOT, capture_output=True, text=True,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and "problem" not in output.lower(), (
        "textlint found problems in the editors' Japanese prose. Fix text_ja / title_ja in "
        "docs/_data/editor-notes.yml or timeline.yml (or kb_build/editorial_markdown.py):\n"
        + output + "\n--- linted text ---\n" + prose.read_text("utf-8")
    )
