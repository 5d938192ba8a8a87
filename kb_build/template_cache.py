"""Compiled templates, kept between language passes and between builds.

Why: MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs each
language as a build of its own, so Material's templates (about 90 files) are compiled again
in every pass, and again in every ``mkdocs serve`` rebuild and every test build (about
0.35 s a pass on this project's machine). Jinja's bytecode cache is keyed by the template's
name and a checksum of its source, so every pass and every later build can reuse the
compiled code, and an edited template (``overrides/``, a Material upgrade) is compiled
afresh. The cache lives in ``.cache/kb-jinja/`` (git-ignored); a checkout where it cannot be
written builds the same site without it.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def bytecode_cache(project_dir: Path) -> FileSystemBytecodeCache | None:
    directory = Path(project_dir) / ".cache" / "kb-jinja"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(directory))
