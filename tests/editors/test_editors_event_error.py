"""A misspelt event field stops the build with the exact line CONTRIBUTING.md shows editors."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "data" / "editors" / "misspelt-event.md"
# Quoted in CONTRIBUTING.md: keep the two in step.
EXPECTED_ERROR = (
    "ERROR   -  docs/editors-fixture.md: events[0] (id '2023-09-13-fixture-summit'): "
    "field 'dtae': unknown field (did you mean 'date'? "
    "allowed: date, title, section, themes, id, note, source)"
)


def test_misspelt_event_field_fails_the_build_with_the_documented_error(
    project_without_git: Path, tmp_path: Path
) -> None:
    shutil.copy2(FIXTURE, project_without_git / "docs" / "editors-fixture.md")
    result = mkdocs_build(project_without_git / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build accepted a misspelt event field"
    assert EXPECTED_ERROR in output, output
    assert "Traceback" not in output


def test_contributing_guide_quotes_the_error_the_build_gives() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "field 'dtae': unknown field (did you mean 'date'?" in guide
