"""The glossary as readers meet it: entries in both languages, tooltips in running text.

Entries are read from the built glossary pages (``/glossary/``, ``/en/glossary/``); the
tooltips from the built content pages. A term's tooltip is an ``<abbr title>`` whose title is
the entry's definition, inside ``a.glossary-link``: the first occurrence of a term in a section
(an h2 and what follows; on the glossary page each entry too) is marked, later ones are not.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from sitebuild import assert_bad_input_reported

GLOSSARY = {"ja": "glossary/index.html", "en": "en/glossary/index.html"}
GROUPS = ["models-and-companies", "chips-and-semiconductors", "policy",
          "technology-concepts", "strategy-concepts"]
RELATED = {"ja": "関連ページ", "en": "Related pages"}
KANA = re.compile(r"[\u3040-\u30ff]")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    terms: tuple[str, ...]
    definition: str
    related: tuple[str, ...]  # site-relative paths of the linked pages, e.g. "models/index.html"


def text_of(element) -> str:
    text = re.sub(r"(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])\s*\n\s*", "", element.get_text())
    return " ".join(text.split())


def site_path(page_rel: str, href: str) -> str:
    """The built file a relative link on ``page_rel`` points at."""
    url = urljoin("https://kb.example.org/" + page_rel, href)
    path = urlparse(url).path.lstrip("/")
    return path + "index.html" if path.endswith("/") or not path else path


def article(path: Path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")


def glossary_entries(html_pages, language) -> list[Entry]:
    rel = GLOSSARY[language]
    entries = []
    for heading in article(html_pages[rel]).find_all("h3"):
        for permalink in heading.select("a.headerlink"):
            permalink.extract()
        title = text_of(heading)
        declared = heading.get("data-terms")
        terms = declared.split("|") if declared else [re.sub(r"\s*[（(].*$", "", title)]
        definition, related = [], ()
        for sibling in heading.find_next_siblings():
            if sibling.name != "p":
                break
            if text_of(sibling).startswith(RELATED[language]):
                related = tuple(site_path(rel, a["href"]) for a in sibling.find_all("a"))
                break
            definition.append(text_of(sibling))
        entries.append(Entry(heading.get("id"), title, tuple(terms), " ".join(definition), related))
    return entries


@pytest.fixture(scope="module")
def entries(html_pages):
    return {language: glossary_entries(html_pages, language) for language in GLOSSARY}


def content_pages(html_pages, language):
    """Built pages of one language, the glossary included, 404 excluded."""
    return {
        rel: path for rel, path in html_pages.items()
        if rel.startswith("en/") == (language == "en") and not rel.endswith("404.html")
    }


def tooltips(path: Path) -> list:
    return article(path).find_all("abbr", title=True)


def used_definitions(html_pages, language) -> dict[str, set[str]]:
    """Page -> the definitions shown as tooltips on it (the glossary page excluded)."""
    return {
        rel: {abbr["title"] for abbr in tooltips(path)}
        for rel, path in content_pages(html_pages, language).items()
        if rel != GLOSSARY[language]
    }


# --- the entries ----------------------------------------------------------------


def test_every_entry_exists_in_both_languages_with_the_same_id(entries):
    ja_ids = [e.id for e in entries["ja"]]
    en_ids = [e.id for e in entries["en"]]
    assert len(ja_ids) >= 35, f"docs/glossary.md has {len(ja_ids)} entries; at least 35 expected"
    assert ja_ids == en_ids, (
        "the glossary pages must list the same entry ids in the same order: "
        f"only in Japanese {sorted(set(ja_ids) - set(en_ids))}, only in English "
        f"{sorted(set(en_ids) - set(ja_ids))}"
    )
    assert all(i and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ja_ids)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_entries_are_complete_grouped_and_unique(html_pages, entries, language):
    page = article(html_pages[GLOSSARY[language]])
    assert [h["id"] for h in page.find_all("h2")] == GROUPS
    found = entries[language]
    assert not [i for i, n in Counter(e.id for e in found).items() if n > 1]
    duplicates = [t for t, n in Counter(t for e in found for t in e.terms).items() if n > 1]
    assert not duplicates, f"terms defined by more than one {language} entry: {duplicates}"
    same = [d for d, n in Counter(e.definition for e in found).items() if n > 1]
    assert not same, f"{language} entries sharing one definition (tooltips would not tell them apart): {same}"
    for entry in found:
        assert entry.definition, f"{language} entry {entry.id} has no definition"
        assert entry.related, f"{language} entry {entry.id} lists no related pages"
        assert all(rel in html_pages for rel in entry.related), entry
        ends = entry.definition.count("。") if language == "ja" else len(re.findall(r"\.(?:\s|$)", entry.definition))
        assert 1 <= ends <= 3, f"{language} entry {entry.id}: one to three sentences: {entry.definition}"
        if language == "ja":
            assert KANA.search(entry.definition), entry
        else:
            assert not KANA.search(entry.definition), entry


def test_reasoning_and_inference_are_told_apart(entries):
    ja = {e.id: e for e in entries["ja"]}
    en = {e.id: e for e in entries["en"]}
    assert ja["reasoning-model"].terms == ("推論モデル",)
    assert en["reasoning-model"].terms == ("Reasoning model",)
    note_ja = ja["reasoning-vs-inference"].definition
    note_en = en["reasoning-vs-inference"].definition
    for word in ["推論モデル", "reasoning", "推論フェーズ", "推論コスト", "AI推論チップ", "inference"]:
        assert word in note_ja, word
    for words in ["reasoning model", "inference phase", "inference cost", "AI inference chip"]:
        assert words in note_en, words
    assert ja["inference-cost"].terms == ("推論コスト",) and ja["inference-phase"].terms == ("推論フェーズ",)


# --- the terms in use -------------------------------------------------------------


def _unused(html_pages, entries, language):
    used = set().union(*used_definitions(html_pages, language).values())
    return [f"{e.id} ({e.title})" for e in entries[language] if e.definition not in used]


def _related_not_using(html_pages, entries, language):
    used = used_definitions(html_pages, language)
    return [
        f"{e.id} ({e.title}) lists {rel}, which does not use the term"
        for e in entries[language] for rel in e.related
        if e.definition not in used.get(rel, set())
    ]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_term_is_used_on_a_content_page(html_pages, entries, language):
    unused = _unused(html_pages, entries, language)
    assert not unused, (
        f"glossary entries no {language} page uses: use the term, add the form that the page "
        "uses to the entry's data-terms, or remove the entry from both glossary pages:\n"
        + "\n".join(unused)
    )


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_related_page_uses_the_term(html_pages, entries, language):
    problems = _related_not_using(html_pages, entries, language)
    source = "docs/glossary.md" if language == "ja" else "docs/glossary.en.md"
    assert not problems, (
        f"fix the {RELATED[language]} line (or the entry's data-terms) in {source}:\n" + "\n".join(problems)
    )


# --- the tooltips in the built pages ------------------------------------------------


def test_japanese_running_text_has_japanese_tooltips(html_pages, entries):
    definitions = {e.definition: e for e in entries["ja"]}
    models = tooltips(html_pages["models/index.html"])
    inside_sentences = [
        a for a in models
        if a.get_text() == "推論モデル" and str(_next_text(a)).startswith("の")
    ]
    assert inside_sentences, "no tooltip on 推論モデル directly followed by の on /models/"
    assert inside_sentences[0]["title"] == definitions[inside_sentences[0]["title"]].definition
    assert definitions[inside_sentences[0]["title"]].id == "reasoning-model"
    gpu = [a for a in models if a.get_text() == "GPU"]
    assert gpu and definitions[gpu[0]["title"]].id == "gpu", "GPUリソース: GPU has no tooltip"
    for rel, path in content_pages(html_pages, "ja").items():
        for abbr in tooltips(path):
            assert abbr["title"] in definitions, f"{rel}: tooltip not from docs/glossary.md: {abbr}"


def _next_text(element):
    holder = element.parent if element.parent.name == "a" else element
    return holder.next_sibling or ""


def test_english_pages_have_english_tooltips(html_pages, entries):
    english = {e.definition for e in entries["en"]}
    japanese = {e.definition for e in entries["ja"]}
    seen = 0
    for rel, path in content_pages(html_pages, "en").items():
        for abbr in tooltips(path):
            seen += 1
            assert abbr["title"] in english and abbr["title"] not in japanese, f"{rel}: {abbr}"
    assert seen, "no tooltip on any English page"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_no_tooltip_in_headings_links_code_note_titles_or_build_records(html_pages, entries, language):
    forms = {t for e in entries[language] for t in e.terms}
    headings_with_terms = note_titles_with_terms = 0
    for rel, path in content_pages(html_pages, language).items():
        page = article(path)
        for abbr in page.find_all("abbr"):
            outer = [p.name for p in abbr.parents]
            assert not set(outer) & {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"}, f"{rel}: {abbr}"
            assert not abbr.find_parent(class_="admonition-title"), f"{rel}: tooltip in a note's title"
            assert not abbr.find_parent(attrs={"data-search-exclude": True}), f"{rel}: tooltip in a build record"
            assert abbr.parent.name == "a" and "glossary-link" in abbr.parent.get("class", []), (
                f"{rel}: a tooltip outside a glossary link (or inside another link): {abbr.parent}")
            assert "a" not in outer[1:], f"{rel}: glossary link inside a link"
        headings_with_terms += sum(
            1 for h in page.find_all(re.compile(r"^h[1-6]$")) if any(f in h.get_text() for f in forms)
        )
        note_titles_with_terms += sum(
            1 for t in page.select(".admonition-title") if any(f in t.get_text() for f in forms))
    if language == "ja":  # the checks above are not vacuous: terms do occur in headings and note titles
        assert headings_with_terms > 5 and note_titles_with_terms > 2


def sections(rel: str, path: Path) -> list[list]:
    """The tooltips of a built page, per section: split at h1/h2 (and h3 on the glossary page)."""
    boundaries = {"h1", "h2", "h3"} if rel in GLOSSARY.values() else {"h1", "h2"}
    found: list[list] = [[]]
    for element in article(path).find_all(True):
        if element.name in boundaries:
            found.append([])
        elif element.name == "abbr" and element.get("title"):
            found[-1].append(element)
    return found


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_term_is_linked_once_per_section_to_its_entry(html_pages, entries, language):
    """Fewer underlines: a term is marked (tooltip and link) at its first use in each section,
    not at every use; a term used in several sections of a page is marked in each."""
    by_definition = {e.definition: e for e in entries[language]}
    glossary_rel = GLOSSARY[language]
    glossary_ids = {tag["id"] for tag in article(html_pages[glossary_rel]).find_all(id=True)}
    links = marked_again = 0
    for rel, path in content_pages(html_pages, language).items():
        per_page = Counter()
        for section in sections(rel, path):
            ids = [by_definition[abbr["title"]].id for abbr in section]
            repeated = [i for i, n in Counter(ids).items() if n > 1]
            assert not repeated, f"{rel}: marked more than once in one section: {repeated}"
            per_page.update(ids)
            for abbr, entry_id in zip(section, ids):
                links += 1
                target, _, anchor = abbr.parent["href"].partition("#")
                assert anchor == entry_id, f"{rel}: {abbr.parent}"
                assert (site_path(rel, target) if target else rel) == glossary_rel, f"{rel}: {abbr.parent}"
                assert anchor in glossary_ids, f"{rel}: {abbr.parent} points at a missing anchor"
        marked_again += sum(1 for n in per_page.values() if n > 1)
    assert links >= (100 if language == "ja" else 50)
    assert marked_again >= 10, "no term is marked again in a later section: the rule is once per page"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_models_page_has_far_fewer_underlined_terms(html_pages, entries, language):
    """The issue counted about 120 underlined items on /models/ (every use of a term dotted);
    with one mark per term and section, a term's later uses in a section are plain text."""
    rel = "models/index.html" if language == "ja" else "en/models/index.html"
    page = article(html_pages[rel])
    forms = re.compile("|".join(re.escape(t) for e in entries[language] for t in sorted(e.terms, key=len, reverse=True)))
    uses = sum(len(forms.findall(t)) for t in page.find_all(string=True)
               if not t.find_parent(["a", "code", "h1", "h2", "h3", "h4"]) and not t.find_parent(class_="admonition-title"))
    marked = len(page.find_all("abbr", title=True))
    assert uses > 0.3 * marked, (uses, marked)  # terms do recur as plain text
    assert marked <= 70, f"{rel}: {marked} marked terms"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_glossary_index_lists_every_entry_once_under_its_initial(html_pages, entries, language):
    page = article(html_pages[GLOSSARY[language]])
    index = page.select_one("nav.kb-glossary-index")
    assert index is not None and index.find_next_sibling("h2")["id"] == GROUPS[0]
    listed = [li["data-kb-entry"] for li in index.select(".kb-glossary-index__groups li")]
    assert sorted(listed) == sorted(e.id for e in entries[language]), "the index must list every entry once"
    group_of = {li["data-kb-entry"]: li.find_parent(class_="kb-glossary-index__group")
                .select_one(".kb-glossary-index__initial").get_text() for li in index.select("li[data-kb-entry]")}
    expected = {"huawei-ascend": "は", "reasoning-model": "さ", "openai": "O", "alibaba": "あ",
                "01-ai": "0–9"} if language == "ja" else {
                "huawei-ascend": "H", "reasoning-model": "R", "openai": "O", "01-ai": "0–9"}
    assert {k: group_of[k] for k in expected} == expected
    for link in index.select(".kb-glossary-index__strip a"):
        assert page.find(id=link["href"][1:]), f"the strip's {link.get_text()} leads nowhere"
    strip = index.select_one(".kb-glossary-index__strip").get_text()
    assert ("あ" in strip) == (language == "ja") and "Z" in strip


