"""Page URLs and section anchors in tests/links/manifest.txt keep resolving."""
from __future__ import annotations

import re

import pytest

from links.conftest import build_ok, rename_page
from links.public_links import UPDATE_COMMAND, lost_links, read_manifest, read_site, unlisted_links
from kb_build.markdown_source import source_headings
from sitebuild import copy_project


def test_manifest_matches_the_built_site(site_links):
    manifest = read_manifest()
    lost = lost_links(site_links, manifest)
    unlisted = unlisted_links(site_links, manifest)
    assert not lost and not unlisted, (
        "tests/links/manifest.txt differs from the site.\n"
        + "".join(f"  lost: {p}\n" for p in lost)
        + "".join(f"  not in the manifest: {link}\n" for link in unlisted)
        + f"New links only need the manifest regenerated: {UPDATE_COMMAND}"
    )


def test_manifest_covers_both_languages():
    manifest = read_manifest()
    japanese = {link for link in manifest if not link.startswith("/en/")}
    english = {link[len("/en"):] for link in manifest if link.startswith("/en/")}
    assert "/" in japanese and "/chips/#export-controls" in japanese
    assert japanese == english, f"links in one language only: {sorted(japanese ^ english)}"


def _unreferenced_heading(docs, exclude=""):
    """(page slug, id) of a section no other page, note, event or figure points at."""
    texts = {p: p.read_text("utf-8") for p in docs.rglob("*.md")}
    data = "".join(p.read_text("utf-8") for p in docs.glob("_*/*.yml"))
    for path in sorted(docs.glob("*.md")):
        if path.name.endswith(".en.md") or path.stem == exclude:
            continue
        for heading in reversed(source_headings(texts[path])):
            if heading.level < 2:
                continue
            cited = any(f"#{heading.id})" in t or f"#{heading.id}\"" in t for t in texts.values())
            cited = cited or re.search(rf"section: {re.escape(heading.id)}\s*$", data, re.M)
            if not cited:
                return path.stem, heading.id
    raise AssertionError("every section is linked from somewhere: pick a heading by hand")


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """A copy with one unreferenced heading removed and chips.md renamed without a redirect
    (one build for both kinds of lost link); returns (site, slug, heading id)."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    docs = project / "docs"
    slug, heading_id = _unreferenced_heading(docs, exclude="chips")
    assert f"/{slug}/#{heading_id}" in read_manifest(), "regenerate the manifest first"
    for name in (f"{slug}.md", f"{slug}.en.md"):
        path = docs / name
        lines = path.read_text("utf-8").splitlines()
        kept = [line for line in lines if not re.search(rf"\{{#{re.escape(heading_id)}\}}\s*$", line)]
        assert len(kept) == len(lines) - 1, f"heading #{heading_id} not found once in {name}"
        path.write_text("\n".join(kept) + "\n", "utf-8")
    rename_page(project, "chips", "semiconductors")
    return build_ok(project).site, slug, heading_id


def test_removing_a_heading_names_the_lost_anchor(broken_site):
    site, slug, heading_id = broken_site
    lost = lost_links(read_site(site), read_manifest())
    for link in (f"/{slug}/#{heading_id}", f"/en/{slug}/#{heading_id}"):
        assert any(p.startswith(f"{link} no longer resolves") and f"id '{heading_id}'" in p for p in lost), (
            f"{link} was removed but not reported; got: {lost}"
        )


def test_renaming_a_page_without_redirect_names_the_lost_pages(broken_site):
    site, _, _ = broken_site
    lost = lost_links(read_site(site), read_manifest())
    for link in ("/chips/", "/en/chips/", "/chips/#export-controls", "/en/chips/#export-controls"):
        assert any(p.startswith(f"{link} no longer resolves") for p in lost), f"{link} not reported: {lost}"
    assert all("extra.redirects" in p for p in lost if "#" not in p.split(" ")[0] and "chips" in p)


def test_renaming_a_page_with_a_redirect_keeps_every_link(moved_site):
    site_links = read_site(moved_site)
    assert {"/chips/", "/en/chips/"} <= set(site_links.redirects)
    assert lost_links(site_links, read_manifest()) == []
    assert not list(moved_site.rglob("*.pdf")), "KB_PDF=false still wrote a PDF"
