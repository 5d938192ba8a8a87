"""The repository's sources as the build reads them (``kb_build.site_sources``), for the
tests that look at sources rather than at a built site."""
from __future__ import annotations

from pathlib import Path

from kb_build.languages import Languages
from kb_build.site_sources import SiteSources

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = Languages("ja", ("ja", "en"))
ESSAY = ROOT / "sources" / "essay.ja.txt"


def read(root: Path = ROOT) -> SiteSources:
    return SiteSources.read(root / "docs", root / "sources" / "essay.ja.txt", LANGUAGES)
