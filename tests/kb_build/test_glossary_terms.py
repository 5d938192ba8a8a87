"""Glossary term matching (kb_build/glossary_terms.py), in process on small entries."""
import pytest
from bs4 import BeautifulSoup

from kb_build.glossary_entries import Entry
from kb_build.glossary_terms import GlossaryTerms

ENTRIES = [
    Entry("deepseek-r1", "DeepSeek-R1", ("DeepSeek-R1", "R1"), "DeepSeek's reasoning model.", (), "models"),
    Entry("deepseek", "DeepSeek", ("DeepSeek",), "A Chinese AI company.", (), "models"),
    Entry("openai-o1", "OpenAI o1", ("OpenAI o1", "o1"), "OpenAI's reasoning model.", (), "models"),
    Entry("o1-preview", "o1-preview", ("o1-preview",), "The preview of o1.", (), "models"),
]


def marked(html: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(f"<p>{html}</p>", "html.parser")
    GlossaryTerms.of(ENTRIES).mark(soup, "../glossary/", on_glossary=False)
    return [(abbr.get_text(), abbr["title"]) for abbr in soup.find_all("abbr")]


@pytest.mark.parametrize("text, expected", [
    # a term never matches inside a longer hyphenated name
    ("DeepSeek-R1-Lite-Preview came first.", []),
    ("R1-Lite-Preview came first.", []),
    ("Not o1-preview but o1.", [("o1-preview", "The preview of o1."), ("o1", "OpenAI's reasoning model.")]),
    # the longer form wins where it is a term; the short form alone still matches
    ("DeepSeek-R1 was first.", [("DeepSeek-R1", "DeepSeek's reasoning model.")]),
    ("Then R1.", [("R1", "DeepSeek's reasoning model.")]),
    ("DeepSeekのR1は", [("DeepSeek", "A Chinese AI company."), ("R1", "DeepSeek's reasoning model.")]),
    ("o1とo1-previewの違い", [("o1", "OpenAI's reasoning model."), ("o1-preview", "The preview of o1.")]),
])
def test_terms_match_whole_names_only(text, expected):
    assert marked(text) == expected
