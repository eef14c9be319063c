"""Fixtures for the editors' checks: copies of the project to build or break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from scripts import build_state
from tests.conftest import ROOT

# What a build logs when it copies in the Korean edition's last build, and when it builds it.
KEPT = "The ko edition's inputs are unchanged: kept its last build"
REBUILT = "Building the ko edition"

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


def caches_of_its_own(folder: Path) -> Path:
    """A citations cache file in `folder`, started from the session's rendered citations, so
    none renders again. Every other cache (the kept translation, the templates, the trimmed
    theme CSS) sits beside it (scripts/build_state.py), so builds that use it share nothing
    with builds on the other test worker, which would replace the one kept translation."""
    own = folder / "citations.json"
    own.parent.mkdir(parents=True, exist_ok=True)
    session = Path(os.environ.get("CITATIONS_CACHE", "off"))
    if session.is_file():
        shutil.copyfile(session, own)
    return own


@pytest.fixture
def own_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Caches of this test's own (CITATIONS_CACHE, caches_of_its_own): no kept translation,
    so its first build builds the Korean edition. Returns the folder the translations are
    kept in."""
    monkeypatch.setenv("CITATIONS_CACHE", str(caches_of_its_own(tmp_path / "caches")))
    kept = build_state.cache_path(ROOT, build_state.TRANSLATIONS_CACHE)
    assert kept is not None and not kept.exists()
    return kept
