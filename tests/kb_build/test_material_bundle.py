"""kb_build/material_bundle.py: Material's alternate-sitemap prefetch is dropped, and only
from the bundle it was written for."""
from __future__ import annotations

from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from kb_build.material_bundle import BUNDLE, HEADER, PATCH, patch_bundle, patched

ORIGINAL = Path(material.__file__).parent / "templates" / BUNDLE


def test_the_installed_bundle_loses_only_the_prefetch():
    source = ORIGINAL.read_text("utf-8")
    out = patched(source)
    assert PATCH[0] not in out and len(source) - len(out) == len(PATCH[0]) - len(HEADER)
    assert "sitemap.xml" in out, "the function stays (unused); only its call goes"
    assert patched(out) == out, "serve --dirty keeps the patched bundle: patching again changes nothing"


def test_another_bundle_is_refused(tmp_path):
    with pytest.raises(PluginError) as raised:
        patched("console.log('not material 9.8.2')")
    assert "Material 9.8.2" in str(raised.value)
    with pytest.raises(PluginError):
        patch_bundle(tmp_path)  # no bundle at all
