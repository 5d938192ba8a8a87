"""Japanese prose quality: textlint with preset-ja-technical-writing, zero errors.

The rule set and the reasons for every tuned rule are in tests/textlint/
(.textlintrc.json and README.md). Only the Japanese pages are linted:
docs/*.md that are not docs/*.en.md.
"""
from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

import pytest

from node_tools import ensure_installed

ROOT = Path(__file__).parents[1]
TEXTLINT_DIR = ROOT / "tests" / "textlint"
CONFIG = TEXTLINT_DIR / ".textlintrc.json"
BINARY = TEXTLINT_DIR / "node_modules" / ".bin" / "textlint"


def japanese_pages() -> list[Path]:
    return sorted(p for p in (ROOT / "docs").glob("*.md") if not p.name.endswith(".en.md"))


@pytest.fixture(scope="module")
def textlint() -> Path:
    ensure_installed(TEXTLINT_DIR)
    assert BINARY.exists(), f"{BINARY.relative_to(ROOT)} is missing: run npm ci --prefix tests/textlint"
    return BINARY


def test_there_are_japanese_pages():
    assert japanese_pages(), "docs/ holds no Japanese page (docs/*.md without .en.md)"


_BOX = re.compile(r'^!!! [a-z]+ "[^"\n]*"\n\n((?:(?:    .*)?\n)+)', re.M)


def admonition_bodies(directory: Path) -> list[str]:
    """Each box's content (key points, notes) as a file of its own, unindented: textlint would
    read the indented lines as a code block and skip them."""
    written = []
    for page in japanese_pages():
        for number, match in enumerate(_BOX.finditer(page.read_text("utf-8")), start=1):
            box = directory / f"{page.stem}-box{number}.md"
            box.write_text(textwrap.dedent(match.group(1)), "utf-8")
            written.append(str(box))
    return written


def test_japanese_pages_pass_textlint(textlint, tmp_path):
    pages = [p.relative_to(ROOT).as_posix() for p in japanese_pages()] + admonition_bodies(tmp_path)
    result = subprocess.run(
        [str(textlint), "--config", str(CONFIG.relative_to(ROOT)), "--format", "compact", *pages],
        cwd=ROOT, capture_output=True, text=True,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and "problem" not in output.lower(), (
        "textlint found problems in the Japanese pages. Fix the sentences (short sentences, "
        "です・ます, at most 3 読点), or tune a rule in tests/textlint/.textlintrc.json with a "
        "reason in tests/textlint/README.md:\n" + output
    )
