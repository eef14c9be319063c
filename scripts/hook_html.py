"""MkDocs events for the published output: valid, accessible, minified HTML and robots.txt.

Only dispatches to the pure helpers in scripts/html_fixes.py, scripts/html_minify.py and
scripts/robots.py.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# MkDocs loads hook files by path, so the project root is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.html_fixes import fix_html
from scripts.html_minify import minify
from scripts.robots import robots_txt

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.html")


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Rewrite the few start tags of Material's output that fail validation or axe, then
    take out the whitespace and comments the browser ignores."""
    return minify(fix_html(output))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same fixes for pages rendered from a bare template, such as 404.html."""
    if not template_name.endswith(".html"):
        return output_content
    return minify(fix_html(output_content))


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write robots.txt with the sitemap's real address, made from site_url."""
    if not config.site_url:
        log.warning("site_url is not set: robots.txt cannot give the sitemap's address")
        return
    target = Path(config.site_dir) / "robots.txt"
    target.write_text(robots_txt(config.site_url), encoding="utf-8")
