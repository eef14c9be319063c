"""Property tests: whatever an editor writes in a title, every format stays parseable and the
HTML stays inert."""

from __future__ import annotations

import bibtexparser
import rispy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts import citation_render, citations

SITE = citations.Site("Site & <name> {of} 100%", "https://example.org/")

# One-line titles: headings and front-matter titles never hold line breaks.
titles = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=titles, label=titles)
def test_any_title_gives_parseable_bibtex_and_ris_and_inert_html(title: str, label: str) -> None:
    item = citations.csl_item(SITE, citations.Target(title, "p/", None, "s", label))
    library = bibtexparser.parse_string(citation_render.to_bibtex(item))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.fields_dict["url"].value == "https://example.org/p/#s"
    (record,) = rispy.loads(citation_render.to_ris(item))
    assert record["title"] == f"{title}: {label}"
    for style in citations.CSL_STYLES:
        html = citation_render.render_html(item, style)
        assert "<" not in html.replace("<i>", "").replace("</i>", "")
