"""Our own stylesheets and scripts, minified for the published site.

Every page's first view carries them, and the weight budget (issue 5) counts their gzip bytes;
their comments explain the code to editors and need not travel to readers. The sources in
docs/ keep the comments; only the copies in the site folder are minified. rcssmin and rjsmin
are small, well-kept minifiers that leave the code's meaning alone.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# Only the folders that hold our own files: the theme's assets come minified already.
OWN_ASSET_FOLDERS = ("stylesheets", "javascripts")


def minify(text: str, suffix: str) -> str:
    """The minified text of a stylesheet (.css) or script (.js); anything else unchanged."""
    if suffix == ".css":
        return rcssmin.cssmin(text)
    if suffix == ".js":
        return rjsmin.jsmin(text)
    return text


def minify_site_assets(site_dir: Path) -> list[Path]:
    """Minify our stylesheets and scripts in place in the built site; return what changed."""
    changed = []
    for folder in OWN_ASSET_FOLDERS:
        for path in sorted((site_dir / folder).glob("*")):
            if path.suffix not in (".css", ".js"):
                continue
            text = path.read_text(encoding="utf-8")
            smaller = minify(text, path.suffix)
            if smaller != text:
                path.write_text(smaller, encoding="utf-8")
                changed.append(path)
    return changed
