"""Regenerate tests/links/manifest.txt from a strict build of the repository.

    uv run --locked --group test python tests/links/update_manifest.py

Run it after adding pages or headings, and review the diff: an added line is new public
surface, a removed line is a link that wikis may hold (declare a redirect or keep the id).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]

from links.public_links import MANIFEST, lost_links, manifest_text, read_manifest, read_site  # noqa: E402
from sitebuild import ROOT, build  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        result = build(ROOT, Path(tmp) / "site")
        if result.returncode != 0:
            print(result.output, file=sys.stderr)
            print("The strict build failed; the manifest was not changed.", file=sys.stderr)
            return 1
        site_links = read_site(result.site)
    if MANIFEST.exists():
        for problem in lost_links(site_links, read_manifest()):
            print(f"warning: {problem}", file=sys.stderr)
    MANIFEST.write_text(manifest_text(site_links), "utf-8")
    print(f"wrote {MANIFEST.relative_to(ROOT)}: {len(site_links.pages)} pages, "
          f"{len(site_links.links()) - len(site_links.pages)} anchors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
