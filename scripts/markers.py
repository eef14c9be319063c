"""Marker lines in a page's Markdown that the build replaces with what it generates.

An editor writes a line such as `<!-- paragraph-map -->` where a generated block goes (the
Sources page's paragraph table, the overview's pictures). Exactly one such line must be on
the page, so that a block can neither vanish silently when the page is edited nor appear
twice. Nothing here imports MkDocs.
"""

from __future__ import annotations


def replace_marker(
    markdown: str,
    marker: str,
    block: str,
    *,
    label: str,
    what: str,
    error: type[ValueError] = ValueError,
) -> str:
    """`markdown` with its one line `marker` replaced by `block`; `error` names the file,
    what goes there and the line to restore."""
    lines = markdown.split("\n")
    places = [index for index, line in enumerate(lines) if line.strip() == marker]
    if len(places) != 1:
        raise error(
            f"{label}: the {what} needs exactly one line {marker!r} where it goes, "
            f"found {len(places)}"
        )
    # A blank line each side keeps a generated block one block for Python-Markdown.
    lines[places[0]] = f"\n{block}\n"
    return "\n".join(lines)
