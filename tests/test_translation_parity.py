"""Every English page follows its Japanese source, and neither is a stand-in for the other.

The build (kb_build/checks.py) only checks that both files exist with the same
heading ids. These tests catch the rest of what goes wrong when a Japanese page is edited
and its English page is not: a section, link, table row, passages comment, figure or name
that one language has and the other lacks; Japanese text left in an English page; an
English page that is still a placeholder or is served as a fallback copy of the Japanese.

Pages are found by iterating over ``docs/*.md`` pairs, so new pages (glossary, timeline)
are covered without editing this file. Mapping tables (unit conversions, names) live
here, in one place each: when a check fails because of a legitimate difference in
wording, extend the table rather than the code.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kb_build.markdown_source import source_headings, strip_front_matter
from sitebuild import ROOT

DOCS = ROOT / "docs"
PLACEHOLDER = "Translation in progress"

# Japanese expressions whose English form is not the same digits: Japanese -> accepted
# English forms. A number before 万/億/兆 must be listed here (the digits change).
CONVERSIONS: dict[str, tuple[str, ...]] = {
    "7,000億": ("700 billion",),
    "14兆": ("14 trillion",),
    "3億": ("300 million",),
    "3倍": ("triple", "threefold", "three times"),
    "半年": ("six months", "half a year"),
}
# Small numbers may be written as words in English ("3本柱" -> "three pillars",
# "1つ目" -> "first", "第2位" -> "second place").
NUMBER_WORDS: dict[int, tuple[str, ...]] = {
    1: ("one", "single", "first"),
    2: ("two", "second"),
    3: ("three", "third"),
    4: ("four", "fourth"),
    5: ("five", "fifth"),
    6: ("six", "sixth"),
    7: ("seven", "seventh"),
    8: ("eight", "eighth"),
    9: ("nine", "ninth"),
    10: ("ten", "tenth"),
}

# Model, company and place names: the form in the Japanese pages -> the English form
# (the owner's own spelling). Latin-script names not listed here (and any other word
# with a capital or a digit, such as GPU or EUV) must appear unchanged in English.
NAMES: dict[str, str] = {
    "アリババ": "Alibaba",
    "テンセント": "Tencent",
    "バイドゥ": "Baidu",
    "シャオミ": "Xiaomi",
    "ファーウェイ": "Huawei",
    "カンブリコン": "Cambricon",
    "エヌビディア": "NVIDIA",
    "百度": "Baidu",
    "中国製造2025": "Made in China 2025",
    "シリコンバレー": "Silicon Valley",
    "Stepfun": "StepFun",
    "ERNIE Bot": "ERNIE Bot",
    "文心一言": "文心一言",
    "Kimi k1.5": "Kimi k1.5",
    "Doubao 1.5 Pro": "Doubao 1.5 Pro",
    "Moonshot AI": "Moonshot AI",
    "Zhipu AI": "Zhipu AI",
    "Infinigence AI": "Infinigence AI",
    "Made in China 2025": "Made in China 2025",
}

# Japanese text an English page may quote on purpose.
# 推論: the glossary's reasoning/inference entry names the Japanese word it explains.
ALLOWED_JAPANESE = ("文心一言", "推論")
# Share of kana/kanji above which a built English page counts as (partly) untranslated.
MAX_JAPANESE_SHARE = 0.01

JAPANESE_CHAR = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
# A number that is not part of a name such as R1, GLM-4.5, o1-preview or 01.AI.
NUMBER = re.compile(r"(?<![A-Za-z0-9.,\-$])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.,]*[A-Za-z])|"
                    r"(?<![A-Za-z0-9.,\-])\d+(?:\.\d+)?(?![A-Za-z]|\.[A-Za-z]|[\d,])")
LARGE_UNIT = re.compile(r"(\d[\d,.]*)\s*(万|億|兆)")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*")


# --- reading the sources ---------------------------------------------------------------


def page_pairs() -> dict[str, tuple[Path, Path]]:
    """Slug -> (Japanese source, English source) for every ``docs/*.md`` page."""
    japanese = {p.name[: -len(".md")]: p for p in DOCS.glob("*.md") if not p.name.endswith(".en.md")}
    return {slug: (path, DOCS / f"{slug}.en.md") for slug, path in sorted(japanese.items())}


PAIRS = page_pairs()
SLUGS = sorted(PAIRS)


def body_lines(path: Path) -> list[str]:
    """The page's lines without front matter and fenced code."""
    body, _ = strip_front_matter(path.read_text("utf-8"))
    lines, fence = [], None
    for line in body.splitlines():
        match = FENCE.match(line)
        if match:
            fence = None if fence == match.group(1) else (fence or match.group(1))
            continue
        if fence is None:
            lines.append(line)
    return lines


def by_section(path: Path) -> list[tuple[str, list[str]]]:
    """(section id, its lines) in order; the part before the first h2 is 'top'."""
    sections: list[tuple[str, list[str]]] = [("top", [])]
    heading = re.compile(r"^#{2,6}\s.*\{#([^}\s]+)[^}]*\}\s*$")  # {#id} or {#id data-terms="..."}
    for line in body_lines(path):
        match = heading.match(line)
        if match:
            sections.append((match.group(1), []))
        else:
            sections[-1][1].append(line)
    return sections


def prose(path: Path) -> str:
    """What a reader reads: no front matter, comments, link targets or heading ids."""
    text = "\n".join(body_lines(path))
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = LINK_TARGET.sub("] ", text)
    text = re.sub(r"\{#[^}]*\}", " ", text)
    return unicodedata.normalize("NFKC", text)


def english_pair(slug: str) -> tuple[Path, Path]:
    ja, en = PAIRS[slug]
    assert en.exists(), f"docs/{slug}.md has no English page: create docs/{slug}.en.md."
    return ja, en


def _contains(text: str, phrase: str, plural: bool = False) -> bool:
    """Whole-word (for Latin text), case-sensitive containment; ``plural`` also accepts -s."""
    pattern = re.escape(phrase)
    if re.match(r"[A-Za-z0-9]", phrase):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if re.search(r"[A-Za-z0-9]$", phrase):
        pattern += r"(?:s)?(?![A-Za-z0-9])" if plural else r"(?![A-Za-z0-9])"
    return re.search(pattern, text) is not None


# --- every page in both languages ------------------------------------------------------


def test_every_english_page_has_a_japanese_source():
    orphans = sorted(
        p.name for p in DOCS.glob("*.en.md") if p.name[: -len(".en.md")] not in PAIRS
    )
    assert not orphans, f"English pages without a Japanese source in docs/: {orphans}"


def test_pages_are_found():
    assert {"index", "models", "chips"} <= set(SLUGS), f"docs/*.md pairs found: {SLUGS}"


@pytest.mark.parametrize("slug", SLUGS)
def test_no_placeholder_left_in_sources(slug):
    problems = [
        f"docs/{path.name}: still says '{PLACEHOLDER}'. Translate the section."
        for path in PAIRS[slug]
        if path.exists() and PLACEHOLDER.lower() in path.read_text("utf-8").lower()
    ]
    assert not problems, "\n".join(problems)


# --- structure: sections, links, tables, comments ----------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_same_heading_ids_in_sources(slug):
    ja, en = english_pair(slug)
    ja_ids = [(h.level, h.id) for h in source_headings(ja.read_text("utf-8"))]
    en_ids = [(h.level, h.id) for h in source_headings(en.read_text("utf-8"))]
    assert ja_ids == en_ids, (
        f"docs/{slug}.md and docs/{slug}.en.md: headings (level, id) differ:\n"
        f"  Japanese: {ja_ids}\n  English:  {en_ids}"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_same_link_targets(slug):
    ja, en = english_pair(slug)
    ja_links = Counter(LINK_TARGET.findall("\n".join(body_lines(ja))))
    en_links = Counter(LINK_TARGET.findall("\n".join(body_lines(en))))
    missing, extra = ja_links - en_links, en_links - ja_links
    assert not missing and not extra, (
        f"docs/{slug}.en.md does not link where docs/{slug}.md does: "
        f"missing in English {dict(missing)}, only in English {dict(extra)}. "
        "Keep the same link targets (static-i18n maps them to the English pages)."
    )


def _table_rows(lines: list[str]) -> int:
    return sum(1 for line in lines if TABLE_ROW.match(line) and not TABLE_RULE.match(line))


@pytest.mark.parametrize("slug", SLUGS)
def test_same_table_rows_per_section(slug):
    ja, en = english_pair(slug)
    ja_rows = [(sid, _table_rows(lines)) for sid, lines in by_section(ja)]
    en_rows = [(sid, _table_rows(lines)) for sid, lines in by_section(en)]
    differences = [f"#{a[0]}: {a[1]} rows in Japanese, {b[1]} in English"
                   for a, b in zip(ja_rows, en_rows) if a != b]
    assert not differences and len(ja_rows) == len(en_rows), (
        f"docs/{slug}.md and docs/{slug}.en.md: tables differ: {'; '.join(differences) or 'sections differ'}"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_same_comments_in_the_same_sections(slug):
    ja, en = english_pair(slug)

    def comments(path):
        return [(sid, line.strip()) for sid, lines in by_section(path)
                for line in lines if COMMENT_LINE.match(line)]

    ja_comments, en_comments = comments(ja), comments(en)
    diff = next((f"Japanese {a} vs English {b}" for a, b in zip(ja_comments, en_comments) if a != b),
                f"{len(ja_comments)} comments in Japanese, {len(en_comments)} in English")
    assert ja_comments == en_comments, (
        f"docs/{slug}.en.md must carry the comments of docs/{slug}.md unchanged, "
        f"under the same headings ({diff})."
    )


# --- content: figures, names, language ------------------------------------------------


def japanese_numbers(text: str) -> tuple[list[str], list[str], str]:
    """(declared conversions present, undeclared large-unit numbers, text without them)."""
    found = []
    for japanese in sorted(CONVERSIONS, key=len, reverse=True):
        pattern = r"(?<![\d,.])" + re.escape(japanese)
        if re.search(pattern, text):
            found.append(japanese)
            text = re.sub(pattern, " ", text)
    undeclared = [m.group(0) for m in LARGE_UNIT.finditer(text)]
    return found, undeclared, text


def _normalise(number: str) -> str:
    return number.replace(",", "")


@pytest.mark.parametrize("slug", SLUGS)
def test_every_figure_is_translated(slug):
    ja, en = english_pair(slug)
    ja_text, en_text = prose(ja), prose(en)
    conversions, undeclared, rest = japanese_numbers(ja_text)
    problems = [
        f"'{j}' has none of its English forms {CONVERSIONS[j]}"
        for j in conversions
        if not any(_contains(en_text, form) for form in CONVERSIONS[j])
    ]
    problems += [
        f"'{u}' has no declared English form: add it to CONVERSIONS in tests/test_translation_parity.py"
        for u in undeclared
    ]
    en_numbers = {_normalise(n) for n in NUMBER.findall(en_text)}
    ja_numbers = {_normalise(n): n for n in NUMBER.findall(rest)}
    for number, written in sorted(ja_numbers.items()):
        if number in en_numbers:
            continue
        words = NUMBER_WORDS.get(int(number), ()) if number.isdigit() else ()
        if any(re.search(rf"\b{w}\b", en_text, re.I) for w in words):
            continue
        problems.append(
            f"{written} is missing" + (f" (neither the digits nor {words})" if words else "")
        )
    assert not problems, (
        f"docs/{slug}.en.md does not carry every figure of docs/{slug}.md:\n  " + "\n  ".join(problems)
    )


def japanese_names(text: str) -> dict[str, str]:
    """Names in a Japanese text -> the English form expected."""
    expected = {}
    for japanese, english in NAMES.items():
        if _contains(text, japanese):
            expected[japanese] = english
            text = text.replace(japanese, " ")
    for word in LATIN_WORD.findall(text):
        if word != word.lower():  # names and acronyms: a capital somewhere
            expected[word] = NAMES.get(word, word)
    return expected


@pytest.mark.parametrize("slug", SLUGS)
def test_every_name_is_carried_over(slug):
    ja, en = english_pair(slug)
    en_text = prose(en)
    missing = [
        f"{japanese} -> {english}" for japanese, english in japanese_names(prose(ja)).items()
        if not _contains(en_text, english, plural=True)
    ]
    assert not missing, (
        f"docs/{slug}.en.md lacks names that docs/{slug}.md has: {', '.join(missing)}. "
        "Use the owner's English form (the NAMES table in tests/test_translation_parity.py)."
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_english_page_has_no_japanese(slug):
    _, en = english_pair(slug)
    problems = []
    for number, line in enumerate(en.read_text("utf-8").splitlines(), start=1):
        text = re.sub(r"<!--.*?-->", "", line)
        for allowed in ALLOWED_JAPANESE:
            text = text.replace(allowed, "")
        runs = re.findall(JAPANESE_CHAR.pattern + "+", text)
        if runs:
            problems.append(f"docs/{en.name}:{number}: {', '.join(runs)[:80]}")
    assert not problems, (
        f"{len(problems)} line(s) of docs/{en.name} hold Japanese text (translate it, or add a "
        "deliberate quotation to ALLOWED_JAPANESE in tests/test_translation_parity.py):\n  "
        + "\n  ".join(problems[:10])
    )


def test_checks_see_figures_and_names():
    """The extractors find what the Japanese essay pages actually hold."""
    conversions, undeclared, rest = japanese_numbers("規模は7,000億元(約14兆円相当)、毎年20%以上、1,509システム、40.2%。3本柱。GLM-4.5、R1、01.AI。5億円")
    assert conversions == ["7,000億", "14兆"] and undeclared == ["5億"]
    assert sorted({_normalise(n) for n in NUMBER.findall(rest)}) == ["1509", "20", "3", "40.2", "5"]
    assert japanese_names("アリババのQwenとStepfun") == {"アリババ": "Alibaba", "Qwen": "Qwen", "Stepfun": "StepFun"}


# --- the built site --------------------------------------------------------------------


def _built(site: Path, slug: str, english: bool) -> Path:
    rel = "index.html" if slug == "index" else f"{slug}/index.html"
    return site / ("en/" + rel if english else rel)


def _article(path: Path):
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return soup, soup.select_one("article.md-content__inner") or soup.body


@pytest.mark.parametrize("slug", SLUGS)
def test_built_english_page_is_english(built_site, slug):
    path = _built(built_site, slug, english=True)
    assert path.exists(), f"/en/ has no page for docs/{slug}.md (expected {path.relative_to(built_site)})"
    soup, article = _article(path)
    assert soup.html.get("lang") == "en", f"{path.relative_to(built_site)}: lang={soup.html.get('lang')!r}"
    for marked in article.select('[lang="ja"]'):  # Japanese on purpose (the link to the Japanese page)
        marked.decompose()
    text = article.get_text(" ")
    for allowed in ALLOWED_JAPANESE:
        text = text.replace(allowed, "")
    letters = [c for c in text if not c.isspace()]
    japanese = JAPANESE_CHAR.findall(text)
    share = len(japanese) / max(len(letters), 1)
    assert share <= MAX_JAPANESE_SHARE, (
        f"{path.relative_to(built_site)} is {share:.0%} Japanese ({''.join(japanese[:40])!r}...): "
        f"docs/{slug}.en.md is untranslated or the Japanese page is served as a fallback."
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_built_pages_have_the_same_heading_ids(built_site, slug):
    def ids(english):
        _, article = _article(_built(built_site, slug, english))
        return [h.get("id") for h in article.find_all(["h2", "h3", "h4", "h5", "h6"])]

    ja_ids, en_ids = ids(False), ids(True)
    assert ja_ids == en_ids, (
        f"/{slug}/ and /en/{slug}/ have different heading ids:\n  ja: {ja_ids}\n  en: {en_ids}"
    )


def test_no_placeholder_in_the_built_site(html_pages):
    left = [rel for rel, path in html_pages.items() if PLACEHOLDER in path.read_text("utf-8")]
    assert not left, f"'{PLACEHOLDER}' is still on: {left}"
