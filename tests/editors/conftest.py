"""Fixtures for the editors' checks: copies of the project to build or break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Everything a build needs is copied; environments, caches, output and tests are not.
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "site",
    "tests",
    "screenshots",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    ".cache",
)


@pytest.fixture
def project_without_git(tmp_path: Path) -> Path:
    """The project's files without .git, as in a release tarball."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    return copy
