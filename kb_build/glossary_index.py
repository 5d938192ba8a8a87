"""The glossary page's index (五十音 and A–Z) and the names its filter box matches.

The glossary groups its entries by topic (models, chips, policy, ...), which is how they are
read; a reader looking a term up needs them in dictionary order too. So each language's
glossary page gets, after its introduction, an index: a strip of initials (あ か さ … わ, then
A–Z, on the Japanese page; A–Z on the English one), each a link to its group of terms, each
term a link to its entry. A Japanese term is ordered by its kana reading: katakana as written,
kanji by pykakasi's dictionary, or by the heading's ``data-reading="こうじゅんど…"`` where the
dictionary reads a term wrongly. A term that starts with a Latin letter or a digit is listed
under A–Z (digits first, as "0–9"), after the kana rows, as in a Japanese dictionary.

Every entry (its ``h3`` and what follows up to the next heading) is wrapped in
``<div class="kb-glossary-entry" data-kb-names="…">``, which names it in every language (the
headings, the matched forms, the reading), so that the filter box finds the Ascend entry from
ファーウェイ as well as from Huawei, on either page. The filter box is the script's
(docs/assets/javascripts/site.js: without the script there is none); the index works without.
The index is kept out of the search index and out of print.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from .glossary_entries import Entry

# 五十音 rows: the row's label, its id, and the kana (hiragana, small and voiced forms
# included) whose words it holds.
KANA_ROWS = (
    ("あ", "a", "ぁあぃいぅうぇえぉおゔ"),
    ("か", "ka", "かがきぎくぐけげこごゕゖ"),
    ("さ", "sa", "さざしじすずせぜそぞ"),
    ("た", "ta", "ただちぢっつづてでとど"),
    ("な", "na", "なにぬねの"),
    ("は", "ha", "はばぱひびぴふぶぷへべぺほぼぽ"),
    ("ま", "ma", "まみむめも"),
    ("や", "ya", "ゃやゅゆょよ"),
    ("ら", "ra", "らりるれろ"),
    ("わ", "wa", "ゎわゐゑをん"),
)
DIGITS = "0–9"
LABELS = {
    "ja": {"nav": "用語の索引", "kana": "五十音", "latin": "A–Z"},
    "en": {"nav": "Index of terms", "kana": "Japanese syllabary", "latin": "A–Z"},
}
ENTRY_CLASS = "kb-glossary-entry"
_PARENTHESIS = re.compile(r"\s*[（(].*$")
_KATAKANA = re.compile(r"[\u30a1-\u30f6]")


@dataclass(frozen=True)
class Indexed:
    """One entry as the index lists it."""

    id: str
    label: str  # the term as listed
    group: str  # a 五十音 row's label, a capital letter, or DIGITS
    key: str  # sort key within the group


def hiragana(text: str) -> str:
    """Katakana turned into hiragana (the filter box does the same with what is typed)."""
    return _KATAKANA.sub(lambda m: chr(ord(m.group()) - 0x60), text)


def reading(text: str, kakasi) -> str:
    """The hiragana reading of a Japanese term (Latin letters and digits kept)."""
    return "".join(part["hira"] for part in kakasi.convert(text))


def initial_group(text: str) -> str | None:
    """The index group of a text that starts with a Latin letter, a digit or a kana."""
    first = unicodedata.normalize("NFKC", text[:1]).upper()
    if first.isascii() and first.isdigit():
        return DIGITS
    if first.isascii() and first.isalpha():
        return first
    first = hiragana(first)
    return next((label for label, _, kana in KANA_ROWS if first in kana), None)


def _sort_key(text: str) -> str:
    """Case, width and voicing marks do not change the order (が sorts with か)."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def index_entries(entries: list[Entry], readings: dict[str, str], language: str) -> list[Indexed]:
    """The entries in dictionary order; ``readings`` gives an entry's reading by id."""
    kakasi = None
    listed = []
    for entry in entries:
        label = _PARENTHESIS.sub("", entry.title) if language == "ja" else entry.title
        group = initial_group(label)
        key = label
        if group is None:  # it starts with a kanji: read it
            if entry.id not in readings:
                if kakasi is None:
                    import pykakasi  # only here: its dictionary takes half a second to load
                    kakasi = pykakasi.kakasi()
                readings[entry.id] = reading(label, kakasi)
            key = readings[entry.id]
            group = initial_group(key)
        elif language == "ja" and group in {row[0] for row in KANA_ROWS}:
            key = readings.setdefault(entry.id, hiragana(label))
        listed.append(Indexed(entry.id, label, group or DIGITS, _sort_key(key)))
    groups = [row[0] for row in KANA_ROWS] + [DIGITS] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    rank = {g: i for i, g in enumerate(groups)}
    return sorted(listed, key=lambda e: (rank[e.group], e.key, e.label))


