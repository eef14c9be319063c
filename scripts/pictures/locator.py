"""The locator map: the committed SVG (`includes/locator-map.svg`, drawn by
`scripts/tools/locator_map.mjs`), its caption, and its places as a list, from the same
`places.json` the drawing reads.

A translation has its own map, drawn by the same script from `places.json` with the names and
descriptions of `places.<language>.json` beside it (`scripts/pictures/places.ko.json`): the SVG
is `includes/<language>/locator-map.svg` (scripts/languages.py's layout rule) and the list here
takes the same words; the caption and the list's own words come from the language's catalog.
"""

from __future__ import annotations

import copy
import json
from html import escape
from pathlib import Path
from typing import Any

from scripts import languages
from scripts.languages import UiText
from scripts.pictures.common import PictureError, figure, href, rewrite_md_links

MARKER = "<!-- locator-map -->"
PLACES = Path(__file__).with_name("places.json")
ROOT = Path(__file__).resolve().parents[2]
SVG_RELATIVE = "includes/locator-map.svg"
SVG = ROOT / SVG_RELATIVE
GENERATOR = "node scripts/tools/locator_map.mjs"


def places_translation(language: str, places_path: Path = PLACES) -> Path:
    """`scripts/pictures/places.ko.json`: the names and descriptions of the map in `language`."""
    return places_path.with_name(f"{places_path.stem}.{language}{places_path.suffix}")


def svg_for(language: str, root: Path = ROOT) -> Path:
    """The committed map of `language`: includes/locator-map.svg, includes/ko/locator-map.svg."""
    return languages.data_path(root, SVG_RELATIVE, language)


def read_places(path: Path = PLACES, language: str = languages.DEFAULT) -> dict[str, Any]:
    """`places.json`, in `language` when that is not English: each place's, reference's, the
    border's and Washington's `name` and `what` (and each region name, which may be null: not
    drawn) replaced from `places.<language>.json`, which must translate every one of them and
    nothing else (the drawing script applies the same rule)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if language == languages.DEFAULT:
        return data
    source = places_translation(language, path)
    label = source.relative_to(ROOT).as_posix() if source.is_relative_to(ROOT) else str(source)
    try:
        words = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PictureError(
            f"{label}: missing; the {language} locator map and its list take their names from it"
        ) from None
    except json.JSONDecodeError as error:
        raise PictureError(f"{label}: not valid JSON: {error}") from None
    return translate_places(data, words, label)


def translate_places(data: dict[str, Any], words: dict[str, Any], label: str) -> dict[str, Any]:
    """`data` (places.json) with the translated words of `words` (places.<language>.json)."""
    out = copy.deepcopy(data)

    def fields(where: str, entry: dict[str, Any], given: Any, keys: tuple[str, ...]) -> None:
        if not isinstance(given, dict) or set(given) != set(keys):
            raise PictureError(f"{label}: {where}: expected exactly the fields {', '.join(keys)}")
        for key in keys:
            if not isinstance(given[key], str) or not given[key].strip():
                raise PictureError(f"{label}: {where}: field {key!r}: expected a non-empty text")
            entry[key] = given[key]

    def by_id(group: str, keys: tuple[str, ...]) -> None:
        given = words.get(group)
        ids = [entry["id"] for entry in out[group]]
        if not isinstance(given, dict) or set(given) != set(ids):
            raise PictureError(
                f"{label}: {group!r}: expected exactly the ids of places.json ({', '.join(ids)})"
            )
        for entry in out[group]:
            fields(f"{group}.{entry['id']}", entry, given[entry["id"]], keys)

    by_id("places", ("name", "what"))
    by_id("references", ("name",))
    for key in ("border", "washington"):
        fields(key, out[key], words.get(key), ("name", "what"))
    names = words.get("names")
    english = [entry["name"] for entry in out["names"]]
    if not isinstance(names, dict) or set(names) != set(english):
        raise PictureError(
            f"{label}: 'names': expected exactly the region names of places.json "
            f"({', '.join(english)})"
        )
    for entry in out["names"]:
        name = names[entry["name"]]
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise PictureError(
                f"{label}: names.{entry['name']}: expected a non-empty text, or null"
            )
        entry["name"] = name
    # A region name given as null is not drawn in that language (Korean names the sea 동해
    # alone).
    out["names"] = [entry for entry in out["names"] if entry["name"] is not None]
    return out


def render(
    *,
    on_page: str,
    use_directory_urls: bool = True,
    svg_path: Path | None = None,
    places_path: Path = PLACES,
    text: UiText = languages.ENGLISH,
) -> str:
    """The map as a `<figure>` for `on_page`, its links made relative to that page, in the
    language of `text`: that language's SVG and names, and its catalog's words."""
    language = text.language
    if svg_path is None:
        svg_path = svg_for(language)
        if language != languages.DEFAULT and svg_path == SVG:
            raise PictureError(
                f"includes/{language}/locator-map.svg: missing; run `{GENERATOR}` and commit it"
            )
    try:
        svg = svg_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PictureError(f"{svg_path.name}: missing; run `{GENERATOR}` and commit it") from None
    data = read_places(places_path, language)
    svg = rewrite_md_links(svg, on_page, use_directory_urls=use_directory_urls)

    def link(target: str, words: str) -> str:
        address = href(on_page, target, use_directory_urls=use_directory_urls)
        return f'<a href="{escape(address)}">{escape(words)}</a>'

    items = [
        "<li>"
        + text(
            "{name} ({lat:.2f}° N, {lon:.2f}° E): {what}",
            name=link(place["section"], place["name"]),
            lat=place["lat"],
            lon=place["lon"],
            what=escape(place["what"]),
        )
        + "</li>"
        for place in data["places"]
    ]
    border = data["border"]
    items.append(
        "<li>"
        + text(
            "{name}: {what}; see {zones}",
            name=link(border["section"], border["name"]),
            what=escape(border["what"]),
            zones=link(border["zone_section"], text("the no-fly zones")),
        )
        + "</li>"
    )
    washington = data["washington"]
    items.append(
        "<li>"
        + text(
            "{name} (off the map, an arrow): {what}",
            name=link(washington["section"], washington["name"]),
            what=escape(washington["what"]),
        )
        + "</li>"
    )
    caption = escape(
        text(
            "Where it happened: the places of the article, each linked to the section that "
            "tells its story. The border line and its zones are drawn approximately. Map: "
            "Natural Earth (public domain), azimuthal equal-area projection centred on the "
            "region."
        )
    )
    return figure(
        "map",
        svg,
        caption,
        '<ul class="pic__list">' + "".join(items) + "</ul>",
        data_summary=text("The places as a list"),
    )
