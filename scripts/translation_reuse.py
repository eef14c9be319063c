"""`make serve` rebuilds a translation only when something it reads has changed.

Every build of the English site also builds each translation into its folder (scripts/hooks.py),
and `mkdocs serve` empties the whole site folder before every rebuild. Saving an English page
would so rebuild the Korean edition as well, although no Korean page reads an English one
(tests/site/test_site_translation_reuse.py shows the Korean build's output does not change).

While serving, the translation's folder is put aside before MkDocs empties the site folder
(`hold`), under a hidden name MkDocs leaves alone, and put back after the English build
(`restore`) when the translation's inputs are the ones it was built from. Its inputs are the
files the server watches and the project's top-level files, less the English pages, plus the
build's code and git's HEAD and index (page dates come from history). Any other change, or a
plain `mkdocs build`, rebuilds it.

MkDocs loads the hooks afresh for every rebuild, so what must outlive one build (whether this
process serves, and what each held folder was built from) lives here, in a module imported once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

# Git files that change when a commit or checkout changes the pages' dates.
GIT_STATE = (".git/HEAD", ".git/index", ".git/logs/HEAD")
# The build's code: scripts/, where this module is.
CODE = Path(__file__).resolve().parent
# Folders inside watched ones that hold no input.
NOT_INPUTS = {"__pycache__", ".git", ".cache"}

_serving = False
# Each translation folder served, with the fingerprint of the inputs it was built from.
_built_from: dict[Path, str] = {}


def start(command: str) -> None:
    """Called by `on_startup`: only `mkdocs serve` keeps a translation between builds."""
    global _serving
    _serving = command == "serve"
    _built_from.clear()


def serving() -> bool:
    """Whether this process serves: only then is a translation's fingerprint worth taking."""
    return _serving


def _held(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}-previous")


def hold(folder: Path) -> None:
    """Put the served translation's `folder` aside, out of reach of MkDocs' cleaning."""
    held = _held(folder)
    shutil.rmtree(held, ignore_errors=True)
    if folder in _built_from and folder.is_dir():  # built while serving
        folder.rename(held)


def restore(folder: Path, inputs: str) -> bool:
    """Put the held translation back if it was built from `inputs`; True if it was."""
    held = _held(folder)
    reusable = _built_from.get(folder) == inputs and held.is_dir()
    if reusable and not folder.exists():
        held.rename(folder)
        return True
    shutil.rmtree(held, ignore_errors=True)
    return False


def built(folder: Path, inputs: str) -> None:
    """Record that the translation in `folder` was just built from `inputs` while serving."""
    _built_from[folder] = inputs


def fingerprint(
    root: Path, watched: Iterable[Path], english_pages: Path, translations: Iterable[str]
) -> str:
    """A digest of the name, size and modification time of every input file: the files under
    `watched` and at the top of `root`, less the English pages (the Markdown files under
    `english_pages` but not in a translation's folder of it, such as docs/ko/)."""
    translation_folders = {english_pages / language for language in translations}
    digest = hashlib.sha256()
    files = {path for path in root.iterdir() if path.is_file()}
    files |= {root / name for name in GIT_STATE if (root / name).is_file()}
    # What the server watches, and the build's code (this folder), which it does not.
    for top in (*watched, CODE):
        files |= set(_files_under(top)) if top.is_dir() else {top}
    for path in sorted(files):
        if _is_english_page(path, english_pages, translation_folders):
            continue
        try:
            stat = path.stat()
        except FileNotFoundError:  # deleted while we looked: a change, which the digest shows
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _files_under(top: Path) -> Iterable[Path]:
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [name for name in subfolders if name not in NOT_INPUTS]
        yield from (Path(folder) / name for name in names)


def _is_english_page(path: Path, english_pages: Path, translation_folders: set[Path]) -> bool:
    return (
        path.suffix == ".md"
        and path.is_relative_to(english_pages)
        and not any(path.is_relative_to(folder) for folder in translation_folders)
    )
