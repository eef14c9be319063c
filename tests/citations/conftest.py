"""Fixtures for the citation tests: a fixture site with moved anchors, a static server that
serves a site from a sub-folder, and Chromium with a fresh profile.

Kept separate from tests/browser so these tests stand alone; the lead may merge duplicates.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_SITE = ROOT / "tests" / "data" / "citations" / "moved-site"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Served below a folder, to prove every address the features use is relative.
SUB_FOLDER = "served/from/a/folder"


def build(config_file: Path, site_dir: Path) -> None:
    """A strict build, as `make build` does; fails the test with MkDocs' own output."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=config_file.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site built with the project's citation hook, overrides and scripts."""
    project = tmp_path_factory.mktemp("moved-project")
    shutil.copytree(FIXTURE_SITE, project, dirs_exist_ok=True)
    for asset in ("javascripts/cite.js", "javascripts/anchor-redirects.js", "stylesheets/cite.css"):
        target = project / "docs" / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / asset, target)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / "scripts" / "hook_citations.py")]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    site_dir = project / "site"
    build(project / "mkdocs.yml", site_dir)
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` under SUB_FOLDER on 127.0.0.1 and a free port; stop at the end."""
    with tempfile.TemporaryDirectory(prefix="served-") as root:
        mount = Path(root) / SUB_FOLDER
        mount.parent.mkdir(parents=True)
        mount.symlink_to(site_dir, target_is_directory=True)
        handler = functools.partial(_QuietHandler, directory=root)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{port}/{SUB_FOLDER}/"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)


@pytest.fixture(scope="session")
def moved_base(moved_site: Path) -> Iterator[str]:
    """Base address of the served fixture site with moved anchors."""
    with serving(moved_site) as base:
        yield base


@pytest.fixture(scope="session")
def cite_site_base(built_site: Path) -> Iterator[str]:
    """Base address of the served real site."""
    with serving(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser_context() -> Iterator[object]:
    """Chromium (Debian's, never a downloaded one) with a fresh temporary profile."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with (
        tempfile.TemporaryDirectory(prefix="cite-profile-") as profile,
        playwright.sync_playwright() as pw,
    ):
        context = pw.chromium.launch_persistent_context(
            user_data_dir=profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            headless=True,
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def open_page(browser_context: object) -> Iterator[Callable[[str], object]]:
    """Open an address in a new tab, with clipboard access granted for its origin."""
    pages = []

    def opener(address: str) -> object:
        origin = "/".join(address.split("/")[:3])
        browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        page = browser_context.new_page()
        pages.append(page)
        page.goto(address)
        return page

    yield opener
    for page in pages:
        page.close()
