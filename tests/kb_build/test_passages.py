"""The essay's grouping cache (kb_build/passages.py), in process on a tiny essay."""
import pytest

from kb_build import passages
from kb_build.passages import Essay, GroupingCache

ESSAY = "見出し\n最初の文です。次の文です。\n—END—\n見出し\n最初の文です。\n—END—\n"


def grouped(essay) -> dict:
    return {gid: [p.id for p in members] for gid, members in essay.groups.items()}


@pytest.fixture()
def essay(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text(ESSAY, "utf-8")
    return path


def test_an_unchanged_essay_is_grouped_once_in_memory_and_on_disk(essay, tmp_path, monkeypatch):
    cache = GroupingCache(tmp_path / "cache")
    first = Essay.read(essay, cache)
    assert grouped(first) == {"G001": ["P001", "P004"], "G002": ["P002", "P005"], "G003": ["P003"]}
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1

    def fail(_):
        raise AssertionError("grouped again")
    monkeypatch.setattr(passages, "group_passages", fail)
    assert grouped(Essay.read(essay, cache)) == grouped(first)  # memory (serve's rebuilds)
    assert grouped(Essay.read(essay, GroupingCache(tmp_path / "cache"))) == grouped(first)  # disk (a new build)


def test_an_edited_essay_or_a_damaged_cache_is_grouped_again(essay, tmp_path):
    cache = GroupingCache(tmp_path / "cache")
    Essay.read(essay, cache)
    essay.write_text(ESSAY.replace("次の文です。", "別の文です。"), "utf-8")
    again = Essay.read(essay, cache)
    assert [p.text for p in again.passages][2] == "別の文です。"
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1, "only the current essay is kept"
    for file in (tmp_path / "cache").glob("*.json"):
        file.write_text("{not json", "utf-8")
    assert grouped(Essay.read(essay, GroupingCache(tmp_path / "cache"))) == grouped(again)


def test_the_key_changes_with_the_rules(monkeypatch, tmp_path):
    before = GroupingCache.key(ESSAY)
    rules = tmp_path / "passages.py"
    rules.write_bytes(open(passages.__file__, "rb").read() + b"\n# a new rule\n")
    monkeypatch.setattr(passages, "__file__", str(rules))
    assert GroupingCache.key(ESSAY) != before
