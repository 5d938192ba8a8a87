"""Browser fixtures: the session's one Chromium (``browser``, tests/conftest.py), the built site served on 127.0.0.1, and a page
per test whose every request is watched (nothing may leave the local origin).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from sitebuild import SITE_PATH

from .language import language_of
from .site_server import serve

LOCAL_HOST = "127.0.0.1"
LOCAL_SCHEMES = {"data", "blob", "about"}
HANG_TIMEOUT_MS = 30_000


@dataclass
class ReaderLog:
    """What went wrong while a reader used the page: kept per test, checked by the tests."""

    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.failed_requests


@dataclass
class Site:
    """The served site: its base URL and the rel paths of its pages, per language."""

    url: str
    root: Path

    def pages(self, language: str) -> list[str]:
        """Page URLs relative to the site root ('', 'chips/', 'en/chips/'), from the build."""
        found = []
        for html in sorted(self.root.rglob("index.html")):
            rel = html.parent.relative_to(self.root).as_posix()
            rel = "" if rel == "." else rel + "/"
            if rel.startswith(("assets/", "search/", "en/search/")):
                continue
            if language_of(rel) == language:
                found.append(rel)
        return found

    def at(self, rel: str) -> str:
        return urljoin(self.url, rel)

    def rel(self, url: str) -> str:
        """The page of a URL, relative to the site root, without query or fragment."""
        path, base = urlsplit(url).path, urlsplit(self.url).path
        return path[len(base):] if path.startswith(base) else path

    @staticmethod
    def counterpart(rel: str) -> str:
        """The same page in the other language."""
        return rel[3:] if rel.startswith("en/") else "en/" + rel


@pytest.fixture(scope="session")
def site(built_site) -> Site:
    with serve(built_site, SITE_PATH) as url:  # under the path it was built for, as published
        yield Site(url=url, root=built_site)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == LOCAL_HOST


@pytest.fixture
def reader_log() -> ReaderLog:
    return ReaderLog()


@pytest.fixture
def new_context(browser, reader_log):
    """Open browser contexts (with options) whose requests are all watched; closed after the test.

    A request to any host but 127.0.0.1 is aborted and fails the test at teardown.
    """
    contexts = []

    def _block(route):
        reader_log.foreign_requests.append(route.request.url)
        route.abort()

    def _watch(page):
        page.on("console", lambda m: m.type == "error" and reader_log.console_errors.append(
            f"{page.url}: console error: {m.text}"))
        page.on("pageerror", lambda e: reader_log.console_errors.append(f"{page.url}: {e}"))
        # ERR_ABORTED is a load the reader cancelled by going to the next page, not a failure.
        page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and
                reader_log.failed_requests.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and reader_log.failed_requests.append(
            f"{r.url}: HTTP {r.status}"))

    def _new(**options):
        options.setdefault("locale", "ja-JP")
        options.setdefault("color_scheme", "light")
        context = browser.new_context(**options)
        # A guard against a hang, not a speed check (speed is the benchmark's): generous, since a
        # shared two-core CI machine can stall for seconds.
        context.set_default_timeout(HANG_TIMEOUT_MS)
        context.route(lambda url: not _is_local(url), _block)
        context.on("page", _watch)
        contexts.append(context)
        return context

    yield _new
    for context in contexts:
        context.close()
    assert not reader_log.foreign_requests, (
        "requests left the local origin:\n" + "\n".join(reader_log.foreign_requests)
    )


@pytest.fixture
def page(new_context):
    """A desktop-sized page in a fresh context."""
    return new_context(viewport={"width": 1280, "height": 900}).new_page()

