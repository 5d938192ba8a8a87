"""kb_build/pdf_adapter.py's ParallelRenderer: each PDF in a process of its own, the same
WeasyPrint call as mkdocs-to-pdf's, and WeasyPrint's errors carried back to the build."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError
from pypdf import PdfReader

from kb_build.pdf_adapter import ParallelRenderer


def test_two_pdfs_render_in_parallel_processes(tmp_path):
    renderer = ParallelRenderer(strict=True)
    for name in ("a", "b"):
        renderer.write_pdf(f"<html><head><title>{name}</title></head><body><h1>{name}</h1>"
                           "<p>Hello</p></body></html>", str(tmp_path / f"{name}.pdf"))
    assert len(renderer.jobs) == 2
    renderer.finish()
    for name in ("a", "b"):
        reader = PdfReader(tmp_path / f"{name}.pdf")
        assert "Hello" in reader.pages[0].extract_text()
        assert reader.metadata.producer.startswith("mkdocs-to-pdf"), "not the plugin's own call"
    assert renderer.pool is None and renderer.jobs == []


def test_a_weasyprint_error_fails_a_strict_build(tmp_path):
    missing = (tmp_path / "missing.png").as_uri()
    renderer = ParallelRenderer(strict=True)
    renderer.write_pdf(f'<html><body><img src="{missing}"></body></html>', str(tmp_path / "x.pdf"))
    with pytest.raises(PluginError) as raised:
        renderer.finish()
    assert str(tmp_path / "x.pdf") in str(raised.value) and "ERROR" in str(raised.value)
