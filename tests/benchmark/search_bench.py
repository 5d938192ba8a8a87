"""Benchmark the site search as readers meet it: queries typed into the built site in Chromium.

Not part of the test suite (it measures, it does not pass or fail; the tests keep a smaller set
of must-find queries in tests/browser/test_search.py). Run it with the command in README.md.
It:

- types every query of ``search_queries.yml`` (written from the pages: the page, and where it
  matters the section, that must come up) into the search box of the built site, served on
  127.0.0.1, from the home page of the query's language;
- prints and writes top-1 and top-3 per language (the right page first / among the first three
  results; with a section, that section must be among the result's links), per class, and
  every miss with what came up instead;
- reports the bytes a reader downloads for search per language (the index and the worker, raw
  and gzip -6), for this site and for a generated site with 10 times its pages (copies of every
  page, made in a temporary copy of the project, never in ``docs/``);
- writes ``tests/benchmark/search-results.md`` and copies its summary into README.md between
  the ``search-benchmark`` markers.

``--site DIR`` measures a site already built (for example one built from an older commit, to
compare); ``--no-scale`` skips the 10x build.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from browser.browser_install import CHROMIUM_FLAGS, ensure_chromium  # noqa: E402
from browser.search_reader import open_search, search  # noqa: E402
from browser.site_server import serve  # noqa: E402
from sitebuild import ROOT, copy_project  # noqa: E402

QUERIES = HERE / "search_queries.yml"
RESULTS = HERE / "search-results.md"
README = ROOT / "README.md"
MARKERS = ("<!-- search-benchmark:start -->", "<!-- search-benchmark:end -->")
LANGUAGES = {"ja": "", "en": "en/"}  # language -> its home, relative to the site
WORKERS = "assets/javascripts/workers"
SCALE = 10


def build(project: Path, site: Path, strict: bool = True) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_PDF="false")
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    if strict:
        command.insert(4, "--strict")
    proc = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{proc.stdout}{proc.stderr}")


def scaled_project(target: Path, factor: int) -> Path:
    """A copy of the project with ``factor`` times its pages: every page copied factor - 1
    times under a new name (not in the navigation, so the build is not strict)."""
    project = copy_project(target)
    docs = project / "docs"
    for md in sorted(docs.glob("*.md")):
        if md.name.startswith(("glossary.", "index.")):
            continue  # the glossary and home are parsed specially; their copies add nothing new
        for n in range(1, factor):
            (docs / f"copy{n}-{md.name}").write_text(md.read_text("utf-8"), "utf-8")
    for md in sorted(docs.glob("glossary*.md")) + sorted(docs.glob("index*.md")):
        for n in range(1, factor):
            text = md.read_text("utf-8")
            (docs / f"copy{n}-{md.name.replace('index', 'home').replace('glossary', 'terms')}").write_text(text, "utf-8")
    return project


def index_weight(site: Path) -> dict[str, dict[str, int]]:
    """Per language: bytes of its search index and of the worker a reader downloads."""
    worker = site / WORKERS / "kb-search.js"
    workers = [worker, site / WORKERS / "material-search.kb.min.js"] if worker.exists() else \
        sorted((site / WORKERS).glob("search.*.min.js"))
    worker_raw = sum(p.stat().st_size for p in workers)
    worker_gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in workers)
    weight = {}
    for language, home in LANGUAGES.items():
        data = (site / home / "search" / "search_index.json").read_bytes()
        weight[language] = {"index": len(data), "index_gz": len(gzip.compress(data, 6)),
                            "worker": worker_raw, "worker_gz": worker_gz}
    return weight


def hit(results, expected: dict) -> int | None:
    """The rank (1-based) of the expected page (and section), or None."""
    for rank, result in enumerate(results, 1):
        if result.page == expected["home"] + expected["page"] and (
                "section" not in expected or expected["section"] in result.sections):
            return rank
    return None


def run_queries(site: Path, queries: dict) -> dict:
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    found = {}
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), headless=True,
                                             args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route(lambda u: not u.startswith(url), lambda route: route.abort())
        for language, home in LANGUAGES.items():
            open_search(page, url + home)
            for query in queries[language]:
                expected = dict(query, home=home)
                results = search(page, query["q"])
                found[(language, query["q"])] = (expected, hit(results, expected),
                                                 [r.page + (f"#{r.sections[0]}" if r.sections else "")
                                                  for r in results[:3]])
        browser.close()
    return found


def summarise(found: dict, queries: dict) -> dict:
    summary = {}
    for language in LANGUAGES:
        rows = [found[(language, q["q"])] for q in queries[language]]
        ranks = [rank for _, rank, _ in rows]
        by_class = defaultdict(lambda: [0, 0, 0])
        for expected, rank, _ in rows:
            counts = by_class[expected.get("class", "-")]
            counts[0] += 1
            counts[1] += rank == 1
            counts[2] += rank is not None and rank <= 3
        summary[language] = {
            "n": len(rows), "top1": sum(r == 1 for r in ranks),
            "top3": sum(r is not None and r <= 3 for r in ranks),
            "classes": dict(by_class),
            "misses": [(e["q"], e["page"] + (f"#{e['section']}" if "section" in e else ""), rank, got)
                       for e, rank, got in rows if rank != 1],
        }
    return summary


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def report(summary: dict, weights: dict, label: str) -> tuple[str, str]:
    today = dt.date.today().isoformat()
    short = [f"Search benchmark ({label}), {today}: {sum(s['n'] for s in summary.values())} queries "
             "typed into the built site in Chromium.", "",
             "| language | queries | top-1 | top-3 | index KB (gzip) | worker KB (gzip) | index KB at 10x (gzip) |",
             "|---|---|---|---|---|---|---|"]
    for language, s in summary.items():
        w = weights["site"][language]
        scaled = weights.get("scaled", {}).get(language)
        short.append(
            f"| {language} | {s['n']} | {s['top1']} ({100 * s['top1'] / s['n']:.0f} %) | "
            f"{s['top3']} ({100 * s['top3'] / s['n']:.0f} %) | {kb(w['index'])} ({kb(w['index_gz'])}) | "
            f"{kb(w['worker'])} ({kb(w['worker_gz'])}) | "
            + (f"{kb(scaled['index'])} ({kb(scaled['index_gz'])})" if scaled else "not measured") + " |")
    short += ["", "Targets: top-3 ≥ 95 % and top-1 ≥ 85 % in each language."]
    full = ["# Search benchmark results", "", *short, ""]
    for language, s in summary.items():
        full += [f"## {language}: by class", "", "| class | queries | top-1 | top-3 |", "|---|---|---|---|"]
        full += [f"| {c} | {n} | {t1} | {t3} |" for c, (n, t1, t3) in sorted(s["classes"].items())]
        full += ["", f"## {language}: not first ({len(s['misses'])})", ""]
        if s["misses"]:
            full += ["| query | expected | rank | first three results |", "|---|---|---|---|"]
            full += [f"| {q} | {exp} | {rank or 'not in results'} | {', '.join(got) or '(none)'} |"
                     for q, exp, rank, got in s["misses"]]
        full.append("")
    return "\n".join(short), "\n".join(full)


def print_summary(summary: dict) -> None:
    for language, s in summary.items():
        print(f"{language}: top-1 {s['top1']}/{s['n']}, top-3 {s['top3']}/{s['n']}")
        for q, exp, rank, got in s["misses"]:
            print(f"  miss: {q!r} expected {exp}, rank {rank}, got {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build this project)")
    parser.add_argument("--label", default="this branch", help="what the site is, for the report")
    parser.add_argument("--no-scale", action="store_true", help="skip the 10x index weight build")
    parser.add_argument("--no-write", action="store_true", help="print only; write no files")
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text("utf-8"))
    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        site = args.site
        if site is None:
            site = work / "site"
            build(ROOT, site)
        weights = {"site": index_weight(site)}
        if not args.no_scale:
            scaled_site = work / "scaled-site"
            build(scaled_project(work / "scaled", SCALE), scaled_site, strict=False)
            weights["scaled"] = index_weight(scaled_site)
        summary = summarise(run_queries(site, queries), queries)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_summary(summary)
    short, full = report(summary, weights, args.label)
    print(short)
    if args.no_write:
        return
    RESULTS.write_text(full + "\n", "utf-8")
    readme = README.read_text("utf-8")
    start, end = MARKERS
    if start in readme and end in readme:
        readme = re.sub(re.escape(start) + ".*?" + re.escape(end),
                        lambda _: f"{start}\n{short}\n{end}", readme, flags=re.S)
        README.write_text(readme, "utf-8")


if __name__ == "__main__":
    main()
