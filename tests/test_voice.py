"""The reference voice, measured on the page sources: the essay's opinions are attributed
once where a passage of them starts, not sentence by sentence; Japanese text uses full-width
brackets; a Japanese page uses one form of a company's name."""
from __future__ import annotations

import re

import pytest

from page_sources import plain
from sitebuild import ROOT

TOPIC_PAGES = ("models", "chips", "ecosystem", "japan-strategy")
ATTRIBUTION = {
    "ja": re.compile(r"原典"),
    "en": re.compile(r"\bthe (?:source )?essay\b|\bthe (?:essay's )?author\b|\bits author\b", re.I),
}
SENTENCE_END = {"ja": re.compile(r"。"), "en": re.compile(r"[.!?](?=[\s\"')]|$)", re.M)}
GLOSSARY_BUDGET = 10
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCED = re.compile(r"^```.*?^```", re.S | re.M)
_MARKER = re.compile(r"\[\[claim:[^\]]*\]\]")
_TABLE_HEADER = re.compile(r"^\|.*\n(?=\|[\s:|-]+\n)", re.M)
_ADMONITION = re.compile(r'^(!!!|\?\?\?)\s+\w+(\s+"[^"]*")?\s*$', re.M)
JAPANESE = r"\u3040-\u30ff\u3400-\u9fff"
HALF_WIDTH_BRACKET = re.compile(rf"[{JAPANESE}]\(|\)[{JAPANESE}]|\([^()\n]*[{JAPANESE}][^()\n]*\)")
# (Japanese form, Latin form) of names that Japanese pages write in katakana.
NAME_FORMS = [("アリババ", "Alibaba"), ("テンセント", "Tencent"), ("ファーウェイ", "Huawei"),
              ("バイドゥ", "Baidu"), ("シャオミ", "Xiaomi"), ("カンブリコン", "Cambricon")]


def source(slug: str, language: str) -> str:
    return (ROOT / "docs" / (f"{slug}.md" if language == "ja" else f"{slug}.{language}.md")).read_text("utf-8")


def prose(markdown: str) -> str:
    """The text a reader reads: no front matter, comments, code, markers or admonition lines,
    each line made plain (links to their text, no attribute lists)."""
    text = _FENCED.sub("", _COMMENT.sub("", _FRONT_MATTER.sub("", markdown)))
    text = _ADMONITION.sub("", _MARKER.sub("", text))
    text = _TABLE_HEADER.sub("", text)  # column labels such as 「原典の記述」 are not sentences
    return "\n".join(plain(line.strip().lstrip("#").strip()) for line in text.splitlines())


def counts(slug: str, language: str) -> tuple[int, int]:
    text = prose(source(slug, language))
    return len(ATTRIBUTION[language].findall(text)), len(SENTENCE_END[language].findall(text))


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize("slug", TOPIC_PAGES)
def test_topic_pages_attribute_once_per_passage(slug, language):
    """At most one attribution formula per 10 sentences (「原典」, "the essay", "the author")."""
    formulas, sentences = counts(slug, language)
    assert sentences >= 10, f"{slug} ({language}): only {sentences} sentences counted"
    assert formulas * 10 <= sentences, (
        f"docs/{slug} ({language}): {formulas} attribution formulas in {sentences} sentences; "
        "attribute the essay's view once where a passage of it starts, then keep its modality")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_glossary_defines_rather_than_attributes(language):
    formulas, _ = counts("glossary", language)
    assert formulas <= GLOSSARY_BUDGET, f"glossary ({language}): {formulas} attribution formulas"


def test_the_counter_counts():
    assert len(ATTRIBUTION["en"].findall(prose("The essay argues this. The author doubts it."))) == 2
    assert len(SENTENCE_END["ja"].findall(prose("原典は見ています。そうでしょう。"))) == 2


def _japanese_texts():
    for path in sorted((ROOT / "docs").glob("*.md")):
        if not path.name.endswith(".en.md"):
            yield f"docs/{path.name}", prose(path.read_text("utf-8"))
    import yaml
    for path in sorted((ROOT / "docs" / "_data").glob("*.yml")) + sorted((ROOT / "docs" / "_figures").glob("*.yml")):
        found = []

        def walk(value, key=""):
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, str(k))
            elif isinstance(value, list):
                for v in value:
                    walk(v, key)
            elif isinstance(value, str) and (key == "ja" or key.endswith("_ja")) and not key.startswith("match"):
                found.append(value)
        walk(yaml.safe_load(path.read_text("utf-8")))
        yield f"docs/{path.parent.name}/{path.name}", "\n".join(found)


def test_japanese_text_uses_full_width_brackets():
    offenders = [f"{where}: …{m.group(0)}…" for where, text in _japanese_texts()
                 for m in HALF_WIDTH_BRACKET.finditer(text)]
    assert not offenders, "half-width brackets in Japanese text (write （）):\n" + "\n".join(offenders)


def test_the_bracket_check_finds_half_width_brackets():
    assert HALF_WIDTH_BRACKET.search("ERNIE Bot(文心一言)")
    assert HALF_WIDTH_BRACKET.search("7,000億元(約14兆円相当)")
    assert not HALF_WIDTH_BRACKET.search("ERNIE Bot（文心一言） and f(x)")


def test_a_japanese_page_uses_one_form_of_each_name():
    """ファーウェイ（Huawei） on first use is fine; Huawei elsewhere on the page is not."""
    offenders = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        if path.name.endswith(".en.md") or path.name.startswith("glossary"):
            continue
        text = prose(path.read_text("utf-8"))
        for japanese, latin in NAME_FORMS:
            if japanese not in text:
                continue
            loose = len(re.findall(rf"(?<![A-Za-z]){latin}(?![A-Za-z])", text)) - text.count(f"{japanese}（{latin}）")
            if loose > 0:
                offenders.append(f"docs/{path.name}: '{latin}' {loose} time(s) beside '{japanese}'")
    assert not offenders, "\n".join(offenders)
