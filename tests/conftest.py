"""Shared fixtures: the whole site is built once per test session, strictly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.tools.build import run_build as mkdocs_build
from scripts.tools.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHARED = ROOT.parent / "shared"
# The site is served below a folder, to prove that every address it uses is relative.
SUB_FOLDER = "/a/sub/folder/"


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Build strictly and return `site_dir`; a failed build fails the test with MkDocs' output."""
    result = mkdocs_build(config_file, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the working tree into a temporary folder."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_base(built_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served on 127.0.0.1 under a sub-folder."""
    with serving(built_site, prefix=SUB_FOLDER) as base:
        yield base
