"""The project as data: `mkdocs.yml` read once, the nav order, page addresses, the site's
address and the build's date.

Every other module asks here: one loader of `mkdocs.yml`, one way from a Markdown path to its
published address, one "the site URL ends with /" rule, one reading of SOURCE_DATE_EPOCH and
one list of the git plugin's date keys. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pathspec.gitignore
import yaml

# Where `make serve` publishes the site; a build without SITE_URL uses it.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# The git-revision-date plugin's page.meta keys, best first: the page's own last commit, then
# the last commit of the docs (for a generated page such as the timeline, or one not yet
# committed). Each comes with `<key>_hash` naming the commit: an empty hash means the plugin
# had no commit and used the wall clock.
GIT_DATE_KEYS = ("git_revision_date_localized", "git_site_revision_date_localized")
# Every date variable the plugin may fill (the creation date is off in mkdocs.yml).
GIT_DATE_VARIABLES = (*GIT_DATE_KEYS, "git_creation_date_localized")


# A build for publishing sets DEPLOY=true (the deploy workflow does); it must then be given the
# public address, or every citation, canonical link and download would name 127.0.0.1.
DEPLOY_VARIABLE = "DEPLOY"


class SiteUrlError(ValueError):
    """A deploy build without SITE_URL; the message says how to set it."""


class SourceDateEpochError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its own tags (`!ENV`, `!relative`) become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    """`mkdocs.yml` as plain data, for tools that must not start MkDocs."""
    loaded = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return loaded if isinstance(loaded, dict) else {}


def nav_files(nav: Any) -> list[str]:
    """The Markdown paths of a `nav` setting, in reading order; external links are left out."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, list):
        return [path for item in nav for path in nav_files(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_files(value)]
    return []


def page_url(path: str, anchor: str = "", *, use_directory_urls: bool = True) -> str:
    """Where MkDocs publishes a Markdown page, relative to the site root.

    `index.md` -> "", `russia.md` -> "russia/", `a/index.md` -> "a/"; with an anchor,
    "russia/#kim-putin-summit". Without directory URLs: "russia.html".
    """
    stem = path.partition("#")[0].removesuffix(".md")
    if not use_directory_urls:
        url = f"{stem}.html"
    elif stem == "index" or stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = f"{stem}/"
    return f"{url}#{anchor}" if anchor else url


def page_address(path: str) -> str | None:
    """The site address of a Markdown source (`a.md` -> `/a/`, `index.md` -> `/`), as the
    anchors lock writes it; None for anything that is not a page."""
    if not path.partition("#")[0].endswith(".md") or "://" in path:
        return None
    return "/" + page_url(path).lstrip("/")


def page_moves(redirect_maps: dict[str, str]) -> dict[str, str]:
    """mkdocs-redirects' `redirect_maps` (Markdown paths) as site addresses, old -> new."""
    moves = {}
    for old, new in redirect_maps.items():
        old_page, new_page = page_address(old), page_address(new)
        if old_page and new_page:
            moves[old_page] = new_page
    return moves


def site_base(site_url: str | None) -> str:
    """The site's address ending with "/", so page URLs can be appended; the local server's
    when none is set."""
    url = site_url or LOCAL_SITE_URL
    return url if url.endswith("/") else url + "/"


def site_nav_urls(config_file: Path) -> list[str]:
    """Page addresses relative to the site root, in nav order: what tools and tests walk."""
    return [page_url(path) for path in nav_files(read_config(config_file).get("nav"))]


def sitemap_urls(site_dir: Path) -> list[str]:
    """Page addresses relative to the site root of every page in a built sitemap.xml."""
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    locations = [loc.text or "" for loc in tree.iter(f"{SITEMAP_NS}loc")]
    root = min(locations, key=len)
    return [location.removeprefix(root) for location in locations]


def is_deploy_build(environ: Mapping[str, str] | None = None) -> bool:
    value = (os.environ if environ is None else environ).get(DEPLOY_VARIABLE, "")
    return value.strip().lower() in ("1", "true", "yes")


def check_site_url(environ: Mapping[str, str] | None = None) -> None:
    """Fail a deploy build that would publish the local server's address."""
    environ = os.environ if environ is None else environ
    if is_deploy_build(environ) and not environ.get("SITE_URL", "").strip():
        raise SiteUrlError(
            "SITE_URL is not set, so this deploy build would cite and link "
            f"{LOCAL_SITE_URL}: set SITE_URL to the site's public address, e.g. "
            "SITE_URL=https://<owner>.github.io/<repository>/ (the deploy workflow sets it "
            "from the Pages address), or unset DEPLOY for a local build"
        )


def source_date_epoch(environ: Mapping[str, str] | None = None) -> int | None:
    """SOURCE_DATE_EPOCH in seconds, or None when it is unset or empty."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise SourceDateEpochError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value!r}"
        )
    return int(value)


def source_date(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """SOURCE_DATE_EPOCH as a UTC calendar date."""
    epoch = source_date_epoch(environ)
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date()


def undated_variables(meta: Mapping[str, object]) -> list[str]:
    """The git plugin's date variables on a page that came from the clock, not a commit."""
    return [name for name in GIT_DATE_VARIABLES if name in meta and not meta.get(f"{name}_hash")]


def updated_date(
    meta: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> dt.date | None:
    """A page's last-updated date: its git commit, else SOURCE_DATE_EPOCH, else unknown.

    Never the wall clock: two builds of one commit must cite the same date.
    """
    for key in GIT_DATE_KEYS:
        iso = meta.get(f"{key}_raw_iso_date")
        if iso and meta.get(f"{key}_hash"):
            return dt.date.fromisoformat(str(iso)[:10])
    return source_date(environ)


def markdown_sources(config_file: Path) -> list[tuple[str, str, str]]:
    """(path inside docs/, label for errors, text) of every Markdown page under docs_dir that
    the build publishes: `exclude_docs` (gitignore patterns, as MkDocs reads them) leaves out
    what the build leaves out, such as the Korean pages in docs/ko/ of the English site."""
    config = read_config(config_file)
    docs_dir = config_file.parent / (config.get("docs_dir") or "docs")
    excluded = pathspec.gitignore.GitIgnoreSpec.from_lines(
        str(config.get("exclude_docs") or "").splitlines()
    )
    sources = []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in Path(path).parts) or excluded.match_file(path):
            continue
        label = os.path.relpath(file, config_file.parent)
        sources.append((path, label, file.read_text(encoding="utf-8-sig")))
    return sources
