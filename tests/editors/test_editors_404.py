"""The 404 page helps: search, every page of the edition, links that work at any depth."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import ROOT, mkdocs_build

THEMED_PAGES = ("russia", "china", "inter-korean-agreement", "outlook-2024")


def links_of(html: str) -> dict[str, str]:
    article = BeautifulSoup(html, "lxml").find("article")
    assert article is not None
    return {a.get_text(strip=True): a["href"] for a in article.find_all("a", href=True)}


def test_404_page_offers_search_and_links_to_the_themed_pages(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("h1").get_text(strip=True) == "Page not found"
    assert soup.select_one('article label[for="__search"]') is not None
    hrefs = set(links_of(html).values())
    for page in THEMED_PAGES:
        assert f"/{page}/" in hrefs, f"404 page lacks a link to {page}"


def test_404_links_start_from_the_site_root_of_site_url(tmp_path: Path, monkeypatch) -> None:
    # GitHub Pages serves 404.html for a missing address at any depth, so relative
    # links would break; they must be rooted at the path of the Pages address.
    monkeypatch.setenv("SITE_URL", "https://example.github.io/nk-2023-pivot/")
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    links = links_of((tmp_path / "site" / "404.html").read_text(encoding="utf-8"))
    assert links["Overview"] == "/nk-2023-pivot/"
    assert links["Russia ties"] == "/nk-2023-pivot/russia/"
