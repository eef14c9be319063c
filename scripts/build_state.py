"""What one build learns in one MkDocs event and uses in a later one, and the caches it keeps
between builds. Plain data: scripts/hooks.py holds the one instance of a build."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache

from scripts import (
    anchors,
    article,
    citations,
    editions,
    frontmatter,
    languages,
    quotations,
)
from scripts.publish import pdf
from scripts.render_cache import RenderCache

# Rendered citations are kept here between builds; CITATIONS_CACHE names another file, or
# "off" to render everything afresh (the benchmark's cold builds).
RENDER_CACHE = Path(".cache") / "citations.json"
# Material's stylesheet as trimmed for this site's classes (scripts/publish/css_trim.py).
TRIM_CACHE = Path(".cache") / "theme-css.json"
# The theme's templates as Jinja compiled them (Jinja's own bytecode cache).
TEMPLATE_CACHE = Path(".cache") / "templates"
# Each translation's last build, reused while its inputs stay the same
# (scripts/translation_reuse.py).
TRANSLATIONS_CACHE = Path(".cache") / "translations"


@dataclass
class BuildState:
    """What one build learns in one event and uses in a later one."""

    lock: anchors.Lock = field(default_factory=anchors.Lock)
    page_moves: dict[str, str] = field(default_factory=dict)  # mkdocs-redirects' map
    cache: RenderCache | None = None
    template_cache: BytecodeCache | None = None
    pages: dict[str, frontmatter.Page] = field(default_factory=dict)
    events: list[frontmatter.Event] = field(default_factory=list)
    paragraphs: tuple[article.Paragraph, ...] = ()
    paragraph_sections: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)
    quotations: tuple[quotations.Quotation, ...] = ()
    data_files: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Each page's last change, as its citations give it: the calendar's LAST-MODIFIED.
    page_dates: dict[str, date] = field(default_factory=dict)
    moves: dict[str, list[Any]] = field(default_factory=dict)  # scripts/pictures
    # Editions: the changelog, the edition this build makes (None for a plain build), and
    # each page's content for the edition's PDF.
    changelog: tuple[editions.Entry, ...] | None = None
    edition: editions.Edition | None = None
    pdf_pages: dict[str, pdf.PdfPage] = field(default_factory=dict)
    # The build's language (mkdocs.yml: English; mkdocs.ko.yml: Korean) and its UI texts.
    language: str = languages.DEFAULT
    text: languages.UiText = field(default_factory=languages.UiText)

    @property
    def folder(self) -> str:
        """This build's folder under the English site's root: "" or "ko/"."""
        return languages.translation_folder(self.language)


def open_render_cache(
    root: Path, site_address: str, edition: editions.Edition | None = None
) -> RenderCache | None:
    """The citations' cache, whose entries serve a build for any address of the site and
    any edition. An edition's citations name its own address and `latest`, both under the
    site's root, and its version: those are stood in for, instead of the build's site_url
    (the `latest` alias)."""
    path = cache_path(root, RENDER_CACHE)
    if path is None:
        return None
    if edition is not None:
        site_address = edition.root_url
    version = edition.version if edition is not None else None
    namespace = citations.render_namespace()
    return RenderCache(namespace, path, site_address=site_address, version=version)


def open_cache(root: Path, default: Path, namespace: str) -> RenderCache | None:
    """A cache kept between builds (`cache_path`); none when CITATIONS_CACHE says "off"."""
    path = cache_path(root, default)
    return None if path is None else RenderCache(namespace, path)


def cache_path(root: Path, default: Path) -> Path | None:
    """Where a cache is kept: `default` under the project, or beside the file CITATIONS_CACHE
    names (the citations' cache is that file itself); None when it says "off" (the
    benchmark's cold builds)."""
    setting = os.environ.get("CITATIONS_CACHE", "").strip()
    if setting.lower() == "off":
        return None
    if not setting:
        return root / default
    named = Path(setting)
    return named if default == RENDER_CACHE else named.with_name(f"{named.stem}-{default.name}")


def open_template_cache(root: Path) -> BytecodeCache | None:
    """Jinja's cache of compiled templates, kept between builds beside the rendered citations
    (and off when they are): compiling Material's templates was a third of a warm build, and
    twice over with the Korean edition. Jinja checks each entry against its template's source,
    so an edited template compiles afresh."""
    folder = cache_path(root, TEMPLATE_CACHE)
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
