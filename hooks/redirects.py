"""Write redirect stubs for moved pages, in every language.

mkdocs-redirects does not work with mkdocs-static-i18n, yet links in internal wikis must
survive a page move. Moves are declared once, in mkdocs.yml::

    extra:
      redirects:
        old-page.md: new-page.md            # or new-page.md#section-id

For each language pass this hook writes ``/old-page/`` (Japanese) or ``/en/old-page/``
(English): a real HTML page (template ``overrides/redirect.html``) with a canonical link,
a meta refresh, a visible link, and an inline script that keeps the ``#fragment``.
A declaration that cannot work (missing target, old page still present) fails the build.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError

from markdown_headings import source_headings
from site_languages import current_language, language_prefix

TEXT = {
    "ja": {"title": "このページは移動しました", "moved": "このページは次の場所に移動しました："},
    "en": {"title": "This page has moved", "moved": "This page has moved to:"},
}


def declared(config) -> dict[str, str]:
    return dict((config["extra"] or {}).get("redirects") or {})


def page_url(src: str) -> str:
    """Directory URL of a page source: 'chips.md' -> 'chips/', 'index.md' -> ''."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def problems(redirects: dict[str, str], docs_dir: Path) -> list[str]:
    """One message per redirect declaration that cannot work."""
    found = []
    for old, new in redirects.items():
        where = f"mkdocs.yml extra.redirects '{old}: {new}'"
        target, _, fragment = str(new).partition("#")
        if not str(old).endswith(".md") or str(old).endswith(".en.md"):
            found.append(f"{where}: name the old page by its Japanese source, e.g. 'old-page.md'.")
            continue
        if (docs_dir / old).exists():
            found.append(f"{where}: docs/{old} still exists. Remove the page or the redirect.")
        if not target.endswith(".md") or not (docs_dir / target).exists():
            found.append(f"{where}: the target docs/{target} does not exist. Point it at an existing page.")
        elif fragment and fragment not in {
            h.id for h in source_headings((docs_dir / target).read_text("utf-8"))
        }:
            found.append(f"{where}: docs/{target} has no heading {{#{fragment}}}. Use an existing heading id.")
    return found


def on_pre_build(config, **kwargs):
    found = problems(declared(config), Path(config["docs_dir"]))
    if found:
        raise PluginError("Redirects:\n  " + "\n  ".join(found))


def on_post_build(config, **kwargs):
    redirects = declared(config)
    if not redirects:
        return
    language = current_language(config)
    prefix = language_prefix(config)
    site_url = (config["site_url"] or "/").rstrip("/") + "/"
    template = config["theme"].get_env().get_template("redirect.html")
    for old, new in redirects.items():
        target, _, fragment = str(new).partition("#")
        old_url, new_url = page_url(old), page_url(target)
        relative = posixpath.relpath("/" + new_url, "/" + old_url).rstrip("/") + "/"
        html = template.render(
            lang=language,
            text=TEXT.get(language, TEXT["en"]),
            target=relative,
            fragment=f"#{fragment}" if fragment else "",
            canonical=site_url + prefix + new_url + (f"#{fragment}" if fragment else ""),
        )
        stub = Path(config["site_dir"]) / prefix / old_url / "index.html"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(html, "utf-8")
