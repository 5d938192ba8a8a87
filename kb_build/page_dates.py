"""When each page last changed: the date of the page source's last commit.

Readers of a knowledge base that is edited as events happen want to know how fresh a page
is. The date comes from git (``git log -1`` on the page's own source file, so an English
page shows when its English text last changed) and is written in the page's language by
``dates``. A file that git does not know (a new, uncommitted page, or a copy outside a
repository) has no date rather than a made-up one. The workflows fetch the whole history
(``fetch-depth: 0``) so that deployed pages have their real dates.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from .dates import IsoDate, parse, time_html

LABEL = {"ja": "最終更新：", "en": "Last updated: "}


def last_commit_date(path: Path) -> IsoDate | None:
    """The committer date of the last commit that changed ``path``, or None."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", path.name],
                             cwd=path.parent, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = out.stdout.strip()
    return parse(text) if out.returncode == 0 and text else None


def updated_html(date: IsoDate, language: str) -> str:
    """What Material shows beside its clock icon at the end of the page."""
    return f'{LABEL.get(language, LABEL["en"])}{time_html(date, language)}'
