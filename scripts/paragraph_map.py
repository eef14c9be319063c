"""The article's paragraph map on the pages: "From the article: paragraph 6" under every section
that restates the article, and on the Sources page a table from each paragraph of the article
to the sections that restate it.

Both are Markdown, added before MkDocs renders the page, so MkDocs' strict link and anchor
validation proves every link. A paragraph's row on the Sources page has the id
`article-p<number>` (PARAGRAPH_ID): the "From the article" links, and later pinpoint
citations, point there. Nothing here imports MkDocs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence

from scripts import markers
from scripts.article import Paragraph, ParagraphMapError
from scripts.languages import ENGLISH, UiText, join_words
from scripts.markdown_headings import source_headings

SOURCES_PAGE = "sources.md"
# The line of sources.md that the table replaces.
TABLE_MARKER = "<!-- paragraph-map -->"
PARAGRAPH_ID = "article-p{number}"
FROM_ARTICLE_CLASS = "from-article"


def link(from_page: str, number: int) -> str:
    """A Markdown link target from one page to a paragraph's row on the Sources page."""
    folder = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(SOURCES_PAGE, folder)
    return f"{target}#{PARAGRAPH_ID.format(number=number)}"


def from_article_line(from_page: str, numbers: Sequence[int], text: UiText = ENGLISH) -> str:
    """`From the article: paragraph [6](sources.md#article-p6)` as a paragraph with its class."""
    links = [f"[{number}]({link(from_page, number)})" for number in numbers]
    line = text(
        "From the article: paragraph {links}"
        if len(numbers) == 1
        else "From the article: paragraphs {links}",
        links=join_words(links, text.language),
    )
    return f"{line}\n{{: .{FROM_ARTICLE_CLASS} }}"


def with_from_article_lines(
    markdown: str, page_path: str, restates: Mapping[str, Sequence[int]], text: UiText = ENGLISH
) -> str:
    """`markdown` with a "From the article" line straight after each heading in `restates`,
    found as front matter validation finds them (scripts/markdown_headings.py)."""
    lines = markdown.split("\n")
    for heading in reversed(source_headings(markdown)):
        if heading.anchor in restates:
            line = from_article_line(page_path, restates[heading.anchor], text)
            lines[heading.last_line + 1 : heading.last_line + 1] = ["", line]
    return "\n".join(lines)


def table(
    paragraphs: Sequence[Paragraph],
    sections: Mapping[int, Sequence[tuple[str, str, str]]],
    page_titles: Mapping[str, str],
    text: UiText = ENGLISH,
) -> str:
    """The Sources page's table: paragraph, part, a summary in our words, where it is restated.

    `sections` is `scripts.article.paragraph_sections`: for each paragraph, (page path,
    section id, section title) in reading order.
    """
    rows = [
        "| {} | {} | {} | {} |".format(
            *map(text, ("Paragraph", "Part", "In our words", "Restated in"))
        ),
        "|---|---|---|---|",
    ]
    for paragraph in paragraphs:
        where = _by_page(sections.get(paragraph.number, ()), page_titles)
        anchor = PARAGRAPH_ID.format(number=paragraph.number)
        rows.append(
            f'| <span id="{anchor}">{paragraph.number}</span> | {text(paragraph.part)} '
            f"| {_cell(paragraph.summary)} | {'; '.join(where) or text('nowhere yet')} |"
        )
    return "\n".join(rows)


def _by_page(sections: Sequence[tuple[str, str, str]], page_titles: Mapping[str, str]) -> list[str]:
    """The sections that restate a paragraph, each page named once before its sections:
    "Russia ties: [A delegation in July](…), [The Vostochny summit](…)"."""
    grouped: dict[str, list[str]] = {}
    for page, section, title in sections:
        grouped.setdefault(page, []).append(f"[{title}]({_relative(page)}#{section})")
    return [f"{page_titles.get(page, page)}: {', '.join(links)}" for page, links in grouped.items()]


def with_table(markdown: str, table_markdown: str, label: str) -> str:
    """The Sources page with the table in place of its marker line."""
    return markers.replace_marker(
        markdown,
        TABLE_MARKER,
        table_markdown,
        label=label,
        what="paragraph map",
        error=ParagraphMapError,
    )


def _relative(page: str) -> str:
    """A page's Markdown path as linked from the Sources page (both in docs/)."""
    folder = posixpath.dirname(SOURCES_PAGE) or "."
    return posixpath.relpath(page, folder)


def _cell(text: str) -> str:
    """Text for a table cell: a `|` would end the cell."""
    return text.replace("|", "\\|")
