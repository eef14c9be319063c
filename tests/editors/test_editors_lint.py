"""`make lint` runs the prose checks, and each of them fails on a broken file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.tools.check_whitespace import main as check_whitespace
from scripts.tools.check_whitespace import whitespace_problems
from tests.conftest import ROOT

VENV_BIN = Path(sys.executable).parent


def make_commands(target: str) -> str:
    """The commands `make TARGET` would run, without running them (and without make's
    "Entering directory" lines, which it prints when these tests run inside `make test`)."""
    return subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_lint_target_runs_every_prose_and_workflow_check() -> None:
    commands = make_commands("lint")
    for tool in (
        "ruff check",
        "ruff format --check",
        "pymarkdown",
        "codespell",
        "scripts.tools.copycheck check docs",
        "scripts.tools.check_whitespace",
        "scripts.timeline check",
        "check-jsonschema --builtin-schema vendor.github-workflows",
        "check-jsonschema --builtin-schema vendor.github-issue-forms",
        "zizmor --offline",
        "scripts.tools.anchors_lock check",
    ):
        assert tool in commands, f"make lint does not run {tool}"


def test_make_test_runs_the_checks_that_need_no_build_then_pytest() -> None:
    """`make test` leaves out only lint's anchors build; its tests check the same lock."""
    test_commands = make_commands("test")
    assert "checks" in test_commands
    assert "pytest" in test_commands
    checks = make_commands("checks")
    assert "anchors_lock" not in checks
    assert checks.strip() in make_commands("lint")
    lock_test = ROOT / "tests" / "citations" / "test_citations_anchors.py"
    assert "def test_every_anchor_in_the_committed_lock_is_still_reachable(built_site" in (
        lock_test.read_text(encoding="utf-8")
    )


def test_whitespace_check_names_file_and_line_of_a_trailing_space(tmp_path: Path, capsys) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Title\n\nA line with a trailing space \n", encoding="utf-8")
    assert check_whitespace([str(page)]) == 1
    assert f"{page}:3: trailing whitespace" in capsys.readouterr().out


def test_whitespace_check_wants_exactly_one_final_newline() -> None:
    assert whitespace_problems("text") == [(1, "no newline at end of file")]
    assert whitespace_problems("text\n\n\n") == [(2, "blank line(s) at end of file")]
    assert whitespace_problems("text\r\n") == [(1, "Windows line ending (CRLF)")]
    assert whitespace_problems("text\n") == []


def test_codespell_with_the_project_config_fails_on_a_misspelling(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Pyongyang did not recieve the delegation.\n")  # codespell:ignore
    result = subprocess.run(
        [VENV_BIN / "codespell", "--config", ROOT / ".codespellrc", page],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "recieve ==> receive" in result.stdout  # codespell:ignore


def test_markdown_lint_with_the_project_config_fails_on_a_second_top_heading(
    tmp_path: Path,
) -> None:
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Page\n---\n\n# One\n\n# Two\n", encoding="utf-8")
    result = subprocess.run(
        [VENV_BIN / "pymarkdown", "--config", ROOT / ".pymarkdown.yaml", "scan", page],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "MD025" in result.stdout
