"""Compiled templates reused across Jinja environments (kb_build/template_cache.py)."""
import jinja2
import pytest

from kb_build.template_cache import bytecode_cache


def environment(templates, cache):
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    env.bytecode_cache = cache
    return env


def test_a_new_environment_reuses_the_compiled_template(tmp_path, monkeypatch):
    cache = bytecode_cache(tmp_path)
    assert environment({"page.html": "<p>{{ x }}</p>"}, cache).get_template("page.html").render(x=1) == "<p>1</p>"
    assert list((tmp_path / ".cache" / "kb-jinja").iterdir()), "nothing was cached"

    second = environment({"page.html": "<p>{{ x }}</p>"}, cache)
    monkeypatch.setattr(second, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert second.get_template("page.html").render(x=2) == "<p>2</p>"


def test_an_edited_template_is_compiled_afresh(tmp_path):
    cache = bytecode_cache(tmp_path)
    environment({"page.html": "old {{ x }}"}, cache).get_template("page.html")
    assert environment({"page.html": "new {{ x }}"}, cache).get_template("page.html").render(x=3) == "new 3"


def test_an_unwritable_project_builds_without_the_cache(tmp_path):
    (tmp_path / ".cache").write_text("a file where the folder would be")
    assert bytecode_cache(tmp_path) is None
