"""Every paragraph, list item and note of a section has an address: `<section>-p<number>`."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from scripts.paragraph_ids import ParagraphIdsExtension

PAGE = """\
An introduction.

## The summit {#summit}

First paragraph.

- A list item
- Another item

!!! note "Fact check"
    The record gives another date.

From the article: paragraph [8](sources.md#article-p8)
{: .from-article }

> A quoted paragraph.

## Afterwards {#after}

<p id="kept">A block that has an address already.</p>

Again one.
"""


def ids_of(text: str) -> list[str]:
    html = markdown.markdown(
        text, extensions=["attr_list", "admonition", "toc", ParagraphIdsExtension()]
    )
    return [tag["id"] for tag in BeautifulSoup(html, "html.parser").select("[id]")]


def test_blocks_are_numbered_section_by_section_in_reading_order() -> None:
    assert ids_of(PAGE) == [
        "intro-p1",
        "summit",
        "summit-p1",
        "summit-p2",
        "summit-p3",
        "summit-p4",
        "summit-p5",
        "after",
        "kept",
        "after-p1",
    ]


def test_the_from_the_article_line_and_existing_ids_are_not_numbered() -> None:
    ids = ids_of(PAGE)
    assert "kept" in ids and "after-p1" in ids and "after-p2" not in ids
    # The "From the article" line stands between the note (p4) and the quotation (p5).
    assert ids.index("summit-p5") == ids.index("summit-p4") + 1


def test_a_paragraph_added_above_renumbers_only_its_own_section() -> None:
    edited = PAGE.replace("First paragraph.", "A new paragraph.\n\nFirst paragraph.")
    before, after = ids_of(PAGE), ids_of(edited)
    assert [i for i in after if i.startswith("summit-")] == [f"summit-p{n}" for n in range(1, 7)]
    assert [i for i in after if i.startswith("after")] == [
        i for i in before if i.startswith("after")
    ]


def test_the_built_pages_number_every_section_from_one(built_site: Path) -> None:
    pattern = re.compile(r"^(.+)-p(\d+)$")
    for page in ("russia", "china", "sources", "timeline"):
        soup = BeautifulSoup((built_site / page / "index.html").read_text("utf-8"), "lxml")
        numbers: dict[str, list[int]] = {}
        for tag in soup.select("article [id]"):
            if (match := pattern.match(tag["id"])) and not tag.name.startswith("h"):
                numbers.setdefault(match.group(1), []).append(int(match.group(2)))
        assert numbers, page
        for section, found in numbers.items():
            assert found == list(range(1, len(found) + 1)), (page, section, found)
    russia = BeautifulSoup((built_site / "russia" / "index.html").read_text("utf-8"), "lxml")
    assert russia.find(id="kim-putin-summit-p1").name == "p"
