"""Which pages the site has: from the nav in mkdocs.yml, and from a built site's sitemap.

The browser checks, the audit and the screenshots all walk these lists, so a page added to
the nav is checked without touching them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

import yaml

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (!ENV, !relative)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_files(entries: Iterable[object]) -> Iterable[str]:
    for entry in entries:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from _nav_files(value)


def url_path_of(markdown_file: str) -> str:
    """'index.md' -> '', 'russia.md' -> 'russia/', 'a/index.md' -> 'a/' (directory URLs)."""
    stem = markdown_file.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def nav_files(config_file: Path) -> list[str]:
    """Source paths of every Markdown page in the nav, in nav order (generated ones too).

    External links in the nav (addresses) are left out.
    """
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return [f for f in _nav_files(config.get("nav") or []) if f.endswith(".md") and "://" not in f]


def nav_paths(config_file: Path) -> list[str]:
    """URL paths, relative to the site root, of every Markdown page in the nav."""
    return [url_path_of(f) for f in nav_files(config_file)]


def sitemap_paths(site_dir: Path) -> list[str]:
    """URL paths, relative to the site root, of every page in the built sitemap.xml."""
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    locations = [loc.text or "" for loc in tree.iter(f"{SITEMAP_NS}loc")]
    root = min(locations, key=len)
    return [location.removeprefix(root) for location in locations]
