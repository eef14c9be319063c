"""Abbreviations in Korean text: `ICBM을` gets its tooltip as `ICBM 발사` does.

Python-Markdown's `abbr` finds an abbreviation between `\\b` word boundaries. In Korean a
particle follows the word with no space (`KCNA는`, `ICBM을`), and Hangul counts as a word
character, so there is no boundary and no tooltip. This extension (added by the hooks to a
translation's build only; the English pages stay as they are) swaps in the same tree processor
with one change, the boundary: no Latin letter or digit on either side. Nothing else of the
library's behaviour is touched. Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor

# Where an abbreviation may start and end: not inside a longer Latin word or number.
BEFORE, AFTER = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"


class _HangulAwareAbbr(AbbrTreeprocessor):
    def run(self, root: etree.Element) -> etree.Element | None:
        if not self.abbrs:
            return None
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(f"{BEFORE}(?:{'|'.join(re.escape(key) for key in keys)}){AFTER}")
        self.iter_element(root)
        return None


class KoreanAbbrExtension(Extension):
    """Must come after `abbr` in the extension list: it replaces abbr's tree processor,
    sharing its table of abbreviations (the block processor fills that table)."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" not in md.treeprocessors:
            return
        library = md.treeprocessors["abbr"]
        md.treeprocessors.deregister("abbr")
        # abbr's own priority (markdown.extensions.abbr registers its tree processor at 7).
        md.treeprocessors.register(_HangulAwareAbbr(md, library.abbrs), "abbr", 7)
