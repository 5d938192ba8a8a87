"""Benchmark the build and the first view of a page, beside a bare Material build.

Not part of the test suite (timings vary; the tests assert behaviour, not speed). Run it with
the command in README.md. In one run on one machine it:

- builds the same docs several times with this project's full configuration (the kb plugin, i18n,
  glossary, figures, PDFs), with the same configuration without PDFs, and with a bare Material
  configuration (search only), and reports the medians and ratios;
- reports, per language, what a reader's browser transfers on the first view of a typical page
  (compressed bytes by kind, requests), the search index sizes and the size of ``site/``;
- checks that the PDFs rendered in parallel equal a serial build's (text, pages, outline);
- measures how long ``mkdocs serve`` (and ``serve --dirty``) takes from saving a page to
  serving it;
- builds the site at 5 and 20 times today's pages (generated in a temporary copy, never in
  ``docs/``) and reports build time, PDF time, output size, index bytes and first-view bytes;
- with ``--suite``, times the README's test command on a clean clone;
- checks the budgets and writes everything to ``tests/benchmark/results.md``, whose summary is
  also copied into README.md between the ``benchmark`` markers.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitebuild import ROOT, copy_project  # noqa: E402

# Environment variable that turns the PDF export off (see mkdocs.yml, plugin kb-pdf).
NO_PDF_ENV = {"KB_PDF": "false"}
BARE_CONFIG = """\
site_name: bare
docs_dir: docs
theme:
  name: material
plugins:
  - search
