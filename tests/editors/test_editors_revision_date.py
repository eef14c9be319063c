"""Last-changed dates: from git, else from SOURCE_DATE_EPOCH, and a bad value is named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.project import (
    SourceDateEpochError,
    source_date_epoch,
    undated_variables,
)
from tests.conftest import mkdocs_build


def test_source_date_epoch_is_read_as_whole_seconds() -> None:
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"}) == 1_700_000_000


def test_unset_or_empty_source_date_epoch_means_no_fixed_date() -> None:
    assert source_date_epoch({}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": ""}) is None


def test_malformed_source_date_epoch_is_an_error_that_quotes_it() -> None:
    with pytest.raises(SourceDateEpochError, match=r"got '2023-11-14'"):
        source_date_epoch({"SOURCE_DATE_EPOCH": "2023-11-14"})


def test_only_dates_without_a_commit_are_replaced() -> None:
    meta = {
        "git_revision_date_localized": "x",
        "git_revision_date_localized_hash": "",
        "git_site_revision_date_localized": "y",
        "git_site_revision_date_localized_hash": "0123abcd",
    }
    assert undated_variables(meta) == ["git_revision_date_localized"]


def test_pages_show_their_last_changed_date(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "russia" / "index.html").read_text(encoding="utf-8"), "lxml")
    date = page.select_one(".md-source-file .git-revision-date-localized-plugin")
    assert date is not None, "the page does not show when it last changed"
    assert re.fullmatch(r"Last changed \d{1,2} [A-Z][a-z]+ \d{4}", date.get_text(strip=True))


def test_build_with_a_malformed_source_date_epoch_fails_naming_it(
    project_without_git: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = mkdocs_build(project_without_git / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'yesterday'" in (
        result.stdout + result.stderr
    )
