"""MkDocs event for our published assets: minify our own stylesheets and scripts.

Only dispatches to the pure helper in scripts/assets.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

# MkDocs loads hook files by path, so the project root is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.assets import minify_site_assets

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(*, config: MkDocsConfig) -> None:
    """Minify the copies in the site folder; the sources in docs/ keep their comments."""
    minify_site_assets(Path(config.site_dir))
