"""Serve the built site on 127.0.0.1 the way a reader's browser meets it (over HTTP, not file://).

The server runs in a child process of its own. Inside the test process it shared the GIL with
Playwright's client, which answers every intercepted request, and on a busy two-core CI machine
one page load stalled past the browser's 10 s timeout (2026-11-28); a server of its own cannot
be starved that way.
It speaks HTTP/1.1 with keep-alive, as real web servers do, and accepts a deep queue of
connections, so a burst of parallel requests is never dropped and retried by the kernel.
A site built for a sub-path (``SITE_URL=https://host/kb/``) is served under that path
(``prefix="/kb/"``), as its web server would: anything outside the prefix is a 404. A missing
page gets the site's own ``404.html`` (from under the prefix) with status 404, as GitHub Pages
serves it.
"""
from __future__ import annotations

import functools
import os
import subprocess
import sys
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STOP_TIMEOUT = 10  # seconds for the child to exit once told to


class _QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0outside-the-prefix")  # never a file: 404
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # A reader who moves on mid-download closes the socket: not a server fault.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, prefix: str = "/"):
    """Yield the base URL (ending in /) of ``site`` served on a free local port under the
    path ``prefix`` ('/' or e.g. '/kb/')."""
    if not (prefix.startswith("/") and prefix.endswith("/")):
        raise ValueError(f"prefix {prefix!r} must start and end with '/'")
    child = subprocess.Popen(
        [sys.executable, __file__, str(site), prefix], stdout=subprocess.PIPE, text=True
    )
    try:
        port = child.stdout.readline().strip()
        if not port.isdigit():
            raise RuntimeError(f"the site server for {site} did not start (exit code {child.poll()})")
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        child.terminate()
        child.wait(timeout=STOP_TIMEOUT)
        child.stdout.close()


def main(site: str, prefix: str) -> None:
    handler = type("_Handler", (_QuietHandler,), {"prefix": prefix})
    server = _SiteServer(("127.0.0.1", 0), functools.partial(handler, directory=site))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/")
