"""Read and check the figure sources in ``docs/_figures/*.yml``.

One YAML file per figure holds its structure once and every text as a ``{ja: ..., en: ...}``
pair (labels, caption, text alternative), plus where it goes: ``page`` (slug) and
``section`` (a heading id of that page), and for a diagram the order of its boxes in the
phone drawing (``narrow.order``, see ``svg_figure``). Translators edit the pairs; nobody
redraws the figure per language. Every problem is reported naming the file, the figure and the fix,
so that a figure is never silently missing, misplaced or half translated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .japanese_text import JAPANESE
from .markdown_source import YAML_LOADER


FIGURE_DIR = "_figures"
LANGUAGES = ("ja", "en")
KINDS = ("share", "diagram")
# Keys whose value is reader-facing text and so must be a {ja, en} pair.
TEXT_KEYS = {"caption", "alt", "label", "note", "whole"}


@dataclass
class Figure:
    id: str
    source: str  # e.g. docs/_figures/models-share.yml
    page: str
    section: str
    kind: str
    caption: dict
    alt: dict
    data: dict = field(repr=False)

    def texts(self) -> list[dict]:
        """Every text pair of the figure, caption and alt included, in source order."""
        found: list[dict] = []
        _collect_pairs(self.data, found)
        return found

    def labels(self) -> list[dict]:
        """Every text pair drawn in the figure (not caption or alt), in source order."""
        found: list[dict] = []
        _collect_pairs({k: v for k, v in self.data.items() if k not in ("caption", "alt")}, found)
        return found


def _collect_pairs(value, found: list) -> None:
    if isinstance(value, dict):
        if set(value) & set(LANGUAGES):
            found.append(value)
            return
        for item in value.values():
            _collect_pairs(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect_pairs(item, found)


def _text_problems(value, where: str, key: str | None = None) -> list[str]:
    """Untranslated or untranslatable texts anywhere in a figure source."""
    problems = []
    if isinstance(value, dict):
        if set(value) & set(LANGUAGES):
            extra = sorted(str(k) for k in set(value) - set(LANGUAGES))
            if extra:
                problems.append(
                    f"{where}: a text has keys {', '.join(extra)} besides ja and en. "
                    "Quote a text that contains ', ' inside {ja: ..., en: ...}, e.g. "
                    "en: \"Alibaba, Tencent\"."
                )
            for lang in LANGUAGES:
                text = value.get(lang)
                if not isinstance(text, str) or not text.strip():
                    other = value.get("ja") or value.get("en")
                    problems.append(
                        f"{where}: the text '{other}' has no '{lang}' form. "
                        f"Add '{lang}: ...' next to it."
                    )
            if isinstance(value.get("en"), str) and JAPANESE.search(value["en"]):
                problems.append(
                    f"{where}: the English form '{value['en']}' contains Japanese characters. "
                    "Translate it (names in their owners' English spelling, per terminology.md)."
                )
            return problems
        for child_key, child in value.items():
            problems += _text_problems(child, f"{where}.{child_key}", child_key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            child_key = key if key == "items" else None
            problems += _text_problems(child, f"{where}[{index}]", child_key)
    elif isinstance(value, str) and (key in TEXT_KEYS or key == "items"):
        problems.append(
            f"{where}: '{value}' is a single text. Give it both languages: "
            f"{{ja: ..., en: ...}}."
        )
    return problems


def _structure_problems(data: dict, where: str) -> list[str]:
    problems = []
    if data.get("kind") == "share":
        for key in ("whole", "part", "rest"):
            if key not in data:
                problems.append(f"{where}: a 'share' figure needs '{key}'.")
        percent = (data.get("part") or {}).get("percent")
        if not isinstance(percent, (int, float)) or not 0 < percent < 100:
            problems.append(f"{where}: part.percent must be a number between 0 and 100.")
        return problems
    nodes = data.get("nodes") or []
    if not nodes:
        problems.append(f"{where}: a 'diagram' figure needs 'nodes'.")
    ids, cells = set(), {}
    for index, node in enumerate(nodes):
        node_id = node.get("id")
        if not node_id or node_id in ids:
            problems.append(f"{where}: node {index + 1} needs a unique 'id'.")
        ids.add(node_id)
        if not all(isinstance(node.get(k), int) and node[k] >= 0 for k in ("row", "col")):
            problems.append(f"{where}: node '{node_id}' needs 'row' and 'col' (0, 1, 2, ...).")
            continue
        if "label" not in node:
            problems.append(f"{where}: node '{node_id}' needs a 'label'.")
        cell = (node["row"], node["col"])
        if cell in cells:
            problems.append(
                f"{where}: nodes '{cells[cell]}' and '{node_id}' are both at row {cell[0]}, "
                f"col {cell[1]}. Move one."
            )
        cells[cell] = node_id
    for edge in data.get("edges") or []:
        for end in ("from", "to"):
            if edge.get(end) not in ids:
                problems.append(
                    f"{where}: an edge's '{end}' is '{edge.get(end)}', which is not a node id "
                    f"(known: {', '.join(sorted(i for i in ids if i))})."
                )
    return problems + _narrow_problems(data.get("narrow"), ids, where)


def _narrow_problems(narrow, ids: set, where: str) -> list[str]:
    """``narrow.order`` (optional): every node id once, the phone drawing's boxes top to bottom."""
    if narrow is None:
        return []
    order = narrow.get("order") if isinstance(narrow, dict) else None
    if not isinstance(order, list):
        return [f"{where}: 'narrow' must be a mapping with 'order: [node ids, top to bottom]'."]
    known = sorted(str(i) for i in ids if i)
    listed = [str(i) for i in order]
    missing = [i for i in known if i not in listed]
    unknown = [i for i in listed if i not in known]
    twice = sorted({i for i in listed if listed.count(i) > 1})
    if not (missing or unknown or twice):
        return []
    said = [f"lacks {', '.join(missing)}" if missing else "",
            f"names {', '.join(unknown)}, not a node id" if unknown else "",
            f"names {', '.join(twice)} twice" if twice else ""]
    return [f"{where}: narrow.order {'; '.join(s for s in said if s)}. List every node id once, "
            f"top to bottom as the phone drawing shows them (known: {', '.join(known)})."]


