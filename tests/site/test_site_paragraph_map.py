"""The article's paragraph map on the built site: every paragraph restated somewhere, every
"From the article" line linked to its row of the Sources table (the build's failures are in
tests/editors/test_editors_paragraph_map.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts import article
from scripts.tools.copycheck import FINGERPRINT
from tests.conftest import ROOT

ROW_ID = re.compile(r"^article-p(\d+)$")


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text("utf-8"), "lxml")


def test_the_map_numbers_the_paragraphs_the_fingerprint_numbers() -> None:
    paragraphs = article.site_paragraphs(ROOT)
    fingerprint = json.loads(FINGERPRINT.read_text("utf-8"))
    numbered = [entry for entry in fingerprint["paragraphs"] if entry["number"] is not None]
    assert [p.number for p in paragraphs] == [entry["number"] for entry in numbered]
    assert [p.part for p in paragraphs] == [entry["part"] for entry in numbered]


def test_the_sources_table_has_every_paragraph_with_the_sections_that_restate_it(
    built_site: Path,
) -> None:
    table = soup_of(built_site, "sources").find(id="article-p1").find_parent("table")
    rows = table.select("tbody tr")
    numbers = [int(ROW_ID.match(row.select_one("[id]")["id"]).group(1)) for row in rows]
    assert numbers == [p.number for p in article.site_paragraphs(ROOT)]
    for row in rows:
        links = row.select("td:last-child a")
        assert links, f"paragraph {row.td.get_text()} is restated nowhere"
        for link in links:
            page, anchor = link["href"].split("#")
            target = (built_site / "sources" / page / "index.html").resolve()
            assert soup_of(target.parent.parent, target.parent.name).find(id=anchor), link


@pytest.mark.parametrize(
    ("edition", "words"), [("", "From the article: paragraph"), ("ko", "원문: ")]
)
def test_every_from_the_article_line_links_to_a_row_of_the_table(
    built_site: Path, edition: str, words: str
) -> None:
    """In each language's edition, against its own Sources page (the Korean one is in ko/)."""
    site = built_site / edition
    rows = {tag["id"] for tag in soup_of(site, "sources").select("[id^=article-p]")}
    lines = 0
    for html_file in sorted(site.rglob("index.html")):
        if not edition and html_file.relative_to(site).parts[0] == "ko":
            continue
        for line in BeautifulSoup(html_file.read_text("utf-8"), "lxml").select(".from-article"):
            lines += 1
            assert line.get_text().startswith(words)
            for link in line.select("a"):
                path, anchor = link["href"].split("#")
                assert path.rstrip("/").endswith("sources"), link["href"]
                assert anchor in rows, link["href"]
    assert lines >= 30  # every restating section of the seven content pages
