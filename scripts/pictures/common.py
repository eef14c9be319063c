"""What the three pictures share: links relative to their page, marker lines, the figure."""

from __future__ import annotations

import posixpath
import re
from html import escape

from scripts import markers
from scripts.project import page_url

# Link targets inside a picture's data: `page.md#section` from the docs folder.
# Links inside SVG pictures are written as xlink:href, not href: Material's instant navigation
# rewrites every `[href]` element's `href` property after a page switch, and an SVG `<a>`'s
# `href` has no setter, so the switch would stop with an error (the timeline's filter then
# never starts). `xlink:href` is the SVG 1.1 form every browser follows, and the selector
# `[href]` does not match it.
SVG_HREF = "xlink:href"
MD_LINK_RE = re.compile(r'href="([^"#]+\.md)(#[^"]*)?"')


class PictureError(ValueError):
    """A picture's marker or data is wrong; the message names the file and what to do."""


def href(from_page: str, target: str, *, use_directory_urls: bool = True) -> str:
    """The address of `target` (`russia.md#kim-putin-summit`) as a link on `from_page`.

    Raw HTML is not rewritten by MkDocs, so the pictures write the published address
    themselves, relative to the page, as MkDocs writes Markdown links.
    """
    path, _, anchor = target.partition("#")
    if path == from_page:
        return f"#{anchor}" if anchor else "./"
    here = page_url(from_page, use_directory_urls=use_directory_urls)
    there = page_url(path, use_directory_urls=use_directory_urls)
    folder = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
    relative = posixpath.relpath(there or ".", folder or ".")
    if there.endswith("/") or not there:
        relative = "./" if relative == "." else relative + "/"
    return f"{relative}#{anchor}" if anchor else relative


def rewrite_md_links(svg: str, from_page: str, *, use_directory_urls: bool = True) -> str:
    """Every `href="page.md#id"` of a committed SVG as a link from `from_page`."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(1) + (match.group(2) or "")
        return f'href="{escape(href(from_page, target, use_directory_urls=use_directory_urls))}"'

    return MD_LINK_RE.sub(replace, svg)


def replace_marker(markdown: str, marker: str, html: str, label: str, what: str) -> str:
    """`markdown` with its one line `marker` replaced by `html`; anything else names the file."""
    return markers.replace_marker(
        markdown, marker, html, label=label, what=what, error=PictureError
    )


def figure(
    kind: str,
    svg: str,
    caption: str,
    data_html: str | None,
    *,
    data_summary: str = "The data as a list",
) -> str:
    """One picture: the SVG, its visible caption, then its data for readers who cannot see it
    (None when the page itself gives the data in words).

    Without blank lines, so Markdown leaves it as one raw block.
    """
    # Inside the caption: a figure's caption must be its first or last child.
    data = (
        f'<details class="pic__data"><summary>{escape(data_summary)}</summary>{data_html}</details>'
        if data_html is not None
        else ""
    )
    return "\n".join(
        [
            f'<figure class="pic pic--{kind}">',
            svg.strip(),
            f"<figcaption>{caption}{data}</figcaption>",
            "</figure>",
        ]
    )