def test_each_glossary_entry_is_named_in_both_languages_for_the_filter(html_pages, entries):
    titles = {language: {e.id: e.title for e in entries[language]} for language in GLOSSARY}
    for language, rel in GLOSSARY.items():
        wrapped = article(html_pages[rel]).select("div.kb-glossary-entry")
        assert [w["data-kb-entry"] for w in wrapped] == [e.id for e in entries[language]]
        for wrapper in wrapped:
            names = wrapper["data-kb-names"].split("|")
            assert {titles["ja"][wrapper["data-kb-entry"]], titles["en"][wrapper["data-kb-entry"]]} <= set(names)
            assert wrapper.h3["id"] == wrapper["data-kb-entry"]


# --- edge cases and bad input: the build's marking and checks, in process -------------

EDGE_JA = """
<p>推論モデルはGPUで動きます。
HBMではなくGPU3やCUDA12は用語ではありません。GPUのように続けて書いた用語には定義が出ます。
<code>GPU</code> と <a href="chips.md">NVIDIA</a> の中には出ません。推論モデルは推論と違います。</p>
"""
EDGE_EN = """
<p>Reasoning models run on GPUs, not on GPU3 or CUDA12. See <code>CUDA</code> and
<a href="chips.md">NVIDIA</a>. A reasoning model thinks step by step.</p>
"""
SECTIONS_JA = """
<p>推論モデルはGPUで動きます。推論モデルは段階を踏みます。</p>
<div class="admonition note"><p class="admonition-title">編集部注：GPUの数</p><p>GPUは多い。</p></div>
<h2 id="two">次の節</h2>
<p>推論モデルの話です。</p>
<div data-search-exclude><table><tr><td>推論モデル</td></tr></table></div>
"""


