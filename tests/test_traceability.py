"""Traceability of the source essay: nothing lost, nothing doubled, auditable.

Reads the Markdown sources only (no build).  The essay is split into passages and
groups by ``kb_build/passages.py``; every section of a page records the groups it
draws on in a ``<!-- passages: G001 G002 -->`` comment right after its heading.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

import project_sources
from kb_build import passage_map
from kb_build import passages as essay_module
from kb_build.markdown_source import source_headings, strip_front_matter

ESSAY = essay_module.Essay.read(project_sources.ESSAY)

GROUP_ID = re.compile(r"^G\d{3}$")
SIMILAR = 0.85
MIN_SENTENCE = 25

# Counts of the current source essay; they change only if the essay or the splitter does.
EXPECTED_DRAFTS = 7
EXPECTED_PASSAGES = 266
EXPECTED_GROUPS = 178


# --- helpers -----------------------------------------------------------------


def traced_pages(english: bool) -> dict[str, Path]:
    """Slug -> page source, for the pages that carry passage comments."""
    pages = {}
    for path in sorted(DOCS.glob("*.md")):
        if path.name.endswith(".en.md") != english:
            continue
        slug = path.name[: -len(".en.md")] if english else path.name[: -len(".md")]
        if "<!-- passages:" in path.read_text(encoding="utf-8"):
            pages[slug] = path
    return pages


def sections(path: Path) -> list[tuple[str, list[str] | None, int]]:
    """(heading label, cited group ids or None when no comment, line) per heading."""
    return [
        (f"{'#' * level} {text}" + (f" {{#{hid}}}" if hid else ""), cited, line)
        for hid, text, level, cited, line in passage_map.cited_sections(path.read_text(encoding="utf-8"))
    ]


def citations(english: bool) -> dict[str, list[str]]:
    """Group id -> ['docs/x.md › heading', ...] for one language."""
    found: dict[str, list[str]] = {}
    for slug, path in traced_pages(english).items():
        for label, cited, _ in sections(path):
            for gid in cited or []:
                found.setdefault(gid, []).append(f"docs/{path.name} › {label}")
    return found


def _section_key(label: str) -> str:
    """The heading id, or the heading level when it has none (the h1)."""
    m = re.search(r"\{#([^}]+)\}$", label)
    return m.group(1) if m else label.split(" ")[0]


def prose_sentences(path: Path) -> list[str]:
    """Sentences of a page's prose: no front matter, comments, headings or link targets."""
    body, _ = strip_front_matter(path.read_text(encoding="utf-8"))
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links -> their text
    out = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or re.fullmatch(r"\|?[-:| ]+\|?", line):
            continue
        line = re.sub(r"^([-*+]|\d+\.)\s+", "", line)
        for cell in line.strip("|").split("|"):
            for sentence in re.split(r"(?<=[。．.!?！？])\s*", cell):
                sentence = re.sub(r"[*`]", "", sentence).strip()
                if len(sentence) > MIN_SENTENCE:
                    out.append(sentence)
    return out


# --- the splitter ---------------------------------------------------------------


def test_passage_and_group_counts_are_stable():
    ps = ESSAY.passages
    gs = ESSAY.groups
    assert max(p.draft for p in ps) == EXPECTED_DRAFTS, (
        "sources/essay.ja.txt: expected 7 drafts ending in —END—; "
        "if the essay changed on purpose, update EXPECTED_DRAFTS in tests/test_traceability.py"
    )
    assert len(ps) == EXPECTED_PASSAGES, (
        f"kb_build/passages.py now finds {len(ps)} passages, not {EXPECTED_PASSAGES}: passage ids "
        "shifted. Fix the splitter, or update EXPECTED_PASSAGES and re-check every passages comment."
    )
    assert len(gs) == EXPECTED_GROUPS, (
        f"kb_build/passages.py now finds {len(gs)} groups, not {EXPECTED_GROUPS}: group ids "
        "shifted. Fix the grouping, or update EXPECTED_GROUPS and re-check every passages comment."
    )
    assert [p.id for p in ps] == [f"P{i:03d}" for i in range(1, len(ps) + 1)]


