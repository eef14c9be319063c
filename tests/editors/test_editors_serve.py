"""`make serve` rebuilds what a save changed: saving an English page keeps the Korean
edition's last build (scripts/translation_reuse.py), saving a Korean page rebuilds it.
tests/editors/test_editors_translation_reuse.py checks the same for plain builds."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.tools import live_server
from tests.conftest import ROOT, build_site, differing_files
from tests.editors.conftest import KEPT, REBUILT, caches_of_its_own

# Environments, caches, output and tests are not copied; git's history is, so the pages keep
# the dates they have here.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", "node_modules", "site", "tests", "screenshots", "__pycache__", ".*_cache", ".cache"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("served") / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    return copy


@pytest.fixture(scope="module")
def served(project: Path) -> Iterator[tuple[str, live_server.Server]]:
    """`mkdocs serve` of the copy, with caches of its own: with the session's, a build on the
    other worker could replace the Korean edition the server kept, between its first build
    and a test's save, and the save would then rebuild it."""
    port = live_server.free_port()
    base = f"http://127.0.0.1:{port}/"
    environ = {
        "SITE_URL": base,
        "CITATIONS_CACHE": str(caches_of_its_own(project.parent / "caches")),
    }
    with live_server.mkdocs_serve(project / "mkdocs.yml", port, environ) as server:
        live_server.wait_for(base + "ko/russia/", "<title", 180, server.process)
        yield base, server


def served_page(url: str) -> bytes:
    """The page as served, less the build counter MkDocs' live-reload script carries."""
    page = live_server.LOCAL.open(url).read()
    return re.sub(rb"livereload\(\d+, *\d+\)", b"livereload()", page)


def save(page: Path, marker: str) -> None:
    with page.open("a", encoding="utf-8") as markdown:
        markdown.write(f"\n{marker}\n")


def log_since(server: live_server.Server, start: int) -> str:
    return server.output()[start:]


def test_saving_an_english_page_rebuilds_it_and_keeps_the_korean_edition(
    project: Path, served: tuple[str, live_server.Server]
) -> None:
    base, server = served
    korean_before = served_page(base + "ko/russia/")
    start = len(server.output())
    marker = f"English marker {time.time_ns()}."
    save(project / "docs" / "russia.md", marker)
    live_server.wait_for(base + "russia/", marker, 60, server.process)
    assert KEPT in log_since(server, start)
    assert REBUILT not in log_since(server, start)
    assert served_page(base + "ko/russia/") == korean_before


def test_saving_a_korean_page_rebuilds_the_korean_edition(
    project: Path, served: tuple[str, live_server.Server]
) -> None:
    base, server = served
    start = len(server.output())
    marker = f"한국어 표지 {time.time_ns()}."
    save(project / "docs" / "ko" / "russia.md", marker)
    live_server.wait_for(base + "ko/russia/", marker, 60, server.process)
    assert REBUILT in log_since(server, start)


def test_the_korean_build_reads_no_english_page(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What keeping the Korean build rests on: an English page's text and events do not
    # change one byte of the Korean edition.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config = project / "mkdocs.ko.yml"
    before = build_site(config, tmp_path / "before")
    page = project / "docs" / "china.md"
    original = page.read_text(encoding="utf-8")
    edited = original.replace("title:", "title: Edited", 1) + "\nAn English paragraph more.\n"
    page.write_text(edited, encoding="utf-8")
    try:
        after = build_site(config, tmp_path / "after")
    finally:
        page.write_text(original, encoding="utf-8")
    assert not differing_files(before, after)
