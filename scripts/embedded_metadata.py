"""The metadata embedded in a page for machines: meta tags and schema.org JSON-LD.

Reference managers and search engines each read a different vocabulary: Zotero and Google
Scholar read Highwire `citation_*` tags, library tools Dublin Core, social sites OpenGraph and
Twitter cards, search engines schema.org. All are made here from the same plain data as the
citations, so they never disagree. Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from scripts.citations import (
    ORIGINAL_AFFILIATION,
    ORIGINAL_ARTICLE,
    ORIGINAL_PUBLISHER_PLACE,
    ORIGINAL_SERIES,
    Site,
    absolute_url,
)

if TYPE_CHECKING:
    from scripts.page_citations import Citable

MetaTag = tuple[str, str, str]  # (attribute, key, content): ("name", "citation_title", "...")


@dataclass(frozen=True)
class PageInfo:
    """What the metadata needs to know about one page."""

    title: str
    description: str
    url: str  # relative to the site root: "" or "russia/"
    updated: date | None
    is_home: bool = False


def _original_date() -> str:
    year, month, day = ORIGINAL_ARTICLE["issued"]["date-parts"][0]
    return f"{year:04d}-{month:02d}-{day:02d}"


def meta_tags(site: Site, page: PageInfo) -> list[MetaTag]:
    """Highwire, Dublin Core, OpenGraph and Twitter tags, in that order."""
    address = absolute_url(site, page.url)
    title = site.title if page.is_home else page.title
    tags: list[MetaTag] = [
        ("name", "citation_title", title),
        ("name", "citation_author", site.editors),
    ]
    if page.updated:
        tags.append(("name", "citation_publication_date", page.updated.strftime("%Y/%m/%d")))
    tags += [
        ("name", "citation_public_url", address),
        ("name", "citation_language", site.language),
        ("name", "DC.title", title),
        ("name", "DC.creator", site.editors),
        ("name", "DC.publisher", site.title),
        ("name", "DC.description", page.description),
        ("name", "DC.language", site.language),
        ("name", "DC.type", "Text"),
        ("name", "DC.format", "text/html"),
        ("name", "DC.identifier", address),
        ("name", "DC.source", ORIGINAL_ARTICLE["URL"]),
    ]
    if page.updated:
        tags.append(("name", "DC.date", page.updated.isoformat()))
    tags += [
        ("property", "og:type", "website" if page.is_home else "article"),
        ("property", "og:title", title),
        ("property", "og:description", page.description),
        ("property", "og:url", address),
        ("property", "og:site_name", site.title),
        ("property", "og:locale", "en_US" if site.language == "en" else site.language),
    ]
    if page.updated and not page.is_home:
        tags.append(("property", "article:modified_time", page.updated.isoformat()))
    tags += [
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", page.description),
    ]
    return tags


def original_article_schema() -> dict[str, Any]:
    """The source article as schema.org data, for `isBasedOn`."""
    return {
        "@type": "Article",
        "headline": ORIGINAL_ARTICLE["title"],
        "url": ORIGINAL_ARTICLE["URL"],
        "datePublished": _original_date(),
        "inLanguage": "en",
        "author": {
            "@type": "Person",
            "name": "Gabriela Bernal",
            "affiliation": {"@type": "Organization", "name": ORIGINAL_AFFILIATION},
        },
        "publisher": {
            "@type": "Organization",
            "name": ORIGINAL_ARTICLE["container-title"],
            "address": ORIGINAL_PUBLISHER_PLACE,
        },
        "isPartOf": {"@type": "CreativeWorkSeries", "name": ORIGINAL_SERIES},
    }


def _event_schema(site: Site, page: PageInfo, event: Citable) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "@type": "Event",
        "name": event.label,
        "url": absolute_url(site, page.url, event.anchor),
    }
    if event.datetime:
        schema["startDate"] = event.datetime
    return schema


def json_ld(site: Site, page: PageInfo, events: list[Citable] | None = None) -> dict[str, Any]:
    """The page as an `Article` based on the original, its `BreadcrumbList`, and on the
    timeline an `ItemList` of `Event`s."""
    address = absolute_url(site, page.url)
    home = absolute_url(site, "")
    website = {"@type": "WebSite", "name": site.title, "url": home}
    article: dict[str, Any] = {
        "@type": "Article",
        "@id": address + "#article",
        "headline": site.title if page.is_home else page.title,
        "name": page.title,
        "description": page.description,
        "url": address,
        "inLanguage": site.language,
        "author": {"@type": "Organization", "name": site.editors},
        "publisher": {"@type": "Organization", "name": site.title},
        "isPartOf": website,
        "isBasedOn": original_article_schema(),
    }
    if page.updated:
        article["dateModified"] = page.updated.isoformat()
    crumbs = [{"@type": "ListItem", "position": 1, "name": site.title, "item": home}]
    if not page.is_home:
        crumbs.append({"@type": "ListItem", "position": 2, "name": page.title, "item": address})
    graph: list[dict[str, Any]] = [
        article,
        {"@type": "BreadcrumbList", "itemListElement": crumbs},
    ]
    if events:
        graph.append(
            {
                "@type": "ItemList",
                "name": page.title,
                "url": address,
                "numberOfItems": len(events),
                "itemListOrder": "https://schema.org/ItemListOrderAscending",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "item": _event_schema(site, page, event),
                    }
                    for position, event in enumerate(events, start=1)
                ],
            }
        )
    return {"@context": "https://schema.org", "@graph": graph}


def script_json(data: Any) -> str:
    """JSON safe inside a `<script>` element: `<`, `>` and `&` are escaped as \\u sequences,
    so no string in the data can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
