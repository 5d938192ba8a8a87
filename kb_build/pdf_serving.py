"""Keep ``mkdocs serve`` fast: render the PDFs on its first build only, and keep them.

Rendering both PDFs is most of a build. ``mkdocs serve`` renders them once, copies them
aside, and after every later rebuild (with the PDF plugin switched off) puts them back, so
an edit shows in seconds and the header's PDF link keeps working; restart the server to
refresh the PDFs. The copies live in a temporary folder owned by the plugin instance, which
MkDocs keeps for the whole serve process.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class ServedPdfs:
    def __init__(self):
        self.stash: Path | None = None

    @property
    def kept(self) -> bool:
        """True once a first build's PDFs are kept (later builds should not render them)."""
        return self.stash is not None and any(self.stash.glob("*.pdf"))

    def keep(self, pdf_dir: Path) -> None:
        if pdf_dir.is_dir() and any(pdf_dir.glob("*.pdf")):
            self.stash = Path(tempfile.mkdtemp(prefix="kb-serve-pdf-"))
            shutil.copytree(pdf_dir, self.stash, dirs_exist_ok=True)

    def restore(self, pdf_dir: Path) -> None:
        shutil.copytree(self.stash, pdf_dir, dirs_exist_ok=True)

    def discard(self) -> None:
        if self.stash is not None:
            shutil.rmtree(self.stash, ignore_errors=True)
            self.stash = None
