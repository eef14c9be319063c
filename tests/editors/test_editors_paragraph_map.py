"""The paragraph map stops a build that would publish it incomplete, naming what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import mkdocs_build


def test_a_paragraph_restated_nowhere_fails_the_build_naming_it(
    project_without_git: Path, tmp_path: Path
) -> None:
    page = project_without_git / "docs" / "russia.md"
    text = page.read_text("utf-8")
    assert "\n  primorsky-talks: [2]\n" in text
    page.write_text(text.replace("\n  primorsky-talks: [2]\n", "\n"), "utf-8")
    result = mkdocs_build(project_without_git / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "includes/article-paragraphs.yml: paragraph 2 of the article is restated by no" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("broken", ["", "<!-- paragraph-map -->\n<!-- paragraph-map -->\n"])
def test_the_sources_page_needs_one_place_for_the_table(
    project_without_git: Path, tmp_path: Path, broken: str
) -> None:
    page = project_without_git / "docs" / "sources.md"
    page.write_text(page.read_text("utf-8").replace("<!-- paragraph-map -->\n", broken), "utf-8")
    result = mkdocs_build(project_without_git / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/sources.md: the paragraph map needs exactly one line" in result.stdout + result.stderr
    )
