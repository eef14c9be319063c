"""The changelog is validated like configuration; versions are YEAR.N; a plain build has no
version selector but has the changes page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scripts import editions
from scripts.strict_yaml import FrontMatterError

GOOD = """editions:
  - version: "2026.2"
    date: 2026-03-02
    items:
      - {kind: correction, text: A date is corrected., pages: [russia.md]}
  - version: 2026.1
    date: 2026-01-15
    items:
      - {kind: addition, text: First edition.}
"""


def test_changelog_entries_are_read_newest_first_with_real_dates() -> None:
    entries = editions.parse_changelog(GOOD)
    assert [str(entry.version) for entry in entries] == ["2026.2", "2026.1"]
    assert entries[0].date == dt.date(2026, 3, 2)
    assert entries[0].items[0] == editions.Item(
        "correction", "A date is corrected.", ("russia.md",)
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            GOOD.replace("    date: 2026-03-02\n", ""),
            "includes/editions.yml: editions[0] (version '2026.2'): field 'date': missing",
        ),
        (
            GOOD.replace("kind: correction", "kind: fix"),
            "editions[0] (version '2026.2'): items[0]: field 'kind': unknown kind 'fix'",
        ),
        (
            GOOD.replace(
                """    items:
      - {kind: addition, text: First edition.}""",
                "    items: []",
            ),
            "editions[1] (version '2026.1'): field 'items': must be a list of at least one",
        ),
        (GOOD.replace('"2026.2"', '"2026-2"'), "editions[0] (version '2026-2'): field 'version'"),
        (GOOD.replace("2026-03-02", "2026-02-30"), "field 'date': impossible date '2026-02-30'"),
        (
            GOOD.replace('"2026.2"', '"2025.9"'),
            "editions[1] (version '2026.1'): field 'version': must be older",
        ),
        (GOOD.replace("text: First", "txt: First"), "items[0]: field 'txt': unknown field"),
    ],
    ids=["no-date", "bad-kind", "no-items", "bad-version", "impossible-date", "order", "typo"],
)
def test_a_bad_changelog_names_the_file_the_entry_and_the_field(source: str, message: str) -> None:
    with pytest.raises(FrontMatterError, match=None) as error:
        editions.parse_changelog(source)
    assert message in str(error.value)


def test_an_item_naming_a_missing_page_names_it() -> None:
    with pytest.raises(
        FrontMatterError, match=re.escape("items[0]: field 'pages': no page 'russia.md'")
    ):
        editions.check_item_pages(editions.parse_changelog(GOOD), {"china.md"})


@pytest.mark.parametrize("text", ["2026", "2026.0", "26.1", "2026.1a", "v2026.1", ""])
def test_a_malformed_version_is_refused(text: str) -> None:
    with pytest.raises(editions.EditionError, match="is not an edition version"):
        editions.parse_version(text)


def test_versions_sort_by_number_not_text() -> None:
    assert editions.parse_version("2026.10") > editions.parse_version("2026.9")


def test_a_plain_build_is_no_edition() -> None:
    assert editions.current_edition(Path("."), {}) is None


def test_an_edition_build_without_its_changelog_entry_names_the_version(tmp_path: Path) -> None:
    (tmp_path / "includes").mkdir()
    (tmp_path / editions.CHANGELOG_PATH).write_text(GOOD, encoding="utf-8")
    with pytest.raises(editions.EditionError, match=re.escape("no entry for edition 2027.1")):
        editions.current_edition(tmp_path, {editions.VERSION_VARIABLE: "2027.1"})


def test_plain_build_has_the_changes_page_and_no_version_selector(built_site: Path) -> None:
    changes = (built_site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "Changes and corrections" in changes and "edition-2026-1" in changes
    page = (built_site / "russia" / "index.html").read_text(encoding="utf-8")
    assert "data-md-component=outdated" not in page
    assert "edition-note" not in page
    assert not (built_site / "javascripts" / "edition.js").exists() or "edition.js" not in page
