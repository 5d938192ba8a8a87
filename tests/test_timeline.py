"""The timeline: every event of docs/_data/timeline.yml, oldest first, in both languages,
one entry per event under a heading per year, each linked to the section that discusses it and
to its source (kb_build/editorial_markdown.py)."""
from __future__ import annotations

import pytest
import yaml

from editorial_html import (
    JAPANESE, check_date, data, is_web_url, page_path, resolve, soup, source_urls,
)
from sitebuild import assert_bad_input_reported

EVENTS = data("timeline.yml")["events"]


def _timeline(html_pages, english):
    page = soup(html_pages[page_path("timeline", english)])
    timeline = page.select_one(".kb-timeline")
    assert timeline is not None, "the timeline is missing"
    return timeline


def _entries(html_pages, english):
    entries = _timeline(html_pages, english).select("li.kb-timeline__event")
    assert entries, "the timeline has no entries"
    return entries


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_timeline_has_every_event_oldest_first(html_pages, english):
    entries = _entries(html_pages, english)
    assert not _timeline(html_pages, english).find("table"), "the timeline is still a table"
    assert sorted(e["id"] for e in entries) == sorted(f"event-{e['id']}" for e in EVENTS)
    times = [entry.select_one(".kb-timeline__date time") for entry in entries]
    assert all(times), "a timeline entry has no <time>"
    dates = [t["datetime"] for t in times]
    # "2023-04" (month only) sorts before "2023-04-05": the order the page uses.
    assert dates == sorted(dates), f"not oldest first: {dates}"
    by_id = {f"event-{e['id']}": e for e in EVENTS}
    for entry, time in zip(entries, times):
        assert time["datetime"] == str(by_id[entry["id"]]["date"]), time
        assert check_date(time, english) is None, check_date(time, english)


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_events_are_grouped_under_a_heading_per_year(html_pages, english):
    """Each year is a heading with the stable id year-YYYY (in the link manifest), in the
    page's table of contents and in the strip of year links; its list holds that year's events."""
    timeline = _timeline(html_pages, english)
    years = sorted({str(e["date"])[:4] for e in EVENTS})
    headings = timeline.select("h3")
    assert [h["id"] for h in headings] == [f"year-{y}" for y in years]
    for heading, year in zip(headings, years):
        label = heading.find(string=True, recursive=False).strip()
        assert label == (year if english else f"{year}年"), label
        listed = heading.find_next_sibling("ol").select("li.kb-timeline__event time")
        assert listed and all(t["datetime"].startswith(year) for t in listed), (year, listed)
    jumps = [a["href"] for a in timeline.select("nav.kb-timeline__years a")]
    assert jumps == [f"#year-{y}" for y in years]
    toc = soup(html_pages[page_path("timeline", english)]).select(".md-nav--secondary a[href^='#year-']")
    # (Material writes the page's contents twice: in the drawer and in the right sidebar.)
    assert list(dict.fromkeys(a["href"] for a in toc)) == [f"#year-{y}" for y in years], (
        "the years are not in the page's contents")


def test_both_languages_list_the_same_events_in_the_same_order(html_pages):
    ja = [entry["id"] for entry in _entries(html_pages, False)]
    en = [entry["id"] for entry in _entries(html_pages, True)]
    assert ja == en
    years = {english: [h["id"] for h in _timeline(html_pages, english).select("h3")]
             for english in (False, True)}
    assert years[False] == years[True]


@pytest.mark.parametrize("english", [False, True], ids=["ja", "en"])
def test_each_event_links_its_section_and_source(built_site, html_pages, english):
    rel = page_path("timeline", english)
    by_id = {f"event-{e['id']}": e for e in EVENTS}
    for entry in _entries(html_pages, english):
        event = by_id[entry["id"]]
        text = entry.select_one(".kb-timeline__text").get_text()
        assert bool(JAPANESE.search(text)) != english, f"{event['id']}: wrong language: {text}"
        internal = entry.select(".kb-timeline__where a[href]")
        assert len(internal) == 1, f"{event['id']}: expected one link to a page"
        file, fragment = resolve(built_site, rel, internal[0]["href"])
        assert file == built_site / page_path(event["page"], english), (
            f"{event['id']}: {internal[0]['href']} is not the {event['page']} page"
        )
        assert file.is_file(), f"{event['id']}: {internal[0]['href']} points at no page"
        assert fragment == event["section"] and soup(file).find(id=fragment), (
            f"{event['id']}: #{fragment} is not a section of {file}"
        )
        sources = [a["href"] for a in entry.select(".kb-timeline__source a[href]")]
        assert sources, f"{event['id']} has no source"
        assert sources == source_urls(event["sources"])
        assert all(is_web_url(url) for url in sources), sources


def test_timeline_is_in_the_navigation_after_japan_strategy(html_pages):
    for english, label in ((False, "年表"), (True, "Timeline")):
        page = soup(html_pages[page_path("index", english).replace("index/index.html", "index.html")])
        links = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary > ul > li > a")]
        links = links or [a.get_text(strip=True) for a in page.select(".md-tabs__link")]
        assert label in links, f"{label} not in the navigation: {links}"
        strategy = "日本の戦略" if not english else "Japan's strategy"
        assert links.index(label) == links.index(strategy) + 1, links


def _edit_events(project, change):
    path = project / "docs" / "_data" / "timeline.yml"
    content = yaml.safe_load(path.read_text("utf-8"))
    change(content["events"])
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")


BAD_INPUTS = {
    "no-source": (
        lambda p: _edit_events(p, lambda ev: ev[3].pop("sources")),
        ["docs/_data/timeline.yml", f"event '{EVENTS[3]['id']}' has no source", "sources: [key]"],
    ),
    "empty-source": (
        lambda p: _edit_events(p, lambda ev: ev[4].update(sources=[])),
        [f"event '{EVENTS[4]['id']}' has no source"],
    ),
    "unknown-source": (
        lambda p: _edit_events(p, lambda ev: ev[5].update(sources=["no-such-source"])),
        [f"event '{EVENTS[5]['id']}'", "source 'no-such-source' is not in docs/_data/sources.yml"],
    ),
    "missing-section": (
        lambda p: _edit_events(p, lambda ev: ev[0].update(section="gone")),
        [f"event '{EVENTS[0]['id']}'", "section 'gone'", "Set `section:` to one of"],
    ),
    "precision-mismatch": (
        lambda p: _edit_events(p, lambda ev: ev[0].update(precision="month")),
        [f"event '{EVENTS[0]['id']}'", "precision is 'month'"],
    ),
    "bad-date": (
        lambda p: _edit_events(p, lambda ev: ev[1].update(date="2025-02-30")),
        [f"event '{EVENTS[1]['id']}'", "date:"],
    ),
    "page-without-placeholder": (
        lambda p: (p / "docs" / "timeline.md").write_text(
            (p / "docs" / "timeline.md").read_text("utf-8").replace("<!-- timeline -->", ""), "utf-8"),
        ["docs/timeline.md has no line '<!-- timeline -->'"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_timeline_input_is_reported_clearly(case, project_copy):
    """In process; test_strict_build.py shows that such a problem stops a real build."""
    assert_bad_input_reported(BAD_INPUTS, case, project_copy)
