"""Fixtures for the citation tests: a fixture site with moved anchors, served from a
sub-folder, and the session's shared Chromium with clipboard access."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from scripts.tools.browser import chromium
from scripts.tools.static_server import serving
from tests.conftest import ROOT, SUB_FOLDER, build_site

FIXTURE_SITE = ROOT / "tests" / "data" / "citations" / "moved-site"


@pytest.fixture(scope="session")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site built with the project's citation hook, overrides and scripts."""
    project = tmp_path_factory.mktemp("moved-project")
    shutil.copytree(FIXTURE_SITE, project, dirs_exist_ok=True)
    for asset in ("javascripts/cite.js", "javascripts/anchor-redirects.js", "stylesheets/site.css"):
        target = project / "docs" / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / asset, target)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / "scripts" / "hooks.py")]
    config["extra_css"] = ["stylesheets/site.css"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return build_site(project / "mkdocs.yml", project / "site")


@pytest.fixture(scope="session")
def moved_base(moved_site: Path) -> Iterator[str]:
    """Base address of the served fixture site with moved anchors."""
    with serving(moved_site, prefix=SUB_FOLDER) as base:
        yield base


@pytest.fixture(scope="session")
def browser_context() -> Iterator[object]:
    """A context on the session's one Chromium (Debian's, with a fresh profile)."""
    with chromium() as browser:
        context = browser.new_context()
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