def test_grouping_is_deterministic_and_numbered_by_first_appearance():
    first = ESSAY.groups
    assert list(first) == [f"G{i:03d}" for i in range(1, len(first) + 1)]
    firsts = [int(ms[0].id[1:]) for ms in first.values()]
    assert firsts == sorted(firsts), "kb_build/passages.py: groups must be numbered by first appearance"
    again = essay_module.Essay.read(project_sources.ESSAY).groups
    assert {g: [p.id for p in ms] for g, ms in first.items()} == {
        g: [p.id for p in ms] for g, ms in again.items()
    }


def test_title_copies_are_one_group():
    ps = ESSAY.passages
    of = ESSAY.group_of()
    assert ps[0].text == ps[1].text and ps[0].kind == "heading"
    assert of["P001"] == of["P002"] == "G001"


def test_typo_sentence_groups_with_the_corrected_one():
    ps = ESSAY.passages
    of = ESSAY.group_of()
    typo = [p for p in ps if "タースク" in p.text]
    fixed = [p for p in ps if "特定のタスクに最適化" in p.text]
    assert len(typo) == 1 and len(fixed) == 1
    assert of[typo[0].id] == of[fixed[0].id], "kb_build/passages.py: the タースク copy must join the タスク group"


def test_fragments_at_draft_boundaries_join_their_counterparts():
    ps = ESSAY.passages
    of = ESSAY.group_of()
    cut = [p for p in ps if p.cut_end and p.text.endswith("自らの手で新しい価値を創造")]
    resumed = [p for p in ps if p.text.startswith("…自らの手で新しい価値を創造していく")]
    assert len(cut) == 1 and len(resumed) == 2
    assert {of[p.id] for p in cut + resumed} == {of[cut[0].id]}
    # a draft cut mid-sentence joins the full sentence it is a prefix of
    short = [p for p in ps if p.text == "技術者としては、これらの低コストモデル"]
    full = [p for p in ps if p.text.startswith("技術者としては、これらの低コストモデルをいかに")]
    assert len(short) == 1 and full and {of[p.id] for p in short + full} == {of[short[0].id]}
    # a draft that starts mid-sentence joins the full sentence it is a suffix of
    tail = [p for p in ps if p.starts_draft and p.text.startswith("あるいは、医療現場での診断支援AI")]
    head = [p for p in ps if p.text.startswith("例えば、精密なセンサーデータとAI推論")]
    assert len(tail) == 1 and {of[p.id] for p in tail + head} == {of[tail[0].id]}
    # the repeated closing sentence that starts with … joins its full copies
    closing = [p for p in ps if essay_module.normalise(p.text).startswith("未来は、私たち一人ひとりの行動と選択")]
    assert len(closing) == 3 and len({of[p.id] for p in closing}) == 1