@pytest.fixture(scope="module")
def glossary_terms():
    import project_sources
    from kb_build.glossary_terms import GlossaryTerms

    sources = project_sources.read()
    return {language: GlossaryTerms.of(sources.glossary[language]) for language in ("ja", "en")}


@pytest.mark.parametrize("language, html, expected, absent", [
    ("ja", EDGE_JA, ["GPU", "推論モデル", "推論"], ["GPU3", "CUDA12", "CUDA", "NVIDIA"]),
    ("en", EDGE_EN, ["Reasoning models", "GPUs"], ["GPU3", "CUDA12", "CUDA", "NVIDIA", "reasoning model"]),
])
def test_term_boundaries(glossary_terms, language, html, expected, absent):
    """Terms inside unspaced Japanese are found; an ASCII term never inside a longer word
    (GPU in GPU3), and never inside code or a link."""
    soup = BeautifulSoup(html, "html.parser")
    glossary_terms[language].mark(soup, "../glossary/", on_glossary=False)
    marked = [a.get_text() for a in soup.find_all("abbr")]
    assert set(expected) <= set(marked), marked
    assert not set(absent) & set(marked), marked
    if language == "en":
        abbr = next(a for a in soup.find_all("abbr") if a.get_text() == "GPUs")
        assert abbr["title"].startswith("A semiconductor chip built for parallel computation")
    first = soup.find("abbr")
    assert first.parent.name == "a" and first.parent["href"].startswith("../glossary/#")


