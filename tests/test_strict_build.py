"""The strict build passes, and each kind of bad input fails it with a clear message."""
from __future__ import annotations

import re

import pytest

from sitebuild import assert_build_fails


def test_strict_build_passes(built_site):
    assert (built_site / "index.html").exists()
    assert (built_site / "en" / "index.html").exists()


def _replace(path, old, new, count=1):
    text = path.read_text("utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")


def _append(path, text):
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def _first_heading_id(path):
    match = re.search(r"^##+ .*\{#([a-z0-9-]+)\}\s*$", path.read_text("utf-8"), re.M)
    assert match, f"no heading with an id in {path}"
    return match.group(1)


BAD_INPUTS = {
    "broken-link": (
        lambda docs: _append(docs / "chips.md", "\n[壊れたリンク](no-such-page.md)\n"),
        ["chips.md", "no-such-page.md"],
    ),
    "broken-anchor": (
        lambda docs: _append(docs / "chips.md", "\n[壊れたアンカー](models.md#no-such-anchor)\n"),
        ["chips.md", "no-such-anchor"],
    ),
    "missing-translation": (
        lambda docs: (docs / "ecosystem.en.md").unlink(),
        ["docs/ecosystem.md has no English translation", "create docs/ecosystem.en.md"],
    ),
    "heading-without-id": (
        lambda docs: _append(docs / "models.md", "\n## 見出しだけ\n\n本文です。\n"),
        ["docs/models.md", "has no explicit id", "{#some-ascii-id}"],
    ),
    "non-ascii-id": (
        lambda docs: _append(docs / "models.md", "\n## 見出し {#見出し}\n\n本文です。\n"),
        ["docs/models.md", "not lowercase ASCII"],
    ),
    "id-mismatch": (
        lambda docs: _replace(
            docs / "chips.en.md",
            "{#" + _first_heading_id(docs / "chips.en.md") + "}",
            "{#renamed-in-english-only}",
        ),
        ["docs/chips.md and docs/chips.en.md have different heading ids", "same {#id}"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_fails_with_clear_message(case, project_copy, tmp_path):
    breaker, expected = BAD_INPUTS[case]
    breaker(project_copy / "docs")
    assert_build_fails(project_copy, tmp_path / "site", expected, case)
