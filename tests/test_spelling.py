"""English spelling of the site: codespell over the English pages and the README.

Two dictionaries: codespell's own list of common misspellings, and its British-to-American
list read backwards, so that an American form ("centered", "localization") fails: the
English edition uses British spelling throughout (see terminology.md). Words that are
right for this project but flagged by those lists (names, "specialty gases") go in
tests/spelling/words.txt, one per line, no comments.
"""
from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from sitebuild import ROOT

WORDS = ROOT / "tests" / "spelling" / "words.txt"
BUILTIN = "clear,rare,informal"
FOUND_ERRORS = 65  # codespell's exit status when it reports misspellings


def checked_files() -> list[Path]:
    return sorted((ROOT / "docs").glob("*.en.md")) + [ROOT / "README.md"]


@pytest.fixture(scope="module")
def british_dictionary(tmp_path_factory) -> Path:
    """codespell's en-GB -> en-US list reversed: american->british, in codespell's format."""
    source = resources.files("codespell_lib") / "data" / "dictionary_en-GB_to_en-US.txt"
    fixes: dict[str, list[str]] = {}
    for line in source.read_text("utf-8").splitlines():
        british, _, americans = line.partition("->")
        for american in (a.strip() for a in americans.split(",")):
            if american and american != british:
                fixes.setdefault(american, []).append(british.strip())
    path = tmp_path_factory.mktemp("spelling") / "american_to_british.txt"
    path.write_text("".join(f"{us}->{', '.join(gb)}\n" for us, gb in sorted(fixes.items())), "utf-8")
    assert len(fixes) > 400, f"{source} looks truncated: {len(fixes)} entries"
    return path


def codespell(paths, british: Path, word_list: bool = True) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "codespell_lib", "--builtin", BUILTIN, "-D", "-", "-D", str(british)]
    if word_list:
        args += ["-I", str(WORDS)]
    result = subprocess.run(args + [str(p) for p in paths], capture_output=True, text=True)
    assert result.returncode in (0, FOUND_ERRORS), (
        f"codespell did not run (exit {result.returncode}): {result.stderr.strip()}\n"
        "Install the test group: uv sync --locked --group test (codespell is pinned there)."
    )
    return result


def test_english_pages_and_readme_are_spelt_correctly(british_dictionary):
    files = checked_files()
    assert len(files) >= 4, f"expected the English pages and README.md, found {files}"
    result = codespell(files, british_dictionary)
    assert result.returncode == 0, (
        "codespell found misspellings or American spellings:\n" + result.stdout
        + "Fix the word; if it is right for this project, add it to tests/spelling/words.txt."
    )


def test_a_planted_misspelling_fails(tmp_path, british_dictionary):
    page = tmp_path / "planted.en.md"
    page.write_text("# Planted\n\nThe model recieves a prompt.\n", "utf-8")
    result = codespell([page], british_dictionary)
    assert result.returncode == FOUND_ERRORS
    assert f"{page}:3: recieves ==> receives" in result.stdout, result.stdout


def test_an_american_spelling_fails(tmp_path, british_dictionary):
    page = tmp_path / "american.en.md"
    page.write_text("AI centered on people, and the localization of chips.\n", "utf-8")
    result = codespell([page], british_dictionary)
    assert result.returncode == FOUND_ERRORS
    assert "centered ==> centred" in result.stdout and "localization ==> localisation" in result.stdout, result.stdout


def test_project_words_are_accepted_only_through_the_word_list(tmp_path, british_dictionary):
    page = tmp_path / "words.en.md"
    page.write_text("Specialty gases for Qwen, Kimi k1.5 and Doubao 1.5 Pro.\n", "utf-8")
    assert codespell([page], british_dictionary).returncode == 0
    without = codespell([page], british_dictionary, word_list=False)
    assert without.returncode == FOUND_ERRORS and "Specialty ==> Speciality" in without.stdout, without.stdout


def test_word_list_has_no_stale_entries():
    words = [w.strip() for w in WORDS.read_text("utf-8").splitlines()]
    assert all(words), f"{WORDS}: no blank lines (codespell reads every line as a word)"
    text = "\n".join(p.read_text("utf-8") for p in checked_files())
    stale = [w for w in words if w.lower() not in text.lower()]
    assert not stale, f"{WORDS}: no checked file uses {stale}; remove them."