# --- the pages ------------------------------------------------------------------


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_every_heading_records_its_passages(english):
    problems = []
    for slug, path in traced_pages(english).items():
        for label, cited, line in sections(path):
            if cited is None:
                problems.append(
                    f"docs/{path.name}:{line}: '{label}' has no passages comment. Add "
                    "'<!-- passages: G001 G002 -->' (or '<!-- passages: none -->') on the line after a blank line."
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_cited_groups_exist(english):
    known = set(ESSAY.groups)
    problems = [
        f"{where}: cites {gid}, which kb_build/passages.py does not produce. "
        "Remove it or fix the id (see the passage map on the About page)."
        for gid, wheres in citations(english).items()
        for where in wheres
        if not GROUP_ID.match(gid) or gid not in known
    ]
    assert not problems, "\n".join(problems)


def test_every_group_is_drawn_on():
    cited = citations(english=False)
    missing = []
    for gid, members in ESSAY.groups.items():
        if gid not in cited:
            rep = essay_module.representative(list(members))
            missing.append(
                f"{gid} ({', '.join(p.id for p in members)}: 「{rep.text[:40]}…」) is in no section. "
                "State it once on the page where a reader would look for it and add the id to that "
                "section's passages comment (docs/*.md and docs/*.en.md)."
            )
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_every_group_is_stated_once(english):
    problems = [
        f"{gid} is cited by {len(wheres)} sections: {'; '.join(wheres)}. "
        "Keep the statement in one section and link to it from the others."
        for gid, wheres in citations(english).items()
        if len(wheres) > 1
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_no_sentence_is_stated_twice(english):
    items = [
        (path, sentence)
        for path in traced_pages(english).values()
        for sentence in prose_sentences(path)
    ]
    problems = []
    for i, (pa, a) in enumerate(items):
        for pb, b in items[i + 1 :]:
            sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if sm.real_quick_ratio() < SIMILAR or sm.quick_ratio() < SIMILAR:
                continue
            if sm.ratio() >= SIMILAR:
                problems.append(
                    f"docs/{pa.name} and docs/{pb.name} state the same sentence:\n"
                    f"    {a}\n    {b}\n  Keep it in one place and link to it from the other."
                )
    assert not problems, "\n".join(problems)


def test_japanese_and_english_pages_carry_the_same_passage_comments():
    problems = []
    for slug, ja in traced_pages(english=False).items():
        en = DOCS / f"{slug}.en.md"
        if not en.exists():
            problems.append(
                f"docs/{slug}.en.md is missing: create the English mirror with the same "
                "headings, ids and passages comments."
            )
            continue
        ja_secs = [(_section_key(label), cited) for label, cited, _ in sections(ja)]
        en_secs = [(_section_key(label), cited) for label, cited, _ in sections(en)]
        if ja_secs != en_secs:
            diff = next(
                (f"{a} vs {b}" for a, b in zip(ja_secs, en_secs) if a != b),
                f"{len(ja_secs)} vs {len(en_secs)} headings",
            )
            problems.append(
                f"docs/{slug}.md and docs/{slug}.en.md carry different passages comments ({diff}). "
                f"Copy the comments of docs/{slug}.md to the same headings of docs/{slug}.en.md."
            )
    assert not problems, "\n".join(problems)


def test_japanese_pages_use_reference_voice():
    banned = ["私", "あなた", "想像してみてください", "皆さん"]
    problems = []
    for path in traced_pages(english=False).values():
        for sentence in prose_sentences(path):
            for word in banned:
                if word in sentence:
                    problems.append(
                        f"docs/{path.name}: 「{word}」 in 「{sentence}」. Rewrite in reference voice "
                        "(attribute opinions to 原典, no first person, no address to the reader)."
                    )
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            unquoted = re.sub(r"「[^」]*」", "", re.sub(r"<!--.*?-->", "", line))
            if re.search(r"[?？]", unquoted):
                problems.append(
                    f"docs/{path.name}:{line_no}: a question mark outside 「」 quotes. Turn the "
                    "question into a statement (e.g. 原典は…を問いかけています) or quote it."
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_passage_map_renders_with_valid_links(english):
    about = DOCS / ("about.en.md" if english else "about.md")
    assert passage_map.PLACEHOLDER in about.read_text(encoding="utf-8"), (
        f"docs/{about.name}: keep the line '{passage_map.PLACEHOLDER}' where the passage map goes."
    )
    language = "en" if english else "ja"
    table = passage_map.render_table(ESSAY, project_sources.read().in_language(language), language)
    rows = [line for line in table.splitlines() if re.match(r"\| G\d{3} \|", line)]
    assert len(rows) == len(ESSAY.groups)
    if english:
        japanese = [r for r in rows if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", r)]
        assert not japanese, "kb_build/passage_map.py: the English table must hold no Japanese text:\n" + "\n".join(japanese[:5])
    ids = {}
    for path in DOCS.glob("*.en.md" if english else "*.md"):
        ids[path.name.replace(".en.md", ".md")] = {h.id for h in source_headings(path.read_text("utf-8"))}
    for target in re.findall(r"\]\(([^)]+)\)", table):
        page, _, anchor = target.partition("#")
        assert page in ids, f"kb_build/passage_map.py links to {target}, but docs/{page} does not exist"
        assert not anchor or anchor in ids[page], (
            f"kb_build/passage_map.py links to {target}, but that page has no heading {{#{anchor}}}"
        )
