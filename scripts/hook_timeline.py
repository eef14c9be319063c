"""MkDocs hook: validate every page's front matter, then generate the timeline and its downloads.

Only MkDocs events live here; the work is done by `scripts.frontmatter` and `scripts.timeline`.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# MkDocs loads hooks by file path, so the project root is not importable until added.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import timeline
from scripts.frontmatter import FrontMatterError, slugify

log = logging.getLogger("mkdocs.plugins.timeline")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Collect and validate all front matter first, then add the generated files.

    Runs before any page is rendered, so the timeline sees every page's events and a bad
    page stops the build with one line instead of MkDocs silently dropping its front matter.
    """
    config_dir = os.path.dirname(config.config_file_path or "mkdocs.yml")
    sources = []
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        sources.append((file.src_uri, _label(file, config_dir), file.content_string))
    try:
        pages = timeline.collect(sources)
    except FrontMatterError as error:
        raise PluginError(str(error)) from None
    events = timeline.sort_events(pages, timeline.nav_paths(config.nav))
    outputs = timeline.render_all(
        events,
        site_name=config.site_name,
        site_url=config.site_url,
        use_directory_urls=config.use_directory_urls,
        uid_domain=config.repo_name or slugify(config.site_name) or "timeline",
    )
    for path, content in outputs.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"docs/{path}: the timeline generates this file at every build; remove it"
            )
        generated = File.generated(config, path, content=content)
        generated.edit_uri = None
        files.append(generated)
    log.debug("timeline: %d events from %d pages", len(events), len(pages))
    return files


def _label(file: File, config_dir: str) -> str:
    """The file as editors see it in errors: relative to mkdocs.yml, e.g. docs/russia.md."""
    if file.abs_src_path is None:
        return file.src_uri
    return os.path.relpath(file.abs_src_path, config_dir or ".")
