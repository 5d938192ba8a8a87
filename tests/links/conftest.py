"""Fixtures for the link tests: the built site's links, project edits, and a small browser."""
from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path

import pytest

from browser.site_server import serve as serve_site
from links.public_links import SiteLinks, read_site
from sitebuild import SITE_PATH, SITE_URL, BuildResult, build, copy_project  # noqa: F401

# The moved site is also the sub-path deployment: built for, and served under, /kb/.
SUBPATH_SITE_URL = "https://wiki.example.internal/kb/"
SUBPATH = "/kb/"
# ... with edit links to its sources (unset, as for the main build: no edit link).
SUBPATH_EDIT_URI_TEMPLATE = "https://git.example.internal/kb/edit/main/docs/{path}"
# Added to the Japanese section models.md#models of moved_site: its translation is then outdated.
CHANGED_JAPANESE = "日本語の原文に、英語版の確認のあとで一文を足しました。\n"


@pytest.fixture(scope="session")
def site_links(built_site) -> SiteLinks:
    return read_site(built_site)


def add_redirects(project: Path, redirects: dict[str, str]) -> None:
    """Declare redirects under extra.redirects in the copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    entries = "".join(f"\n    {old}: {new}" for old, new in redirects.items())
    text, count = re.subn(r"^  redirects:(?: \{\})?[ \t]*$", lambda m: "  redirects:" + entries, text, flags=re.M)
    assert count == 1, "mkdocs.yml has no 'extra: redirects:' entry to extend"
    config.write_text(text, "utf-8")


def rename_page(project: Path, old: str, new: str) -> None:
    """Move docs/<old>.md and docs/<old>.en.md to <new>, updating nav, links and the data
    files (figures, notes, timeline) that place things on the page by its slug."""
    docs = project / "docs"
    for suffix in (".md", ".en.md"):
        (docs / f"{old}{suffix}").rename(docs / f"{new}{suffix}")
    pattern = re.compile(rf"(?<![\w./-]){re.escape(old)}\.md\b")
    for path in [project / "mkdocs.yml", *docs.rglob("*.md")]:
        text = path.read_text("utf-8")
        path.write_text(pattern.sub(f"{new}.md", text), "utf-8")
    slug = re.compile(rf"^(\s*page:\s*){re.escape(old)}\s*$", re.M)
    for path in docs.glob("_*/*.yml"):
        text = path.read_text("utf-8")
        path.write_text(slug.sub(rf"\g<1>{new}", text), "utf-8")


def build_ok(project: Path, env: dict | None = None) -> BuildResult:
    result = build(project, project.parent / "site", env={"KB_PDF": "false", **(env or {})})  # HTML is enough here
    assert result.returncode == 0, f"strict build of the edited copy failed:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def moved_site(tmp_path_factory) -> Path:
    """The site after chips.md moved to semiconductors.md, with redirects declared for the
    page and for an older address of one of its sections, and with one Japanese section
    changed after its translation was reviewed (built once, without PDFs), for a sub-path
    deployment (SUBPATH_SITE_URL): serve it with ``serve(moved_site, SUBPATH)``."""
    project = copy_project(tmp_path_factory.mktemp("moved") / "project")
    models = project / "docs" / "models.md"
    models.write_text(models.read_text("utf-8").replace(
        "<!-- passages: G012 G013 G014 G015 -->\n", "<!-- passages: G012 G013 G014 G015 -->\n\n" + CHANGED_JAPANESE, 1), "utf-8")
    rename_page(project, "chips", "semiconductors")
    add_redirects(project, {"chips.md": "semiconductors.md",
                            "old-chips.md": "semiconductors.md#export-controls"})
    return build_ok(project, {"SITE_URL": SUBPATH_SITE_URL, "EDIT_URI_TEMPLATE": SUBPATH_EDIT_URI_TEMPLATE}).site


@pytest.fixture(scope="session")
def chromium_browser(browser):
    """The session's one Chromium (tests/conftest.py): one Playwright per thread."""
    return browser


@pytest.fixture
def serve():
    """serve(site, prefix=SITE_PATH) -> base URL of that folder served on 127.0.0.1 under
    ``prefix`` (stopped after the test); the browser suite's server (tests/browser/site_server.py)."""
    with ExitStack() as stack:
        yield lambda site, prefix=SITE_PATH: stack.enter_context(serve_site(site, prefix))
