"""Page URLs and section anchors in tests/links/manifest.txt keep resolving."""
from __future__ import annotations

import re

from links.conftest import add_redirects, build_ok, rename_page
from links.public_links import UPDATE_COMMAND, lost_links, read_manifest, read_site, unlisted_links
from kb_build.markdown_source import source_headings


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


def _unreferenced_heading(docs):
    """(page slug, heading line, id) of a section no other page links to."""
    texts = {p: p.read_text("utf-8") for p in docs.rglob("*.md")}
    for path in sorted(docs.glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        for heading in reversed(source_headings(texts[path])):
            if heading.level < 2:
                continue
            cited = any(f"#{heading.id})" in t or f"#{heading.id}\"" in t for t in texts.values())
            if not cited:
                return path.stem, heading.id
    raise AssertionError("every section is linked from somewhere: pick a heading by hand")


def test_removing_a_heading_names_the_lost_anchor(project_copy):
    docs = project_copy / "docs"
    slug, heading_id = _unreferenced_heading(docs)
    assert f"/{slug}/#{heading_id}" in read_manifest(), "regenerate the manifest first"
    for name in (f"{slug}.md", f"{slug}.en.md"):
        path = docs / name
        lines = path.read_text("utf-8").splitlines()
        kept = [line for line in lines if not re.search(rf"\{{#{re.escape(heading_id)}\}}\s*$", line)]
        assert len(kept) == len(lines) - 1, f"heading #{heading_id} not found once in {name}"
        path.write_text("\n".join(kept) + "\n", "utf-8")

    lost = lost_links(read_site(build_ok(project_copy).site), read_manifest())

    for link in (f"/{slug}/#{heading_id}", f"/en/{slug}/#{heading_id}"):
        assert any(p.startswith(f"{link} no longer resolves") and f"id '{heading_id}'" in p for p in lost), (
            f"{link} was removed but not reported; got: {lost}"
        )


def test_renaming_a_page_without_redirect_names_the_lost_pages(project_copy):
    rename_page(project_copy, "chips", "semiconductors")

    lost = lost_links(read_site(build_ok(project_copy).site), read_manifest())

    for link in ("/chips/", "/en/chips/", "/chips/#export-controls", "/en/chips/#export-controls"):
        assert any(p.startswith(f"{link} no longer resolves") for p in lost), f"{link} not reported: {lost}"
    assert all("extra.redirects" in p for p in lost if "#" not in p.split(" ")[0])


def test_renaming_a_page_with_a_redirect_keeps_every_link(project_copy):
    rename_page(project_copy, "chips", "semiconductors")
    add_redirects(project_copy, {"chips.md": "semiconductors.md"})

    site_links = read_site(build_ok(project_copy).site)

    assert set(site_links.redirects) == {"/chips/", "/en/chips/"}
    assert lost_links(site_links, read_manifest()) == []
