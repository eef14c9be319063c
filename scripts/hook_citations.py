"""MkDocs events for citations, page metadata and the anchors lock.

Each event only gathers plain data from MkDocs and hands it to the pure helpers in
scripts/citations.py, scripts/page_metadata.py and scripts/anchors.py.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

# MkDocs loads hook files by path, so the project root is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import anchors, citations, cite_page, page_metadata

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.citations")

# Where the original article's six formats are shown: the end of the first of these sections
# of sources.md that exists (the content may move); else in that page's cite box.
ORIGINAL_ON_PAGE = "sources.md"
ORIGINAL_SECTIONS = ("cite-the-article", "how-to-cite")

# Rendered citations are kept here between builds; CITATIONS_CACHE names another file, or
# "off" to render everything afresh (the benchmark's cold builds).
RENDER_CACHE = Path(".cache") / "citations.json"

# Filled page by page, written in on_post_build: MkDocs renders pages one at a time.
_data_files: dict[str, dict[str, Any]] = {}
_lock = anchors.Lock()


def on_config(config: MkDocsConfig) -> None:
    """Read the anchors lock once per build, for the redirect map of moved anchors, and open
    the render cache."""
    global _lock
    _data_files.clear()
    project = Path(config.config_file_path).parent
    setting = os.environ.get("CITATIONS_CACHE", "").strip()
    if setting.lower() == "off":
        citations.use_render_cache(None)
    else:
        citations.use_render_cache(Path(setting) if setting else project / RENDER_CACHE)
    lock_path = project / "anchors.lock"
    try:
        _lock = anchors.read_lock(lock_path)
    except anchors.LockError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Cite the page and each of its sections and events; describe it for machines."""
    site = _site(config)
    info = page_metadata.PageInfo(
        title=page.title or site.title,
        description=str(page.meta.get("description") or config.site_description or ""),
        url=page.url,
        updated=_updated(page),
        is_home=page.is_homepage,
    )
    cited = cite_page.cite_page(site, info, html, _lock, _page_moves(config))
    page.meta["citations"] = cited.view
    _data_files[cited.data_file] = cited.data
    if page.file.src_uri != ORIGINAL_ON_PAGE:
        return cited.html
    block = _render_partial(config, "partials/cite-original.html", formats=cited.view["original"])
    injected = cite_page.with_original_formats(cited.html, ORIGINAL_SECTIONS, block)
    if injected is None:
        cited.view["original_in_box"] = True
    return injected or cited.html


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write each page's section and event citations where cite.js fetches them, and keep
    this build's rendered entries for the next."""
    citations.save_render_cache()
    site_dir = Path(config.site_dir)
    for name, data in sorted(_data_files.items()):
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
    log.debug("wrote %d citation data files", len(_data_files))


def _site(config: MkDocsConfig) -> citations.Site:
    return citations.Site(
        title=config.site_name,
        editors=config.site_author or config.site_name,
        url=config.site_url or "http://127.0.0.1:8000/",
        language=config.theme.get("language") or "en",
    )


def _updated(page: Page) -> date | None:
    """From git when a commit dates the page, or SOURCE_DATE_EPOCH; never the clock."""
    source_date_epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or None
    return citations.updated_from_meta(page.meta, source_date_epoch)


def _page_moves(config: MkDocsConfig) -> dict[str, str]:
    """mkdocs-redirects' map as site addresses (old page -> new page)."""
    plugin = config.plugins.get("redirects")
    redirect_maps = plugin.config.get("redirect_maps", {}) if plugin else {}
    moves = {}
    for old, new in redirect_maps.items():
        old_page, new_page = anchors.source_address(old), anchors.source_address(new)
        if old_page and new_page:
            moves[old_page] = new_page
    return moves


def _render_partial(config: MkDocsConfig, template: str, **context: Any) -> str:
    """Render one of our partials with the theme's own Jinja environment."""
    return config.theme.get_env().get_template(template).render(**context)
