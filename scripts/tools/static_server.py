"""Serve a built site like a static host, from any folder, optionally gzip-compressed.

Used by the browser tests (the site mounted under a sub-folder, to prove that every link
and asset is relative), by `make audit` (compressed, as Lighthouse should see a real host)
and by `make screenshots`. Standard library only, so it runs before anything is installed.

    python -m scripts.tools.static_server site --prefix /edition/ --port 8001 --gzip
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What a static host compresses: text formats; images and archives are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
# Material's assets carry a content hash in their names, so a host may cache them for long.
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


@dataclass(frozen=True)
class SiteMount:
    """Where the site lives on disk and the URL path it is served under."""

    root: Path
    prefix: str = "/"
    compress: bool = False


def normalise_prefix(prefix: str) -> str:
    """'/a/b' and 'a/b/' both become '/a/b/', so URL joins stay predictable."""
    return "/" + "".join(f"{part}/" for part in prefix.split("/") if part)


def resolve(mount: SiteMount, url_path: str) -> tuple[str, Path | None]:
    """Map a request path to ('file', path), ('redirect', None) or ('missing', None).

    Paths outside the prefix, or escaping the site folder with '..', are missing.
    """
    path = unquote(urlsplit(url_path).path)
    prefix = normalise_prefix(mount.prefix)
    if path + "/" == prefix:
        return "redirect", None
    if not path.startswith(prefix):
        return "missing", None
    root = mount.root.resolve()
    target = (root / path[len(prefix) :]).resolve()
    if not target.is_relative_to(root):
        return "missing", None
    if target.is_dir():
        if not path.endswith("/"):
            return "redirect", None
        target = target / "index.html"
    return ("file", target) if target.is_file() else ("missing", None)


def should_compress(content_type: str, accept_encoding: str) -> bool:
    """Compress text formats for clients that accept gzip, as static hosts do."""
    accepts_gzip = any(part.split(";")[0].strip() == "gzip" for part in accept_encoding.split(","))
    return accepts_gzip and content_type.startswith(COMPRESSIBLE_TYPES)


def content_type_of(path: Path) -> str:
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed


def cache_control_of(path: Path, root: Path) -> str:
    inside = path.resolve().relative_to(root.resolve()).parts
    return LONG_CACHE if "assets" in inside else REVALIDATE


def make_handler(mount: SiteMount) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one mounted site."""

    class SiteHandler(BaseHTTPRequestHandler):
        server_version = "static"
        sys_version = ""

        def do_GET(self) -> None:
            self._respond(send_body=True)

        def do_HEAD(self) -> None:
            self._respond(send_body=False)

        def log_message(self, format: str, *args: object) -> None:
            # Quiet: the tests and the audit report what matters themselves.
            return

        def _respond(self, *, send_body: bool) -> None:
            kind, target = resolve(mount, self.path)
            if kind == "redirect":
                self.send_response(301)
                self.send_header("Location", urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 200
            if target is None:
                status = 404
                target = mount.root / "404.html"
            body = target.read_bytes() if target.is_file() else b"Not found"
            content_type = content_type_of(target)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", cache_control_of(target, mount.root))
            if mount.compress and should_compress(
                content_type, self.headers.get("Accept-Encoding", "")
            ):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

    return SiteHandler


class QuietServer(ThreadingHTTPServer):
    """A threading HTTP server that says nothing when a client hangs up mid-response.

    A browser drops connections it no longer needs (a page closed while its search index
    loads, a prefetch cancelled); socketserver would print a traceback for each, which reads
    like a failure in a passing test run. Any other error is still printed.
    """

    daemon_threads = True

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serving(
    root: Path, *, prefix: str = "/", compress: bool = False, port: int = 0
) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 (a free port by default) in a background thread.

    Yields the site's base URL (ending in '/'); the server stops when the block ends.
    """
    mount = SiteMount(root=Path(root).resolve(), prefix=normalise_prefix(prefix), compress=compress)
    server = QuietServer(("127.0.0.1", port), make_handler(mount))
    thread = threading.Thread(target=server.serve_forever, name="static-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount.prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the built site folder")
    parser.add_argument("--prefix", default="/", help="URL folder to serve it under")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--gzip", action="store_true", help="compress text like a static host")
    args = parser.parse_args(argv)
    with serving(args.root, prefix=args.prefix, compress=args.gzip, port=args.port) as url:
        print(f"Serving {args.root} at {url} (Ctrl+C to stop)")
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
