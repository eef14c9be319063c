"""Which page shows which picture: the timeline strip on the timeline page; on the overview the
compact strip and the alignment diagram; on the places page the locator map. Each goes in
place of its marker line.

The map has a page of its own because of weight: with it, the overview's first view would pass
75 KB gzip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scripts import languages
from scripts.frontmatter import Event, Page
from scripts.languages import UiText
from scripts.pictures import alignments, locator, strip
from scripts.pictures.common import PictureError, replace_marker
from scripts.timeline import PAGE_PATH as TIMELINE_PAGE

OVERVIEW_PAGE = "index.md"
MAP_PAGE = "places.md"
# The timeline page is generated (scripts/timeline.py); the strip goes above its first year.
TIMELINE_ANCHOR = '<section class="tl-year"'


def collect_moves(pages: Sequence[Page]) -> dict[str, list[alignments.Move]]:
    """Every page's validated `alignments`, by page path; run once all pages are read, because
    a move's `section` may name any page's heading."""
    headings = {page.path: page.headings for page in pages}
    return {
        page.path: alignments.validate(page.meta[alignments.FIELD], page.label, headings)
        for page in pages
        if alignments.FIELD in page.meta
    }


def add_pictures(
    markdown: str,
    path: str,
    *,
    label: str,
    events: Sequence[Event],
    moves: Mapping[str, Sequence[alignments.Move]],
    use_directory_urls: bool = True,
    text: UiText = languages.ENGLISH,
) -> str:
    """`markdown` of the page `path` with its pictures in place; other pages come back as given.
    `text` is the build's catalog (`languages.read_ui_text`): the pictures speak its language,
    and a word it lacks is recorded in its `missing`.

    The places page, and an overview with alignment data, must carry each of their markers
    once, so that a picture cannot vanish silently when the page is edited; the error names
    the file and the line to restore.
    """
    if path == TIMELINE_PAGE and events:
        lines = markdown.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith(TIMELINE_ANCHOR)), None)
        if at is None:
            raise PictureError(
                f"{TIMELINE_PAGE}: no line starting {TIMELINE_ANCHOR!r}, above which the "
                "timeline strip goes (scripts/timeline.py changed its markup?)"
            )
        lines[at:at] = [strip.render(events, on_page=path, text=text), ""]
        return "\n".join(lines)
    if path == MAP_PAGE:
        html = locator.render(on_page=path, use_directory_urls=use_directory_urls, text=text)
        return replace_marker(markdown, locator.MARKER, html, label, "locator map")
    # The overview's pictures come with its alignment data: a site whose overview has none
    # (a test fixture) has no pictures there; the site's own tests require both.
    if path != OVERVIEW_PAGE or (OVERVIEW_PAGE not in moves and alignments.MARKER not in markdown):
        return markdown
    if OVERVIEW_PAGE not in moves:
        raise PictureError(
            f"{label}: field {alignments.FIELD!r}: missing; the overview's alignment diagram "
            "is drawn from it"
        )
    pictures = [
        (
            strip.MARKER,
            "timeline strip",
            strip.render(events, on_page=path, compact=True, text=text),
        ),
        (
            alignments.MARKER,
            "alignment diagram",
            alignments.render(moves[OVERVIEW_PAGE], on_page=path, text=text),
        ),
    ]
    for marker, what, html in pictures:
        markdown = replace_marker(markdown, marker, html, label, what)
    return markdown


__all__ = ["PictureError", "add_pictures", "collect_moves"]
