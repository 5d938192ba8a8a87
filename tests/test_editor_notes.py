"""Editor's notes: in both languages, in the named section, sourced, dated alike.

The notes come from docs/_data/editor-notes.yml and are inserted by kb_build/editorial_markdown.py.
"""
from __future__ import annotations

import re

import pytest
import yaml

from editorial_html import (
    JAPANESE, check_date, data, is_web_url, page_path, resolve, soup, source_urls,
)
from sitebuild import assert_bad_input_reported

NOTES = data("editor-notes.yml")["notes"]
LABEL = {False: "編集部注", True: "Editor's note"}
HEADING = re.compile(r"^h[1-6]$")


def _note(html_pages, note, english):
    page = soup(html_pages[page_path(note["page"], english)])
    found = page.select(f'div.editor-note[id="note-{note["id"]}"]')
    assert len(found) == 1, f"note-{note['id']} appears {len(found)} times on {page_path(note['page'], english)}"
    return found[0]


def test_the_required_notes_exist():
    ids = {note["id"] for note in NOTES}
    assert len(ids) == len(NOTES), "note ids must be unique"
    # The claims the fact-check rates "partly" or "inaccurate" (rows 1, 2, 4, 5, 10-13) and row 8.
    assert {note["row"] for note in NOTES} >= {1, 2, 4, 5, 8, 10, 11, 12, 13}


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_each_note_sits_at_the_end_of_its_section(html_pages, english):
    for note in NOTES:
        div = _note(html_pages, note, english)
        heading = div.find_previous(HEADING)
        assert heading is not None and heading.get("id") == note["section"], (
            f"note-{note['id']} follows #{heading and heading.get('id')}, not #{note['section']}"
        )
        title = div.select_one(".admonition.note > .admonition-title")
        assert title is not None and title.get_text().startswith(LABEL[english]), (
            f"note-{note['id']}: admonition title {title} does not start with {LABEL[english]!r}"
        )


def test_notes_have_the_same_ids_in_both_languages(html_pages):
    def ids(english):
        return {
            div["id"]
            for slug in {note["page"] for note in NOTES}
            for div in soup(html_pages[page_path(slug, english)]).select("div.editor-note")
        }
    expected = {f"note-{note['id']}" for note in NOTES}
    assert ids(False) == expected
    assert ids(True) == expected


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_each_note_links_its_sources(html_pages, english):
    for note in NOTES:
        div = _note(html_pages, note, english)
        hrefs = [a["href"] for a in div.select("a[href]") if a["href"].startswith(("http:", "https:"))]
        assert hrefs, f"note-{note['id']} has no source link"
        assert hrefs == source_urls(note["sources"]), f"note-{note['id']}: {hrefs}"
        for href in hrefs:
            assert is_web_url(href), f"note-{note['id']}: {href} is not an absolute web address"
        for a in div.select("a[href^='https:']"):
            assert "noopener" in a.get("rel", []), f"note-{note['id']}: {a} lacks rel=noopener"


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_each_note_is_in_the_page_language_with_its_dates(html_pages, english):
    for note in NOTES:
        div = _note(html_pages, note, english)
        text = div.get_text(" ", strip=True)
        if english:
            assert not JAPANESE.search(text), f"note-{note['id']} has Japanese on the English page: {text}"
        else:
            assert JAPANESE.search(text), f"note-{note['id']} is not in Japanese: {text}"
        times = div.select("time")
        assert sorted(t["datetime"] for t in times) == sorted(str(d) for d in note["dates"].values())
        problems = [p for t in times if (p := check_date(t, english))]
        assert not problems, problems


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_figures_that_may_change_say_as_of(html_pages, english):
    for note in NOTES:
        if note["row"] in (7, 8):
            text = _note(html_pages, note, english).get_text()
            assert ("as of" in text) if english else ("時点" in text), note["id"]


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_about_page_states_what_is_the_editors(built_site, html_pages, english):
    rel = page_path("about", english)
    block = soup(html_pages[rel]).select_one(".editorial-status")
    assert block is not None, f"{rel}: no editorial status block"
    checked = block.select_one("time")
    assert checked is not None and checked["datetime"] == str(data("editor-notes.yml")["last_checked"])
    assert check_date(checked, english) is None, check_date(checked, english)
    linked = set()
    for a in block.select("a[href]:not(.glossary-link)"):  # glossary terms link to /glossary/
        file, fragment = resolve(built_site, rel, a["href"])
        assert file.is_file(), f"{rel}: {a['href']} points at no page"
        if fragment:
            assert soup(file).find(id=fragment) is not None, f"{rel}: {a['href']} points at no element"
            linked.add(fragment)
    assert {f for f in linked if f.startswith("note-")} == {f"note-{note['id']}" for note in NOTES}
    assert "claim-status" in linked, f"{rel}: the editorial status does not point at the claim-status table"
    assert any("timeline" in a["href"] for a in block.select("a[href]")), f"{rel}: no link to the timeline"


def _edit_notes(project, change):
    path = project / "docs" / "_data" / "editor-notes.yml"
    content = yaml.safe_load(path.read_text("utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")


def _replace(path, old, new):
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


BAD_INPUTS = {
    "missing-section": (
        lambda p: _edit_notes(p, lambda c: c["notes"][0].update(section="no-such-section")),
        [f"note '{NOTES[0]['id']}'", "section 'no-such-section'", "docs/_data/editor-notes.yml",
         "Set `section:` to one of"],
    ),
    "missing-page": (
        lambda p: _edit_notes(p, lambda c: c["notes"][1].update(page="no-such-page")),
        [f"note '{NOTES[1]['id']}'", "docs/no-such-page.md", "Set `page:`"],
    ),
    "no-source": (
        lambda p: _edit_notes(p, lambda c: c["notes"][2].pop("sources")),
        [f"note '{NOTES[2]['id']}' has no source", "sources: [key]"],
    ),
    "http-source": (
        lambda p: _replace(p / "docs" / "_data" / "sources.yml", "url: https://time.com", "url: time.com"),
        ["docs/_data/sources.yml", "source 'baichuan-time'", "not an absolute https://"],
    ),
    "date-in-prose": (
        lambda p: _edit_notes(p, lambda c: c["notes"][0].update(text_en=c["notes"][0]["text_en"] + " On 9 October 2025.")),
        [f"note '{NOTES[0]['id']}'", "text_en spells out a date"],
    ),
    "about-without-placeholder": (
        lambda p: _replace(p / "docs" / "about.en.md", "<!-- editorial-status -->", ""),
        ["docs/about.en.md has no line '<!-- editorial-status -->'"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_notes_are_reported_clearly(case, project_copy):
    """In process; test_strict_build.py shows that such a problem stops a real build."""
    assert_bad_input_reported(BAD_INPUTS, case, project_copy)
