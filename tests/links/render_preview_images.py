"""Render the link-preview images (1200x630 PNG) from their SVG sources.

Run after editing docs/assets/images/social/preview-*.svg, then commit the PNGs:

    uv run --locked --group test python tests/links/render_preview_images.py

The build has no internet, so Material's social plugin (which downloads fonts) cannot make
the cards; one static image per language does. Rendering uses Debian's chromium
(``apt-get install -y chromium``) and the Noto Sans CJK JP fonts installed from PyPI, so the
result does not depend on the machine's fonts.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import noto_cjk_sans_jp_bold
import noto_cjk_sans_jp_regular

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "assets" / "images" / "social"
SIZE = (1200, 630)


def font_config(folder: Path) -> Path:
    """A fontconfig file that offers only the PyPI Noto Sans CJK JP fonts."""
    dirs = "".join(
        f"<dir>{Path(module.__file__).parent}</dir>"
        for module in (noto_cjk_sans_jp_regular, noto_cjk_sans_jp_bold)
    )
    path = folder / "fonts.conf"
    path.write_text(
        f'<?xml version="1.0"?><fontconfig>{dirs}<cachedir>{folder / "cache"}</cachedir></fontconfig>',
        "utf-8",
    )
    return path


def render(svg: Path, png: Path, work: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium not found: install it with `apt-get install -y chromium` (as root).")
    subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-background-networking", "--force-device-scale-factor=1",
            f"--user-data-dir={work / 'profile'}", f"--window-size={SIZE[0]},{SIZE[1]}",
            f"--screenshot={png}", svg.as_uri(),
        ],
        check=True,
        capture_output=True,
        env={"FONTCONFIG_FILE": str(font_config(work)), "HOME": str(work), "PATH": "/usr/bin:/bin"},
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for svg in sorted(IMAGES.glob("preview-*.svg")):
            png = svg.with_suffix(".png")
            render(svg, png, Path(tmp))
            print(f"wrote {png.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
