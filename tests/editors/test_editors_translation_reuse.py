"""A build copies in the Korean edition's last build when nothing it reads has changed, and
builds it when anything has (scripts/translation_reuse.py); `make serve`'s rebuilds are checked
in tests/editors/test_editors_serve.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import translation_reuse
from scripts.tools.build import run_build
from tests.conftest import ROOT, differing_files
from tests.editors.conftest import KEPT, REBUILT


def build_log(site: Path) -> str:
    result = run_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def test_a_build_again_copies_in_the_korean_editions_last_build(
    own_caches: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert REBUILT in build_log(first)
    log = build_log(second)
    assert KEPT in log and REBUILT not in log
    assert any((second / "ko").rglob("index.html"))
    # The English pages are built again (the generated ones carry the build's time).
    assert not differing_files(first / "ko", second / "ko")


def circumstances(**environ: str) -> list[str]:
    return translation_reuse.circumstances("http://127.0.0.1:8000/", environ)


def test_the_environment_and_the_address_are_inputs_but_a_shells_bookkeeping_is_not() -> None:
    base = {"SITE_URL": "https://example.org/", "PATH": "/usr/bin"}
    first = circumstances(**base)
    assert circumstances(**base, PWD="/elsewhere", _="/usr/bin/make", SHLVL="3") == first
    for changed in (
        {"SITE_URL": "https://example.org/2026.1/"},
        {"REPO_URL": "x"},
        {"DEPLOY": "1"},
    ):
        assert circumstances(**{**base, **changed}) != first, changed
    other_address = translation_reuse.circumstances("https://example.org/", base)
    assert other_address != first


def test_the_inputs_fingerprint_changes_with_korean_inputs_only(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for name in ("docs/russia.md", "docs/ko/russia.md", "docs/javascripts/cite.js", "x.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("one\n", encoding="utf-8")

    def fingerprint(*circumstances: str) -> str:
        return translation_reuse.fingerprint(tmp_path, [docs], docs, ["ko"], circumstances)

    first = fingerprint()
    (docs / "russia.md").write_text("two, longer\n", encoding="utf-8")
    assert fingerprint() == first, "an English page is not an input of the Korean build"
    assert fingerprint("SITE_URL=https://example.org/") != first
    for name in ("docs/ko/russia.md", "docs/javascripts/cite.js", "x.yml"):
        before = fingerprint()
        (tmp_path / name).write_text("changed, longer\n", encoding="utf-8")
        assert fingerprint() != before, name


@pytest.fixture
def built(tmp_path: Path) -> Path:
    folder = tmp_path / "site" / "ko"
    (folder / "russia").mkdir(parents=True)
    (folder / "russia" / "index.html").write_text("<p>러시아</p>", encoding="utf-8")
    return folder


def test_a_kept_build_is_copied_in_only_for_the_inputs_it_was_built_from(
    built: Path, tmp_path: Path
) -> None:
    kept, target = tmp_path / "kept" / "ko", tmp_path / "next" / "ko"
    assert not translation_reuse.restore(kept, target, "inputs-1"), "nothing is kept yet"
    translation_reuse.keep(kept, built, "inputs-1")
    assert not translation_reuse.restore(kept, target, "inputs-2")
    assert not target.exists()
    assert translation_reuse.restore(kept, target, "inputs-1")
    assert not differing_files(built, target)


def test_keeping_replaces_the_last_kept_build_and_a_restore_replaces_a_stale_folder(
    built: Path, tmp_path: Path
) -> None:
    kept, target = tmp_path / "kept" / "ko", tmp_path / "next" / "ko"
    translation_reuse.keep(kept, built, "inputs-1")
    (built / "russia" / "index.html").write_text("<p>새 러시아</p>", encoding="utf-8")
    translation_reuse.keep(kept, built, "inputs-2")
    assert not translation_reuse.restore(kept, target, "inputs-1")
    (target / "stale").mkdir(parents=True)  # what a --dirty build leaves
    assert translation_reuse.restore(kept, target, "inputs-2")
    assert not differing_files(built, target)
    assert [path.name for path in kept.parent.iterdir()] == ["ko"], "no copy left aside"
