"""Quotations cited as the article quotes them: "Cite this quotation".

`includes/quotations.yml` lists every quotation of a public figure or document that the
article makes and a page repeats between ‘ and ’, one mapping each:

    - page: russia.md
      section: support-for-the-war
      text: will prevail
      speaker: Kim Jong-un
      occasion: message to Vladimir Putin on Victory Day, 9 May 2023
      paragraph: 7
      source:
        title: North Korea’s Kim says Russia will prevail over hostile forces
        url: https://www.asiaone.com/asia/north-koreas-kim-says-russia-will-prevail-over-hostile-forces
        publisher: AsiaOne
        date: 2023-05-09

`page`, `section` (a heading's `{#id}` there), `text` (the words between the marks, without
them), `speaker`, `occasion` and `paragraph` (the article's paragraph that quotes the words: one
of those the section `restates`) are required; `source` is optional: the primary source, where
the page already cites one, with `title`, `url`, `publisher` and `date` (all required; it is
cited as a web page, whose site is its publisher). It is read like front matter and every error
is one line naming the file, the entry and the field, e.g. `includes/quotations.yml:
quotations[2] (will-prevail): field 'paragraph': section 'support-for-the-war' of docs/russia.md
restates paragraph 7, not 8`.

The build wraps the first occurrence of each quotation in its section (`mark`) and gives the
page's data file, per quotation, the secondary-source citation in APA, MLA and Chicago with the
article's paragraph as locator, rendered by citeproc-py (`data`). Nothing here imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scripts import citations, pinpoints
from scripts.frontmatter import Page, check_keys, parse_date, text_field
from scripts.languages import DEFAULT, ENGLISH, UiText, data_path
from scripts.markdown_headings import slugify
from scripts.render_cache import RenderCache
from scripts.strict_yaml import FrontMatterError, parse_yaml, yaml_kind

QUOTATIONS_PATH = "includes/quotations.yml"  # relative to mkdocs.yml
REQUIRED = ("page", "section", "text", "speaker", "occasion", "paragraph")
# `id`: given where the words have no Latin letters to make it from (a translation's file
# gives the English entry's id, so that a quotation has one address in every language).
FIELDS = (*REQUIRED, "source", "id")
SOURCE_FIELDS = ("title", "url", "publisher", "date")
OPEN, CLOSE = "\u2018", "\u2019"
HANGUL = re.compile("[\uac00-\ud7a3]")
# The id is the slug of the quotation's first words: short, and stable while the words are.
ID_WORDS = 5
# The secondary-source forms: APA 7 8.6 "as cited in", MLA 9 6.32 "qtd. in" (the speaker is
# named in the sentence), Chicago 18 13.71 "quoted in".
PREFIXES = {"apa": "{speaker}, as cited in ", "mla": "qtd. in ", "chicago": "{speaker}, quoted in "}


class QuotationError(FrontMatterError):
    """A bad quotation entry; a `FrontMatterError`, so the build stops on it with its line."""


@dataclass(frozen=True, slots=True)
class Source:
    """The primary source of a quotation, as the page already cites it."""

    title: str
    url: str
    publisher: str
    date: tuple[int, ...]  # (year, month, day), as precise as given


@dataclass(frozen=True, slots=True)
class Quotation:
    id: str
    page: str  # inside docs/, e.g. "russia.md"
    section: str
    text: str  # the words, without the marks around them
    speaker: str
    occasion: str
    paragraph: int
    source: Source | None
    where: str  # how errors name the entry: "includes/quotations.yml: quotations[0] (...)"


def read_quotations(
    project_dir: Path, pages: Mapping[str, Page], language: str = DEFAULT
) -> tuple[Quotation, ...]:
    """The site's quotations, as `language`'s pages give them (includes/ko/quotations.yml),
    checked against its pages; none for a site without the file."""
    path = data_path(project_dir, QUOTATIONS_PATH, language)
    if not path.is_file():
        return ()
    label = path.relative_to(project_dir).as_posix()
    return parse_quotations(path.read_text(encoding="utf-8-sig"), label, pages)


def parse_quotations(text: str, label: str, pages: Mapping[str, Page]) -> tuple[Quotation, ...]:
    try:
        data = parse_yaml(text, label, what="the quotations")
    except FrontMatterError as error:
        raise QuotationError(str(error)) from None
    if not isinstance(data, list):
        raise QuotationError(
            f"{label}: must be a list of quotations ({', '.join(FIELDS)}), got {yaml_kind(data)}"
        )
    found: dict[str, Quotation] = {}
    for index, raw in enumerate(data):
        quotation = _quotation(raw, f"{label}: quotations[{index}]", pages)
        if quotation.id in found:
            raise QuotationError(
                f"{quotation.where}: field 'text': the same first words as "
                f"{found[quotation.id].where.removeprefix(label + ': ')}"
            )
        found[quotation.id] = quotation
    return tuple(found.values())


def _quotation(raw: Any, where: str, pages: Mapping[str, Page]) -> Quotation:
    if not isinstance(raw, dict):
        raise QuotationError(
            f"{where}: must be a mapping of fields ({', '.join(FIELDS)}), got {yaml_kind(raw)}"
        )
    try:
        check_keys(raw, FIELDS, REQUIRED, where)
        words = text_field(raw["text"], where, "text")
        quotation_id = (
            text_field(raw["id"], where, "id")
            if "id" in raw
            else slugify(" ".join(words.split()[:ID_WORDS]))
        )
        if not quotation_id:
            raise QuotationError(
                f"{where}: field 'id': the words give no id (no Latin letters): add `id`"
            )
        where += f" ({quotation_id})"
        values = {key: text_field(raw[key], where, key) for key in REQUIRED[:-1]}
        source = _source(raw["source"], where) if "source" in raw else None
    except QuotationError:
        raise
    except FrontMatterError as error:
        raise QuotationError(str(error)) from None
    if words[0] in OPEN + CLOSE or words[-1] in OPEN + CLOSE:
        raise QuotationError(f"{where}: field 'text': give the words without the ‘ ’ marks")
    page = pages.get(values["page"])
    if page is None:
        raise QuotationError(
            f"{where}: field 'page': no page docs/{values['page']} (pages: {', '.join(pages)})"
        )
    section = values["section"]
    if section not in page.headings:
        raise QuotationError(
            f"{where}: field 'section': no heading with id {section!r} on {page.label}"
        )
    paragraph = raw["paragraph"]
    restated = page.restates.get(section, ())
    if not isinstance(paragraph, int) or isinstance(paragraph, bool):
        raise QuotationError(
            f"{where}: field 'paragraph': must be a whole number, got {yaml_kind(paragraph)}"
        )
    if paragraph not in restated:
        listed = ", ".join(str(number) for number in restated) or "none"
        raise QuotationError(
            f"{where}: field 'paragraph': section {section!r} of {page.label} restates "
            f"paragraph {listed}, not {paragraph} (its `restates` front matter)"
        )
    return Quotation(
        quotation_id,
        page.path,
        section,
        words,
        values["speaker"],
        values["occasion"],
        paragraph,
        source,
        where,
    )


def _source(raw: Any, where: str) -> Source:
    if not isinstance(raw, dict):
        raise QuotationError(
            f"{where}: field 'source': must be a mapping ({', '.join(SOURCE_FIELDS)}), "
            f"got {yaml_kind(raw)}"
        )
    where = f"{where}: source"
    check_keys(raw, SOURCE_FIELDS, SOURCE_FIELDS, where)
    title, url, publisher = (text_field(raw[key], where, key) for key in SOURCE_FIELDS[:3])
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", url):
        raise QuotationError(f"{where}: field 'url': {url!r} is not an http(s) address")
    # parse_date names the field 'date', as here.
    day = parse_date(raw["date"], where)
    date = tuple(int(part) for part in day.text.split("-"))
    return Source(title, url, publisher, date)


def on_page(quotations: Iterable[Quotation], page: str) -> list[Quotation]:
    return [quotation for quotation in quotations if quotation.page == page]


_HEADING = re.compile(r"<h[1-6]\b[^>]*>")


def mark(html: str, quotations: Iterable[Quotation], label: str) -> str:
    """`html` (a page's content) with the first occurrence of each quotation, marks included,
    in its section (from its heading to the next) wrapped in a `span.quotation`."""
    for quotation in quotations:
        heading = re.search(rf'<h[1-6]\b[^>]*\bid="{re.escape(quotation.section)}"[^>]*>', html)
        if heading is None:
            raise QuotationError(
                f"{quotation.where}: field 'section': no heading with id "
                f"{quotation.section!r} in {label}"
            )
        following = _HEADING.search(html, heading.end())
        end = following.start() if following else len(html)
        quoted = OPEN + escape(quotation.text, quote=False) + CLOSE
        at = _in_text(html, quoted, heading.end(), end)
        if at < 0:
            raise QuotationError(
                f"{quotation.where}: field 'text': {quoted} is not in section "
                f"{quotation.section!r} of {label}"
            )
        span = f'<span class="quotation" data-quotation="{quotation.id}">{quoted}</span>'
        html = html[:at] + span + html[at + len(quoted) :]
    return html


def _in_text(html: str, quoted: str, start: int, end: int) -> int:
    """Where `quoted` first stands in text (not in a tag) between `start` and `end`, or -1."""
    at = html.find(quoted, start, end)
    while at >= 0 and html.rfind("<", 0, at) > html.rfind(">", 0, at):
        at = html.find(quoted, at + 1, end)
    return at


def source_item(source: Source) -> citations.CslItem:
    """The primary source as a CSL item: no author (the publisher names it), like a site page."""
    return {
        # A title in Hangul slugs to nothing: the address then tells sources apart.
        "id": "source-"
        + (slugify(source.title) or slugify(urlsplit(source.url).path))[:48].strip("-"),
        # A web page, as the site's own pages are: citeproc-py prints a stray "Edition." in
        # Chicago for an `article-newspaper` without one, and "In" before a `document`'s site.
        "type": "webpage",
        "title": citations.rich_title(source.title),
        "container-title": source.publisher,
        "issued": {"date-parts": [list(source.date)]},
        "URL": source.url,
        "language": "ko" if HANGUL.search(source.title) else "en",
    }


def data(
    quotations: Iterable[Quotation],
    cache: RenderCache | None = None,
    text: UiText = ENGLISH,
) -> dict[str, Any]:
    """The `quotations` map of a page's data file: id -> the quotation and, per style, its
    in-text citation, the line a student would write, Bernal's entry and the source's."""
    original = citations.all_formats(citations.ORIGINAL_ARTICLE, cache)
    found = {}
    for quotation in quotations:
        prefixes = {
            style: prefix.format(speaker=quotation.speaker) for style, prefix in PREFIXES.items()
        }
        intext = pinpoints.intext_formats(
            citations.ORIGINAL_ARTICLE, cache, locator=str(quotation.paragraph), prefixes=prefixes
        )
        source = (
            citations.all_formats(source_item(quotation.source), cache)
            if quotation.source
            else None
        )
        formats = {}
        for style in citations.CSL_STYLES:
            formats[style] = {
                "intext": intext[style],
                "quotation": quotation_line(quotation, intext[style], text),
                "entry": _style_only(original[style]),
            }
            if source is not None:
                formats[style]["source"] = _style_only(source[style])
        found[quotation.id] = {
            "text": quotation.text,
            "speaker": quotation.speaker,
            "occasion": quotation.occasion,
            "section": quotation.section,
            "paragraph": quotation.paragraph,
            "source_url": quotation.source.url if quotation.source else None,
            "formats": formats,
        }
    return found


def quotation_line(
    quotation: Quotation, intext: Mapping[str, str], text: UiText = ENGLISH
) -> dict[str, str]:
    """As a student writes it: Kim Jong-un said “will prevail” (qtd. in Bernal, par. 7)."""
    speaker = quotation.speaker[0].upper() + quotation.speaker[1:]
    # The citation goes in last, after escaping: it is HTML already in the "html" form.
    line = text(
        "{speaker} said “{words}” {citation}.", speaker=speaker, words=quotation.text, citation="\0"
    )
    return {
        "html": escape(line, quote=False).replace("\0", intext["html"]),
        "text": line.replace("\0", intext["text"]),
    }


def _style_only(formats: Mapping[str, str]) -> dict[str, str]:
    return {"html": formats["html"], "text": formats["text"]}
