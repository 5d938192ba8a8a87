"""Run the site search in the project's worker: Material's, with its query bugs fixed.

Material 9.8.2's search worker loses Japanese query words: its ``segment`` function (source:
src/templates/assets/javascripts/integrations/search/query/segment/index.ts) never tries a
piece of a kanji run that reaches the end of the run, so 戦略 is searched as 戦* and 賢い共存戦略,
日本の戦略 find nothing. Two off-by-ones, fixed here in a copy of Material's worker, as exact
text replacements in its minified code (upstream-reportable as written):

1. ``for (j = i + 1; j < query.length; j++)`` -> ``j <= query.length``: a piece may end at the
   end of the run;
2. ``if (wordcuts[q] && q < query.length - 1)`` -> ``q < query.length``: a one-character piece
   at the end of the run is kept.

The copy is written next to Material's worker as ``material-search.kb.min.js``; pages start
``kb-search.js`` instead (from overrides/: NFKC, aliases, typos, ranking; its header says
what and why), which loads the copy. If Material's worker is not the one these replacements
were written for, the build stops and says so (Material is pinned at 9.8.2).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

WORKERS = "assets/javascripts/workers"
MATERIAL_WORKER = "search.a7633da7.min.js"  # Material 9.8.2
PATCHED_WORKER = "material-search.kb.min.js"  # loaded by kb-search.js
PROJECT_WORKER = "kb-search.js"  # overrides/assets/javascripts/workers/kb-search.js
PATCHES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"),
    ("n[a]&&a<t.length-1&&(i[s++]=a)", "n[a]&&a<t.length&&(i[s++]=a)"),
)
HEADER = ("/* Material for MkDocs 9.8.2 search worker, patched by kb_build/search_worker.py: query "
          "segmentation tries pieces that end at the end of a kanji run (j <= query.length; "
          "q < query.length). */\n")
_UNKNOWN = ("{what}: this project's search fixes were written for Material 9.8.2's worker "
            "({name}). Keep mkdocs-material at 9.8.2 (pyproject.toml), or port "
            "kb_build/search_worker.py to the new worker.")


def patched(source: str) -> str:
    """Material's worker with the segmentation fixes; refuses any other worker."""
    for old, new in PATCHES:
        if source.count(old) != 1:
            raise PluginError(_UNKNOWN.format(what=f"'{old}' not found once in Material's worker",
                                              name=MATERIAL_WORKER))
        source = source.replace(old, new)
    return HEADER + source


def write_patched_worker(site_dir: Path) -> None:
    workers = Path(site_dir) / WORKERS
    original = workers / MATERIAL_WORKER
    if not original.exists():
        raise PluginError(_UNKNOWN.format(what=f"{original} is missing", name=MATERIAL_WORKER))
    (workers / PATCHED_WORKER).write_text(patched(original.read_text("utf-8")), "utf-8")


def point_at_project_worker(output: str) -> str:
    """A page's HTML whose Material config starts the project's worker."""
    head, marker, tail = output.partition('<script id="__config"')
    if not marker:
        return output
    old = f'{WORKERS}/{MATERIAL_WORKER}"'
    if old not in tail:
        raise PluginError(_UNKNOWN.format(what="the page's search config does not name "
                                               f"{MATERIAL_WORKER}", name=MATERIAL_WORKER))
    return head + marker + tail.replace(old, f'{WORKERS}/{PROJECT_WORKER}"', 1)
