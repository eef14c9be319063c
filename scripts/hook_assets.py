"""MkDocs event for the published assets: minify our own stylesheets and scripts, and cut
Material's palette stylesheet down to the colours our palettes use.

Only dispatches to the pure helpers in scripts/assets.py and scripts/palette_css.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

# MkDocs loads hook files by path, so the project root is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.assets import minify_site_assets
from scripts.palette_css import trim_site_palette

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(*, config: MkDocsConfig) -> None:
    """Minify the copies in the site folder (the sources in docs/ keep their comments) and
    trim the palette stylesheet (first-view weight)."""
    minify_site_assets(Path(config.site_dir))
    trim_site_palette(Path(config.site_dir), config.theme.get("palette"))
