"""Front matter validation: every bad input is one line naming file, event and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scripts.frontmatter import (
    THEMES,
    FrontMatterError,
    check_unique_ids,
    heading_ids,
    parse_date,
    read_page,
    slugify,
)

BAD = Path(__file__).resolve().parents[1] / "data" / "timeline" / "bad"
ALLOWED_THEMES = "russia, china, inter-korean, united-states, weapons, outlook"
EVENT_FIELDS = "date, title, section, themes, id, note, source"

# One fixture file per case; the exact line each must give.
EXPECTED = {
    "malformed-yaml": "front matter is not valid YAML: line 6, column 19: "
    "mapping values are not allowed in this context",
    "unclosed-front-matter": "front matter is not closed: end it with a line '---'",
    "duplicate-yaml-key": "front matter is not valid YAML: line 6, column 5: duplicate key 'date'",
    "front-matter-not-mapping": "front matter must be a mapping of fields, got a list",
    "no-front-matter": "no front matter: start the page with a '---' block "
    "holding at least title and description",
    "missing-page-title": "field 'title': missing (every page needs one)",
    "long-description": "field 'description': 175 characters, at most 160 allowed",
    "unknown-page-field": "field 'titel': unknown field (did you mean 'title'? "
    "allowed: title, description, events, restates, alignments, hide, search, template, status)",
    "events-not-a-list": "field 'events': must be a list of events, got a mapping",
    "event-not-a-mapping": f"events[1]: must be a mapping of fields ({EVENT_FIELDS}), got a string",
    "missing-date": "events[0] (id 'leaders-meet'): field 'date': missing (required)",
    "missing-title": "events[0]: field 'title': missing (required)",
    "missing-section": "events[0]: field 'section': missing (required)",
    "missing-themes": "events[0]: field 'themes': missing (required)",
    "unparseable-date": "events[1]: field 'date': '13 Sept 2023' is not a date "
    "(use YYYY, YYYY-MM or YYYY-MM-DD)",
    "impossible-date": "events[0]: field 'date': impossible date '2023-02-30' "
    "(day is out of range for month)",
    "impossible-month": "events[0]: field 'date': impossible date '2023-13' "
    "(month must be in 1..12)",
    "date-with-time": "events[0]: field 'date': '2023-09-13 10:00' is not a date "
    "(use YYYY, YYYY-MM or YYYY-MM-DD)",
    "unknown-theme": "events[2] (id '2023-09-13-kim-putin-summit'): field 'themes': "
    f"unknown theme 'rusia' (allowed: {ALLOWED_THEMES})",
    "empty-themes": "events[0]: field 'themes': must be a list of one or more of: "
    f"{ALLOWED_THEMES}",
    "section-not-on-page": "events[0]: field 'section': no heading with id 'sumit' on this page "
    "(ids here: summit, arms)",
    "section-only-in-code": "events[0]: field 'section': no heading with id 'fenced' on this page "
    "(ids here: summit, arms)",
    "duplicate-id": "events[1] (id '2023-09-13-summit'): field 'id': duplicate id, "
    "already used by docs/duplicate-id.md events[0]; set a distinct 'id'",
    "duplicate-derived-id": "events[1] (id '2023-09-13-leaders-meet'): field 'id': duplicate id, "
    "already used by docs/duplicate-derived-id.md events[0]; set a distinct 'id'",
    "unknown-event-field": "events[0] (id '2023-09-13-fixture-summit'): field 'dtae': "
    f"unknown field (did you mean 'date'? allowed: {EVENT_FIELDS})",
    "empty-title": "events[0]: field 'title': must not be empty",
    "title-not-text": "events[0]: field 'title': must be text, got a number",
    "id-not-a-slug": "events[0] (id 'Summit_2023'): field 'id': 'Summit_2023' is not a slug "
    "(lowercase letters, digits and single hyphens)",
    "id-reserved": "events[0] (id 'y2023'): field 'id': 'y2023' is reserved "
    "for the timeline's own headings",
    "source-not-an-address": "events[0]: field 'source': 'www.un.org' is not an http(s) address",
    "empty-note": "events[0]: field 'note': must be text, got nothing",
}

VALID_PAGE = """---
title: Russia ties
description: How the ties grew.
events:
  - id: 2023-09-13-kim-putin-summit
    date: 2023-09-13
    title: Kim meets Putin
    section: kim-putin-summit
    themes: [russia, weapons]
  - date: "2023-07"
    title: A Russian delegation visits
    section: delegation
    themes: [russia]
    note: The article says July.
    source: https://example.org/report
  - date: 2024
    title: Élection américaine
    section: delegation
    themes: [outlook, united-states]
---

# Russia ties

## The Vostochny summit {#kim-putin-summit}

```markdown
## Inside a fence {#fenced}
```

