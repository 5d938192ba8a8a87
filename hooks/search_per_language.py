"""Give each language its own search index.

mkdocs-static-i18n writes one ``search/search_index.json`` holding both languages, so an
English reader gets Japanese results and the reverse. After the build, this hook splits
that index: Japanese pages keep ``/search/search_index.json`` (Japanese segmenter only),
English pages get ``/en/search/search_index.json`` (no Japanese segmenter, so English
pages do not download it). Material fetches the index from ``<base>/search/``, so the
``base`` in the config block of English pages is pointed at ``/en/``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

DEFAULT_LANGUAGE = "ja"
_BASE = re.compile(r'("base":\s*")([^"]*)(")')


def on_post_page(output, page, config, **kwargs):
    language = config["theme"]["language"]
    if language == DEFAULT_LANGUAGE:
        return output
    head, marker, tail = output.partition('<script id="__config"')
    if not marker:
        return output
    # The trailing slash matters: Material resolves "search/search_index.json" against base,
    # and against ".../en" (no slash) that is the root's (Japanese) index.
    tail = _BASE.sub(lambda m: f"{m[1]}{m[2].rstrip('/') or '.'}/{language}/{m[3]}", tail, count=1)
    return head + marker + tail


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text("utf-8"))
    by_language: dict[str, list] = {DEFAULT_LANGUAGE: []}
    for doc in merged["docs"]:
        first = doc["location"].split("/", 1)[0]
        language = first if first in _other_languages(config) else DEFAULT_LANGUAGE
        if language != DEFAULT_LANGUAGE:
            doc = dict(doc, location=doc["location"][len(language) + 1 :])
        by_language.setdefault(language, []).append(doc)
    if len(by_language) == 1:
        return  # already split in an earlier pass of this build
    for language, docs in by_language.items():
        index = {"config": dict(merged["config"], lang=[language]), "docs": docs}
        folder = site if language == DEFAULT_LANGUAGE else site / language
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _other_languages(config) -> set[str]:
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return set()
    return {lang.locale for lang in i18n.config.languages if lang.locale != DEFAULT_LANGUAGE}
