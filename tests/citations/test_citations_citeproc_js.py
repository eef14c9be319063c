"""A second engine: citeproc-js must print the site's APA, MLA and Chicago text to the letter.

Every citable item of the built site (each page's cite box, the original article on sources/,
and every section and event in cite/*.json) is rendered again by citeproc-js (Citation.js with
its CSL plugin, pinned in package.json) from the item's own CSL-JSON, with the same style files
and en-US locale citeproc-py uses. Two engines that read the same data and the same style and
still disagree point at data that leans on one engine's quirks.

Run alone with:
    .venv/bin/python -m pytest tests/citations/test_citations_citeproc_js.py -q
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from scripts.citation_render import ACCESSED_STAND_IN, with_accessed_placeholder
from scripts.citations import CSL_STYLES, ORIGINAL_ARTICLE
from scripts.pinpoints import LOCATOR_LABEL, LOCATOR_PLACEHOLDER
from tests.citations.citeproc_js import comparable, render_with_citeproc_js

# How many differences a failing test prints in full.
SHOWN = 8


@dataclass(frozen=True)
class Cited:
    """One citable item as the site publishes it."""

    where: str  # the page file or data file, and what on it
    kind: str  # page, original, section or event
    item: dict[str, Any]  # its CSL-JSON item
    texts: dict[str, str]  # style key: the site's plain text


def _csl_item(text: str, where: str, *, restates: bool = False) -> dict[str, Any]:
    """The cited item of a CSL-JSON download; a section's or event's also holds, second, the
    original article it restates."""
    items = json.loads(text)
    count = 2 if restates else 1
    assert isinstance(items, list) and len(items) == count, f"{where}: not {count} CSL items"
    if restates:
        assert items[1] == ORIGINAL_ARTICLE, f"{where}: the second item is not the original"
    return items[0]


def page_items(site_dir: Path) -> list[Cited]:
    """The items whose formats are in a page's HTML: the cite box, and sources/' original."""
    found = []
    for html_file in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
        for block in soup.select('[data-format="csl-json"]'):
            group = block.find_parent(class_="cite-formats")
            kind = "page" if block.find_parent(class_="cite-box") is not None else "original"
            where = str(html_file.relative_to(site_dir))
            texts = {}
            for style in CSL_STYLES:
                shown = group.select_one(f'[data-format="{style}"] [id]')
                assert shown is not None, f"{where}: no {style} block beside the CSL-JSON"
                texts[style] = shown.get_text()
            code = block.select_one("[id]").get_text()
            found.append(Cited(where, kind, _csl_item(code, where), texts))
    return found


def data_file_items(site_dir: Path) -> list[Cited]:
    """Every section and event of every page, from the published cite/*.json."""
    found = []
    for data_file in sorted((site_dir / "cite").glob("*.json")):
        data = json.loads(data_file.read_text(encoding="utf-8"))
        for anchor, entry in data["items"].items():
            where = f"cite/{data_file.name}#{anchor}"
            formats = {fmt["key"]: fmt for fmt in entry["formats"]}
            texts = {style: formats[style]["text"] for style in CSL_STYLES}
            item = _csl_item(formats["csl-json"]["text"], where, restates=True)
            found.append(Cited(where, entry["kind"], item, texts))
    return found


@pytest.fixture(scope="module")
def cited(built_site: Path) -> list[Cited]:
    """Every page, section and event of the built site (and the original article)."""
    found = page_items(built_site) + data_file_items(built_site)
    assert {entry.kind for entry in found} >= {"page", "section", "event", "original"}
    return found


@pytest.fixture(scope="module")
def rendered(cited: list[Cited]) -> dict[str, dict[str, dict[str, str]]]:
    """citeproc-js's entries for every item, by style key and item id, in one Node run.

    Each item gets the access-date stand-in the site renders with (the downloads carry none),
    and the stand-in's printed form becomes the same placeholder as on the site."""
    by_id: dict[str, dict[str, Any]] = {}
    for entry in cited:
        earlier = by_id.setdefault(str(entry.item["id"]), entry.item)
        assert earlier == entry.item, f"{entry.where}: another item has id {entry.item['id']}"
    items = [{"accessed": ACCESSED_STAND_IN, **item} for item in by_id.values()]
    rendered = render_with_citeproc_js(items)
    for entries in rendered.values():
        for entry in entries.values():
            entry["text"] = with_accessed_placeholder(entry["text"])
    return rendered


def test_citeproc_js_renders_every_item(
    cited: list[Cited], rendered: dict[str, dict[str, dict[str, str]]]
) -> None:
    """The harness itself: one non-empty text and HTML entry per item and style."""
    assert set(rendered) == set(CSL_STYLES)
    for style, entries in rendered.items():
        for entry in cited:
            got = entries[str(entry.item["id"])]
            assert comparable(got["text"]) and got["html"].strip(), f"{entry.where}: {style}"


def changes(ours: str, theirs: str) -> tuple[tuple[str, str], ...]:
    """Each stretch that differs, as (the site's, citeproc-js's), with a character of context."""
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    return tuple(
        (ours[max(i1 - 1, 0) : i2 + 1], theirs[max(j1 - 1, 0) : j2 + 1])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def describe(style: str, differing: list[tuple[Cited, str]], total: int) -> str:
    """The count of identical items and the first differences, both texts in full; an item
    that shows a change not seen in those before it comes first, so the kinds show up."""
    seen: set[tuple[str, str]] = set()
    new_kind, same_kind = [], []
    for entry, theirs in differing:
        found = set(changes(comparable(entry.texts[style]), theirs))
        (new_kind if found - seen else same_kind).append((entry, theirs))
        seen |= found
    lines = [
        f"{style}: {total - len(differing)} of {total} items identical in citeproc-py (the site)"
        f" and citeproc-js; {len(differing)} differ. The first {min(SHOWN, len(differing))}:"
    ]
    for entry, theirs in (new_kind + same_kind)[:SHOWN]:
        ours = comparable(entry.texts[style])
        stretches = "; ".join(f"{a!r} -> {b!r}" for a, b in changes(ours, theirs))
        lines += [
            f"- {entry.where} [{entry.kind}]: {stretches}",
            f"    site:        {ours}",
            f"    citeproc-js: {theirs}",
        ]
    return "\n".join(lines)


@pytest.mark.parametrize("style", list(CSL_STYLES))
def test_citeproc_js_prints_the_same_text(
    style: str, cited: list[Cited], rendered: dict[str, dict[str, dict[str, str]]]
) -> None:
    """Every page, section and event: the site's plain text is citeproc-js's, to the letter."""
    differing = []
    for entry in cited:
        theirs = comparable(rendered[style][str(entry.item["id"])]["text"])
        if comparable(entry.texts[style]) != theirs:
            differing.append((entry, theirs))
    if differing:
        pytest.fail(describe(style, differing, len(cited)), pytrace=False)


def test_an_edition_citation_reads_the_same_in_citeproc_js() -> None:
    """An edition build's items carry `version` (and the edition's address): both engines
    must print them alike too, although the plain build the other tests read has none."""
    from datetime import date

    from scripts import citation_render, citations

    site = citations.Site("North Korea’s 2023 pivot", "https://example.org/2026.1/", "en", "2026.1")
    target = citations.Target("Russia ties", "russia/", date(2026, 1, 15), "trade", "Trade")
    item = citations.csl_item(site, target)
    assert item["version"] == "2026.1"
    rendered = render_with_citeproc_js([{"accessed": ACCESSED_STAND_IN, **item}])
    for style in CSL_STYLES:
        ours = citation_render.plain_text(citation_render.render_html(item, style))
        theirs = with_accessed_placeholder(rendered[style][item["id"]]["text"])
        assert comparable(ours) == comparable(theirs), style
    assert "Version 2026.1" in citation_render.plain_text(citation_render.render_html(item, "mla"))


def test_citeproc_js_prints_the_same_in_text_citations(built_site: Path) -> None:
    """Each section's and event's in-text citation with the paragraph locator ("Cite this
    passage"), and the original article's, are citeproc-js's citation clusters to the letter."""
    ours: dict[str, dict[str, str]] = {}  # item id: {style: text}
    items: dict[str, dict[str, Any]] = {}
    for data_file in sorted((built_site / "cite").glob("*.json")):
        data = json.loads(data_file.read_text(encoding="utf-8"))
        for anchor, entry in data["items"].items():
            where = f"cite/{data_file.name}#{anchor}"
            formats = {fmt["key"]: fmt for fmt in entry["formats"]}
            item = _csl_item(formats["csl-json"]["text"], where, restates=True)
            items[item["id"]] = item
            items[ORIGINAL_ARTICLE["id"]] = ORIGINAL_ARTICLE
            for style in CSL_STYLES:
                ours.setdefault(item["id"], {})[style] = formats[style]["intext"]["text"]
                original = formats[style]["original_intext"]["text"]
                ours.setdefault(ORIGINAL_ARTICLE["id"], {})[style] = original
    locator = {"locator": LOCATOR_PLACEHOLDER, "label": LOCATOR_LABEL}
    theirs = render_with_citeproc_js(list(items.values()), locator)
    differing = [
        f"{style} {item_id}: site {texts[style]!r}, citeproc-js {theirs[style][item_id]['text']!r}"
        for item_id, texts in ours.items()
        for style in CSL_STYLES
        if comparable(texts[style]) != comparable(theirs[style][item_id]["text"])
    ]
    assert len(ours) > 20
    assert not differing, "\n".join(differing[:SHOWN])
