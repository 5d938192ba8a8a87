"""kb_build/pdf_adapter.py against the installed mkdocs-to-pdf: the internals it relies on are
there, it points the plugin at each language, and it refuses a version it was not written for."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from kb_build import pdf_adapter
from kb_build.pdf_adapter import PdfAdapter, RenderStep
from sitebuild import ROOT


@pytest.fixture
def config():
    """A fresh config each time (the adapter edits the plugin's options), with the PDF plugin's
    own on_config run, as a build does before the adapter's."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins["kb-pdf"].on_config(config)
    return config


def test_the_plugin_is_pointed_at_each_language(config):
    adapter = PdfAdapter.of(config)
    for language in ("ja", "en"):
        adapter.configure(config, language, css="p { color: red }")
        assert adapter.plugin.config["output_path"] == f"pdf/kb-{language}.pdf"
        step = adapter.plugin._options.hook._module
        assert isinstance(step, RenderStep) and step.language == language
        assert adapter.plugin.config["cover_title"] == config.site_name
    assert adapter.rendering
    assert adapter.output_dir(ROOT / "site") == ROOT / "site" / "pdf"


def test_the_collected_page_loses_other_language_links_web_only_sections_and_typed_numbers(config):
    adapter = PdfAdapter.of(config)
    adapter.configure(config, "ja", css="")
    page = SimpleNamespace()
    article = BeautifulSoup(
        '<article><p><a hreflang="en" href="/en/chips/">English version</a></p>'
        '<p>See <a hreflang="en" href="/en/">the English site</a> or <a href="#x">here</a>.</p>'
        '<h3 id="chips/:x">1. 参加</h3><h2 id="chips/:related-pages">関連ページ</h2><ul><li>Y</li></ul></article>',
        "html.parser")
    adapter.plugin.generator._articles[id(page)] = article
    adapter.collect_page(page, "ja")
    assert article.find("a", hreflang="en") is None
    assert "English version" not in article.get_text()
    assert "See the English site or here. 参加" == article.get_text(" ", strip=True).replace(" .", ".")
    assert article.find("a", href="#x") is not None


def test_disabled_plugin_renders_nothing(config):
    adapter = PdfAdapter.of(config)
    adapter.disable()
    assert not adapter.rendering


def test_another_version_of_the_plugin_stops_the_build(config, monkeypatch):
    monkeypatch.setattr(pdf_adapter, "version", lambda name: "0.13.0")
    with pytest.raises(PluginError) as raised:
        PdfAdapter.of(config)
    assert "written for mkdocs-to-pdf 0.12.1, but 0.13.0 is installed" in str(raised.value)
    assert "kb_build/pdf_adapter.py" in str(raised.value)


def test_an_output_path_without_the_language_stops_the_build(config, monkeypatch):
    plugin = config.plugins["kb-pdf"]
    monkeypatch.setitem(plugin.config, "output_path", "pdf/kb.pdf")
    with pytest.raises(PluginError) as raised:
        PdfAdapter.of(config)
    assert "must contain '{lang}'" in str(raised.value)


def test_without_pdfs_weasyprint_is_never_imported(tmp_path):
    """KB_PDF=false: the stand-in plugin is not even loaded, so WeasyPrint is not imported."""
    import subprocess
    import sys

    probe = ("import os, sys; os.environ['KB_PDF'] = 'false'; from mkdocs.config import load_config; "
             f"c = load_config({str(ROOT / 'mkdocs.yml')!r}); "
             "print('kb-pdf' in c.plugins, 'weasyprint' in sys.modules, 'mkdocs_to_pdf.plugin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"], out.stdout + out.stderr
