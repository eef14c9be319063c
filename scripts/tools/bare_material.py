"""A bare Material build of the same pages: the reference `make bench` and the page-weight
report compare this site with.

Bare Material (DESCRIPTION) has the same pages, written out as plain Markdown files: docs/ and
the timeline page and downloads that our hooks generate. It keeps the nav, the Markdown
extensions and the theme settings (palette, features, font, icons) and adds plugins: [search]
only. It has no hooks, no custom_dir overrides, none of our stylesheets or scripts, no
git-date or redirects plugin and no repository link.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from scripts import editions, timeline
from scripts.project import LOCAL_SITE_URL, read_config

DESCRIPTION = (
    "bare Material = the same pages (docs/ plus the generated timeline page and downloads, as "
    "plain files), nav, Markdown extensions and theme settings (palette, features, font, "
    "icons), with plugins: [search] only: no hooks, no custom_dir overrides, none of our CSS "
    "or JS, no git-date or redirects plugins, no repository link"
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
        # The Korean pages (docs/ko/) are another build's (mkdocs.ko.yml), as in ours.
        "exclude_docs": config.get("exclude_docs") or "",
        "strict": True,
    }


def write_bare_project(root: Path, folder: Path) -> Path:
    """Write the bare pages and configuration of the project at `root` into `folder`; return
    the configuration file."""
    config_file = root / "mkdocs.yml"
    config = read_config(config_file)
    docs = folder / DOCS_FOLDER
    source = root / (config.get("docs_dir") or "docs")
    shutil.copytree(source, docs, ignore=shutil.ignore_patterns(*OWN_ASSETS))
    pages, nav = timeline.read_site(config_file)
    generated = timeline.render_all(
        timeline.sort_events(pages, nav), site_name=config["site_name"], site_url=LOCAL_SITE_URL
    )
    # The changes page is generated from the editions' changelog (scripts/hooks.py).
    entries = editions.read_changelog(root)
    if entries is not None:
        titles = {page.path: page.title for page in pages}
        generated[editions.CHANGES_PAGE] = editions.changes_markdown(entries, titles=titles)
    for path, content in generated.items():
        target = docs / path
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    path = folder / CONFIG_FILE
    data = bare_config(config, root, docs)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
