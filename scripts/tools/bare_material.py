"""A bare Material build of the same pages: the reference `make bench` and the page-weight
report compare this site with.

Bare Material (DESCRIPTION) has the same pages, written out as plain Markdown files: docs/ and
the timeline page and downloads that our hooks generate, in both languages: the Korean pages
(docs/ko/, with their own generated pages) are ordinary pages of the one bare build, as our
build also builds them every time. It keeps the nav, the Markdown
extensions and the theme settings (palette, features, font, icons) and adds plugins: [search]
only. It has no hooks, no custom_dir overrides, none of our stylesheets or scripts, no
git-date or redirects plugin and no repository link.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from scripts import changes_page, editions, languages, timeline
from scripts.project import LOCAL_SITE_URL, read_config

DESCRIPTION = (
    "bare Material = the same pages in both languages (docs/ and docs/ko/ plus the generated "
    "timeline and changes pages and downloads, as plain files, in one build), nav, Markdown "
    "extensions and theme settings (palette, features, font, icons), with plugins: [search] "
    "only: no hooks, no custom_dir overrides, none of our CSS or JS, no git-date or redirects "
    "plugins, no repository link"
)
DOCS_FOLDER = "bare-docs"
CONFIG_FILE = "bare-material.yml"
# Our own assets: the bare build shows the theme's look only.
OWN_ASSETS = ("stylesheets", "javascripts")


def _absolute_snippets(extension: Any, root: Path) -> Any:
    """A `markdown_extensions` entry, with the snippets' base_path made absolute (the bare
    config sits in another folder, and relative folders resolve from there)."""
    if not isinstance(extension, dict) or "pymdownx.snippets" not in extension:
        return extension
    options = dict(extension["pymdownx.snippets"] or {})
    paths = options.get("base_path", ["."])
    paths = [paths] if isinstance(paths, str) else paths
    options["base_path"] = [str(root / path) for path in paths]
    return {"pymdownx.snippets": options}


def bare_config(config: dict[str, Any], root: Path, docs_dir: Path) -> dict[str, Any]:
    """The bare Material configuration of the project at `root`, as plain data."""
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    extensions = config.get("markdown_extensions") or []
    return {
        "site_name": config["site_name"],
        "site_url": LOCAL_SITE_URL,  # as ours without SITE_URL
        "docs_dir": str(docs_dir),
        "theme": theme,
        "plugins": ["search"],
        "markdown_extensions": [_absolute_snippets(entry, root) for entry in extensions],
        "nav": config.get("nav"),
        "strict": True,
    }


def _generated_pages(root: Path, language: str, site_name: str) -> dict[str, str | bytes]:
    """What our hooks generate for `language`'s pages: the timeline page and its downloads,
    and the changes page from the editions' changelog."""
    text = languages.read_ui_text(root, language)
    config_file = root / "mkdocs.yml"
    if language != languages.DEFAULT:
        config_file = languages.translation_config(root, language)
    pages, nav = timeline.read_site(config_file)
    events = timeline.sort_events(pages, nav)
    generated = timeline.render_all(events, site_name=site_name, site_url=LOCAL_SITE_URL, text=text)
    entries = editions.read_changelog(root, language)
    if entries is not None:
        titles = {page.path: page.title for page in pages}
        generated[editions.CHANGES_PAGE] = changes_page.changes_markdown(
            entries, titles=titles, text=text
        )
    return generated


def write_bare_project(root: Path, folder: Path) -> Path:
    """Write the bare pages and configuration of the project at `root` into `folder`; return
    the configuration file."""
    config_file = root / "mkdocs.yml"
    config = read_config(config_file)
    docs = folder / DOCS_FOLDER
    source = root / (config.get("docs_dir") or "docs")
    shutil.copytree(source, docs, ignore=shutil.ignore_patterns(*OWN_ASSETS))
    alternates = config.get("extra", {}).get("alternate")
    for language in [languages.DEFAULT, *languages.translations(alternates)]:
        generated_pages = _generated_pages(root, language, config["site_name"])
        for path, content in generated_pages.items():
            target = docs / languages.translation_folder(language) / path
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
    path = folder / CONFIG_FILE
    data = bare_config(config, root, docs)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
