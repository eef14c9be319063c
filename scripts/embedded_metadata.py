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
from scripts.languages import CSL_LOCALES

if TYPE_CHECKING:
    from scripts.page_citations import Citable

MetaTag = tuple[str, str, str]  # (attribute, key, content): ("name", "citation_title", "...")

# The card social sites and chat apps show for a link: a static image in docs/assets/,
# made by `python -m scripts.tools.social_card` (nothing is fetched to make or show it).
SOCIAL_CARD = "assets/social-card.png"
SOCIAL_CARD_SIZE = (1200, 630)
SOCIAL_CARD_ALT = "{site}: a citable edition of Gabriela Bernal’s East Asia Forum analysis"


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


def meta_tags(site: Site, page: PageInfo, pdf_url: str | None = None) -> list[MetaTag]:
    """Highwire, Dublin Core, OpenGraph and Twitter tags, in that order.

    Chosen for what Zotero's "Embedded Metadata" translator saves (zotero/translators):
    - every page, section and event is a web page: `og:type` "website" (Zotero's RDF step
      reads it as `webpage`; "article" would leave its `citation_title` guess of a journal
      article standing);
    - no author: the edition is cited by title with the site as publisher (APA 7 allows it),
      so there is no `citation_author` or `DC.creator` for Zotero to split into first and
      last names (and Material prints no `<meta name="author">`: mkdocs.yml sets no
      site_author);
    - no `DC.type`: Zotero files it as the web page's "website type" ("Text");
    - the website title is `og:site_name`: Zotero takes `DC.source` as the publication
      before it, so the original article is named in `DC.relation`, which it ignores, and in
      the JSON-LD's `isBasedOn`;
    - `citation_public_url` is the address Zotero saves; cite.js rewrites it (and the titles)
      on the live page when the address names a section (docs/javascripts/cite.js).
    """
    address = absolute_url(site, page.url)
    title = site.title if page.is_home else page.title
    tags: list[MetaTag] = [("name", "citation_title", title)]
    if page.updated:
        tags.append(("name", "citation_publication_date", page.updated.strftime("%Y/%m/%d")))
    if pdf_url:
        # Zotero attaches the PDF this names (the edition's), instead of a snapshot.
        tags.append(("name", "citation_pdf_url", pdf_url))
    tags += [
        ("name", "citation_public_url", address),
        ("name", "citation_language", site.language),
        ("name", "DC.title", title),
        ("name", "DC.publisher", site.title),
        ("name", "DC.description", page.description),
        ("name", "DC.language", site.language),
        ("name", "DC.format", "text/html"),
        ("name", "DC.identifier", address),
        ("name", "DC.relation", ORIGINAL_ARTICLE["URL"]),
    ]
    if page.updated:
        tags.append(("name", "DC.date", page.updated.isoformat()))
    card = absolute_url(site, SOCIAL_CARD)
    tags += [
        ("property", "og:type", "website"),
        ("property", "og:title", title),
        ("property", "og:description", page.description),
        ("property", "og:url", address),
        ("property", "og:site_name", site.title),
        # OpenGraph writes a locale as language_TERRITORY: en_US, ko_KR.
        ("property", "og:locale", CSL_LOCALES.get(site.language, site.language).replace("-", "_")),
        ("property", "og:image", card),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(SOCIAL_CARD_SIZE[0])),
        ("property", "og:image:height", str(SOCIAL_CARD_SIZE[1])),
        ("property", "og:image:alt", SOCIAL_CARD_ALT.format(site=site.title)),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", page.description),
        ("name", "twitter:image", card),
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
    """The page as a `WebPage` based on the original article, its `BreadcrumbList`, and on
    the timeline an `ItemList` of `Event`s."""
    address = absolute_url(site, page.url)
    home = absolute_url(site, "")
    website = {"@type": "WebSite", "name": site.title, "url": home}
    article: dict[str, Any] = {
        "@type": "WebPage",
        "@id": address + "#webpage",
        "headline": site.title if page.is_home else page.title,
        "name": page.title,
        "description": page.description,
        "url": address,
        "inLanguage": site.language,
        "publisher": {"@type": "Organization", "name": site.title},
        "isPartOf": website,
        "isBasedOn": original_article_schema(),
    }
    if page.updated:
        article["dateModified"] = page.updated.isoformat()
    if site.version:
        article["version"] = site.version
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
