"""The locator map: the committed SVG (`includes/locator-map.svg`, drawn by
`scripts/tools/locator_map.mjs`), its caption, and its places as a list, from the same
`places.json` the drawing reads."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from scripts.pictures.common import PictureError, figure, href, rewrite_md_links

MARKER = "<!-- locator-map -->"
PLACES = Path(__file__).with_name("places.json")
SVG = Path(__file__).resolve().parents[2] / "includes" / "locator-map.svg"


def read_places(path: Path = PLACES) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def render(
    *,
    on_page: str,
    use_directory_urls: bool = True,
    svg_path: Path = SVG,
    places_path: Path = PLACES,
) -> str:
    """The map as a `<figure>` for `on_page`, its links made relative to that page."""
    try:
        svg = svg_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PictureError(
            f"{svg_path.name}: missing; run `node scripts/tools/locator_map.mjs` and commit it"
        ) from None
    data = read_places(places_path)
    svg = rewrite_md_links(svg, on_page, use_directory_urls=use_directory_urls)

    def link(target: str, text: str) -> str:
        address = href(on_page, target, use_directory_urls=use_directory_urls)
        return f'<a href="{escape(address)}">{escape(text)}</a>'

    items = [
        f"<li>{link(place['section'], place['name'])} ({place['lat']:.2f}° N, "
        f"{place['lon']:.2f}° E): {escape(place['what'])}</li>"
        for place in data["places"]
    ]
    border = data["border"]
    items.append(
        f"<li>{link(border['section'], border['name'])}: {escape(border['what'])}; see "
        f"{link(border['zone_section'], 'the no-fly zones')}</li>"
    )
    washington = data["washington"]
    items.append(
        f"<li>{link(washington['section'], washington['name'])} (off the map, an arrow): "
        f"{escape(washington['what'])}</li>"
    )
    caption = (
        "Where it happened: the places of the article, each linked to the section that tells "
        "its story. The border line and its zones are drawn approximately. Map: Natural Earth "
        "(public domain), azimuthal equal-area projection centred on the region."
    )
    return figure(
        "map",
        svg,
        caption,
        '<ul class="pic__list">' + "".join(items) + "</ul>",
        data_summary="The places as a list",
    )