"""
TYPICAL_PAGE = "chips/"
BUDGETS = {
    "build_ratio": 2.0,      # full build without PDFs / bare Material build of the same docs
    "full_build_s": 7.0,     # whole build with both PDFs
    "rebuild_s": 1.0,        # mkdocs serve: edit saved -> page rebuilt
    "suite_s": 150.0,        # the README's test command on a clean clone
    "first_view_kb": 150.0,  # compressed bytes on the first view of a content page
    "requests": 15,
}
SCALES = (1, 5, 20)  # content sizes measured: today's pages, 5 and 20 times as many
TOPIC_PAGES = ("models", "chips", "ecosystem", "japan-strategy")


def timed_build(project: Path, config: str, env: dict | None = None) -> float:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, "--site-dir", str(site)],
        cwd=project, env=full_env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{proc.stdout}{proc.stderr}")
    shutil.rmtree(site, ignore_errors=True)
    return elapsed


def build_times(project: Path, runs: int) -> dict[str, list[float]]:
    (project / "bare.yml").write_text(BARE_CONFIG, "utf-8")
    times: dict[str, list[float]] = {"full": [], "no_pdf": [], "bare": []}
    for _ in range(runs):  # interleaved, so that machine noise hits all three alike
        times["full"].append(timed_build(project, "mkdocs.yml"))
        times["no_pdf"].append(timed_build(project, "mkdocs.yml", NO_PDF_ENV))
        times["bare"].append(timed_build(project, "bare.yml"))
    return times


def build_site(project: Path, env: dict | None = None) -> Path:
    site = project / "site"
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                   cwd=project, env=full_env, check=True, capture_output=True)
    return site


def pdf_equivalence(project: Path) -> str:
    """Parallel and serial PDF rendering of the same commit: same text, pages and outline?"""
    from pypdf import PdfReader

    def outline(reader):
        found = []

        def walk(items, depth=0):
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((depth, item.title))
        walk(reader.outline)
        return found

    sites = {}
    for mode, env in (("parallel", {}), ("serial", {"KB_PDF_PARALLEL": "false"})):
        site = Path(tempfile.mkdtemp(prefix=f"bench-{mode}-"))
        full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                       cwd=project, env=full_env, check=True, capture_output=True)
        sites[mode] = site
    verdicts = []
    for language in ("ja", "en"):
        a, b = (PdfReader(sites[m] / "pdf" / f"kb-{language}.pdf") for m in ("parallel", "serial"))
        same = (len(a.pages) == len(b.pages) and outline(a) == outline(b)
                and [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages])
        verdicts.append(f"{language}: {len(a.pages)} pages, " + ("same text, pages and outline" if same else "DIFFERENT"))
    for site in sites.values():
        shutil.rmtree(site, ignore_errors=True)
    return "; ".join(verdicts)


def scaled_project(source: Path, target: Path, factor: int) -> Path:
    """A copy of the project with ``factor`` times today's pages per language: the topic
    pages repeated under new slugs (same text, so every check still passes), added to nav."""
    project = copy_project(target) if source == ROOT else Path(shutil.copytree(source, target))
    docs = project / "docs"
    pages = len(list(docs.glob("*.en.md")))
    extra = pages * factor - pages
    added = []
    for index in range(extra):
        slug = TOPIC_PAGES[index % len(TOPIC_PAGES)]
        copy = f"{slug}-copy-{index // len(TOPIC_PAGES) + 2}"
        for suffix in (".md", ".en.md"):
            text = (docs / f"{slug}{suffix}").read_text("utf-8")
            text = re.sub(r"^title: (.*)$", lambda m: f"title: {m[1]} ({copy})", text, count=1, flags=re.M)
            (docs / f"{copy}{suffix}").write_text(text, "utf-8")
        added.append(f"  - {copy}.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - about.md\n", "  - about.md\n" + "".join(f"{a}\n" for a in added), 1), "utf-8")
    return project


def suite_time() -> float:
    """Seconds for the README's test command on a clean clone of this repository."""
    command = re.search(r"<!-- test-command -->\s*```sh\n(.+?)\n```", (ROOT / "README.md").read_text("utf-8"), re.S)[1]
    with tempfile.TemporaryDirectory(prefix="bench-clone-") as tmp:
        subprocess.run(["git", "clone", "-q", str(ROOT), tmp], check=True)
        start = time.perf_counter()
        proc = subprocess.run(["bash", "-c", command], cwd=tmp, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"the test suite failed on a clean clone:\n{proc.stdout[-3000:]}")
    return elapsed


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: text compressed with gzip when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects /dir to /dir/
            path = path / "index.html"
        compressible = path.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_views(site: Path) -> dict[str, dict]:
    """What Chromium transfers on the first view of the typical page, per language."""
    sys.path.insert(0, str(HERE.parent / "browser"))
    from playwright.sync_api import sync_playwright
    from browser_install import CHROMIUM_FLAGS, ensure_chromium  # the browser tests' launcher

    executable = ensure_chromium()  # before sync_playwright: it starts a Playwright of its own
    server, base = serve(site)
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS)
            for language, prefix in (("ja", ""), ("en", "en/")):
                context = browser.new_context()
                page = context.new_page()
                responses = []
                page.on("response", lambda r: responses.append(r))
                page.goto(base + prefix + TYPICAL_PAGE, wait_until="networkidle")
                page.wait_for_timeout(500)
                by_kind: dict[str, int] = {}
                urls = []
                for response in responses:
                    try:
                        body = response.body()
                    except Exception:  # redirects and aborted requests have no body
                        continue
                    kind = _kind(response.url, response.headers.get("content-type", ""))
                    size = len(body) if kind in ("font", "image") else len(gzip.compress(body, 6))
                    by_kind[kind] = by_kind.get(kind, 0) + size
                    urls.append(response.url)
                results[language] = {
                    "requests": len(responses),
                    "bytes": by_kind,
                    "total": sum(by_kind.values()),
                    "segmenter": any(re.search(r"tinyseg|lunr\.ja", u) for u in urls),
                }
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def _kind(url: str, content_type: str) -> str:
    if "html" in content_type:
        return "html"
    if url.endswith(".css") or "css" in content_type:
        return "css"
    if url.endswith(".js") or "javascript" in content_type:
        return "js"
    if re.search(r"\.(woff2?|ttf|otf)$", url):
        return "font"
    if re.search(r"\.(png|jpe?g|svg|gif|webp|ico)$", url):
        return "image"
    return "other"


LIGHTHOUSE_PAGES = ["", "chips/", "en/", "en/chips/"]


def lighthouse(site: Path) -> dict[str, dict] | str:
    """Lighthouse category scores (mobile, the default form factor), or why it could not run."""
    sys.path.insert(0, str(HERE.parent / "browser"))
    from browser_install import ensure_chromium
    from node_tools import ensure_installed

    ensure_installed(HERE)
    server, base = serve(site)
    scores = {}
    try:
        for page in LIGHTHOUSE_PAGES:
            proc = subprocess.run(
                [str(HERE / "node_modules" / ".bin" / "lighthouse"), base + page, "--quiet",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                 "--disable-component-update --disable-sync --no-first-run",
                 "--only-categories=performance,accessibility,best-practices,seo",
                 "--output=json", "--output-path=stdout"],
                env=dict(os.environ, CHROME_PATH=str(ensure_chromium())),
                capture_output=True, text=True, timeout=300,
            )
            if proc.returncode != 0:
                return f"lighthouse exited {proc.returncode}: {proc.stderr[-500:]}"
            report = json.loads(proc.stdout)
            scores["/" + page] = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    finally:
        server.shutdown()
    return scores


