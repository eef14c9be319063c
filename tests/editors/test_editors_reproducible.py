"""Two builds of the same sources with SOURCE_DATE_EPOCH set are byte-identical."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, differing_files

# 14 November 2023, 22:13:20 UTC: any fixed moment will do.
EPOCH = 1_700_000_000
EPOCH_DATE = datetime.fromtimestamp(EPOCH, tz=UTC).strftime("Last changed %-d %B %Y")


def build_twice(config_file: Path, tmp_path: Path, kept_translations: Path) -> tuple[Path, Path]:
    """Two builds, each building the Korean edition too: the first one's kept copy is
    forgotten before the second, which would otherwise copy it in."""
    first = build_site(config_file, tmp_path / "first")
    shutil.rmtree(kept_translations, ignore_errors=True)
    return first, build_site(config_file, tmp_path / "second")


def test_two_builds_of_the_working_tree_are_byte_identical(
    own_caches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first, second = build_twice(ROOT / "mkdocs.yml", tmp_path, own_caches)
    assert any(first.rglob("*.html"))
    differing = differing_files(first, second)
    assert not differing, "files differ between two builds:\n" + "\n".join(differing)


def test_builds_without_git_history_are_byte_identical_and_dated_by_source_date_epoch(
    project_without_git: Path, own_caches: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first, second = build_twice(project_without_git / "mkdocs.yml", tmp_path, own_caches)
    differing = differing_files(first, second)
    assert not differing, "files differ between two builds:\n" + "\n".join(differing)
    page = (first / "russia" / "index.html").read_text(encoding="utf-8")
    assert f">{EPOCH_DATE}</span>" in page, "page is not dated by SOURCE_DATE_EPOCH"


def test_differing_files_names_a_changed_and_a_missing_file(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        (site / "same").mkdir(parents=True)
        (site / "same" / "index.html").write_bytes(b"<p>same</p>")
    (first / "changed.json").write_bytes(b'{"built": 1}')
    (second / "changed.json").write_bytes(b'{"built": 2}')
    (first / "only-first.xml").write_bytes(b"<x/>")
    assert differing_files(first, second) == ["changed.json", "only-first.xml"]
