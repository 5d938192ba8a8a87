"""kb_build/search_aliases.py: the alias list's table per language, and its bad input reported
with the file, the entry and the fix (in process, on small inputs and on a project copy)."""
from __future__ import annotations

from kb_build.search_aliases import SearchAliases, normalise, read_aliases
from sitebuild import assert_check_fails

PAGES = {"ja": "ファーウェイの Ascend。DeepSeek。", "en": "Huawei's Ascend. DeepSeek."}


def _read(tmp_path, text: str):
    (tmp_path / "_data").mkdir(exist_ok=True)
    (tmp_path / "_data" / "search-aliases.yml").write_text(text, "utf-8")
    return read_aliases(tmp_path, PAGES)


def test_each_language_searches_for_the_form_its_pages_use(tmp_path):
    aliases, problems = _read(tmp_path, "- {ja: ファーウェイ, en: Huawei, also: [ファーウエイ, 華為]}\n"
                                        "- {ja: DeepSeek, en: DeepSeek, also: [ディープシーク]}\n")
    assert problems == []
    assert aliases.table("ja") == {"ファーウエイ": "ファーウェイ", "ディープシーク": "DeepSeek",
                                   "huawei": "ファーウェイ", "華為": "ファーウェイ"}
    assert aliases.table("en")["ファーウェイ"] == "Huawei" and "huawei" not in aliases.table("en")


def test_names_are_compared_after_nfkc_and_lower_case():
    assert normalise("ＤｅｅｐＳｅｅｋ  Ｒ１") == "deepseek r1"
    assert normalise("ﾌｧｰｳｪｲ") == "ファーウェイ"


def test_no_file_means_no_aliases(tmp_path):
    assert read_aliases(tmp_path, PAGES) == (SearchAliases(), [])


def test_bad_entries_name_the_file_the_entry_and_the_fix(tmp_path):
    _, problems = _read(tmp_path, "- {ja: ファーウエイ, en: Huawei}\n"
                                  "- {jp: DeepSeek}\n"
                                  "- {en: DeepSeek, also: ディープシーク}\n"
                                  "- {en: DeepSeek, also: [Huawei]}\n")
    where = "docs/_data/search-aliases.yml: entry"
    assert problems[0].startswith(f"{where} 1 (ファーウエイ, Huawei): no ja page uses 'ファーウエイ'")
    assert "Write 'ja' as the pages spell it" in problems[0]
    assert problems[1].startswith(f"{where} 2 ({{'jp': 'DeepSeek'}}) must be a mapping with 'ja' and/or 'en'")
    assert problems[2] == f"{where} 3 (DeepSeek): 'also' must be a list, e.g. 'also: [ファーウエイ, 华为]'."
    assert problems[3].startswith(f"{where} 4 (DeepSeek): 'Huawei' is also in entry 1.")
    assert len(problems) == 4


def test_a_file_that_is_not_a_list_is_reported(tmp_path):
    _, problems = _read(tmp_path, "ja: ファーウェイ\n")
    assert problems == ["docs/_data/search-aliases.yml must be a list of entries such as "
                        "'- {ja: ファーウェイ, en: Huawei, also: [ファーウエイ]}'."]
    _, problems = _read(tmp_path, "- [unclosed\n")
    assert problems[0].startswith("docs/_data/search-aliases.yml is not valid YAML")


def test_the_build_checks_report_a_bad_alias_file(project_copy):
    path = project_copy / "docs" / "_data" / "search-aliases.yml"
    path.write_text(path.read_text("utf-8") + "- {en: Huawai}\n", "utf-8")
    assert_check_fails(project_copy, ["docs/_data/search-aliases.yml:", "(Huawai): no en page uses 'Huawai'",
                                      "Write 'en' as the pages spell it, or remove it."])
