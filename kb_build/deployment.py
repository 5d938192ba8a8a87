"""Where this build is published: ``SITE_URL`` and ``EDIT_URI_TEMPLATE`` from the environment.

One set of sources is published at several addresses: a local preview
(``http://127.0.0.1:8000/``, the default in mkdocs.yml), GitHub Pages under ``/<repo>/``, an
internal server under a path such as ``https://wiki.example.internal/kb/``. Every absolute
address the site prints (canonical links, hreflang, sitemap, link previews, redirect stubs,
the section links readers copy into wikis) comes from ``site_url``, so mkdocs.yml reads it
from ``SITE_URL`` (``site_url: !ENV [SITE_URL, ...]``) and edit links from
``EDIT_URI_TEMPLATE`` (unset: no edit link; ``repo_url`` is not used, since Material would
then call api.github.com from every page).

MkDocs accepts almost any string there: it silently appends a missing ``/`` and takes
``ftp://`` or a URL with a query, which would publish wrong addresses without a word. So
these values are checked once per build, before a page is rendered, and a bad one stops the
build naming the variable and what to set.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

SITE_URL = "SITE_URL"
EDIT_URI_TEMPLATE = "EDIT_URI_TEMPLATE"
_EXAMPLE_SITE = "https://wiki.example.internal/kb/"
_EXAMPLE_EDIT = "https://github.com/OWNER/REPO/edit/main/docs/{path}"


def _absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme in ("http", "https") and bool(parts.hostname)
            and not parts.query and not parts.fragment and not re.search(r"\s", url))


def site_url_problem(value: str) -> str | None:
    """Why ``value`` cannot be the site's address, or None."""
    if not _absolute_http(value) or not urlsplit(value).path.endswith("/"):
        return (f"{SITE_URL}={value!r} is not an absolute http(s) address ending in '/'. "
                f"Set {SITE_URL} to the address the site is published at, with the trailing "
                f"slash, e.g. {SITE_URL}={_EXAMPLE_SITE} (or unset it for a local preview).")
    return None


def edit_uri_problem(value: str) -> str | None:
    """Why ``value`` cannot be the edit-link template, or None ('' means no edit links)."""
    if value == "":
        return None
    if not _absolute_http(value.replace("{path}", "p").replace("{path_noext}", "p")) \
            or not ("{path}" in value or "{path_noext}" in value):
        return (f"{EDIT_URI_TEMPLATE}={value!r} is not an absolute http(s) address with "
                f"'{{path}}' where the page's source path goes. Set it like "
                f"{EDIT_URI_TEMPLATE}={_EXAMPLE_EDIT}, or unset it for no edit links.")
    return None


def problems(environ: Mapping[str, str], site_url: str | None) -> list[str]:
    """Every problem of the deployment settings: the raw variables as the build got them
    (before MkDocs appends a '/'), and ``site_url`` as configured (a wrapper config may set
    it without the variable)."""
    found = []
    if SITE_URL in environ:
        problem = site_url_problem(environ[SITE_URL])
        if problem:
            found.append(problem)
    elif site_url is None or site_url_problem(site_url):
        found.append(f"mkdocs.yml site_url {site_url!r} is not an absolute http(s) address "
                     f"ending in '/'. Set {SITE_URL}, e.g. {SITE_URL}={_EXAMPLE_SITE}, or fix "
                     "site_url in mkdocs.yml.")
    if EDIT_URI_TEMPLATE in environ:
        problem = edit_uri_problem(environ[EDIT_URI_TEMPLATE])
        if problem:
            found.append(problem)
    return found