def test_terms_are_marked_once_per_section_and_not_in_note_titles_or_records(glossary_terms):
    soup = BeautifulSoup(SECTIONS_JA, "html.parser")
    glossary_terms["ja"].mark(soup, "../glossary/", on_glossary=False)
    before, after = soup.find_all("p")[0], soup.find(id="two").find_next("p")
    assert [a.get_text() for a in before.find_all("abbr")] == ["推論モデル", "GPU"]
    assert before.get_text().count("推論モデル") == 2, "the second use is kept as plain text"
    assert not soup.select(".admonition-title abbr"), "a note's title is a heading: no term there"
    assert [a.get_text() for a in soup.select(".admonition p:not(.admonition-title) abbr")] == [], (
        "GPU is marked already in this section")
    assert [a.get_text() for a in after.find_all("abbr")] == ["推論モデル"], "a new section marks again"
    assert not soup.select("[data-search-exclude] abbr"), "no terms in a build record"


def _remove_entry(text: str, entry_id: str) -> str:
    pattern = re.compile(rf"^### [^\n]*\{{#{entry_id}[ }}].*?(?=^### |^## |\Z)", re.M | re.S)
    assert pattern.search(text), entry_id
    return pattern.sub("", text)


def _edit(project, name, change):
    path = project / "docs" / name
    path.write_text(change(path.read_text("utf-8")), "utf-8")


