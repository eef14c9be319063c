"""The "Changes and corrections" page and the edition's note data in Korean, with no build:
the page's words come from the Korean catalog, dates are written "2026년 3월 2일", and the
English page is the same with or without an English catalog passed."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts import changes_page, editions, languages
from scripts.frontmatter import read_page
from tests.conftest import ROOT

CHANGELOG = """editions:
  - version: "2026.2"
    date: 2026-03-02
    items:
      - {kind: correction, text: 날짜 하나를 바로잡았다., pages: [russia.md]}
      - {kind: change, text: 문장을 다듬었다.}
  - version: 2026.1
    date: 2026-01-15
    items:
      - {kind: addition, text: 첫 판.}
"""
ENTRIES = editions.parse_changelog(CHANGELOG)
TITLES = {"russia.md": "러시아와의 관계"}
EDITION = editions.Edition(
    version="2026.2",
    date=dt.date(2026, 3, 2),
    base_url="https://example.org/2026.2/",
    latest_url="https://example.org/latest/",
    pdf_path="edition-2026.2.pdf",
    previous_version="2026.1",
    commit="b" * 40,
    previous_commit="a" * 40,
    changed_pages=("russia.md",),
    corrected_pages=("russia.md",),
    entries=ENTRIES,
    published=(editions.Published(editions.Version(2026, 1), (), "a" * 40),),
)
REPO = "https://github.com/owner/repo"


@pytest.fixture
def korean() -> languages.UiText:
    return languages.read_ui_text(ROOT, "ko")


def test_dates_are_written_in_each_language() -> None:
    day = dt.date(2026, 3, 2)
    assert editions.format_date(day) == editions.format_date(day, "en") == "2 March 2026"
    assert editions.format_date(day, "ko") == "2026년 3월 2일"
    assert EDITION.template_data()["date"] == EDITION.date_text == "2 March 2026"
    assert EDITION.template_data(language="ko")["date"] == "2026년 3월 2일"


def test_korean_changes_page_of_an_edition(korean: languages.UiText) -> None:
    page = changes_page.changes_markdown(
        ENTRIES, titles=TITLES, edition=EDITION, repo_url=REPO, text=korean
    )
    assert korean.missing == set()
    assert "# 변경과 정정 {#changes-and-corrections}\n" in page
    assert "이 판은 2026년 3월 2일에 펴낸 2026.2판이다." in page
    assert "## 2026.2판, 2026년 3월 2일 {#edition-2026-2}" in page
    assert "## 2026.1판, 2026년 1월 15일 {#edition-2026-1}" in page
    assert "[2026.2판 읽기](https://example.org/2026.2/)" in page
    assert f"[2026.1판 이후의 모든 변경 보기]({REPO}/compare/{'a' * 40}...{'b' * 40})" in page
    assert "- **정정.** 날짜 하나를 바로잡았다. ([러시아와의 관계](russia.md))" in page
    assert "- **변경.** 문장을 다듬었다." in page
    assert "- **추가.** 첫 판." in page
    assert "**정정**이라고 표시한다." in page
    for english in ("Edition", "Correction", "Changes and corrections", "March", "January"):
        assert english not in page, english
    parsed = read_page("changes.md", page)
    assert parsed.title == "변경과 정정"
    assert {"changes-and-corrections", "edition-2026-2", "edition-2026-1"} <= set(parsed.headings)


def test_korean_changes_page_of_a_plain_build(korean: languages.UiText) -> None:
    entries = editions.read_changelog(ROOT, "ko")
    assert entries
    page = changes_page.changes_markdown(entries, titles=TITLES, text=korean)
    empty = changes_page.changes_markdown((), titles=TITLES, text=korean)
    assert korean.missing == set()
    assert "2026.1판, 2026년 1월 15일" in page
    assert "아직 게시된 판이 없다." in empty


def test_english_changes_page_is_the_same_with_the_english_catalog() -> None:
    for options in ({}, {"edition": EDITION, "repo_url": REPO}):
        default = changes_page.changes_markdown(ENTRIES, titles=TITLES, **options)
        english = languages.read_ui_text(ROOT, "en")
        assert (
            changes_page.changes_markdown(ENTRIES, titles=TITLES, text=english, **options)
            == default
        )
        assert english.missing == set()
    page = changes_page.changes_markdown(ENTRIES, titles=TITLES, edition=EDITION, repo_url=REPO)
    assert page.startswith("---\ntitle: Changes and corrections\ndescription: Every edition")
    assert "This is edition 2026.2 of 2 March 2026." in page
    assert "## Edition 2026.1, 15 January 2026 {#edition-2026-1}" in page
    assert "[Read edition 2026.2](https://example.org/2026.2/)" in page
    assert "[view all changes since 2026.1](" in page
    assert "- **Correction.** 날짜 하나를 바로잡았다. ([러시아와의 관계](russia.md))" in page
    assert "Corrections of fact are marked **Correction**.\n" in page
    assert changes_page.changes_markdown((), titles={}).endswith(
        "\nNo edition has been published yet.\n"
    )


def test_a_catalog_lacking_a_kind_label_leaves_it_english_and_says_so(
    korean: languages.UiText,
) -> None:
    broken = languages.UiText("ko", {k: v for k, v in korean.texts.items() if k != "Change"})
    page = changes_page.changes_markdown(ENTRIES, titles=TITLES, text=broken)
    assert broken.missing == {"Change"}
    assert "- **Change.** 문장을 다듬었다." in page
