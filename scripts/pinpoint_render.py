"""In-text citations with a pinpoint, rendered by citeproc-py as CSL citations (not
bibliography entries): "(Bernal, 2023, para. 8)".

Imported only when the render cache lacks an item (scripts/pinpoints.py), like
scripts/citation_render.py, whose style cache and fixes it shares.
"""

from __future__ import annotations

from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON

from scripts import citeproc_fixes
from scripts.citation_render import _style, plain_text
from scripts.citations import CSL_STYLES, CslItem


def render_citation(
    item: CslItem, style: str, *, locator: str, label: str = "paragraph", prefix: str = ""
) -> str:
    """The in-text citation of `item` alone with `locator`, as citeproc-py's HTML; `prefix`
    goes inside the parentheses, before the author ("as cited in ")."""
    shielded = {**citeproc_fixes.shield(item), "id": str(item["id"]).lower()}
    bibliography = CitationStylesBibliography(
        _style(CSL_STYLES[style]), CiteProcJSON([shielded]), formatter.html
    )
    options = {"prefix": citeproc_fixes.shield(prefix)} if prefix else {}
    citation = Citation([CitationItem(shielded["id"], locator=Locator(label, locator), **options)])
    bibliography.register(citation)
    text = str(bibliography.cite(citation, lambda item: None))
    return citeproc_fixes.unshield(citeproc_fixes.punctuation_inside_quotes(text))


def citation_formats(
    item: CslItem, *, locator: str, prefixes: dict[str, str] | None = None
) -> dict[str, dict[str, str]]:
    """APA, MLA and Chicago: each in-text citation's `html` and plain `text`."""
    formats = {}
    for style in CSL_STYLES:
        prefix = (prefixes or {}).get(style, "")
        html = render_citation(item, style, locator=locator, prefix=prefix)
        formats[style] = {"html": html, "text": plain_text(html)}
    return formats
