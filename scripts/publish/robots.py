"""The site's robots.txt: allow every crawler and point it at the sitemap.

The sitemap's address must be absolute and real, so it is made from `site_url` at build
time (set SITE_URL when deploying) rather than kept as a static file with a fixed host.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scripts.project import site_base


def robots_txt(site_url: str) -> str:
    """robots.txt text for a site published at `site_url`."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_base(site_url), 'sitemap.xml')}\n"
