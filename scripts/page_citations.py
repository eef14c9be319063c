"""What on one page is citable, and everything its cite box, metadata and cite.js need.

The citable things come from data, never from scraping HTML: the page's sections are its
table of contents (headings h2-h6, with the ids editors give them), and on the timeline its
events are the validated front-matter events. The HTML is only searched for where each known
id stands, to put an empty cite-tools slot after its heading or at the end of its event.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from scripts import anchors, citations, embedded_metadata
from scripts.render_cache import RenderCache

# The sections of sources.md that show the original article's six formats: the first that
# exists gets them at its end; without either, they go into that page's cite box.
ORIGINAL_ON_PAGE = "sources.md"
ORIGINAL_SECTIONS = ("cite-the-article", "how-to-cite")
CITABLE_LEVELS = range(2, 7)


@dataclass(frozen=True)
class Heading:
    """One entry of a page's table of contents."""

    level: int
    anchor: str
    title: str


@dataclass(frozen=True)
class Citable:
    """A section or a timeline event that readers can cite on its own."""

    anchor: str
    label: str
    kind: str  # "section" or "event"
    datetime: str | None = None  # an event's date as written: 2023, 2023-04 or 2023-04-25


@dataclass(frozen=True)
class PageToCite(embedded_metadata.PageInfo):
    """What the citations need to know about one page, from the hook: what its metadata
    describes, and its headings."""

    headings: tuple[Heading, ...] = ()
    # On the timeline: its events (anchor, title, date text) and its year and month headings,
    # which are signposts with no cite tools of their own.
    events: tuple[Citable, ...] = ()
    signposts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CitedPage:
    """`html` is the page content with cite-tools slots; `view` goes to the templates
    (page.meta["citations"]); `data` is published as `data_file`."""

    html: str
    view: dict[str, Any]
    data_file: str
    data: dict[str, Any]


def flat_headings(toc: Iterable[Any]) -> list[Heading]:
    """A page's table of contents (MkDocs' links: level, id, title, children), flattened in
    reading order."""
    found = []
    for link in toc:
        found.append(Heading(link.level, link.id, link.title))
        found.extend(flat_headings(link.children))
    return found


def event_citables(events: Sequence[Any]) -> list[Citable]:
    """The timeline page's events (frontmatter.Event) as what its cite tools cite."""
    return [Citable(event.id, event.title, "event", event.date.text) for event in events]


def citables(page: PageToCite) -> list[Citable]:
    """The page's sections (not the signposts) and events, in the order the page shows them.

    On every page the sections come in table-of-contents order; the timeline's events stand
    between its signpost headings and its two closing sections (downloads and dates).
    """
    sections = [
        Citable(heading.anchor, heading.title, "section")
        for heading in page.headings
        if heading.level in CITABLE_LEVELS and heading.anchor not in page.signposts
    ]
    if not page.events:
        return sections
    return [*page.events, *sections]


