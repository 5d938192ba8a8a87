"""The strict build passes, and each kind of bad input fails it with a clear message.

The checks are tried in process on a broken copy of the sources (``check_output``: what the
build would print, without building); one whole build per kind of bad input shows that the
build really stops on it, before any page or PDF is written.
"""
from __future__ import annotations

import re

import pytest

from sitebuild import assert_build_fails, assert_check_fails


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


BROKEN_LINKS = (
    "\n[壊れたリンク](no-such-page.md)\n\n[壊れたアンカー](models.md#no-such-anchor)\n",
    ["chips.md", "no-such-page.md", "no-such-anchor"],
)

BAD_INPUTS = {
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
def test_bad_input_is_reported_clearly(case, project_copy):
    breaker, expected = BAD_INPUTS[case]
    breaker(project_copy / "docs")
    assert_check_fails(project_copy, expected, case)


def test_broken_links_fail_the_strict_build(project_copy, tmp_path):
    """MkDocs' own validation: it reports while rendering, so this one needs a build."""
    text, expected = BROKEN_LINKS
    _append(project_copy / "docs" / "chips.md", text)
    result = assert_build_fails(project_copy, tmp_path / "site", expected, "broken links",
                                env={"KB_PDF": "false"})
    assert "Aborted with" in result.output


def _end_to_end_cases():
    """One bad input of each kind the build's checks know, from each kind's own tests."""
    import test_editor_notes
    import test_figures
    import test_glossary
    from links import test_redirects

    return {
        "page sources": (lambda p: BAD_INPUTS["missing-translation"][0](p / "docs"),
                         BAD_INPUTS["missing-translation"][1]),
        "editors' data": test_editor_notes.BAD_INPUTS["missing-section"],
        "glossary": test_glossary.BAD_INPUTS["entry-missing-in-english"],
        "figures": test_figures.BAD_INPUTS["label-without-english"],
        "redirects": test_redirects.BAD_INPUTS["missing-target"],
    }


# The deployment settings come from the environment, not from a file: the redirects case also
# gets a bad SITE_URL (no trailing '/', which MkDocs alone would silently add), so one build
# shows both that it stops the build and that problems of different kinds come together.
BAD_DEPLOYMENT = ({"SITE_URL": "https://wiki.example.internal/kb"},
                  ["Deployment settings:", "SITE_URL='https://wiki.example.internal/kb' is not an absolute",
                   "SITE_URL=https://wiki.example.internal/kb/"])


@pytest.mark.parametrize("kind", ["page sources", "editors' data", "glossary", "figures", "redirects"])
def test_each_kind_of_bad_input_stops_the_build(kind, project_copy, tmp_path):
    breaker, expected = _end_to_end_cases()[kind]
    env = {}
    if kind == "redirects":
        env, deployment_expected = BAD_DEPLOYMENT
        expected = [*expected, *deployment_expected]
    breaker(project_copy)
    assert_build_fails(project_copy, tmp_path / "site", expected, kind, env=env)
    assert not list((tmp_path / "site").rglob("*.html")), f"{kind}: pages were written before the check"
    assert not list((tmp_path / "site").rglob("*.pdf")), f"{kind}: a PDF was written before the check"
