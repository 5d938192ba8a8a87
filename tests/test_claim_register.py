"""The claim register on the built site: every disputed claim the pages state carries a badge
that leads to its editor's note, in both languages; the About page lists every claim; and an
unmarked claim stops the build, naming the file, the line and the claim."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import project_sources
from editorial_html import resolve
from kb_build.claims import MARKER, STATUS
from sitebuild import assert_bad_input_reported

LANGUAGES = ("ja", "en")
ABOUT = {"ja": "about/index.html", "en": "en/about/index.html"}


@pytest.fixture(scope="module")
def register():
    return project_sources.read().claims


def _badges(html_pages, language):
    for rel, path in html_pages.items():
        if rel.startswith("en/") != (language == "en") or rel.endswith("404.html"):
            continue
        article = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        for badge in article.select("a.kb-claim") if article else []:
            yield rel, badge


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_badge_leads_to_its_note_and_names_the_status(html_pages, built_site, register, language):
    statuses = {STATUS[c.status][language] for c in register.claims if c.disputed}
    seen = 0
    for rel, badge in _badges(html_pages, language):
        seen += 1
        target, fragment = resolve(built_site, rel, badge["href"])
        claim = register.get(badge.get("data-claim"))
        assert claim is not None and fragment == f"note-{claim.note}", f"{rel}: {badge['href']}"
        note = BeautifulSoup(target.read_text("utf-8"), "html.parser").find(id=fragment)
        assert note is not None and "editor-note" in note.get("class", []), f"{rel}: {badge['href']}"
        assert any(s in badge.get_text() for s in statuses), badge.get_text()
        assert badge.get("title") and badge.has_attr("data-search-exclude")
    assert seen >= 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_disputed_claim_is_stated_somewhere_with_its_badge(html_pages, register, language):
    """The essay states each claim, so the site must too (once, marked): a claim that no page
    marks has been dropped or restated without its marker."""
    marked = {badge.get("data-claim") for _, badge in _badges(html_pages, language)}
    missing = [c.id for c in register.claims if c.disputed and c.id not in marked]
    assert not missing, f"claims with no badge in the {language} site: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_about_lists_every_claim_with_status_record_note_and_source(html_pages, built_site, register, language):
    soup = BeautifulSoup(html_pages[ABOUT[language]].read_text("utf-8"), "html.parser")
    table = soup.select_one(".kb-claim-register table")
    rows = table.select("tbody tr")
    assert len(rows) == len(register.claims)
    for claim, row in zip(sorted(register.claims, key=lambda c: c.row), rows):
        cells = row.find_all("td")
        assert " ".join(cells[0].get_text().split()) == claim.claim(language)
        assert cells[1].get_text().strip() == STATUS[claim.status][language]
        note_link = cells[2].find("a", href=re.compile("#note-"))
        target, fragment = resolve(built_site, ABOUT[language], note_link["href"])
        assert BeautifulSoup(target.read_text("utf-8"), "html.parser").find(id=fragment) is not None
        assert cells[3].find("a", href=re.compile(r"^https?://"))


def test_no_marker_is_left_unrendered(html_pages):
    offenders = [rel for rel, path in html_pages.items() if "[[claim:" in path.read_text("utf-8")]
    assert not offenders


def _drop_first_marker(project: Path) -> tuple[str, int, str]:
    for path in sorted((project / "docs").glob("*.md")):
        lines = path.read_text("utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if match := MARKER.search(line):
                lines[number - 1] = line.replace(match.group(0), "", 1)
                path.write_text("\n".join(lines) + "\n", "utf-8")
                return f"docs/{path.name}", number, match.group(1)
    raise AssertionError("no page has a claim marker")


def test_an_unmarked_claim_stops_the_build_naming_file_line_and_claim(project_copy):
    where = {}

    def breaker(project):
        where["file"], where["line"], where["claim"] = _drop_first_marker(project)

    bad = {"unmarked": (breaker, [])}
    output = assert_bad_input_reported(bad, "unmarked", project_copy)
    assert f"{where['file']}:{where['line']}: states the claim '{where['claim']}'" in output
    assert f"add [[claim:{where['claim']}]]" in output


def test_a_claim_in_a_glossary_definition_stops_the_build(project_copy):
    def breaker(project):
        path = project / "docs" / "glossary.en.md"
        text = path.read_text("utf-8")
        heading = re.search(r"^### .*\{#cambricon[^}]*\}\n\n", text, re.M)
        path.write_text(text[:heading.end()] + "Its customers include Alibaba and Tencent. "
                        + text[heading.end():], "utf-8")

    bad = {"glossary": (breaker, ["docs/glossary.en.md:", "the glossary definition states the claim "
                                  "'cambricon-customers'", "link there"])}
    assert_bad_input_reported(bad, "glossary", project_copy)
