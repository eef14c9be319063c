"""A translation is rebuilt only when something it reads has changed; otherwise its last build
is copied in.

Every build of the English site also builds each translation into its folder (scripts/hooks.py),
although no Korean page reads an English one (tests/editors/test_editors_serve.py shows an
English page's text and events change no byte of the Korean build). So saving an English page
under `make serve`, or running `make build` again, would rebuild the Korean edition for nothing.

After a translation is built, a copy of its folder is kept in the build's caches
(`.cache/translations/ko/`; see scripts/build_state.py), with the fingerprint of its inputs.
A later build whose inputs have the same fingerprint copies it back (`restore`) instead of
building. Its inputs (`fingerprint`):

- the files the server watches and the project's top-level files, less the English pages, by
  name, size and modification time; the build's code (scripts/, where this module is); git's
  HEAD, index and log (page dates come from history);
- the build's circumstances (`circumstances`): the site address; the day (a page without
  history is dated by it, though the time in its date's tooltip stays the kept build's);
  every environment variable but a shell's bookkeeping (SITE_URL, REPO_URL,
  SOURCE_DATE_EPOCH, DEPLOY, mike's MIKE_DOCS_VERSION among them); the program that builds
  (MkDocs or ProperDocs); the Python and the installed packages.

Anything else changes the fingerprint, and the translation is built afresh. With the caches
off (CITATIONS_CACHE=off), nothing is kept and every build builds every translation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sys
import sysconfig
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

# Git files that change when a commit or checkout changes the pages' dates.
GIT_STATE = (".git/HEAD", ".git/index", ".git/logs/HEAD")
# The build's code: scripts/, where this module is.
CODE = Path(__file__).resolve().parent
# Folders inside watched ones that hold no input.
NOT_INPUTS = {"__pycache__", ".git", ".cache"}
# Variables a shell or test runner sets for itself, which change nothing a build makes.
BOOKKEEPING = frozenset({"_", "OLDPWD", "PWD", "SHLVL", "PYTEST_CURRENT_TEST"})
# Inside a kept translation: the fingerprint it was built from, and its folder.
INPUTS_FILE, SITE_FOLDER = "inputs", "site"


def restore(kept: Path, target: Path, inputs: str) -> bool:
    """Copy the translation kept in `kept` into `target` if it was built from `inputs`;
    True if it was. A kept copy that another build replaces meanwhile is not used."""
    if _inputs_of(kept) != inputs:
        return False
    shutil.rmtree(target, ignore_errors=True)  # a --dirty build leaves the last one
    try:
        shutil.copytree(kept / SITE_FOLDER, target)
    except (OSError, shutil.Error):  # replaced while being copied
        shutil.rmtree(target, ignore_errors=True)
        return False
    if _inputs_of(kept) != inputs:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def keep(kept: Path, built: Path, inputs: str) -> None:
    """Keep a copy of the translation just built into `built` from `inputs`, in `kept`
    (replacing the one there). The copy is made aside and then moved in, so a build that
    restores meanwhile sees the old one or the new one, never a part of either."""
    kept.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=kept.parent, prefix=f".{kept.name}-"))
    old = fresh.with_name(f"{fresh.name}-old")
    try:
        shutil.copytree(built, fresh / SITE_FOLDER)
        (fresh / INPUTS_FILE).write_text(inputs, encoding="utf-8")
        if kept.exists():
            kept.rename(old)
        fresh.rename(kept)
    except OSError:
        # Another build kept its copy at the same moment: theirs stays, and this build's
        # translation is simply not kept (the next build makes it again).
        pass
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def _inputs_of(kept: Path) -> str | None:
    try:
        return (kept / INPUTS_FILE).read_text(encoding="utf-8")
    except OSError:
        return None


def circumstances(site_url: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """What a build depends on beyond its files (see the module's docstring)."""
    environ = os.environ if environ is None else environ
    packages = sorted(
        name
        for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        if os.path.isdir(folder)
        for name in os.listdir(folder)
        if name.endswith(".dist-info")  # their names carry the versions
    )
    variables = sorted(
        f"{name}={value}" for name, value in environ.items() if name not in BOOKKEEPING
    )
    return [
        site_url,
        dt.date.today().isoformat(),
        sys.argv[0],
        sys.version,
        *packages,
        *variables,
    ]


def fingerprint(
    root: Path,
    watched: Iterable[Path],
    english_pages: Path,
    translations: Iterable[str],
    circumstances: Iterable[str] = (),
) -> str:
    """A digest of `circumstances` and of the name, size and modification time of every
    input file: the files under `watched` and at the top of `root`, less the English pages
    (the Markdown files under `english_pages` but not in a translation's folder of it, such
    as docs/ko/)."""
    translation_folders = {english_pages / language for language in translations}
    digest = hashlib.sha256()
    for line in circumstances:
        digest.update(f"{line}\0".encode())
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
