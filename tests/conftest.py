"""Shared fixtures: the whole site is built once per test session, strictly."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHARED = ROOT.parent / "shared"
# The site is served below a folder, to prove that every address it uses is relative.
SUB_FOLDER = "/a/sub/folder/"


def mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` as a user would; the caller inspects the result.

    Not `-q`: quiet mode hides warnings from the strict-mode counter, so the build would pass.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config_file),
            "-d",
            str(site_dir),
        ],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


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
