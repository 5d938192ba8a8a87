"""Write redirect stubs for moved pages, in every language.

mkdocs-redirects does not work with mkdocs-static-i18n, yet links in internal wikis must
survive a page move. Moves are declared once, in mkdocs.yml::

    extra:
      redirects:
        old-page.md: new-page.md            # or new-page.md#section-id

After the build this writes ``/old-page/`` (Japanese) and ``/en/old-page/`` (English): a
real HTML page (template ``overrides/redirect.html``) with a canonical link, a meta refresh,
a visible link, and an inline script that keeps the ``#fragment``. A declaration that
cannot work (missing target, old page still present) fails the build (``checks``).
"""
from __future__ import annotations

import posixpath
from pathlib import Path

TEXT = {
    "ja": {"title": "このページは移動しました", "moved": "このページは次の場所に移動しました："},
    "en": {"title": "This page has moved", "moved": "This page has moved to:"},
}


def declared(config) -> dict[str, str]:
    return {str(old): str(new) for old, new in ((config["extra"] or {}).get("redirects") or {}).items()}


def page_url(src: str) -> str:
    """Directory URL of a page source: 'chips.md' -> 'chips/', 'index.md' -> ''."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def redirect_problems(redirects: dict[str, str], sources) -> list[str]:
    """One message per redirect declaration that cannot work (``sources``: SiteSources)."""
    found = []
    for old, new in redirects.items():
        where = f"mkdocs.yml extra.redirects '{old}: {new}'"
        target, _, fragment = new.partition("#")
        if not old.endswith(".md") or old.endswith(".en.md"):
            found.append(f"{where}: name the old page by its Japanese source, e.g. 'old-page.md'.")
            continue
        if old in sources.pages:
            found.append(f"{where}: docs/{old} still exists. Remove the page or the redirect.")
        page = sources.pages.get(target)
        if not target.endswith(".md") or page is None:
            found.append(f"{where}: the target docs/{target} does not exist. Point it at an existing page.")
        elif fragment and fragment not in {h.id for h in page.headings}:
            found.append(f"{where}: docs/{target} has no heading {{#{fragment}}}. Use an existing heading id.")
    return found


def write_stubs(redirects: dict[str, str], site_dir: Path, site_url: str, template,
                languages, finish=lambda html: html) -> None:
    """One stub per declared move and language; ``template`` is ``redirect.html``;
    ``finish`` gets each stub's HTML last (the plugin adds its Content-Security-Policy)."""
    base = (site_url or "/").rstrip("/") + "/"
    for language in languages.all:
        prefix = languages.prefix(language)
        for old, new in redirects.items():
            target, _, fragment = new.partition("#")
            old_url, new_url = page_url(old), page_url(target)
            relative = posixpath.relpath("/" + new_url, "/" + old_url).rstrip("/") + "/"
            html = template.render(
                lang=language,
                text=TEXT.get(language, TEXT["en"]),
                target=relative,
                fragment=f"#{fragment}" if fragment else "",
                canonical=base + prefix + new_url + (f"#{fragment}" if fragment else ""),
            )
            stub = Path(site_dir) / prefix / old_url / "index.html"
            stub.parent.mkdir(parents=True, exist_ok=True)
            stub.write_text(finish(html), "utf-8")
