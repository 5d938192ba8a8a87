"""kb_build/deployment.py: SITE_URL and EDIT_URI_TEMPLATE are checked before anything is built."""
from __future__ import annotations

import pytest

from kb_build.deployment import problems

DEFAULT = "http://127.0.0.1:8000/"


@pytest.mark.parametrize("url", ["https://kb.example.internal/", "https://wiki.example.internal/kb/",
                                 "http://127.0.0.1:8000/", "https://owner.github.io/repo/"])
def test_a_published_address_passes(url):
    assert problems({"SITE_URL": url}, url) == []


def test_unset_variables_take_the_configured_defaults():
    assert problems({}, DEFAULT) == []


@pytest.mark.parametrize("url", ["https://wiki.example.internal/kb", "wiki.example.internal/kb/",
                                 "ftp://wiki.example.internal/", "", "/kb/", "https://",
                                 "https://kb.example.internal/?x=1", "https://kb example/"])
def test_a_bad_site_url_names_the_variable_and_the_fix(url):
    # MkDocs itself would append the missing '/' and pass ftp:// or a query string.
    found = problems({"SITE_URL": url}, url + "/")
    assert len(found) == 1, found
    assert found[0].startswith(f"SITE_URL={url!r} is not an absolute http(s) address ending in '/'")
    assert "Set SITE_URL to the address the site is published at" in found[0]
    assert "SITE_URL=https://wiki.example.internal/kb/" in found[0]


def test_a_bad_site_url_in_a_wrapper_config_names_mkdocs_yml():
    found = problems({}, "ftp://kb.example.internal/")
    assert len(found) == 1 and found[0].startswith("mkdocs.yml site_url 'ftp://kb.example.internal/'")
    assert "Set SITE_URL" in found[0]


def test_edit_links_are_optional_and_checked_when_set():
    good = "https://github.com/OWNER/REPO/edit/main/docs/{path}"
    assert problems({"EDIT_URI_TEMPLATE": good}, DEFAULT) == []
    assert problems({"EDIT_URI_TEMPLATE": ""}, DEFAULT) == []  # set but empty (CI without it): none
    for bad in ("https://github.com/OWNER/REPO/edit/main/docs/", "edit/main/docs/{path}"):
        found = problems({"EDIT_URI_TEMPLATE": bad}, DEFAULT)
        assert len(found) == 1 and found[0].startswith(f"EDIT_URI_TEMPLATE={bad!r} is not an absolute"), found
        assert "'{path}'" in found[0] and "unset it for no edit links" in found[0]


def test_both_problems_are_reported_together():
    found = problems({"SITE_URL": "kb/", "EDIT_URI_TEMPLATE": "x"}, None)
    assert [p.split("=")[0] for p in found] == ["SITE_URL", "EDIT_URI_TEMPLATE"]
