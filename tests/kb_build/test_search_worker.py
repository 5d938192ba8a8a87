"""kb_build/search_worker.py: Material's worker patched exactly where intended, or refused."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from kb_build.search_worker import PATCHES, patched, point_at_project_worker

SEGMENT = ("function fe(t,e){let r=new Set,n=new Uint16Array(t.length);for(let s=0;s<t.length;s++)"
           "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);let i=[0];for(let s=i.length;s>0;)"
           "{let o=i[--s];let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a),r.add(t.slice(o,a))}return r}")


def test_the_segmentation_loop_reaches_the_end_of_the_run():
    fixed = patched(SEGMENT)
    assert "o<=t.length;o++" in fixed and "n[a]&&a<t.length&&" in fixed
    assert fixed.startswith("/* Material for MkDocs 9.8.2 search worker, patched")
    assert len(PATCHES) == 2


def test_another_worker_is_refused_with_the_fix():
    with pytest.raises(PluginError, match="Keep mkdocs-material at 9.8.2"):
        patched(SEGMENT.replace("o<t.length;o++", "o<=t.length;o++"))


def test_pages_start_the_project_worker():
    html = ('<script id="__config" type="application/json">{"search": '
            '"../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    assert '"../assets/javascripts/workers/kb-search.js"' in point_at_project_worker(html)
    with pytest.raises(PluginError, match="does not name search.a7633da7.min.js"):
        point_at_project_worker(html.replace("a7633da7", "0000"))
