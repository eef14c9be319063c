"""The built site: every nav page, its metadata, its anchors and its links."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from scripts.project import nav_files, page_url, read_config
from tests.conftest import DOCS, ROOT

THEMED_PAGES = [
    "russia.md",
    "china.md",
    "inter-korean-agreement.md",
    "outlook-2024.md",
]
ARTICLE_URL = (
    "https://eastasiaforum.org/2023/12/15/"
    "pyongyangs-pivot-back-to-military-tensions-and-cold-war-alliances/"
)
HEADING = re.compile(r"^(#{2,3})\s+(?P<text>.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[a-z0-9][a-z0-9-]*)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def nav_sources() -> list[str]:
    """Source paths of the pages in the nav, in nav order (generated pages included)."""
    return nav_files(read_config(ROOT / "mkdocs.yml").get("nav"))


def content_pages() -> list[Path]:
    """The Markdown pages editors write (generated pages are not in docs/)."""
    return sorted(DOCS.glob("*.md"))


def output_html(site: Path, source: str) -> Path:
    """Where MkDocs writes a page with directory URLs."""
    return site / page_url(source) / "index.html"


def section_headings(markdown: str) -> list[tuple[int, str, str | None]]:
    """(line, heading text, explicit id or None) for every ## and ### outside code fences."""
    found, fenced = [], False
    for number, line in enumerate(markdown.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            explicit = EXPLICIT_ID.search(match["text"])
            found.append((number, match["text"], explicit["id"] if explicit else None))
    return found


def test_every_nav_page_is_in_the_output(built_site: Path) -> None:
    missing = [s for s in nav_sources() if not output_html(built_site, s).is_file()]
    assert not missing, f"nav pages with no HTML output: {missing}"


@pytest.mark.parametrize("page", THEMED_PAGES)
def test_required_themed_page_is_in_the_nav(page: str) -> None:
    assert page in nav_sources()
    assert (DOCS / page).is_file()


@pytest.mark.parametrize("page", content_pages(), ids=lambda p: p.name)
def test_content_page_has_title_and_description_used_as_meta(page: Path, built_site: Path) -> None:
    _, meta = get_data(page.read_text(encoding="utf-8"))
    assert isinstance(meta.get("title"), str) and meta["title"].strip(), "front matter lacks title"
    description = meta.get("description")
    assert isinstance(description, str) and description.strip(), "front matter lacks description"
    soup = BeautifulSoup(output_html(built_site, page.name).read_text(encoding="utf-8"), "lxml")
    tag = soup.find("meta", attrs={"name": "description"})
    assert tag is not None and tag["content"] == description.strip()
    assert soup.title is not None and meta["title"] in soup.title.get_text()


@pytest.mark.parametrize("page", content_pages(), ids=lambda p: p.name)
def test_every_section_heading_has_a_unique_explicit_id(page: Path) -> None:
    headings = section_headings(page.read_text(encoding="utf-8"))
    lacking = [f"line {n}: {text}" for n, text, anchor in headings if anchor is None]
    assert not lacking, f"{page.name}: headings without an explicit {{#id}}: {lacking}"
    ids = [anchor for _, _, anchor in headings]
    repeated = sorted({anchor for anchor in ids if ids.count(anchor) > 1})
    assert not repeated, f"{page.name}: ids used twice: {repeated}"


def test_heading_check_catches_missing_and_repeated_ids() -> None:
    markdown = "## Kept {#kept}\n\n```\n## in code\n```\n### Bare\n## Again {#kept}\n"
    headings = section_headings(markdown)
    assert [anchor for _, _, anchor in headings] == ["kept", None, "kept"]


def test_no_stylesheet_script_or_image_is_loaded_from_another_host(built_site: Path) -> None:
    site_host = urlsplit(load_config(str(ROOT / "mkdocs.yml"))["site_url"]).netloc
    offenders = []
    for html in built_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                address = urlsplit(element[attribute])
                # Canonical and alternate links name this site's own address: nothing is fetched.
                if address.netloc and address.netloc != site_host:
                    offenders.append(
                        f"{html.relative_to(built_site)}: <{tag} {element[attribute]}>"
                    )
    assert not offenders, "\n".join(offenders)


def test_overview_credits_the_source_article_with_its_address(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml")
    article = soup.find("article")
    text = article.get_text(" ", strip=True)
    for fact in (
        "Gabriela Bernal",
        "East Asia Forum",
        "15 December 2023",
        "University of North Korean Studies",
    ):
        assert fact in text, f"overview credit lacks {fact!r}"
    assert article.find("a", href=ARTICLE_URL) is not None, "overview does not link the article"


@pytest.mark.parametrize("page", content_pages(), ids=lambda p: p.name)
def test_every_page_attributes_the_source_article(page: Path, built_site: Path) -> None:
    soup = BeautifulSoup(output_html(built_site, page.name).read_text(encoding="utf-8"), "lxml")
    text = soup.find("article").get_text(" ", strip=True)
    assert "Gabriela Bernal" in text and "East Asia Forum" in text
