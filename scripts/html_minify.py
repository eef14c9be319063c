"""Whitespace and comments out of the published HTML: the page weight readers download.

minify-html removes what the browser ignores (indentation between tags, comments, optional
quotes) and keeps everything a reader, a validator or our tests rely on: closing tags,
the `<html>` and `<head>` start tags, spaces between attributes, quotes wherever HTML
requires them, `<pre>` text as written. Inline scripts and styles are left untouched:
they are a few bytes, and a JavaScript minifier's rewrite is not worth the risk there.
Knows nothing of MkDocs: it takes and returns a string.
"""

from __future__ import annotations

import minify_html


def minify(html: str) -> str:
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
