"""Crawlers find every page: robots.txt names the sitemap, whose addresses are real."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from scripts.project import site_nav_urls, sitemap_urls

ROOT = Path(__file__).resolve().parents[2]


def test_robots_txt_allows_crawling_and_names_the_sitemap_under_site_url(built_site: Path):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.MULTILINE)
    assert not re.search(r"^Disallow: /\s*$", robots, re.MULTILINE)
    sitemap = re.search(r"^Sitemap: (\S+)$", robots, re.MULTILINE)
    assert sitemap, robots
    index = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml")
    canonical = index.select_one('link[rel="canonical"]')
    assert canonical, "the home page has no canonical address"
    assert sitemap.group(1) == canonical["href"] + "sitemap.xml"


def test_sitemap_lists_every_nav_page_at_an_absolute_address(built_site: Path):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(re.match(r"https?://[^/]+/", loc) for loc in locations), locations
    assert set(site_nav_urls(ROOT / "mkdocs.yml")) <= set(sitemap_urls(built_site))
