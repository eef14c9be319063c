"""`python -m scripts.timeline check`: a table on good input, one line and exit 1 on bad."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.timeline.timeline_site import BAD, make_site


def run_check(config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "scripts.timeline", "check", "-f", str(config)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_prints_every_event_as_a_table(tmp_path: Path) -> None:
    result = run_check(make_site(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["date", "id", "themes", "section", "title"]
    assert lines[1].split()[:4] == ["July", "2023", "2023-07-a-delegation-visits", "russia"]
    assert "13 September 2023  2023-09-13-summit" in result.stdout
    assert lines[-1] == "4 events on 3 pages: front matter OK"


def test_check_fails_with_one_line_naming_file_event_and_field(tmp_path: Path) -> None:
    config = make_site(tmp_path)
    shutil.copy2(BAD / "unknown-theme.md", tmp_path / "docs" / "russia.md")
    result = run_check(config)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "docs/russia.md: events[2] (id '2023-09-13-kim-putin-summit'): field 'themes': "
        "unknown theme 'rusia' (allowed: russia, china, inter-korean, united-states, weapons, "
        "outlook)\n"
    )


def test_check_reports_malformed_yaml_without_a_traceback(tmp_path: Path) -> None:
    config = make_site(tmp_path)
    shutil.copy2(BAD / "malformed-yaml.md", tmp_path / "docs" / "alpha.md")
    result = run_check(config)
    assert result.returncode == 1
    assert result.stderr.startswith("docs/alpha.md: front matter is not valid YAML: line 6")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_check_passes_on_the_project_pages() -> None:
    result = run_check(ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("front matter OK")
