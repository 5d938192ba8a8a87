"""kb_build/content_security_policy.py on small pages: own origin only, inline scripts by hash."""
from __future__ import annotations

import base64
import hashlib
import re

from kb_build.content_security_policy import apply, inline_script_hashes, policy

PAGE = """<!doctype html>
<html lang="ja"><head>
<meta charset="utf-8">
<script>var a=1</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="assets/x.js"></script>
</head><body><script>
  var b = "日本語";
</script><script>var a=1</script></body></html>"""


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed_once_each_from_their_exact_text():
    assert inline_script_hashes(PAGE) == [_sha("var a=1"), _sha('\n  var b = "日本語";\n')]


def test_the_policy_allows_the_own_origin_and_the_hashes_only():
    directives = dict(d.split(" ", 1) for d in policy(PAGE).split("; "))
    assert directives["script-src"] == "'self' " + " ".join(inline_script_hashes(PAGE))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    for name, sources in directives.items():
        assert "unsafe" not in sources and "*" not in sources and "http" not in sources, name


def test_the_meta_comes_right_after_the_charset_and_before_every_script():
    html = apply(PAGE)
    head = html[: html.index("<script")]
    assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="[^"]+">\s*$', head)


def test_applying_twice_keeps_one_policy_for_the_current_scripts():
    once = apply(PAGE)
    changed = apply(once.replace("var a=1", "var a=2"))
    assert changed.count("Content-Security-Policy") == 1
    assert _sha("var a=2") in changed and _sha("var a=1") not in changed


def test_a_file_without_head_is_refused():
    try:
        apply("<p>fragment</p>")
    except ValueError as error:
        assert "without <head>" in str(error)
    else:
        raise AssertionError("a fragment got a policy")