A *delegation* { #delegation .wide }
-------------------------------------
"""


def validate(path: Path) -> None:
    page = read_page(path.name, path.read_text(encoding="utf-8"))
    check_unique_ids([page])


def test_every_bad_fixture_has_an_expected_message_and_back() -> None:
    assert {path.stem for path in BAD.glob("*.md")} == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_front_matter_gives_one_line_naming_file_event_and_field(case: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        validate(BAD / f"{case}.md")
    message = str(caught.value)
    assert message == f"docs/{case}.md: {EXPECTED[case]}"
    assert "\n" not in message


def test_event_with_unknown_theme_names_file_and_field() -> None:
    with pytest.raises(FrontMatterError, match=r"^docs/unknown-theme\.md: events\[2\] .*'themes'"):
        validate(BAD / "unknown-theme.md")


def test_duplicate_ids_across_pages_name_both_files() -> None:
    text = (BAD / "duplicate-id.md").read_text(encoding="utf-8")
    first = read_page("russia.md", text.replace("  - id: 2023-09-13-summit", "  - id: a", 1))
    second = read_page("china.md", text.replace("  - id: 2023-09-13-summit", "  - id: b", 1))
    with pytest.raises(FrontMatterError) as caught:
        check_unique_ids([first, second])
    assert str(caught.value) == (
        "docs/china.md: events[1] (id '2023-09-13-summit'): field 'id': duplicate id, "
        "already used by docs/russia.md events[1]; set a distinct 'id'"
    )


def test_valid_page_keeps_each_date_at_its_precision() -> None:
    page = read_page("russia.md", VALID_PAGE)
    dates = [(event.date.text, event.date.precision, event.date.label) for event in page.events]
    assert dates == [
        ("2023-09-13", "day", "13 September 2023"),
        ("2023-07", "month", "July 2023"),
        ("2024", "year", "2024"),
    ]
    assert page.events[1].date.start == dt.date(2023, 7, 1)
    assert page.events[1].date.end == dt.date(2023, 7, 31)
    assert page.events[2].date.end == dt.date(2024, 12, 31)


def test_valid_page_derives_missing_ids_from_date_and_title() -> None:
    ids = [event.id for event in read_page("russia.md", VALID_PAGE).events]
    assert ids == [
        "2023-09-13-kim-putin-summit",
        "2023-07-a-russian-delegation-visits",
        "2024-election-americaine",
    ]


def test_valid_page_links_events_to_their_section_titles() -> None:
    page = read_page("russia.md", VALID_PAGE)
    assert [event.section_title for event in page.events] == [
        "The Vostochny summit",
        "A delegation",
        "A delegation",
    ]
    assert page.events[1].note == "The article says July."
    assert page.events[1].source == "https://example.org/report"
    assert page.events[0].themes == ("russia", "weapons")


def test_crlf_and_byte_order_mark_files_read_like_any_other() -> None:
    page = read_page("russia.md", VALID_PAGE.replace("\n", "\r\n"))
    assert len(page.events) == 3


def test_unquoted_full_dates_and_bare_years_from_yaml_are_accepted() -> None:
    # MkDocs' own YAML gives date and int objects; the validator takes them as well.
    assert parse_date(dt.date(2023, 2, 8), "x").label == "8 February 2023"
    assert parse_date(2024, "x").label == "2024"
    assert parse_date("2023-04", "x").label == "April 2023"


@pytest.mark.parametrize("value", [True, 3.5, None, [2023], dt.datetime(2023, 1, 1, 12, 0)])
def test_dates_of_other_types_are_rejected(value: object) -> None:
    with pytest.raises(FrontMatterError, match=r"^x: field 'date': "):
        parse_date(value, "x")


def test_heading_ids_ignore_fenced_code_and_read_setext_headings() -> None:
    ids = heading_ids("## A {#a}\n\n~~~~\n## B {#b}\n~~~~\n\nC { #c .x }\n===\n\n### D {: #d }\n")
    assert ids == {"a": "A", "c": "C", "d": "D"}


def test_slugs_are_ascii_and_cut_at_a_word() -> None:
    assert (
        slugify("Kim Jong-un meets Putin: \u2018a new era\u2019")
        == "kim-jong-un-meets-putin-a-new-era"
    )
    assert len(slugify("word " * 40)) <= 60
    assert not slugify("word " * 40).endswith("-")


def test_theme_list_is_the_documented_one() -> None:
    assert list(THEMES) == ALLOWED_THEMES.split(", ")


def test_date_given_as_true_names_file_event_and_field() -> None:
    bad = VALID_PAGE.replace("date: 2024", "date: true")
    with pytest.raises(FrontMatterError) as caught:
        read_page("russia.md", bad)
    assert str(caught.value) == (
        "docs/russia.md: events[2]: field 'date': must be YYYY, YYYY-MM or YYYY-MM-DD, "
        "got true/false"
    )
