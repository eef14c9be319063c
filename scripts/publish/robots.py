"""The site's robots.txt: allow every crawler and point it at the sitemap.

The sitemap's address must be absolute and real, so it is made from `site_url` at build
time (set SITE_URL when deploying) rather than kept as a static file with a fixed host.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

from scripts.project import site_base


def robots_txt(site_url: str, folders: Iterable[str] = ()) -> str:
    """robots.txt text for a site published at `site_url`, naming its sitemap and those of
    its translations in `folders` ("ko/"), each of which has its own."""
    base = site_base(site_url)
    sitemaps = [urljoin(base, folder + "sitemap.xml") for folder in ("", *folders)]
    return "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {url}\n" for url in sitemaps)


def write_robots_txt(site_dir: Path, site_url: str, folders: Iterable[str] = ()) -> None:
    """robots.txt (`robots_txt`) at the root of the built site."""
    (site_dir / "robots.txt").write_text(robots_txt(site_url, folders), encoding="utf-8")
