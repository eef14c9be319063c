"""The article's paragraph map and the pages' `restates` field: strict reading, one-line errors,
and which sections restate which paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import timeline
from scripts.article import (
    PARTS,
    Paragraph,
    ParagraphMapError,
    paragraph_sections,
    read_paragraphs,
    unrestated,
)
from scripts.frontmatter import FrontMatterError, read_page

DATA = Path(__file__).resolve().parents[1] / "data"
MAPS = DATA / "article"
RESTATES = DATA / "timeline" / "restates"
LABEL = "includes/article-paragraphs.yml"
NUMBERS = range(1, 16)


def read_map(case: str) -> tuple[Paragraph, ...]:
    return read_paragraphs(MAPS / f"{case}.yml", LABEL)


def map_error(case: str) -> str:
    with pytest.raises(ParagraphMapError) as caught:
        read_map(case)
    message = str(caught.value)
    assert "\n" not in message
    return message


def restates_error(case: str, paragraphs=NUMBERS) -> str:
    path = RESTATES / f"{case}.md"
    with pytest.raises(FrontMatterError) as caught:
        read_page(path.name, path.read_text(encoding="utf-8"), paragraphs=paragraphs)
    message = str(caught.value)
    assert "\n" not in message
    return message


def page(path: str, restates: str, headings: str = "") -> timeline.Page:
    text = (
        f"---\ntitle: T {path}\ndescription: D.\nrestates:\n{restates}---\n\n"
        f"## A {{#a}}\n\n## B {{#b}}\n{headings}"
    )
    return read_page(path, text, paragraphs=NUMBERS)


def test_valid_map_gives_fifteen_paragraphs_in_order() -> None:
    paragraphs = read_map("valid")
    assert [p.number for p in paragraphs] == list(NUMBERS)
    assert paragraphs[0] == Paragraph(1, "In brief", "Paragraph 1 in short.")
    assert paragraphs[1].part == "Photo caption"
    assert {p.part for p in paragraphs} == set(PARTS)


def test_paragraphs_are_frozen() -> None:
    with pytest.raises(AttributeError):
        read_map("valid")[0].number = 2  # type: ignore[misc]


def test_map_entry_with_missing_field_names_file_entry_and_field() -> None:
    assert map_error("missing-field") == (
        f"{LABEL}: paragraphs[3] (number 4): field 'summary': missing (required)"
    )


def test_map_entry_with_unknown_field_names_file_entry_and_field() -> None:
    assert map_error("unknown-field") == (
        f"{LABEL}: paragraphs[3] (number 4): field 'sumary': unknown field "
        "(did you mean 'summary'? allowed: number, part, summary)"
    )


def test_map_numbers_out_of_order_name_the_number_expected() -> None:
    assert map_error("number-out-of-order") == (
        f"{LABEL}: paragraphs[3] (number 5): field 'number': expected 4 "
        "(paragraphs are numbered 1, 2, 3, ... in order)"
    )


def test_map_number_that_is_not_a_number_names_entry_and_field() -> None:
    assert map_error("number-not-a-number") == (
        f"{LABEL}: paragraphs[3]: field 'number': must be a whole number, got a string"
    )


def test_map_entry_with_empty_summary_names_file_entry_and_field() -> None:
    assert map_error("empty-summary") == (
        f"{LABEL}: paragraphs[3] (number 4): field 'summary': must not be empty"
    )


def test_map_entry_with_unknown_part_lists_the_parts() -> None:
    assert map_error("unknown-part") == (
        f"{LABEL}: paragraphs[1] (number 2): field 'part': unknown part 'Caption' "
        "(allowed: In brief, Photo caption, Body)"
    )


def test_map_with_a_key_given_twice_names_its_line() -> None:
    assert map_error("duplicate-key") == (
        f"{LABEL}: the paragraph map is not valid YAML: line 9, column 3: duplicate key 'part'"
    )


def test_map_entry_that_is_not_a_mapping_says_what_it_is() -> None:
    assert map_error("entry-not-a-mapping") == (
        f"{LABEL}: paragraphs[3]: must be a mapping of fields (number, part, summary), got a string"
    )


@pytest.mark.parametrize(("case", "kind"), [("not-a-list", "a mapping"), ("empty", "nothing")])
def test_map_that_is_not_a_list_of_paragraphs_says_what_it_is(case: str, kind: str) -> None:
    assert map_error(case) == (
        f"{LABEL}: must be a list of one or more paragraphs (number, part, summary), got {kind}"
    )


def test_every_map_fixture_is_tested() -> None:
    tested = {"valid", "missing-field", "unknown-field", "number-out-of-order"}
    tested |= {"number-not-a-number", "empty-summary", "unknown-part", "duplicate-key"}
    tested |= {"entry-not-a-mapping", "not-a-list", "empty"}
    assert {path.stem for path in MAPS.glob("*.yml")} == tested


def test_restates_is_kept_in_page_order_with_single_numbers_as_lists() -> None:
    path = RESTATES / "valid.md"
    found = read_page(path.name, path.read_text(encoding="utf-8"), paragraphs=NUMBERS)
    assert found.restates == {"kim-putin-summit": (8,), "arms-deals": (10, 9)}
    assert list(found.restates) == ["kim-putin-summit", "arms-deals"]


def test_page_without_restates_restates_nothing() -> None:
    found = read_page("p.md", "---\ntitle: T\ndescription: D.\n---\n")
    assert found.restates == {}


def test_restates_that_is_not_a_mapping_names_file_and_field() -> None:
    assert restates_error("not-a-mapping") == (
        "docs/not-a-mapping.md: field 'restates': must be a mapping of section ids to "
        "paragraph numbers, got a list"
    )


def test_restates_with_unknown_section_names_file_and_section_and_lists_the_ids() -> None:
    assert restates_error("unknown-section") == (
        "docs/unknown-section.md: restates (section 'kim-putin'): no heading with id "
        "'kim-putin' on this page (ids here: kim-putin-summit, arms-deals)"
    )


def test_restates_with_unknown_paragraph_names_file_section_and_field() -> None:
    assert restates_error("unknown-paragraph") == (
        "docs/unknown-paragraph.md: restates (section 'arms-deals'): field 'restates': "
        "paragraph 16 is not in the article (paragraphs 1-15)"
    )


def test_restates_with_a_value_that_is_not_a_number_names_file_section_and_field() -> None:
    assert restates_error("not-a-number") == (
        "docs/not-a-number.md: restates (section 'arms-deals'): field 'restates': "
        "must be a paragraph number or a list of them, got a string"
    )


def test_restates_with_a_paragraph_listed_twice_names_it() -> None:
    assert restates_error("listed-twice") == (
        "docs/listed-twice.md: restates (section 'arms-deals'): field 'restates': "
        "paragraph 9 is listed twice"
    )


def test_restates_with_an_empty_list_names_file_section_and_field() -> None:
    assert restates_error("empty-list") == (
        "docs/empty-list.md: restates (section 'arms-deals'): field 'restates': "
        "must list at least one paragraph"
    )


def test_restates_without_a_paragraph_map_is_refused() -> None:
    assert restates_error("valid", paragraphs=()) == (
        "docs/valid.md: field 'restates': no paragraph map of the article to check it against"
    )


def test_restates_true_is_not_paragraph_one() -> None:
    with pytest.raises(FrontMatterError, match=r"got true/false$"):
        page("p.md", "  a: true\n")


def test_collect_passes_the_paragraphs_to_every_page() -> None:
    path = RESTATES / "valid.md"
    source = (path.name, f"docs/{path.name}", path.read_text(encoding="utf-8"))
    assert timeline.collect([source], paragraphs=NUMBERS)[0].restates["arms-deals"] == (10, 9)
    with pytest.raises(FrontMatterError, match=r"no paragraph map"):
        timeline.collect([source])


def test_paragraph_sections_follow_nav_order_then_page_order() -> None:
    paragraphs = read_map("valid")
    first = page("first.md", "  b: [2, 3]\n  a: 2\n")
    second = page("second.md", "  a: [1, 2]\n")
    sections = paragraph_sections([second, first], paragraphs, page_order=["first.md"])
    assert list(sections) == list(NUMBERS)
    assert sections[1] == [("second.md", "a", "A")]
    assert sections[2] == [("first.md", "a", "A"), ("first.md", "b", "B"), ("second.md", "a", "A")]
    assert sections[3] == [("first.md", "b", "B")]
    assert sections[4] == []


def test_unrestated_lists_the_paragraphs_no_section_restates() -> None:
    paragraphs = read_map("valid")
    pages = [page("first.md", "  b: [2, 3]\n"), page("second.md", "  a: [15, 1]\n")]
    assert unrestated(pages, paragraphs) == list(range(4, 15))
    assert unrestated([], paragraphs) == list(NUMBERS)


def test_check_command_reads_the_paragraph_map_next_to_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "includes").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: S\nnav:\n  - valid.md\n", encoding="utf-8")
    (tmp_path / "docs" / "valid.md").write_bytes((RESTATES / "valid.md").read_bytes())
    assert timeline.main(["check", "-f", str(tmp_path / "mkdocs.yml")]) == 1  # no map yet
    (tmp_path / "includes" / "article-paragraphs.yml").write_bytes(
        (MAPS / "valid.yml").read_bytes()
    )
    assert timeline.main(["check", "-f", str(tmp_path / "mkdocs.yml")]) == 0