def _strip_groups(language: str) -> list[tuple[str, list[str]]]:
    """The strip's parts: (part label, its groups)."""
    latin = [DIGITS] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    parts = [(LABELS[language]["latin"], latin)]
    if language == "ja":
        parts.insert(0, (LABELS[language]["kana"], [row[0] for row in KANA_ROWS]))
    return parts


def group_id(group: str) -> str:
    for label, romaji, _ in KANA_ROWS:
        if label == group:
            return f"kb-index-kana-{romaji}"
    return "kb-index-digits" if group == DIGITS else f"kb-index-latin-{group.lower()}"


def _names(entry_id: str, glossaries, readings: dict[str, str]) -> str:
    """Every name of an entry, in every language, for the filter box."""
    names = []
    for glossary in glossaries:
        for entry in glossary:
            if entry.id == entry_id:
                names += [entry.title, *entry.terms]
    if entry_id in readings:
        names.append(readings[entry_id])
    return "|".join(dict.fromkeys(names))


def add_index(soup: BeautifulSoup, entries: list[Entry], other_languages: list[list[Entry]],
              language: str) -> None:
    """Wrap the glossary page's entries and put the index before its first group heading."""
    if not entries:
        return
    readings = {h["id"]: hiragana(h["data-reading"]) for h in soup.find_all("h3", id=True)
                if h.get("data-reading")}
    listed = index_entries(entries, readings, language)
    known = {e.id for e in entries}
    for heading in soup.find_all("h3", id=True):
        if heading["id"] not in known:
            continue
        wrapper = soup.new_tag("div", attrs={
            "class": ENTRY_CLASS, "data-kb-entry": heading["id"],
            "data-kb-names": _names(heading["id"], [entries, *other_languages], readings)})
        heading.insert_before(wrapper)
        part = heading.next_sibling
        wrapper.append(heading.extract())
        while part is not None and not (isinstance(part, Tag) and part.name in ("h1", "h2", "h3")):
            following = part.next_sibling
            wrapper.append(part.extract())
            part = following
    first_group = soup.find("h2")
    if first_group is None:
        return
    first_group.insert_before(_index(soup, listed, language))


def _index(soup: BeautifulSoup, listed: list[Indexed], language: str) -> Tag:
    labels = LABELS[language]
    nav = soup.new_tag("nav", attrs={"class": "kb-glossary-index", "aria-label": labels["nav"],
                                     "data-search-exclude": ""})
    present = {e.group for e in listed}
    strip = soup.new_tag("div", attrs={"class": "kb-glossary-index__strip"})
    for part_label, groups in _strip_groups(language):
        part = soup.new_tag("ul", attrs={"aria-label": part_label})
        for group in groups:
            item = soup.new_tag("li")
            if group in present:
                link = soup.new_tag("a", attrs={"href": f"#{group_id(group)}"})
                link.string = group
                item.append(link)
            elif group != DIGITS:
                item["aria-hidden"] = "true"  # shown greyed for the shape of the strip, not read
                item.string = group
            else:
                continue
            part.append(item)
        strip.append(part)
    nav.append(strip)
    groups = soup.new_tag("div", attrs={"class": "kb-glossary-index__groups"})
    current = None
    for entry in listed:
        if entry.group != current:
            current = entry.group
            block = soup.new_tag("div", attrs={"class": "kb-glossary-index__group", "id": group_id(current)})
            label = soup.new_tag("span", attrs={"class": "kb-glossary-index__initial"})
            label.string = current
            terms = soup.new_tag("ul")
            block.extend([label, terms])
            groups.append(block)
        item = soup.new_tag("li", attrs={"data-kb-entry": entry.id})
        link = soup.new_tag("a", attrs={"href": f"#{entry.id}"})
        link.string = entry.label
        item.append(link)
        terms.append(item)
    nav.append(groups)
    return nav
