"""Shared fixtures: the whole site is built once per test session, strictly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from scripts import build_state
from scripts.tools.build import run_build as mkdocs_build
from scripts.tools.static_server import serving

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHARED = ROOT.parent / "shared"
# The site is served below a folder, to prove that every address it uses is relative.
SUB_FOLDER = "/a/sub/folder/"


def run_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every worker of this test run shares (pytest-xdist gives each worker its own
    base temporary folder, inside one that is the run's)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Any]
) -> Path:
    """The folder `name` of the run, which `make(folder)` fills for the first worker that
    asks; the others wait for it and share it. A `make` that fails marks nothing done, so
    every worker that asks makes it afresh and fails the same way."""
    folder = run_root(tmp_path_factory) / name
    done = folder.with_name(f"{name}.done")
    with FileLock(folder.with_name(f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def worker_group(nodeid: str, fixturenames: Iterable[str], params: dict[str, Any]) -> str:
    """The group a test runs in (--dist=loadgroup): tests that share an expensive fixture of a
    module, a page's browser report or the published editions run on one worker, which
    makes it once."""
    if "editions_repo" in fixturenames:
        return "editions"
    group = nodeid.partition("::")[0]
    if "page_path" in params:
        # No "]" in a group: xdist takes a node id ending in "]" for a parameter's, and
        # then schedules each test on its own.
        group += f"::page:{params['page_path']}"
    return group


def scheduling_order(groups: list[str]) -> list[str]:
    """The order the workers take the groups in: the editions first, as publishing them is
    the longest group and builds its own sites, so it runs beside the other worker's build of
    the session's site instead of waiting for it; then the larger groups before the smaller,
    so the last ones to finish are short (what xdist's own reordering would do, which also
    sorted the editions behind the larger groups: pyproject.toml turns it off)."""
    sizes = Counter(groups)
    return sorted(sizes, key=lambda group: (group != "editions", -sizes[group]))


@pytest.hookimpl(wrapper=True)  # around xdist's own, which reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    """Mark each test with its `worker_group`, and put the groups in `scheduling_order`."""
    groups = {}
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        groups[item] = worker_group(item.nodeid, getattr(item, "fixturenames", ()), params)
        item.add_marker(pytest.mark.xdist_group(groups[item]))
    rank = {group: place for place, group in enumerate(scheduling_order(list(groups.values())))}
    items.sort(key=lambda item: rank[groups[item]])
    return (yield)


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Build strictly and return `site_dir`; a failed build fails the test with MkDocs' output."""
    result = mkdocs_build(config_file, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session", autouse=True)
def shared_render_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every build of the session, in this process or a subprocess, keeps its rendered
    citations in one file: only the first renders them (as `make serve` rebuilds do), the rest
    read them back. Tests that need a cold build set CITATIONS_CACHE=off themselves."""
    if os.environ.get("CITATIONS_CACHE"):
        yield
        return
    # One file for all workers: the render cache replaces it whole on every save.
    cache = run_root(tmp_path_factory) / "citations.json"
    os.environ["CITATIONS_CACHE"] = str(cache)
    with FileLock(cache.with_name("citations.seed.lock")):
        if not cache.exists():
            seed_session_caches()
    try:
        yield
    finally:
        del os.environ["CITATIONS_CACHE"]


def seed_session_caches() -> None:
    """Start the session's caches (CITATIONS_CACHE) from the project's own, which `make
    serve`, `make build` and `make lint` fill: the session's first build then renders only
    what changed since, instead of every citation a second time (on a fresh clone there is
    nothing to copy, and it renders them all). Entries are keyed by everything that
    changes their output, so a copied entry is one the session would have rendered alike."""
    for default in (build_state.RENDER_CACHE, build_state.TRIM_CACHE, build_state.TEMPLATE_CACHE):
        source, target = ROOT / default, build_state.cache_path(ROOT, default)
        if target is None or target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.is_file():
            shutil.copyfile(source, target)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the working tree into a temporary folder, once for all workers."""
    return made_once(
        tmp_path_factory, "site", lambda folder: build_site(ROOT / "mkdocs.yml", folder)
    )


@pytest.fixture(scope="session")
def site_base(built_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served on 127.0.0.1 under a sub-folder."""
    with serving(built_site, prefix=SUB_FOLDER) as base:
        yield base


# The copy check's stand-in article: invented prose in the real article's layout (header,
# caption, "In Brief" summary, 13 body paragraphs, bio), so the fingerprint path can be proved
# on a fresh clone, where the copyrighted article is absent and may never be committed.
SYNTHETIC_COPIED = (
    "the keepers of the northern lamps agreed to wait one more week for the oil barge"
)
SYNTHETIC_QUOTATION = "sail at first light whatever the weather says on the radio"
SYNTHETIC_BODY = [
    "The harbour master told the keepers that the fleet would"
    f" \u2018{SYNTHETIC_QUOTATION}\u2019, and {SYNTHETIC_COPIED}.",
    *(
        f"In week {week} the keepers painted {week} railings, mended a net and wrote to the"
        " council about the price of lamp oil."
        for week in range(2, 14)
    ),
]


def synthetic_article(body: list[str] = SYNTHETIC_BODY) -> str:
    """The stand-in article's text, with `body` as its body paragraphs."""
    return "\n\n".join(
        [
            "Peer reviewed notes from an imaginary harbour",
            "The lighthouse keepers of Gull Point count their lamps",
            "Reading Time: 2 mins\nAda Marrow, keeper of the northern lamp, trims a wick before"
            " the autumn storms",
            "In Brief",
            "The keepers of Gull Point spent the year mending lamps, counting gulls and arguing"
            " about a fog horn that nobody in the village wanted to hear at night.",
            "  \u2022 A\n  \u2022 A",
            *body,
            "Ada Marrow is a keeper at the Gull Point light.",
            "This note is part of an invented series.",
            "Comments are closed.",
        ]
    )


@pytest.fixture
def synthetic_fingerprint(tmp_path: Path) -> Path:
    """The committed-style fingerprint of the stand-in article, made by the project's tool."""
    from scripts.tools.copycheck import fingerprint, format_fingerprint

    path = tmp_path / "synthetic-fingerprint.json"
    path.write_text(format_fingerprint(fingerprint(synthetic_article())), encoding="utf-8")
    return path


def differing_files(
    first: Path, second: Path, *, normalise: Callable[[str, bytes], bytes] | None = None
) -> list[str]:
    """Files present in only one built site, or whose bytes differ, relative to the site root;
    `normalise(name, data)` may first take out what a comparison allows to differ."""
    names = {
        path.relative_to(site).as_posix()
        for site in (first, second)
        for path in site.rglob("*")
        if path.is_file()
    }
    differing = []
    for name in sorted(names):
        if not (first / name).is_file() or not (second / name).is_file():
            differing.append(name)
            continue
        one, other = (first / name).read_bytes(), (second / name).read_bytes()
        if normalise is not None:
            one, other = normalise(name, one), normalise(name, other)
        if one != other:
            differing.append(name)
    return differing


def run_copycheck(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The project's copy check (scripts/tools/copycheck.py), run as `make lint` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.tools.copycheck", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# The two published editions, one instance for every test that serves them (tests/editions,
# tests/pinpoint): publishing is the slowest fixture of the session.
from tests.editions.editions_site import editions_repo  # noqa: E402

__all__ = ["editions_repo"]
