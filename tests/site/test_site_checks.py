"""The project's checks fail on broken input: the copy check and the strict build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.tools.copycheck import FINGERPRINT
from tests.conftest import ROOT, SHARED, SYNTHETIC_COPIED, mkdocs_build, run_copycheck

SHARED_COPYCHECK = SHARED / "tools" / "copycheck.py"
ARTICLE = SHARED / "source" / "article.txt"


def test_copy_check_finds_no_prose_repeated_from_the_article() -> None:
    result = run_copycheck("check", ROOT / "docs")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 run(s) of 8+ words shared with the source article")
    if SHARED_COPYCHECK.is_file():  # where the shared tool exists, it says exactly the same
        shared = subprocess.run(
            [sys.executable, str(SHARED_COPYCHECK), str(ROOT / "docs")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (shared.returncode, shared.stdout) == (result.returncode, result.stdout)


def test_copy_check_fails_on_a_page_that_repeats_an_article_sentence(
    tmp_path: Path, synthetic_fingerprint: Path
) -> None:
    # On a fresh clone the article is the invented stand-in; with ../shared, the real article,
    # read at test time against the committed fingerprint: the article is never copied here.
    fingerprint, sentence = synthetic_fingerprint, SYNTHETIC_COPIED
    if ARTICLE.is_file():
        fingerprint = FINGERPRINT
        sentence = next(
            line
            for line in ARTICLE.read_text(encoding="utf-8").splitlines()
            if len(line.split()) > 30
        )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "copied.md").write_text(f"# Copied\n\n{sentence}\n", encoding="utf-8")
    result = run_copycheck("check", docs, "--fingerprint", fingerprint)
    assert result.returncode == 1
    assert "copied.md:3:" in result.stdout


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's sources, to break without touching the working tree; with its
    git history, so the pages keep their dates (and the session's rendered citations serve)."""
    copy = tmp_path_factory.mktemp("project")
    for name in (
        ".git",
        "mkdocs.yml",
        "mkdocs.ko.yml",
        "docs",
        "overrides",
        "scripts",
        "includes",
        "anchors.lock",
    ):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, copy / name)
    return copy


@pytest.mark.parametrize(
    ("broken_link", "named"),
    [
        ("[the summit](russia.md#no-such-section)", "no-such-section"),
        ("[nothing](no-such-page.md)", "no-such-page.md"),
    ],
    ids=["missing-anchor", "missing-page"],
)
def test_broken_link_fails_the_strict_build_naming_it(
    broken_link: str, named: str, project_copy: Path, tmp_path: Path
) -> None:
    page = project_copy / "docs" / "glossary.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(f"{original}\nSee {broken_link}.\n", encoding="utf-8")
    try:
        result = mkdocs_build(project_copy / "mkdocs.yml", tmp_path / "site")
    finally:
        page.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "glossary.md" in output and named in output
