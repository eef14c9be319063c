"""The PDF of an edition: a cover (title, edition, date, how to cite), a table of contents,
and every page in nav order, printed by WeasyPrint.

The pages' content is the HTML the build made for each page (collected in nav order by
scripts/hooks.py), so the PDF shows what the site shows. Every link is made absolute against
the edition's own address (`https://.../2026.1/russia/#kim-putin-summit`), each section
heading is followed by its permanent address, and the contents link to the sections inside
the PDF. WeasyPrint turns every `id` into a named destination and every heading into a
bookmark, and writes the title, author and subject from the document's <head>.

Nothing is fetched from the network: images are read from the built site, and any other
address is refused. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

STYLESHEET = Path(__file__).with_name("pdf.css")
# Cite tools are buttons filled by cite.js, and the permalink pilcrows are replaced by the
# address line under each heading: neither means anything on paper.
DROP_CLASSES = ("cite-tools", "headerlink")

log = logging.getLogger("mkdocs.plugins.nk2023.pdf")


@dataclass(frozen=True)
class PdfPage:
    """One page of the site: its title, its address inside the edition, its content HTML."""

    title: str
    url: str
    html: str


@dataclass(frozen=True)
class PdfEdition:
    """The edition as the cover states it."""

    site_name: str
    author: str
    description: str
    language: str
    version: str
    date_text: str
    year: int
    base_url: str
    citation: str = ""


def edition_facts(edition: Any) -> dict[str, Any]:
    """What the cover takes from the edition (scripts.editions.Edition)."""
    return {
        "version": edition.version,
        "date_text": edition.date_text,
        "year": edition.date.year,
        "base_url": edition.base_url,
    }


def citation_line(edition: PdfEdition) -> str:
    """How to cite the edition as a whole, in APA's form for a versioned work."""
    return (
        f"{edition.author} ({edition.year}). {edition.site_name} (Version {edition.version}). "
        f"{edition.base_url}"
    )


def document_html(edition: PdfEdition, pages: Sequence[PdfPage]) -> str:
    """The whole edition as one HTML document, ready to print."""
    from lxml import html as lxml_html

    seen: set[str] = set()
    contents: list[str] = []
    bodies: list[str] = []
    for number, page in enumerate(pages, start=1):
        address = edition.base_url + page.url
        root = lxml_html.fragment_fromstring(page.html, create_parent="div")
        for element in root.xpath(
            " | ".join(
                f'.//*[contains(concat(" ", @class, " "), " {name} ")]' for name in DROP_CLASSES
            )
        ):
            element.drop_tree()
        root.make_links_absolute(address, resolve_base_href=False)
        # Ids are unique on each page; one repeated on another page keeps its first place.
        for element in root.xpath(".//*[@id]"):
            if element.get("id") in seen:
                del element.attrib["id"]
            else:
                seen.add(element.get("id"))
        page_id = f"page-{number}"
        entries = [f'<li class="toc-page"><a href="#{page_id}">{html.escape(page.title)}</a>']
        sub = []
        for heading in root.xpath(".//h2[@id] | .//h3[@id]"):
            anchor = heading.get("id")
            text = " ".join(heading.text_content().split())
            line = lxml_html.fragment_fromstring(
                f'<p class="address"><a href="{html.escape(address)}#{html.escape(anchor)}">'
                f"{html.escape(address)}#{html.escape(anchor)}</a></p>"
            )
            heading.addnext(line)
            sub.append(
                f'<li class="toc-{heading.tag}"><a href="#{html.escape(anchor)}">'
                f"{html.escape(text)}</a></li>"
            )
        if sub:
            entries.append(f"<ul>{''.join(sub)}</ul>")
        entries.append("</li>")
        contents.append("".join(entries))
        body = lxml_html.tostring(root, encoding="unicode")
        link = html.escape(address)
        bodies.append(
            f'<section class="site-page" id="{page_id}">'
            f'<p class="page-address"><a href="{link}">{link}</a></p>{body}</section>'
        )
    title = f"{edition.site_name}, edition {edition.version}"
    citation = edition.citation or citation_line(edition)
    return (
        f'<!doctype html><html lang="{html.escape(edition.language)}"><head>'
        f'<meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta name="author" content="{html.escape(edition.author)}">'
        f'<meta name="description" content="{html.escape(edition.description)}">'
        f'<meta name="keywords" content="edition {html.escape(edition.version)}">'
        "</head><body>"
        '<section class="cover" id="cover">'
        f'<p class="cover-title">{html.escape(edition.site_name)}</p>'
        f'<p class="cover-subtitle">{html.escape(edition.description)}</p>'
        f'<p class="cover-edition">Edition {html.escape(edition.version)}</p>'
        f'<p class="cover-date">{html.escape(edition.date_text)}</p>'
        f'<p class="cover-author">{html.escape(edition.author)}</p>'
        '<div class="cover-cite"><p class="cover-cite-title">How to cite this edition</p>'
        f"<p>{html.escape(citation)}</p>"
        "<p>Every section below is followed by its permanent address in this edition; "
        "cite a section by that address.</p>"
        f'<p>Online: <a href="{html.escape(edition.base_url)}">{html.escape(edition.base_url)}</a>'
        "</p></div></section>"
        '<nav class="contents" id="contents"><h1 class="contents-title">Contents</h1>'
        f"<ul>{''.join(contents)}</ul></nav>"
        f"{''.join(bodies)}</body></html>"
    )


def local_fetcher(site_dir: Path, base_url: str) -> Any:
    """A WeasyPrint URL fetcher that reads the edition's own files from the built site and
    refuses every other address (stopping the print), so printing never touches the network."""
    from weasyprint import URLFetcher

    root = site_dir.resolve()

    class SiteFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(base_url):
                target = (root / urlsplit(url[len(base_url) :]).path).resolve()
                if target.is_relative_to(root) and target.is_file():
                    return super().fetch(target.as_uri(), headers)
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"the edition's PDF reads nothing outside the built site: {url}")

    return SiteFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)


def write_pdf(edition: PdfEdition, pages: Sequence[PdfPage], site_dir: Path, target: Path) -> Path:
    """Print the edition to `target` (inside the built site) and return it."""
    from weasyprint import CSS, HTML

    document = HTML(
        string=document_html(edition, pages),
        base_url=edition.base_url,
        url_fetcher=local_fetcher(site_dir, edition.base_url),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target, stylesheets=[CSS(filename=str(STYLESHEET))])
    log.info("edition %s: %s written", edition.version, target.name)
    return target
