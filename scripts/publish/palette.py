"""Material's palette stylesheet cut down to the colours this site's palettes use.

Material ships one palette.css with the rules for all 21 primary and 17 accent colours, so a
site can pick any of them in mkdocs.yml; a reader's browser can only ever apply the colours
the configured palettes name (the toggle switches between those palettes, nothing else). The
rules for every other colour are dead weight in the first view of each page, about 1.2 KB of
its gzip bytes. The stylesheet is parsed with tinycss2 (a well-kept CSS parser, which keeps
tokens as written), so only whole selectors and rules are dropped; nothing is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tinycss2
from tinycss2.ast import Node

from scripts.publish.css_trim import trim

# Material marks every colour rule with one of these attribute selectors.
COLOUR_SELECTOR = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
# Material's defaults when a palette entry names no colour (mkdocs-material's base.html).
DEFAULT_COLOURS = {"primary": "indigo", "accent": "indigo"}


def used_colours(palettes: Iterable[Mapping[str, Any]] | Mapping[str, Any]) -> set[str]:
    """Every primary and accent colour named by the theme's palette setting (one or a list)."""
    entries = [palettes] if isinstance(palettes, Mapping) else list(palettes)
    colours = set()
    for entry in entries:
        for role, default in DEFAULT_COLOURS.items():
            colours.add(str(entry.get(role) or default).replace(" ", "-"))  # as base.html writes it
    return colours


def _selector_applies(selector: list[Node], colours: set[str]) -> bool:
    return all(
        match.group(2) in colours
        for match in COLOUR_SELECTOR.finditer(tinycss2.serialize(selector))
    )


def keep_colours(css: str, colours: set[str]) -> str:
    """The stylesheet without the rules and selectors that only match other colours."""
    return trim(css, lambda selector: _selector_applies(selector, colours))


def trim_site_palette(site_dir: Path, palettes: Any) -> list[Path]:
    """Cut Material's palette stylesheet(s) in the built site down to the used colours."""
    if not palettes:
        return []
    colours = used_colours(palettes)
    changed = []
    for path in sorted((site_dir / "assets" / "stylesheets").glob("palette.*.min.css")):
        css = path.read_text(encoding="utf-8")
        trimmed = keep_colours(css, colours)
        if trimmed != css:
            path.write_text(trimmed, encoding="utf-8")
            changed.append(path)
    return changed
