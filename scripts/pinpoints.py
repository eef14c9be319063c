"""Pinpoint citations: what the "Cite this passage" panel (docs/javascripts/passage.js)
needs beside a section's reference entries, added to the page's data file.

For each section and event, its in-text citation in APA, MLA and Chicago with a paragraph
locator, and the original article's, rendered at build time by citeproc-py as CSL citations
(scripts/pinpoint_render.py) with LOCATOR_PLACEHOLDER as the paragraph; passage.js puts the
paragraph the reader selected in its place. Rendered once per item, kept in the render cache.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from scripts import citations, page_citations
from scripts.render_cache import RenderCache

# A number no section reaches, replaced in the browser by the reader's paragraph.
LOCATOR_PLACEHOLDER = "999999"
LOCATOR_LABEL = "paragraph"


def intext_formats(
    item: citations.CslItem,
    cache: RenderCache | None = None,
    *,
    locator: str = LOCATOR_PLACEHOLDER,
    prefixes: dict[str, str] | None = None,
) -> dict[str, dict[str, str]]:
    """{style: {"html", "text"}}: `item`'s in-text citation with `locator` (a paragraph)."""
    key = json.dumps(
        {"intext": item, "locator": locator, "prefixes": prefixes or {}},
        sort_keys=True,
        ensure_ascii=False,
    )
    if cache is not None and (cached := cache.get(key)) is not None:
        return json.loads(cached)
    from scripts import pinpoint_render

    formats = pinpoint_render.citation_formats(item, locator=locator, prefixes=prefixes)
    if cache is not None:
        cache.put(key, json.dumps(formats, ensure_ascii=False))
    return formats


def with_pinpoints(
    data: dict[str, Any],
    site: citations.Site,
    page: tuple[str, str, date | None],
    found: Sequence[citations.Citable],
    cache: RenderCache | None = None,
    *,
    edition: str | None = None,
) -> dict[str, Any]:
    """The page's data file (citations.page_data) with, in each item's APA, MLA and Chicago
    format, `intext` (the item's in-text citation) and `original_intext` (the article's),
    and the edition the page belongs to (None: the latest, unversioned site)."""
    page_title, page_url, updated = page
    original = intext_formats(citations.ORIGINAL_ARTICLE, cache)
    for citable in found:
        target = citations.Target(page_title, page_url, updated, citable.anchor, citable.label)
        own = intext_formats(citations.csl_item(site, target), cache)
        for format_entry in data["items"][citable.anchor]["formats"]:
            key = format_entry["key"]
            if key in own:
                format_entry["intext"] = own[key]
                format_entry["original_intext"] = original[key]
    data["edition"] = edition
    data["locator_placeholder"] = LOCATOR_PLACEHOLDER
    return data


def for_page(
    data: dict[str, Any],
    site: citations.Site,
    page: page_citations.PageToCite,
    cache: RenderCache | None = None,
    *,
    edition: str | None = None,
) -> dict[str, Any]:
    """A page's data file with what "Cite this passage" needs for each of its citables."""
    return with_pinpoints(
        data,
        site,
        (page.title, page.url, page.updated),
        page_citations.citables(page),
        cache,
        edition=edition,
    )
