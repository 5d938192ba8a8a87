"""Find or install a Chromium for the browser tests, so a fresh machine needs nothing by hand.

Order: a browser Playwright already downloaded, Debian's ``/usr/bin/chromium``, Playwright's own
download (``playwright install chromium``, bounded: it cannot reach its CDN on machines whose
network only reaches the package registries), then Debian's ``chromium`` package when running
as root. Otherwise fail with a message that says what to install; never skip.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Headless, and nothing that would call home (see the toolchain findings).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
PLAYWRIGHT_DOWNLOAD_TIMEOUT = 120  # seconds
APT_TIMEOUT = 900  # seconds

HOW_TO_INSTALL = (
    "No Chromium for the browser tests. Install one, then rerun:\n"
    "  - Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium\n"
    "  - or, with internet access: uv run --locked --group test python -m playwright install chromium"
)


def playwright_chromium() -> Path | None:
    """The Chromium that ``playwright install`` puts in its cache, if it is there."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        path = Path(p.chromium.executable_path)
    return path if path.exists() else None


def ensure_chromium() -> Path:
    """A Chromium executable; installs one if needed, or fails saying what to install."""
    found = playwright_chromium() or (DEBIAN_CHROMIUM if DEBIAN_CHROMIUM.exists() else None)
    if found:
        return found
    log = []
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            capture_output=True, text=True, timeout=PLAYWRIGHT_DOWNLOAD_TIMEOUT,
        )
        log.append(f"playwright install chromium -> exit {proc.returncode}\n{proc.stderr[-1500:]}")
    except subprocess.TimeoutExpired:
        log.append(f"playwright install chromium: no answer in {PLAYWRIGHT_DOWNLOAD_TIMEOUT} s")
    found = playwright_chromium()
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        wait_for_lock = ["-o", f"DPkg::Lock::Timeout={APT_TIMEOUT}"]  # another apt may be running
        for command in (
            ["apt-get", *wait_for_lock, "update"],
            ["apt-get", *wait_for_lock, "install", "-y", "chromium"],
        ):
            proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=APT_TIMEOUT)
            log.append(f"{' '.join(command)} -> exit {proc.returncode}\n{proc.stderr[-1500:]}")
            if proc.returncode != 0:
                break
        if DEBIAN_CHROMIUM.exists():
            return DEBIAN_CHROMIUM
    raise AssertionError(HOW_TO_INSTALL + "\n\nWhat was tried:\n" + "\n".join(log))
