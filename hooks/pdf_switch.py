"""Decide when the PDFs are rendered: every build, except on request and in serve rebuilds.

Rendering both PDFs is most of a build (about 15 s of 18 s). ``KB_PDF=0`` turns them off
for a build (the benchmark's no-PDF figure, tests that only look at HTML). ``mkdocs serve``
renders them on its first build only and puts those PDFs back after each rebuild, so an
edit shows in seconds and the header's PDF link keeps working (restart the server to
refresh the PDFs).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority

PLUGIN = "to-pdf"
SWITCH = "KB_PDF"
_SERVE_STASH = "KB_PDF_SERVE_STASH"  # process-wide: serve reloads the hooks on each rebuild


def on_startup(command, dirty, **kwargs):
    if command == "serve":
        os.environ[_SERVE_STASH] = tempfile.mkdtemp(prefix="kb-serve-pdf-")


@event_priority(-120)  # after hooks/pdf_per_language.py (-110) has configured the plugin
def on_config(config, **kwargs):
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None and (os.environ.get(SWITCH) == "0" or _stashed()):
        plugin.enabled = False
    return config


@event_priority(-200)  # after mkdocs-static-i18n has built every language (and its PDF)
def on_post_build(config, **kwargs):
    stash = os.environ.get(_SERVE_STASH)
    plugin = config.plugins.get(PLUGIN)
    if not stash or plugin is None:
        return
    pdf_dir = Path(config.site_dir) / Path(_output_pattern(plugin)).parent
    if plugin.enabled and pdf_dir.is_dir():  # first serve build: keep its PDFs
        shutil.copytree(pdf_dir, stash, dirs_exist_ok=True)
    elif _stashed():  # rebuild: put them back
        shutil.copytree(stash, pdf_dir, dirs_exist_ok=True)


def _stashed() -> bool:
    stash = os.environ.get(_SERVE_STASH)
    return bool(stash) and any(Path(stash).glob("*.pdf"))


def _output_pattern(plugin) -> str:
    return plugin.config["output_path"]
