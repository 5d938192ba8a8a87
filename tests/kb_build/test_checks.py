"""kb_build/checks.py on small inputs: each check names the file, the culprit and the fix."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from kb_build.checks import heading_problems, raise_problems
from kb_build.markdown_source import source_headings
from kb_build.site_sources import PageSource


def _page(text: str, src: str = "models.md") -> PageSource:
    return PageSource(src, src.split(".")[0], "ja", text, tuple(source_headings(text)), "t")


def test_a_well_formed_page_has_no_problem():
    assert heading_problems(_page("---\ntitle: t\n---\n\n# T\n\n## 節 {#section}\n")) == []


def test_heading_problems_name_the_line_and_the_fix():
    text = "---\ntitle: t\n---\n# T\n\n## 節\n\n## 別 {#べつ}\n\n## A {#a}\n\n## B {#a}\n\n```\n## not a heading\n```\n"
    problems = heading_problems(_page(text))
    assert problems[0].startswith("docs/models.md:6: heading '節' has no explicit id")
    assert "{#some-ascii-id}" in problems[0]
    assert problems[1].startswith("docs/models.md:8: heading id 'べつ' is not lowercase ASCII")
    assert problems[2] == "docs/models.md: heading id 'a' is used 2 times. Give each heading its own id."
    assert len(problems) == 3


def test_problems_are_raised_together_and_empty_groups_are_not():
    raise_problems({"Figures": []})
    with pytest.raises(PluginError) as raised:
        raise_problems({"Heading ids": ["one", "two"], "Figures": [], "Glossary": ["three"]})
    assert str(raised.value) == "Heading ids:\n  one\n  two\nGlossary:\n  three"
