"""Everything the cite box, the page metadata and cite.js need for one page, from plain data.

Joins the three pure helpers (citations, page metadata, anchors) so the MkDocs hook only
gathers inputs and stores outputs. Nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from scripts import anchors, citations, page_metadata


@dataclass(frozen=True)
class CitedPage:
    """`html` is the page content with cite-tools slots; `view` goes to the templates
    (page.meta["citations"]); `data` to `data_file`."""

    html: str
    view: dict[str, Any]
    data_file: str
    data: dict[str, Any]


def cite_page(
    site: citations.Site,
    page: page_metadata.PageInfo,
    html: str,
    lock: anchors.Lock,
    page_moves: Mapping[str, str],
) -> CitedPage:
    """Cite the page, its sections and its events; describe it for machines."""
    found = anchors.citables(html)
    events = [citable for citable in found if citable.kind == "event"]
    # The home page stands for the whole edition, so it is cited by the site's title.
    page_title = site.title if page.is_home else page.title
    item = citations.csl_item(site, citations.Target(page_title, page.url, page.updated))
    moved = anchors.redirects_for_page("/" + page.url, lock, page_moves)
    data_file = citations.data_file_name(page.url)
    view = {
        "formats": citations.format_list(item),
        "original": citations.format_list(citations.ORIGINAL_ARTICLE),
        "data_file": data_file,
        "meta_tags": page_metadata.meta_tags(site, page),
        "json_ld": page_metadata.script_json(page_metadata.json_ld(site, page, events)),
        "moved_anchors": page_metadata.script_json(moved) if moved else "",
        # Set when the page that should show the original's formats has no section for them.
        "original_in_box": False,
    }
    # Only what a reader can cite gets its formats: the timeline's year and month headings
    # carry no cite tools (anchors.NO_CITE_TOOLS), so their entries would never be fetched.
    with_tools = [citable for citable in found if citable.has_tools]
    data = citations.page_data(site, page.title, page.url, page.updated, with_tools)
    return CitedPage(html=with_cite_tools(html, found), view=view, data_file=data_file, data=data)


def with_original_formats(html: str, sections: tuple[str, ...], block: str) -> str | None:
    """`html` with the original article's formats at the end of the first of `sections` that
    the page has, or None when it has none of them."""
    for section in sections:
        injected = citations.insert_at_section_end(html, section, block)
        if injected is not None:
            return injected
    return None


def with_cite_tools(html: str, found: list[anchors.Citable]) -> str:
    """`html` with an empty cite-tools slot after each section heading and at the end of each
    event. cite.js fills the slots; since the space is there from the first paint, adding the
    buttons moves nothing on the page."""
    slots = sorted(
        (citable for citable in found if citable.has_tools),
        key=lambda citable: citable.tools_at,
        reverse=True,
    )
    for citable in slots:
        slot = (
            f'<div class="cite-tools" data-cite-tools="{escape(citable.anchor)}" '
            f'data-cite-kind="{citable.kind}"></div>'
        )
        html = html[: citable.tools_at] + slot + html[citable.tools_at :]
    return html
