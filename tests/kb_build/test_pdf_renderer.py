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
        renderer.write_pdf(f"<html lang=\"en\"><head><title>{name}</title></head><body><h1>{name}</h1>"
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


def test_the_pdf_is_tagged_pdf_ua_with_its_title_in_xmp_and_shown(tmp_path):
    """PDF/UA-1: a structure tree, marked content, XMP metadata with the title, and the
    title (not the file name) in the viewer's title bar."""
    renderer = ParallelRenderer(strict=True)
    renderer.write_pdf('<html lang="ja"><head><title>知識ベース</title></head><body><h1>見出し</h1>'
                       "<p>本文</p></body></html>", str(tmp_path / "t.pdf"))
    renderer.finish()
    root = PdfReader(tmp_path / "t.pdf").trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp and "知識ベース" in xmp