def cite_page(
    site: citations.Site,
    page: PageToCite,
    html: str,
    *,
    lock: anchors.Lock,
    page_moves: Mapping[str, str],
    cache: RenderCache | None = None,
    original_block: str | None = None,
    latest: citations.Site | None = None,
    pdf_url: str | None = None,
    folder: str = "",
) -> CitedPage:
    """Cite the page, its sections and its events; describe it for machines.

    `original_block`, given on the page that shows the original article's formats, goes at
    the end of the first of ORIGINAL_SECTIONS the page has; without one, into its cite box.
    In an edition, `site` names the edition and `latest` the site as its `latest` alias: the
    cite box offers both, this edition first; `pdf_url` is the edition's PDF. `folder` is a
    translation's folder under the site root ("ko/"), where the anchors lock finds its pages.
    """
    found = citables(page)
    # The home page stands for the whole edition, so it is cited by the site's title.
    page_title = site.title if page.is_home else page.title
    target = citations.Target(page_title, page.url, page.updated)
    item = citations.csl_item(site, target)
    moved = anchors.redirects_for_page("/" + folder + page.url, lock, page_moves)
    data_file = citations.data_file_name(page.url)
    events = [citable for citable in found if citable.kind == "event"]
    html = with_cite_tools(html, found)
    original_in_box = False
    if original_block is not None:
        placed = with_block_at_section_end(html, ORIGINAL_SECTIONS, original_block)
        original_in_box = placed is None
        html = placed or html
    latest_formats = None
    if latest is not None:
        latest_item = citations.csl_item(
            latest, citations.Target(page_title, page.url, page.updated)
        )
        latest_formats = citations.format_list(latest_item, cache)
    view = {
        "formats": citations.format_list(item, cache),
        "version": site.version,
        "latest_formats": latest_formats,
        "original": citations.format_list(citations.ORIGINAL_ARTICLE, cache),
        "data_file": data_file,
        "meta_tags": embedded_metadata.meta_tags(site, page, pdf_url),
        "json_ld": embedded_metadata.script_json(embedded_metadata.json_ld(site, page, events)),
        "moved_anchors": embedded_metadata.script_json(moved) if moved else "",
        "original_in_box": original_in_box,
    }
    data = citations.page_data(site, page.title, page.url, page.updated, found, cache)
    return CitedPage(html=html, view=view, data_file=data_file, data=data)


def original_formats(cache: RenderCache | None = None) -> list[dict[str, str]]:
    """The original article's six formats, for the block the hook renders on sources.md."""
    return citations.format_list(citations.ORIGINAL_ARTICLE, cache)


# The start tag of a heading or a list item that carries an id (Python-Markdown and our
# timeline write every id in double quotes; the page is not minified yet).
_ID_START_TAG = re.compile(r'<(h[2-6]|li)\b[^>]*?\bid="([^"]+)"[^>]*>')


def id_tags(html: str) -> dict[str, re.Match[str]]:
    """The start tag of each heading and list item with an id, by id (the first of each)."""
    found: dict[str, re.Match[str]] = {}
    for match in _ID_START_TAG.finditer(html):
        found.setdefault(match.group(2), match)
    return found


def tools_position(html: str, citable: Citable, tags: Mapping[str, re.Match[str]]) -> int | None:
    """Where a citable's slot goes: after its heading's end tag, or before its event's end
    tag. Headings and events never nest another of their kind, so the first end tag after
    the start tag is their own."""
    start = tags.get(citable.anchor)
    wanted = "section" if start is None or start.group(1).startswith("h") else "event"
    if start is None or wanted != citable.kind:
        return None
    end = html.find(f"</{start.group(1)}>", start.end())
    if end < 0:
        return None
    return end + len(start.group(1)) + 3 if citable.kind == "section" else end


def with_cite_tools(html: str, found: Sequence[Citable]) -> str:
    """`html` with an empty cite-tools slot after each section heading and at the end of each
    event. cite.js fills the slots; since the space is there from the first paint, adding the
    buttons moves nothing on the page."""
    tags = id_tags(html)
    slots = []
    for citable in found:
        position = tools_position(html, citable, tags)
        if position is None:
            raise ValueError(f"no element with id {citable.anchor!r} on the page")
        slots.append((position, citable))
    pieces, last = [], 0
    for position, citable in sorted(slots, key=lambda slot: slot[0]):
        pieces += [html[last:position], _slot(citable)]
        last = position
    return "".join([*pieces, html[last:]])


def _slot(citable: Citable) -> str:
    return (
        f'<div class="cite-tools" data-cite-tools="{escape(citable.anchor)}" '
        f'data-cite-kind="{citable.kind}"></div>'
    )


def with_block_at_section_end(html: str, sections: Collection[str], block: str) -> str | None:
    """`html` with `block` at the end of the first of `sections` the page has (before the
    next heading of the same or a higher level), or None when it has none of them."""
    tags = id_tags(html)
    for section in sections:
        start = tags.get(section)
        if start is None or not start.group(1).startswith("h"):
            continue
        level = int(start.group(1)[1])
        following = re.compile(rf"<h[1-{level}]\b").search(html, start.end())
        at = following.start() if following else len(html)
        return html[:at] + block + html[at:]
    return None