def _placement_problems(figure_id: str, source: str, page: str, section: str,
                        heading_ids) -> list[str]:
    problems = []
    for lang in LANGUAGES:
        file = f"docs/{page}.md" if lang == "ja" else f"docs/{page}.{lang}.md"
        ids = heading_ids(page, lang)
        if ids is None:
            problems.append(
                f"{source}: figure '{figure_id}' is placed on page '{page}', but "
                f"{file} does not exist. Set 'page' to an existing page slug."
            )
            continue
        if section not in ids:
            problems.append(
                f"{source}: figure '{figure_id}' is placed in section '{section}', but "
                f"{file} has no heading {{#{section}}}. Set 'section' to one of "
                f"{', '.join(ids) or '(no heading ids)'}, or add the heading."
            )
    return problems


def load_figures(docs_dir: Path, heading_ids) -> tuple[list[Figure], list[str]]:
    """All figure sources, and one message per problem (empty when all are usable).

    ``heading_ids(slug, language)`` gives the heading ids of a page, or None if it does not exist.
    """
    figures, problems = [], []
    for path in sorted((docs_dir / FIGURE_DIR).glob("*.yml")):
        figure_id = path.stem
        source = f"docs/{FIGURE_DIR}/{path.name}"
        where = f"{source} (figure '{figure_id}')"
        try:
            data = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
        except yaml.YAMLError as error:
            problems.append(f"{where}: not valid YAML: {error}")
            continue
        if not isinstance(data, dict):
            problems.append(f"{where}: expected a mapping with page, section, kind, ...")
            continue
        missing = [k for k in ("page", "section", "kind", "caption", "alt") if k not in data]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}.")
            continue
        if data["kind"] not in KINDS:
            problems.append(f"{where}: kind '{data['kind']}' is not one of {', '.join(KINDS)}.")
            continue
        found = _text_problems(data, where) + _structure_problems(data, where)
        found += _placement_problems(figure_id, source, str(data["page"]),
                                     str(data["section"]), heading_ids)
        problems += found
        if not found:
            figures.append(Figure(figure_id, source, str(data["page"]), str(data["section"]),
                                  data["kind"], data["caption"], data["alt"], data))
    return figures, problems
