"""Give each language its own search index.

mkdocs-static-i18n writes one ``search/search_index.json`` holding both languages, so an
English reader would get Japanese results and the reverse. After the build that index is
split: Japanese pages keep ``/search/search_index.json`` (Japanese segmenter only), English
pages get ``/en/search/search_index.json`` (no Japanese segmenter, so English pages do not
download it). Material fetches the index from ``<base>/search/``, so the ``base`` in the
config block of English pages (and of the English 404 page, whose base is absolute) is pointed
at ``/en/``.

Each index's ``config`` also carries, under ``kb``, what the project's search worker
(overrides/assets/javascripts/workers/kb-search.js) needs for that language: the alias table
(``search_aliases``) and where the glossary is (its entries are ranked below topic pages).
Material's worker ignores keys it does not know.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_BASE = re.compile(r'("base":\s*")([^"]*)(")')


def excluded(markdown: str) -> str:
    """A generated build record (the passage map, the editorial status) kept out of the index:
    it names every topic and would come up for any query (Material skips ``data-search-exclude``)."""
    return f"<div data-search-exclude markdown>\n\n{markdown}\n\n</div>"


def point_base_at_language(output: str, language: str, languages) -> str:
    """A page's HTML with Material's search ``base`` set to its language's folder."""
    if language == languages.default:
        return output
    head, marker, tail = output.partition('<script id="__config"')
    if not marker:
        return output
    # The trailing slash matters: Material resolves "search/search_index.json" against base,
    # and against ".../en" (no slash) that is the root's (Japanese) index.
    # An absolute base (the 404 pages': "/" or "/subpath/") stays absolute.
    tail = _BASE.sub(lambda m: f"{m[1]}{_language_base(m[2], language)}{m[3]}", tail, count=1)
    return head + marker + tail


def _language_base(base: str, language: str) -> str:
    if base.startswith("/"):
        return base.rstrip("/") + f"/{language}/"
    return f"{base.rstrip('/') or '.'}/{language}/"


def split_index(site_dir: Path, languages, extras: dict | None = None) -> None:
    """Split the merged index that mkdocs-static-i18n wrote into one per language;
    ``extras``: language -> what the project's worker reads from ``config.kb``."""
    site = Path(site_dir)
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text("utf-8"))
    others = set(languages.all) - {languages.default}
    by_language: dict[str, list] = {languages.default: []}
    for doc in merged["docs"]:
        first = doc["location"].split("/", 1)[0]
        language = first if first in others else languages.default
        if language != languages.default:
            doc = dict(doc, location=doc["location"][len(language) + 1 :])
        by_language.setdefault(language, []).append(doc)
    for language, docs in by_language.items():
        config = dict(merged["config"], lang=[language])
        if extras and language in extras:
            config["kb"] = extras[language]
        index = {"config": config, "docs": docs}
        target = site / languages.prefix(language) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
