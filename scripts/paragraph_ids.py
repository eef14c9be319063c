"""Every paragraph, list item and note of a section gets an address: `#kim-putin-summit-p2`.

A Python-Markdown extension (the hooks add it to the page's Markdown; nothing here imports
MkDocs). It numbers, section by section, the blocks a reader would point at: paragraphs, list
items and notes (admonitions), in reading order, and gives each the id
`<section id>-p<number>` (`intro-p<number>` before the first section heading). The small
link to itself that readers see on hover and keyboard focus is added by cite.js, which
recognises `-p<number>` at the end of an id; that keeps the pages light, and without
JavaScript the addresses work all the same.

The numbers count blocks as they stand in one edition: within a frozen edition an address
never changes. In the latest edition, a paragraph added above another renumbers the ones
after it in that section only; a pinpoint citation therefore names its edition (the section
ids themselves never change: the anchors lock keeps them).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
BEFORE_FIRST_SECTION = "intro"
# Lines the build adds about a section, not text of it ("From the article: paragraph 6").
NOT_NUMBERED_CLASSES = frozenset({"from-article", "admonition-title"})


def paragraph_id(section: str, number: int) -> str:
    return f"{section}-p{number}"


def _classes(element: etree.Element) -> set[str]:
    return set((element.get("class") or "").split())


class _ParagraphIds(Treeprocessor):
    """Walks the page's top-level blocks in order, numbering within the current section."""

    def run(self, root: etree.Element) -> None:
        section, number = BEFORE_FIRST_SECTION, 0
        for block in list(root):
            if block.tag in HEADINGS and block.get("id"):
                section, number = block.get("id") or section, 0
                continue
            for target in self._targets(block):
                number += 1
                self._address(target, paragraph_id(section, number), number)

    def _targets(self, block: etree.Element) -> list[etree.Element]:
        """The blocks of `block` a reader can cite: itself, its list items, or nothing."""
        if block.get("id") or _classes(block) & NOT_NUMBERED_CLASSES:
            return []  # it has an address already (a timeline event), or is not the text
        if block.tag == "p":
            # A paragraph that only holds raw HTML's placeholder becomes that HTML (a `<div>`,
            # a `<p id>`): it is not a paragraph of ours to number.
            if len(block) == 0 and HTML_PLACEHOLDER_RE.fullmatch((block.text or "").strip()):
                return []
            return [block]
        if block.tag in ("ul", "ol"):
            return [item for item in block if item.tag == "li" and not item.get("id")]
        if block.tag == "div" and "admonition" in _classes(block):
            return [block]  # a note is cited whole
        if block.tag == "blockquote":
            return [part for part in block if part.tag == "p"]
        return []

    @staticmethod
    def _address(element: etree.Element, anchor: str, number: int) -> None:
        element.set("id", anchor)


class ParagraphIdsExtension(Extension):
    """Adds the paragraph addresses after the table of contents has given headings their ids."""

    def extendMarkdown(self, md: Markdown) -> None:
        # At toc's priority (5) and registered after it, so heading ids are final; and before
        # MkDocs' own anchor collector (also 5, registered later still), so MkDocs' link
        # validation knows the new ids.
        md.treeprocessors.register(_ParagraphIds(md), "paragraph_ids", 5)
