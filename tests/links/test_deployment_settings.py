"""The deployment settings come from the environment (kb_build/deployment.py, mkdocs.yml):
SITE_URL gives every printed address, EDIT_URI_TEMPLATE the edit links (unset: none), and no
placeholder address of the project's own ships in a build."""
from __future__ import annotations

import os

from bs4 import BeautifulSoup

from links.conftest import SUBPATH_EDIT_URI_TEMPLATE

TEXT_FILES = {".html", ".xml", ".json", ".js", ".css", ".txt", ".svg"}
EDIT_LINK = "article a.md-content__button[href]"


def test_no_placeholder_address_in_the_output(built_site):
    # The repository once hard-coded https://kb.example.org/ and a github.com/example repository.
    found = [
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*")
        if path.suffix in TEXT_FILES and "example.org" in path.read_text("utf-8", errors="replace")
    ]
    assert not found, f"example.org in: {found}"


def _edit_links(site, rel):
    soup = BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")
    return [a["href"] for a in soup.select(EDIT_LINK)]


def test_edit_links_follow_edit_uri_template(built_site, moved_site):
    template = os.environ.get("EDIT_URI_TEMPLATE", "")
    for rel, source in (("chips/index.html", "chips.md"), ("en/chips/index.html", "chips.en.md")):
        # The main build: as the environment says (unset in a local test run: none).
        assert _edit_links(built_site, rel) == ([template.format(path=source)] if template else []), rel
    for rel, source in (("semiconductors/index.html", "semiconductors.md"),
                        ("en/semiconductors/index.html", "semiconductors.en.md")):
        assert _edit_links(moved_site, rel) == [SUBPATH_EDIT_URI_TEMPLATE.format(path=source)], rel
