"""Shared fixtures: one strict build of the real site per test session."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harfbuzz_subset  # noqa: E402
from sitebuild import ROOT, build, copy_project  # noqa: E402
from browser.browser_install import CHROMIUM_FLAGS, ensure_chromium  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built from the repository, strictly; the build must succeed.

    KB_BUILT_SITE=<folder> tests a site already built from this checkout with
    ``mkdocs build --strict`` instead (the Pages workflow tests the very site it deploys);
    SITE_URL must then be the one it was built with."""
    given = os.environ.get("KB_BUILT_SITE")
    if given:
        site = Path(given).resolve()
        assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file(), (
            f"KB_BUILT_SITE={given}: no built site there (index.html and en/index.html). "
            "Build it with 'mkdocs build --strict --site-dir <folder>' or unset KB_BUILT_SITE.")
        return site
    site = tmp_path_factory.mktemp("site")
    harfbuzz_subset.ensure()  # faster PDF font subsetting; the build works without it
    result = build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.output}"
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project that a test may break on purpose."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def html_pages(built_site) -> dict[str, Path]:
    """Every built HTML page (not assets), keyed by its path relative to the site."""
    return {
        p.relative_to(built_site).as_posix(): p
        for p in sorted(built_site.rglob("*.html"))
        if not p.relative_to(built_site).as_posix().startswith("assets/")
    }


@pytest.fixture(scope="session")
def browser():
    """The session's one Chromium (Playwright's sync API allows one Playwright per thread, so
    every suite shares it). Installed if missing; see tests/browser/browser_install.py."""
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()
