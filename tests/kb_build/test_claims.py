"""The claim register (kb_build/claims.py), in process on small inputs."""
import pytest

from kb_build.claims import ClaimRegister, read_claims, render_markers, statement_problems, status_table
from kb_build.dates import parse
from kb_build.editorial_data import Note, Source
from kb_build.figure_sources import Figure
from kb_build.site_sources import PageSource

SOURCE = Source("ft", "Financial Times", "フィナンシャル・タイムズ", "https://ft.example.com/a")
NOTES = {
    "r2-note": Note("r2-note", "chips", "domestic-chips", {"ft": parse("2025-08-14")}, (SOURCE,),
                    "R2", "R2", "失敗しました。", "It failed."),
    "glm-note": Note("glm-note", "models", "models", {}, (SOURCE,), "GLM", "GLM", "公開。", "Released."),
}
DATA = {"claims": [
    {"id": "ascend-r2", "row": 11, "status": "partly", "note": "r2-note",
     "claim_ja": "R2の訓練にAscendを使う計画がある。", "claim_en": "Ascend is to train R2.",
     "record_ja": "計画は失敗しました。", "record_en": "The plan failed.",
     "match_ja": ["R2.{0,20}訓練"], "match_en": ["train\\w*.{0,20}R2"]},
    {"id": "glm-open-source", "row": 6, "status": "accurate", "note": "glm-note",
     "claim_ja": "GLM-4.5はオープンソースである。", "claim_en": "GLM-4.5 is open source.",
     "record_ja": "MITライセンスです。", "record_en": "MIT licence."},
]}


@pytest.fixture()
def register() -> ClaimRegister:
    register, problems = read_claims(DATA, NOTES)
    assert problems == []
    return register


def page(src: str, text: str, language: str = "ja") -> PageSource:
    return PageSource(src, src.split(".")[0], language, text, (), "T")


@pytest.mark.parametrize("change, expected", [
    ({"note": "missing"}, "note 'missing' is not an editor's note id"),
    ({"status": "doubtful"}, "status 'doubtful' is not one of"),
    ({"match_en": []}, "a claim rated partly needs `match_en`"),
    ({"match_ja": ["R2("]}, "is not a valid regular expression"),
    ({"record_en": ""}, "has no record_en"),
    ({"colour": "red"}, "unknown field 'colour'"),
    ({"sources": ["nope"]}, "source 'nope' is not in docs/_data/sources.yml"),
])
def test_bad_register_entries_are_named_with_the_fix(change, expected):
    entry = {**DATA["claims"][0], **change}
    _, problems = read_claims({"claims": [entry]}, NOTES)
    assert any(expected in p and "claim 'ascend-r2'" in p for p in problems), problems


def test_an_unmarked_disputed_claim_is_reported_with_file_line_and_claim(register):
    text = "---\ntitle: T\n---\n\n# T\n\nDeepSeekはR2の訓練にAscendを使う計画です。\n"
    problems = statement_problems(register, [page("chips.md", text)], set(), [])
    assert len(problems) == 1
    assert problems[0].startswith("docs/chips.md:7: states the claim 'ascend-r2'")
    assert "[[claim:ascend-r2]]" in problems[0]


@pytest.mark.parametrize("text", [
    "原典によると、R2の訓練にAscendを使う計画でした[[claim:ascend-r2]]。",
    "| ファーウェイ | R2の訓練に使う計画（原典）[[claim:ascend-r2]] |",
    "## R2の訓練 {#r2}",  # headings name topics
    "<!-- R2の訓練 -->",
    "```\nR2の訓練\n```",
])
def test_a_marked_statement_headings_comments_and_code_pass(register, text):
    assert statement_problems(register, [page("chips.md", text)], set(), []) == []


def test_the_marker_must_be_in_the_same_table_cell(register):
    text = "| R2の訓練に使う計画 | 原典[[claim:ascend-r2]] |"
    problems = statement_problems(register, [page("chips.md", text)], set(), [])
    assert len(problems) == 1 and "chips.md:1" in problems[0]


def test_each_language_is_checked_with_its_own_words(register):
    english = page("chips.en.md", "DeepSeek was to train R2 on Ascend.", "en")
    assert "docs/chips.en.md:1: states the claim 'ascend-r2'" in statement_problems(register, [english], set(), [])[0]
    assert statement_problems(register, [page("chips.md", "DeepSeek was to train R2.")], set(), []) == []


@pytest.mark.parametrize("text, expected", [
    ("R2の訓練に使う計画がありました。", "the glossary definition states the claim 'ascend-r2'"),
    ("計画です[[claim:ascend-r2]]。", "in a glossary definition"),
])
def test_the_glossary_states_no_claim_even_marked(register, text, expected):
    problems = statement_problems(register, [page("glossary.md", text)], {"glossary.md"}, [])
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("text, expected", [
    ("計画です[[claim:nope]]。", "[[claim:nope]] names no claim"),
    ("公開されています[[claim:glm-open-source]]。", "marks a claim rated accurate"),
    ("## 計画 [[claim:ascend-r2]] {#plan}", "in a heading"),
])
def test_markers_that_cannot_work_are_reported(register, text, expected):
    problems = statement_problems(register, [page("chips.md", text)], set(), [])
    assert any(expected in p for p in problems), problems


def test_figures_draw_no_disputed_claim(register):
    figure = Figure("chips", "docs/_figures/chips.yml", "chips", "s", "diagram",
                    {"ja": "図", "en": "Figure"}, {"ja": "図", "en": "Figure"},
                    {"caption": {"ja": "図", "en": "Figure"},
                     "nodes": [{"label": {"ja": "DeepSeek（R2の訓練）", "en": "DeepSeek"}}]})
    problems = statement_problems(register, [], set(), [figure])
    assert len(problems) == 1
    assert problems[0].startswith("docs/_figures/chips.yml: the ja text 'DeepSeek（R2の訓練）' states the claim 'ascend-r2'")


def test_a_marker_becomes_a_badge_linking_to_the_note(register):
    ja = render_markers("計画でした[[claim:ascend-r2]]。", register, NOTES, "ja")
    assert ja.startswith('計画でした[原典・一部正確](chips.md#note-r2-note "')
    assert ja.endswith('{.kb-claim .kb-claim-partly data-claim="ascend-r2" data-search-exclude=""}。')
    en = render_markers("The plan[[claim:ascend-r2]].", register, NOTES, "en")
    assert "[Essay · partly accurate](chips.md#note-r2-note" in en


def test_the_status_table_lists_every_claim_in_fact_check_order(register):
    table = status_table(register, NOTES, "en").splitlines()
    rows = [line for line in table if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 2
    assert rows[0].startswith("| GLM-4.5 is open source. |") and ">accurate<" in rows[0]
    assert "The plan failed. ([editor's note](chips.md#note-r2-note))" in rows[1]
    assert "計画は失敗しました。（[編集部注](chips.md#note-r2-note)）" in status_table(register, NOTES, "ja")
    assert "[Financial Times](https://ft.example.com/a)" in rows[1]


def test_a_claim_may_cite_its_own_sources():
    other = Source("nature", "Nature", "Nature", "https://nature.example.com/x")
    entry = {**DATA["claims"][0], "sources": ["nature"]}
    register, problems = read_claims({"claims": [entry]}, NOTES, {"nature": other})
    assert problems == []
    row = status_table(register, NOTES, "en").splitlines()[-3]
    assert "[Nature](https://nature.example.com/x)" in row and "Financial Times" not in row
