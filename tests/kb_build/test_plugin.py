"""kb_build/plugin.py as ``mkdocs serve`` runs it: several builds in one process, one plugin
instance, and nothing of an earlier build left in a later one."""
from __future__ import annotations

import re

from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild import copy_project

OLD, NEW = "主なモデルと企業", "主要なモデルと開発企業"


def _build(project, site):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    build(config)
    return config


def test_serve_rebuild_after_a_heading_is_renamed_shows_only_the_new_title(tmp_path, monkeypatch):
    monkeypatch.setenv("KB_PDF", "false")
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    models = project / "docs" / "models.md"
    assert re.search(rf"^## {OLD} \{{#models\}}$", models.read_text("utf-8"), re.M), "fixture heading moved"

    first = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=False)  # as mkdocs serve does, once
    build(first)
    assert OLD in (site / "timeline" / "index.html").read_text("utf-8")

    models.write_text(models.read_text("utf-8").replace(f"## {OLD} {{#models}}", f"## {NEW} {{#models}}"), "utf-8")
    second = _build(project, site)
    assert second.plugins["kb"] is first.plugins["kb"], "serve keeps one plugin instance"
    # Where the build writes the heading itself: the page, the timeline and the editorial
    # status (other pages quote the old words in their own prose).
    generated = ["models/index.html", "timeline/index.html", "about/index.html"]
    stale = [rel for rel in generated if OLD in (site / rel).read_text("utf-8")]
    assert not stale, f"pages of the second build still show '{OLD}': {stale}"
    assert NEW in (site / "timeline" / "index.html").read_text("utf-8")
