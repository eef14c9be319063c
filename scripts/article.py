"""The article's paragraph map: which paragraphs the article has, and which sections restate them.

`includes/article-paragraphs.yml` lists the article's paragraphs in order, one mapping each:

    - number: 1
      part: In brief
      summary: North Korea turned to Russia in 2023.

Every field is required and no other is allowed: `number` counts 1, 2, 3, ... in order, `part`
is one of PARTS, `summary` is plain text. It is read like front matter (the same strict YAML,
duplicate keys rejected) and every error is one line naming the file, the entry and the field,
e.g. `includes/article-paragraphs.yml: paragraphs[3] (number 5): field 'number': expected 4
(paragraphs are numbered 1, 2, 3, ... in order)`.

Pages say which paragraphs a section restates in their `restates` front matter field
(`scripts.frontmatter`); `paragraph_sections` and `unrestated` relate the two. Nothing here
imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.frontmatter import Page, check_keys, text_field
from scripts.languages import DEFAULT, data_path
from scripts.strict_yaml import FrontMatterError, parse_yaml, yaml_kind

PARAGRAPHS_PATH = "includes/article-paragraphs.yml"  # relative to mkdocs.yml
PARTS = ("In brief", "Photo caption", "Body")
FIELDS = ("number", "part", "summary")


class ParagraphMapError(FrontMatterError):
    """Bad paragraph map. A `FrontMatterError`, so whatever stops on bad front matter (the
    hook, the `check` command) stops on it too, with its one line."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the article, as the map describes it."""

    number: int  # 1-based, in reading order
    part: str  # one of PARTS
    summary: str


def read_paragraphs(path: Path, label: str | None = None) -> tuple[Paragraph, ...]:
    """Read and validate the paragraph map at `path`; `label` names it in errors."""
    return parse_paragraphs(path.read_text(encoding="utf-8-sig"), label or PARAGRAPHS_PATH)


def site_paragraphs(project_dir: Path, language: str = DEFAULT) -> tuple[Paragraph, ...]:
    """The paragraph map of the site whose mkdocs.yml is in `project_dir`, with the summaries
    in `language` (includes/ko/article-paragraphs.yml). A site without one (a test fixture)
    has no paragraphs, and then no page may declare `restates`."""
    path = data_path(project_dir, PARAGRAPHS_PATH, language)
    label = path.relative_to(project_dir).as_posix()
    return read_paragraphs(path, label) if path.is_file() else ()


def parse_paragraphs(text: str, label: str) -> tuple[Paragraph, ...]:
    """Validate the paragraph map's YAML text, entry by entry."""
    try:
        data = parse_yaml(text, label, what="the paragraph map")
    except FrontMatterError as error:
        raise ParagraphMapError(str(error)) from None
    if not isinstance(data, list) or not data:
        raise ParagraphMapError(
            f"{label}: must be a list of one or more paragraphs ({', '.join(FIELDS)}), "
            f"got {yaml_kind(data)}"
        )
    return tuple(_paragraph(raw, label, index) for index, raw in enumerate(data))


def _paragraph(raw: Any, label: str, index: int) -> Paragraph:
    where = f"{label}: paragraphs[{index}]"
    if not isinstance(raw, dict):
        raise ParagraphMapError(
            f"{where}: must be a mapping of fields ({', '.join(FIELDS)}), got {yaml_kind(raw)}"
        )
    number = raw.get("number")
    is_number = isinstance(number, int) and not isinstance(number, bool)
    if is_number:
        where += f" (number {number})"
    try:
        check_keys(raw, FIELDS, FIELDS, where)
    except FrontMatterError as error:
        raise ParagraphMapError(str(error)) from None
    if not is_number:
        raise ParagraphMapError(
            f"{where}: field 'number': must be a whole number, got {yaml_kind(number)}"
        )
    if number != index + 1:
        raise ParagraphMapError(
            f"{where}: field 'number': expected {index + 1} "
            "(paragraphs are numbered 1, 2, 3, ... in order)"
        )
    part = raw["part"]
    if part not in PARTS:
        raise ParagraphMapError(
            f"{where}: field 'part': unknown part {part!r} (allowed: {', '.join(PARTS)})"
        )
    try:
        summary = text_field(raw["summary"], where, "summary")
    except FrontMatterError as error:
        raise ParagraphMapError(str(error)) from None
    return Paragraph(number, part, summary)


def paragraph_sections(
    pages: Iterable[Page], paragraphs: Iterable[Paragraph], page_order: Sequence[str] = ()
) -> dict[int, list[tuple[str, str, str]]]:
    """For each paragraph, in order, the sections that restate it: (page path, section id,
    section title), in nav order (pages outside `page_order` after, by path), then page order.

    Every paragraph is a key, with an empty list when no section restates it.
    """
    rank = {path: index for index, path in enumerate(page_order)}
    found: dict[int, list[tuple[str, str, str]]] = {p.number: [] for p in paragraphs}
    for page in sorted(pages, key=lambda page: (rank.get(page.path, len(rank)), page.path)):
        for section, numbers in page.restates.items():
            for number in numbers:
                if number in found:
                    found[number].append((page.path, section, page.headings[section]))
    return found


def unrestated(pages: Iterable[Page], paragraphs: Iterable[Paragraph]) -> list[int]:
    """The numbers of the paragraphs that no section restates, in order."""
    sections = paragraph_sections(pages, paragraphs)
    return [number for number, where in sections.items() if not where]


def check_every_paragraph_restated(pages: list[Page], paragraphs: tuple[Paragraph, ...]) -> None:
    """Stop a build whose pages leave a paragraph of the article untold."""
    if missing := unrestated(pages, paragraphs):
        numbers = ", ".join(str(number) for number in missing)
        raise ParagraphMapError(
            f"{PARAGRAPHS_PATH}: paragraph {numbers} of the article is restated by no "
            "section: name it in the `restates` front matter of the section that tells it"
        )
