"""Small, targeted fixes to Material's HTML output: valid, accessible and private pages.

Each fix rewrites only the start tag it concerns and leaves the rest of the page byte for
byte, so the output stays what Material produced apart from the fix. Tags are found with the
standard library's HTML tokenizer rather than regular expressions over the whole page.
Knows nothing of MkDocs: it takes and returns a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

# The HTML standard allows `autocomplete` only on text-like inputs; Material puts
# autocomplete="off" on its checkbox toggles (drawer, search) and the Nu checker rejects it.
INPUT_TYPES_WITHOUT_AUTOCOMPLETE = frozenset({"checkbox", "radio"})
# Material's search dialog (`div.md-search[role=dialog]`) has no accessible name (axe rule
# aria-dialog-name); name it after what it is.
SEARCH_DIALOG_NAME = "Search"
# Material's repository link asks api.github.com for stars and forks on every page load;
# nothing may leave the local site, so the link stays but loses the component hook.
REPOSITORY_COMPONENT = "source"
# Material loads its bundle with a plain script tag at the end of the body. Chrome fetches
# such a parser-blocking script at high priority, so Lighthouse counts its 35 KB as needed
# for the first paint. `defer` runs it at the same point (after parsing, before
# DOMContentLoaded, which the bundle waits for) without that cost.
THEME_BUNDLE_PREFIX = "assets/javascripts/bundle."
# Material writes each language of `extra.alternate` into the head as
# <link rel="alternate" hreflang href="../ko/">: the language's home, by a relative address.
# Lighthouse fails relative hreflang addresses, search engines want the page's own
# translation, and Material's script fetches a sitemap.xml beside each of them. The links go;
# each page's translations are in the sitemaps instead (overrides/sitemap.xml), where search
# engines read hreflang too.
HREFLANG_REL = "alternate"


@dataclass(frozen=True)
class StartTag:
    """One start tag as written in the source: where it is and what it says."""

    start: int
    text: str
    name: str
    attrs: tuple[tuple[str, str | None], ...]

    def attr(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def has_attr(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)


class _StartTagCollector(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        # Where each line starts, to turn the tokenizer's (line, column) into an offset.
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", html))]
        self.tags: list[StartTag] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or ""
        self.tags.append(StartTag(self._offset(), text, tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def start_tags(html: str) -> list[StartTag]:
    """Every start tag of the page, in order, with its exact source text and offset."""
    collector = _StartTagCollector(html)
    collector.feed(html)
    collector.close()
    return collector.tags


def render_start_tag(name: str, attrs: tuple[tuple[str, str | None], ...]) -> str:
    parts = [name]
    for key, value in attrs:
        parts.append(key if value is None else f'{key}="{escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


def fixed_tag(tag: StartTag, search_name: str = SEARCH_DIALOG_NAME) -> str | None:
    """The replacement source for a start tag that needs a fix ("" to drop it), or None to
    keep it. `search_name` names the search dialog in the page's language."""
    if tag.name == "link" and tag.attr("rel") == HREFLANG_REL and tag.has_attr("hreflang"):
        return ""
    if (
        tag.name == "input"
        and (tag.attr("type") or "").lower() in INPUT_TYPES_WITHOUT_AUTOCOMPLETE
        and tag.has_attr("autocomplete")
    ):
        attrs = tuple((key, value) for key, value in tag.attrs if key != "autocomplete")
        return render_start_tag(tag.name, attrs)
    if (
        tag.attr("role") == "dialog"
        and tag.attr("data-md-component") == "search"
        and not (tag.has_attr("aria-label") or tag.has_attr("aria-labelledby"))
    ):
        return render_start_tag(tag.name, (*tag.attrs, ("aria-label", search_name)))
    if (
        tag.name == "script"
        and THEME_BUNDLE_PREFIX in (tag.attr("src") or "")
        and not tag.has_attr("defer")
    ):
        return render_start_tag(tag.name, (*tag.attrs, ("defer", None)))
    if tag.name == "a" and tag.attr("data-md-component") == REPOSITORY_COMPONENT:
        attrs = tuple((key, value) for key, value in tag.attrs if key != "data-md-component")
        return render_start_tag(tag.name, attrs)
    return None


def fix_html(html: str, search_name: str = SEARCH_DIALOG_NAME) -> str:
    """The page with Material's invalid, inaccessible or tracking start tags rewritten."""
    pieces: list[str] = []
    position = 0
    for tag in start_tags(html):
        replacement = fixed_tag(tag, search_name)
        if replacement is None:
            continue
        pieces.append(html[position : tag.start])
        pieces.append(replacement)
        position = tag.start + len(tag.text)
    pieces.append(html[position:])
    return "".join(pieces)
