"""Give WeasyPrint Debian's libharfbuzz-subset0 before the test build, when we can.

Without that library WeasyPrint subsets the embedded Noto Sans CJK JP with fontTools
instead: the same PDFs, but about 10 s more CPU per PDF on this project (measured: a whole
build took 39 s of CPU instead of 20 s). It is a Debian package, not a PyPI one, so the
README's test command cannot pin it; as root (CI, fresh machines) the tests install it,
otherwise the build runs the slower, equally correct path.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys

LIBRARY = "libharfbuzz-subset.so.0"
PACKAGE = "libharfbuzz-subset0"


def available() -> bool:
    try:
        ctypes.CDLL(LIBRARY)
    except OSError:
        return False
    return True


def ensure() -> None:
    """Install the package if it is missing and we are root on Debian; never fails the run."""
    if available() or os.geteuid() != 0 or not shutil.which("apt-get"):
        if not available():
            print(f"note: {PACKAGE} missing (apt-get install {PACKAGE}); PDFs build slower", file=sys.stderr)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True)
        subprocess.run(install, env=env, capture_output=True)
    if not available():
        print(f"note: could not install {PACKAGE}; PDFs build slower", file=sys.stderr)
