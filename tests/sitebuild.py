"""Build the site (or a modified copy of it) the way authors and CI do.

Always ``mkdocs build --strict`` at default verbosity: with ``-q`` or ``-v`` MkDocs 1.6
lets broken links and anchors through.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
# What a build reads: copied for tests that break something on purpose.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "sources"]  # the plugin is installed (kb_build)




def _root_site_url() -> str:
    """The address the session's main build (``built_site``) is for: the environment's
    SITE_URL, as the build reads it (CI sets the published address), else mkdocs.yml's
    default."""
    return os.environ.get("SITE_URL") or read_mkdocs_yml()["site_url"]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def build(project: Path, site: Path, env: dict | None = None) -> BuildResult:
    """Run a strict build of ``project`` into ``site``; never raises on failure."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def copy_project(target: Path) -> Path:
    """A throw-away copy of everything the build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def assert_build_fails(project: Path, site: Path, expected: list[str], case: str = "",
                       env: dict | None = None) -> BuildResult:
    """Build a deliberately broken copy: it must fail, and its output must hold every
    fragment of ``expected`` (the file, the culprit and the fix)."""
    result = build(project, site, env)
    label = f"{case}: " if case else ""
    assert result.returncode != 0, f"{label}strict build passed:\n{result.output}"
    for fragment in expected:
        assert fragment in result.output, f"{label}{fragment!r} not in:\n{result.output}"
    return result


class _IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: ``!ENV [NAME, default]`` gives its default."""


_IgnoreTags.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
    if isinstance(node, yaml.SequenceNode) else None)


def read_mkdocs_yml(project: Path = ROOT) -> dict:
    """mkdocs.yml as data, its ``!ENV`` values at their defaults."""
    return yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTags)


def check_output(project: Path) -> str:
    """What the build's checks (kb_build/checks.py) report for ``project``, word for word as
    a build prints it; '' when they find nothing. In process: no site is built."""
    from mkdocs.exceptions import PluginError

    import project_sources
    from kb_build import checks

    config = read_mkdocs_yml(project)
    redirects = {str(k): str(v) for k, v in ((config.get("extra") or {}).get("redirects") or {}).items()}
    try:
        checks.raise_problems(checks.build_problems(project_sources.read(project), redirects))
    except PluginError as error:
        return str(error)
    return ""


def assert_check_fails(project: Path, expected: list[str], case: str = "") -> str:
    """The checks must find a problem in a deliberately broken copy, and their message must
    hold every fragment of ``expected`` (the file, the culprit and the fix)."""
    output = check_output(project)
    label = f"{case}: " if case else ""
    assert output, f"{label}the checks found nothing"
    for fragment in expected:
        assert fragment in output, f"{label}{fragment!r} not in:\n{output}"
    return output


def assert_bad_input_reported(bad_inputs: dict, case: str, project: Path) -> str:
    """Apply the breaker of ``bad_inputs[case]`` (a ``(breaker, expected fragments)`` pair) to
    ``project`` and check that the checks report it with every fragment."""
    breaker, expected = bad_inputs[case]
    breaker(project)
    return assert_check_fails(project, expected, case)


SITE_URL = _root_site_url()
SITE_PATH = urlsplit(SITE_URL).path  # '/' for a root deployment
