"""Fail on trailing whitespace and on files that do not end in exactly one newline.

None of the pinned linters checks every kind of file (YAML, HTML, CSS, Python,
Markdown) for this, and stray whitespace makes noisy diffs in pull requests.

Usage: python -m scripts.tools.check_whitespace [PATH ...]
Without paths it checks the files git knows about (tracked or new, not ignored),
or, outside a git checkout, every file under the current folder except
environments, caches and build output; test fixtures (tests/data/) are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

# Test fixtures may break the rules on purpose, to prove that a check catches it.
SKIPPED_PREFIXES = ("tests/data/",)
# Folders that are never ours to check, for the walk outside a git checkout.
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".venv",
        "site",
        "node_modules",
        "__pycache__",
        ".ruff_cache",
        ".pytest_cache",
        ".hypothesis",
        ".cache",
        "screenshots",
    }
)


def whitespace_problems(text: str) -> list[tuple[int, str]]:
    """Return (line number, message) for every problem in one file's text."""
    problems: list[tuple[int, str]] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if line.endswith("\r"):
            problems.append((number, "Windows line ending (CRLF)"))
            line = line[:-1]
        if line != line.rstrip(" \t"):
            problems.append((number, "trailing whitespace"))
    if text and not text.endswith("\n"):
        problems.append((len(lines), "no newline at end of file"))
    elif text.endswith("\n\n"):
        last_text_line = len(text.rstrip("\n").split("\n"))
        problems.append((last_text_line + 1, "blank line(s) at end of file"))
    return problems


def read_text(path: Path) -> str | None:
    """The file's text, or None for binary files (images, fonts), which are not checked."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def candidate_files(root: Path) -> list[Path]:
    """Files git knows about (tracked or new and not ignored); a plain walk without git.

    Either way, files under SKIPPED_PREFIXES are left out.
    """
    return [
        path
        for path in _project_files(root)
        if not path.relative_to(root).as_posix().startswith(SKIPPED_PREFIXES)
    ]


def _project_files(root: Path) -> list[Path]:
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return sorted(walk(root))
    names = sorted({name for name in listing.decode("utf-8").split("\0") if name})
    return [root / name for name in names if (root / name).is_file()]


def walk(root: Path) -> Iterator[Path]:
    """Every file under root outside SKIPPED_DIRS."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(folder) / name


def check(paths: Iterable[Path]) -> list[str]:
    """One `path:line: message` report line per problem, in path order."""
    reports: list[str] = []
    for path in paths:
        text = read_text(path)
        if text is None:
            continue
        reports.extend(f"{path}:{line}: {message}" for line, message in whitespace_problems(text))
    return reports


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] if argv else candidate_files(Path.cwd())
    files = [p for arg in paths for p in (sorted(walk(arg)) if arg.is_dir() else [arg])]
    reports = check(dict.fromkeys(files))
    for report in reports:
        print(report)
    if reports:
        print(
            f"{len(reports)} whitespace problem(s): remove trailing spaces"
            " and end each file with exactly one newline."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