BAD_INPUTS = {
    "entry-missing-in-english": (
        lambda p: _edit(p, "glossary.en.md", lambda t: _remove_entry(t, "predictive-maintenance")),
        ["予知保全", "predictive-maintenance", "docs/glossary.en.md", "add '### <English term>"],
    ),
    "entry-missing-in-japanese": (
        lambda p: _edit(p, "glossary.md", lambda t: _remove_entry(t, "edge-ai")),
        ["'Edge AI'", "docs/glossary.md"],
    ),
    "duplicate-term": (
        lambda p: _edit(p, "glossary.md", lambda t: t.replace("{#nvidia}", '{#nvidia data-terms="NVIDIA|GPU"}')),
        ["the term 'GPU' is defined by 2 entries", "docs/glossary.md", "Keep it in one entry"],
    ),
    "duplicate-id": (
        lambda p: _edit(p, "glossary.en.md", lambda t: t.replace("{#cuda}", "{#nvidia}")),
        ["id 'nvidia' is used by 2 entries (NVIDIA / CUDA)", "docs/glossary.en.md"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_glossary_input_is_reported_clearly(case, project_copy):
    """In process; test_strict_build.py shows that such a problem stops a real build."""
    assert_bad_input_reported(BAD_INPUTS, case, project_copy)
