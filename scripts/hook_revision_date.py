"""MkDocs events for the last-changed date: reproducible where git has no history.

Runs after the git-revision-date-localized plugin (hooks follow plugins) and only
dispatches to the pure helpers in scripts/revision_date.py.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

# MkDocs loads hook files by path, so the project root is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.revision_date import SourceDateEpochError, source_date_epoch, undated_variables

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.revision_date")

PLUGIN_NAME = "git-revision-date-localized"


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Reject a malformed SOURCE_DATE_EPOCH in one line, before anything reads it."""
    try:
        source_date_epoch(os.environ)
    except SourceDateEpochError as error:
        raise PluginError(str(error)) from None
    return None


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    """Replace clock-based dates with SOURCE_DATE_EPOCH's, when it is set."""
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None or not plugin.config.get("enabled"):
        return None
    epoch = source_date_epoch(os.environ)  # already validated in on_config
    if epoch is None:
        return None
    for variable in undated_variables(page.meta):
        log.debug("%s: no git history, dated by SOURCE_DATE_EPOCH", page.file.src_uri)
        # Render exactly as the plugin does, so the page looks the same either way.
        util = plugin.util
        locale = page.meta.get("locale") or plugin.config["locale"]
        page.meta[variable] = util.get_date_formats_for_timestamp(epoch, locale, add_spans=True)[
            plugin.config["type"]
        ]
        raw = util.get_date_formats_for_timestamp(epoch, locale, add_spans=False)
        for date_type, text in raw.items():
            page.meta[f"{variable}_raw_{date_type}"] = text
    return None
