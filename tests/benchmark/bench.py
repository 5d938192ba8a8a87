"""Benchmark the build and the first view of a page, beside a bare Material build.

Not part of the test suite (timings vary; the tests assert behaviour, not speed). Run it with
the command in README.md. In one run on one machine it:

- builds the same docs several times with this project's full configuration (the kb plugin, i18n,
  glossary, figures, PDFs), with the same configuration without PDFs, and with a bare Material
  configuration (search only), and reports the medians and ratios;
- reports, per language, what a reader's browser transfers on the first view of a typical page
  (compressed bytes by kind, requests), the search index sizes and the size of ``site/``;
- measures how long ``mkdocs serve`` takes to rebuild after one page is edited;
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitebuild import ROOT, copy_project  # noqa: E402

# Environment variable that turns the PDF export off (see mkdocs.yml, plugin to-pdf).
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
    "build_ratio": 1.5,      # full build without PDFs / bare Material build
    "full_build_s": 15.0,    # whole build with both PDFs
    "first_view_kb": 150.0,  # compressed bytes on the first view of a content page
    "requests": 15,
}


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


def build_site(project: Path) -> Path:
    site = project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                   cwd=project, env=env, check=True, capture_output=True)
    return site


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


def incremental_rebuild(project: Path) -> float:
    """Seconds from saving a page to ``mkdocs serve`` having rebuilt the site."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{_free_port()}"],  # livereload watches the files
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: [lines.append(l) for l in proc.stdout], daemon=True).start()
    try:
        _wait_for(lines, "Serving on", 300)
        time.sleep(1)
        page = project / "docs" / "chips.md"
        mark = len(lines)
        start = time.perf_counter()
        page.write_text(page.read_text("utf-8") + "\n追記です。\n", "utf-8")
        _wait_for(lines, "Documentation built in", 300, since=mark)
        return time.perf_counter() - start
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


def report(times, sizes, views, rebuild, scores) -> str:
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
        f"- ratio without PDFs / bare: **{ratio:.2f}** (budget ≤ {BUDGETS['build_ratio']}) "
        + _verdict(ratio <= BUDGETS["build_ratio"]),
        f"- whole build with both PDFs: **{med['full']:.2f} s** (budget < {BUDGETS['full_build_s']:.0f} s) "
        + _verdict(med["full"] < BUDGETS["full_build_s"]),
        f"- PDFs' share of the build: {(med['full'] - med['no_pdf']) / med['full']:.0%}",
        f"- incremental rebuild in `mkdocs serve` after editing one page: {rebuild:.2f} s",
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
    if isinstance(scores, str):
        lines.append(f"Lighthouse did not run: {scores}")
    else:
        lines += ["Lighthouse (mobile, served with gzip on localhost; budget: performance ≥ 95, the rest 100):", "",
                  "| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|"]
        for page, s in scores.items():
            lines.append(f"| `{page}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |")
    return "\n".join(lines) + "\n"


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
    parser.add_argument("--runs", type=int, default=5, help="builds per configuration (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        times = build_times(project, args.runs)
        site = build_site(project)
        sizes = {
            "site": tree_size(site),
            "index_ja": (site / "search" / "search_index.json").stat().st_size,
            "index_en": (site / "en" / "search" / "search_index.json").stat().st_size,
        }
        views = first_views(site)
        scores = lighthouse(site)
        rebuild = incremental_rebuild(project)
    text = report(times, sizes, views, rebuild, scores)
    write(text)
    print(text)


if __name__ == "__main__":
    main()