def incremental_rebuild(project: Path, dirty: bool = False) -> float:
    """Seconds from saving a page to ``mkdocs serve`` serving the edited page (``dirty``:
    ``mkdocs serve --dirty``, which rebuilds only the changed page)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    proc = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    threading.Thread(target=lambda: [lines.append(l) for l in proc.stdout], daemon=True).start()
    try:
        _wait_for(lines, "Serving on", 600)
        time.sleep(1)
        page = project / "docs" / "chips.md"
        marker = f"追記です{time.time_ns()}。"
        start = time.perf_counter()
        page.write_text(page.read_text("utf-8") + f"\n{marker}\n", "utf-8")
        deadline = start + 120
        while time.perf_counter() < deadline:
            if any("ERROR" in line or "Aborted" in line for line in lines):
                raise SystemExit("mkdocs serve failed to rebuild:\n" + "".join(lines[-30:]))
            try:
                with urlopen(f"http://127.0.0.1:{port}/chips/", timeout=5) as response:
                    if marker in response.read().decode("utf-8"):
                        return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("mkdocs serve never served the edited page:\n" + "".join(lines[-30:]))
    finally:
        proc.terminate()
        proc.wait(10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(lines: list[str], text: str, timeout: float, since: int = 0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if any(text in line for line in lines[since:]):
            return
        time.sleep(0.05)
    raise SystemExit(f"mkdocs serve did not print {text!r}:\n" + "".join(lines[-30:]))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def report(times, sizes, views, rebuilds, scores, equivalence, scales, suite) -> str:
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["no_pdf"] / med["bare"]
    lines = [
        f"Measured {dt.date.today().isoformat()} on {machine()}; medians of {len(times['full'])} runs.",
        "",
        "| build | median (s) | runs (s) |",
        "|---|---|---|",
    ]
    names = {"full": "full site with both PDFs", "no_pdf": "full site without PDFs", "bare": "bare Material (search only)"}
    for key in ("full", "no_pdf", "bare"):
        lines.append(f"| {names[key]} | {med[key]:.2f} | {', '.join(f'{t:.2f}' for t in times[key])} |")
    lines += [
        "",
        "| what | measured | target |",
        "|---|---|---|",
        f"| build without PDFs / bare Material | **{ratio:.2f}×** | ≤ {BUDGETS['build_ratio']}× {_verdict(ratio <= BUDGETS['build_ratio'])} |",
        f"| whole build with both PDFs | **{med['full']:.2f} s** | ≤ {BUDGETS['full_build_s']:.0f} s {_verdict(med['full'] <= BUDGETS['full_build_s'])} |",
        f"| `mkdocs serve`: edit saved → page served | **{rebuilds['serve']:.2f} s** | ≤ {BUDGETS['rebuild_s']:.1f} s {_verdict(rebuilds['serve'] <= BUDGETS['rebuild_s'])} |",
        f"| `mkdocs serve --dirty`: edit saved → page served | **{rebuilds['dirty']:.2f} s** (works) | works |",
        ("| README's test command, clean clone | not measured in this run (`--suite`) | ≤ 150 s |" if suite is None else
         f"| README's test command, clean clone | **{suite:.0f} s** | ≤ {BUDGETS['suite_s']:.0f} s {_verdict(suite <= BUDGETS['suite_s'])} |"),
        "",
        f"- PDFs' share of the build: {(med['full'] - med['no_pdf']) / med['full']:.0%}; "
        f"parallel PDFs against a serial build of the same commit: {equivalence}",
        f"- whole `site/`: {sizes['site'] / 1024:.0f} KB; search index ja {sizes['index_ja'] / 1024:.0f} KB, en {sizes['index_en'] / 1024:.0f} KB",
        "",
        f"First view of `{TYPICAL_PAGE}` (compressed bytes as gzip -6; fonts and images as stored):",
        "",
        "| language | requests | HTML | CSS | JS | fonts | images | other | total KB | Japanese segmenter |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for language, view in views.items():
        b = view["bytes"]
        cells = [f"{b.get(k, 0) / 1024:.1f}" for k in ("html", "css", "js", "font", "image", "other")]
        total_kb = view["total"] / 1024
        ok = total_kb <= BUDGETS["first_view_kb"] and view["requests"] <= BUDGETS["requests"]
        lines.append(
            f"| {language} | {view['requests']} | {' | '.join(cells)} | {total_kb:.1f} {_verdict(ok)} | "
            f"{'loaded' if view['segmenter'] else 'not loaded'} |"
        )
    lines += ["", f"Budgets: ≤ {BUDGETS['first_view_kb']:.0f} KB and ≤ {BUDGETS['requests']} requests per first view; "
              "English pages must not load the Japanese segmenter.", ""]
    lines += ["Scale: the same site with 5 and 20 times today's pages (the topic pages repeated under new "
              "slugs, in a temporary copy; one build each):", "",
              "| pages per language | build without PDFs (s) | per page (ms) | PDFs (s) | PDF pages ja / en | `site/` (KB) | search index ja / en (KB) | first view ja / en (KB) |",
              "|---|---|---|---|---|---|---|---|"]
    for row in scales:
        lines.append(
            f"| {row['pages']} | {row['build']:.2f} | {1000 * row['build'] / row['pages']:.0f} | {row['pdf']:.2f} | "
            f"{row['pdf_pages']['ja']} / {row['pdf_pages']['en']} | {row['site'] / 1024:.0f} | "
            f"{row['index']['ja'] / 1024:.0f} / {row['index']['en'] / 1024:.0f} | "
            f"{row['view']['ja'] / 1024:.1f} / {row['view']['en'] / 1024:.1f} |")
    lines.append("")
    if isinstance(scores, str):
        lines.append(f"Lighthouse did not run: {scores}")
    else:
        lines += ["Lighthouse (mobile, served with gzip on localhost; budget: performance ≥ 95, the rest 100):", "",
                  "| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|"]
        for page, s in scores.items():
            lines.append(f"| `{page}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |")
    return "\n".join(lines) + "\n"


def scale_rows(base: Path, tmp: Path) -> list[dict]:
    """Build time, PDF time, sizes and first-view bytes at each of SCALES."""
    from pypdf import PdfReader

    rows = []
    for factor in SCALES:
        project = scaled_project(base, tmp / f"scale-{factor}", factor) if factor > 1 else base
        pages = len(list((project / "docs").glob("*.en.md")))
        no_pdf = timed_build(project, "mkdocs.yml", NO_PDF_ENV)
        start = time.perf_counter()
        site = build_site(project, {})
        full = time.perf_counter() - start
        views = first_views(site)
        rows.append({
            "pages": pages, "build": no_pdf, "pdf": max(full - no_pdf, 0.0), "site": tree_size(site),
            "pdf_pages": {l: len(PdfReader(site / "pdf" / f"kb-{l}.pdf").pages) for l in ("ja", "en")},
            "index": {"ja": (site / "search" / "search_index.json").stat().st_size,
                      "en": (site / "en" / "search" / "search_index.json").stat().st_size},
            "view": {l: v["total"] for l, v in views.items()},
        })
        shutil.rmtree(site, ignore_errors=True)
    return rows


def _verdict(ok: bool) -> str:
    return "(within budget)" if ok else "(OVER BUDGET)"


def write(text: str) -> None:
    (HERE / "results.md").write_text("# Benchmark results\n\n" + text, "utf-8")
    readme = ROOT / "README.md"
    content = readme.read_text("utf-8")
    start, end = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
    if start in content and end in content:
        head, rest = content.split(start, 1)
        _, tail = rest.split(end, 1)
        readme.write_text(f"{head}{start}\n{text}{end}{tail}", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per configuration (default 3)")
    parser.add_argument("--suite", action="store_true", help="also time the README's test command on a clean clone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        times = build_times(project, args.runs)
        equivalence = pdf_equivalence(project)
        site = build_site(project)
        sizes = {
            "site": tree_size(site),
            "index_ja": (site / "search" / "search_index.json").stat().st_size,
            "index_en": (site / "en" / "search" / "search_index.json").stat().st_size,
        }
        views = first_views(site)
        scores = lighthouse(site)
        shutil.rmtree(site, ignore_errors=True)
        scales = scale_rows(project, Path(tmp))
        rebuilds = {"serve": incremental_rebuild(project), "dirty": incremental_rebuild(project, dirty=True)}
    suite = suite_time() if args.suite else None
    text = report(times, sizes, views, rebuilds, scores, equivalence, scales, suite)
    write(text)
    print(text)


if __name__ == "__main__":
    main()
