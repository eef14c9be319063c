"""The section headings of a Markdown page, read from its source: explicit ids and their text.

Front matter validation checks that an event's `section` and a `restates` entry name a heading
of the same page, and the paragraph map puts a line under each heading that restates the
article; both find the headings here, the one way (`## Text {#id}` and setext headings with
an attribute list, outside fenced code). Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
ATX_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t]*\{:?([^}]*)\}[ \t]*$")
SETEXT_RE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
TRAILING_ATTRS_RE = re.compile(r"^(.*?)[ \t]*\{:?([^}]*)\}[ \t]*$")
ID_IN_ATTRS_RE = re.compile(r"(?:^|\s)#([A-Za-z0-9_:.-]+)")


@dataclass(frozen=True)
class SourceHeading:
    """A heading with an explicit id; `last_line` is the index of its last source line (the
    underline of a setext heading), after which the section's text begins."""

    anchor: str
    text: str
    last_line: int


def source_headings(markdown: str) -> list[SourceHeading]:
    """Every heading with an explicit id, in order, outside code fences."""
    found: list[SourceHeading] = []
    fence: str | None = None
    previous = ""
    for index, line in enumerate(markdown.split("\n")):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if opening := FENCE_RE.match(line):
            fence = opening.group(1)
            previous = ""
            continue
        text_attrs: tuple[str, str] | None = None
        if atx := ATX_RE.match(line):
            text_attrs = (atx.group(1), atx.group(2))
        elif SETEXT_RE.match(line) and (trailing := TRAILING_ATTRS_RE.match(previous.strip())):
            text_attrs = (trailing.group(1), trailing.group(2))
        if text_attrs and (anchor := ID_IN_ATTRS_RE.search(text_attrs[1])):
            found.append(SourceHeading(anchor.group(1), plain_heading(text_attrs[0]), index))
        previous = line
    return found


def heading_ids(markdown: str) -> dict[str, str]:
    """Map each explicit heading id to its heading text (the first, if an id repeats)."""
    found: dict[str, str] = {}
    for heading in source_headings(markdown):
        found.setdefault(heading.anchor, heading.text)
    return found


def plain_heading(text: str) -> str:
    """Heading text without the simplest Markdown: links, emphasis and code marks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return text.strip().rstrip("#").strip()


def slugify(text: str, max_length: int = 60) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
