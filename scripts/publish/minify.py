"""Whitespace and comments out of the published pages, stylesheets and scripts: the weight
readers download on every first view.

minify-html removes what the browser ignores in a page (indentation between tags, comments,
optional quotes) and keeps everything a reader, a validator or our tests rely on: closing
tags, the `<html>` and `<head>` start tags, spaces between attributes, quotes wherever HTML
requires them, `<pre>` text as written. Inline scripts and styles are left untouched: they are
a few bytes, and a JavaScript minifier's rewrite is not worth the risk there.

Our own stylesheets and scripts keep their comments in docs/, for editors; only the copies in
the site folder are minified, by rcssmin and rjsmin, small well-kept minifiers that leave the
code's meaning alone. Knows nothing of MkDocs.
"""

from __future__ import annotations

from pathlib import Path

import minify_html
import rcssmin
import rjsmin

# Only the folders that hold our own files: the theme's assets come minified already.
OWN_ASSET_FOLDERS = ("stylesheets", "javascripts")


def minify_page(html: str) -> str:
    """The page with the bytes the browser ignores taken out."""
    return minify_html.minify(
        html,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        minify_doctype=False,
        allow_noncompliant_unquoted_attribute_values=False,
        allow_removing_spaces_between_attributes=False,
        minify_css=False,
        minify_js=False,
        keep_comments=False,
    )


def minify_asset(text: str, suffix: str) -> str:
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
            smaller = minify_asset(text, path.suffix)
            if smaller != text:
                path.write_text(smaller, encoding="utf-8")
                changed.append(path)
    return changed
