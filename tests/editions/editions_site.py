"""Two editions published into a temporary repository's gh-pages branch, once per session.

The project is copied into a fresh git repository; edition 2026.1 is published, a page is
corrected and committed with its changelog entry, and edition 2026.2 is published. The
gh-pages branch is then exported and served the way GitHub Pages serves it.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.tools.live_server import free_port
from scripts.tools.static_server import serving

ROOT = Path(__file__).resolve().parents[2]
FIRST, SECOND = "2026.1", "2026.2"
CORRECTED_PAGE = "russia.md"
CORRECTION = "The two leaders met for about five hours in all, the talks and a dinner included."
SECOND_ENTRY = f"""editions:
  - version: "{SECOND}"
    date: 2026-03-02
    items:
      - kind: correction
        text: The length of the Vostochny meeting is now given.
        pages: [{CORRECTED_PAGE}]
"""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}


@dataclass(frozen=True)
class Editions:
    repo: Path
    served: Path
    base: str
    first_tree: str
    first_files: dict[str, bytes]


def git(repo: Path, *args: str) -> str:
    import os

    result = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **GIT_ENV}
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def run_edition(repo: Path, *args: str, site_url: str = "") -> subprocess.CompletedProcess[str]:
    """The publishing tool, as `make edition` runs it, inside the temporary repository."""
    import os

    env = {**os.environ, **GIT_ENV}
    # The session's shared render cache (tests/conftest.py), or one beside the repository.
    env.setdefault("CITATIONS_CACHE", str(repo.parent / "citations.json"))
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "scripts.tools.edition", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def export_branch(repo: Path, branch: str, target: Path, prefix: str = "") -> dict[str, bytes]:
    """The branch's files (under `prefix`) written to `target`; also returned as bytes."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", branch, *([prefix] if prefix else [])],
        cwd=repo,
        capture_output=True,
        check=True,
    ).stdout
    files = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile():
                data = tar.extractfile(member).read()  # type: ignore[union-attr]
                files[member.name] = data
                (target / member.name).parent.mkdir(parents=True, exist_ok=True)
                (target / member.name).write_bytes(data)
    return files


def copy_project(target: Path) -> None:
    """The project's files as git sees them (committed or not, never ignored ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())


@pytest.fixture(scope="session")
def editions_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editions]:
    work = tmp_path_factory.mktemp("editions")
    repo = work / "project"
    repo.mkdir()
    copy_project(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The project")
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"

    first = run_edition(repo, "publish", FIRST, site_url=site_url)
    assert first.returncode == 0, first.stdout + first.stderr
    first_tree = git(repo, "rev-parse", f"gh-pages:{FIRST}").strip()
    first_files = export_branch(repo, "gh-pages", work / "first", FIRST)

    page = repo / "docs" / CORRECTED_PAGE
    text = page.read_text(encoding="utf-8")
    marker = "{#kim-putin-summit}\n"
    assert marker in text
    page.write_text(text.replace(marker, f"{marker}\n{CORRECTION}\n", 1), encoding="utf-8")
    # Every language's changelog records the edition (the Korean build checks its own).
    for changelog in (
        repo / "includes" / "editions.yml",
        repo / "includes" / "ko" / "editions.yml",
    ):
        changelog.write_text(
            changelog.read_text(encoding="utf-8").replace("editions:\n", SECOND_ENTRY, 1),
            encoding="utf-8",
        )
    git(repo, "commit", "-q", "-am", "Correct the Vostochny meeting")
    second = run_edition(repo, "publish", SECOND, site_url=site_url)
    assert second.returncode == 0, second.stdout + second.stderr

    served = work / "served"
    export_branch(repo, "gh-pages", served)
    with serving(served, port=port) as base:
        yield Editions(repo, served, base, first_tree, first_files)
