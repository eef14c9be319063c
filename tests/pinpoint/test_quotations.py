"""Quotations cited as the article quotes them (scripts/quotations.py): the strict reading of
includes/quotations.yml, the marking of each quotation in its section, and the built data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import article, citation_render, quotations, timeline
from scripts.citations import CSL_STYLES, ORIGINAL_ARTICLE
from scripts.frontmatter import Page
from scripts.pinpoints import LOCATOR_LABEL
from tests.citations.citeproc_js import comparable, render_with_citeproc_js
from tests.conftest import ROOT

LABEL = "includes/quotations.yml"
PAGES = {
    "russia.md": Page(
        path="russia.md",
        label="docs/russia.md",
        title="Russia ties",
        description="x",
        meta={},
        headings={"support-for-the-war": "Backing Moscow’s war", "trade": "Trade"},
        events=(),
        restates={"support-for-the-war": (7,), "trade": (10,)},
    )
}
ENTRY = """- page: russia.md
  section: support-for-the-war
  text: will prevail
  speaker: Kim Jong-un
  occasion: message to Vladimir Putin on Victory Day, 9 May 2023
  paragraph: 7
"""
SOURCE = """  source:
    title: North Korea’s Kim says Russia will prevail over hostile forces
    url: https://www.asiaone.com/asia/north-koreas-kim-says-russia-will-prevail-over-hostile-forces
    publisher: AsiaOne
    date: 2023-05-09
"""
HTML = (
    '<h2 id="support-for-the-war">Backing Moscow’s war</h2>'
    '<p id="support-for-the-war-p1">He said Moscow ‘will prevail’ against ‘imperialists’.</p>'
    '<h2 id="trade">Trade</h2><p>Trade ‘will prevail’ too.</p>'
)


def parse(text: str) -> tuple[quotations.Quotation, ...]:
    return quotations.parse_quotations(text, LABEL, PAGES)


def test_a_valid_entry_gets_an_id_from_its_words_and_its_source() -> None:
    (quotation,) = parse(ENTRY + SOURCE)
    assert (quotation.id, quotation.paragraph) == ("will-prevail", 7)
    assert quotation.source is not None and quotation.source.date == (2023, 5, 9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            ENTRY.replace("paragraph: 7", "paragraph: 8"),
            "quotations[0] (will-prevail): field 'paragraph': section 'support-for-the-war' of "
            "docs/russia.md restates paragraph 7, not 8",
        ),
        (
            ENTRY.replace("speaker", "speakr"),
            "quotations[0]: field 'speakr': unknown field (did you mean 'speaker'?",
        ),
        (ENTRY.replace("  occasion: message", "  occasion: ''\n  x: "), "field 'x': unknown"),
        (
            ENTRY.replace("section: support-for-the-war", "section: war"),
            "quotations[0] (will-prevail): field 'section': no heading with id 'war' on "
            "docs/russia.md",
        ),
        (
            ENTRY.replace("page: russia.md", "page: rusia.md"),
            "quotations[0] (will-prevail): field 'page': no page docs/rusia.md",
        ),
        (
            ENTRY.replace("text: will prevail", "text: ‘will prevail’"),
            "quotations[0] (will-prevail): field 'text': give the words without the ‘ ’ marks",
        ),
        (
            ENTRY + SOURCE.replace("date: 2023-05-09", "date: 9 May 2023"),
            "quotations[0] (will-prevail): source: field 'date': '9 May 2023' is not a date",
        ),
        (
            ENTRY + SOURCE.replace("url: https://www.", "url: www."),
            "quotations[0] (will-prevail): source: field 'url': 'www.",
        ),
        (
            ENTRY + SOURCE.replace("    publisher: AsiaOne\n", ""),
            "quotations[0] (will-prevail): source: field 'publisher': missing (required)",
        ),
        (ENTRY + ENTRY, "quotations[1] (will-prevail): field 'text': the same first words as "),
        ("page: russia.md", "includes/quotations.yml: must be a list of quotations"),
        ("- [x]", "includes/quotations.yml: quotations[0]: must be a mapping of fields"),
        (ENTRY + "  paragraph: 7\n", "duplicate key 'paragraph'"),
    ],
)
def test_a_bad_entry_is_one_line_naming_file_entry_and_field(text: str, message: str) -> None:
    with pytest.raises(quotations.QuotationError) as error:
        parse(text)
    assert str(error.value).startswith(LABEL + ": ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_the_first_occurrence_in_its_section_is_marked_with_its_marks() -> None:
    marked = quotations.mark(HTML, parse(ENTRY), "docs/russia.md")
    assert marked.count("data-quotation") == 1
    assert (
        'Moscow <span class="quotation" data-quotation="will-prevail">‘will prevail’</span> '
        "against" in marked
    )


def test_words_not_in_their_section_are_an_error_naming_entry_and_field() -> None:
    # The words stand in the next section only: the trade section does not count.
    html = HTML.replace("Moscow ‘will prevail’", "Moscow will prevail")
    with pytest.raises(quotations.QuotationError) as error:
        quotations.mark(html, parse(ENTRY), "docs/russia.md")
    assert str(error.value) == (
        "includes/quotations.yml: quotations[0] (will-prevail): field 'text': ‘will prevail’ "
        "is not in section 'support-for-the-war' of docs/russia.md"
    )


def test_words_inside_a_tag_are_not_marked() -> None:
    html = HTML.replace("<p id", '<p title="‘will prevail’" id').replace(
        "Moscow ‘will", "Moscow ‘shall"
    )
    with pytest.raises(quotations.QuotationError):
        quotations.mark(html, parse(ENTRY), "docs/russia.md")


EXPECTED = {
    "apa": "Kim Jong-un said “will prevail” (Kim Jong-un, as cited in Bernal, 2023, para. 7).",
    "mla": "Kim Jong-un said “will prevail” (qtd. in Bernal, par. 7).",
    "chicago": "Kim Jong-un said “will prevail” (Kim Jong-un, quoted in Bernal 2023, para. 7).",
}
SOURCE_ENTRY = {
    "apa": "North Korea’s Kim says Russia will prevail over hostile forces. (2023, May 9).",
    "mla": "“North Korea’s Kim Says Russia Will Prevail over Hostile Forces.” AsiaOne, 9 May 2023,",
    "chicago": "AsiaOne. 2023. “North Korea’s Kim Says Russia Will Prevail over Hostile Forces.”",
}
# Every quotation the edition marks: page -> ids.
MARKED = {
    "russia": {"will-prevail", "imperialists"},
    "china": {"strengthening-the-strategic-communication-and"},
    "washington-summit": {"only-result-in-making-peace"},
    "inter-korean-agreement": {
        "undoubted-enemy",
        "cease-all-hostile-acts",
        "withdraw-the-military-steps-taken",
        "several-reconnaissance-satellites-in-a",
    },
}


def test_the_built_data_cites_every_quotation_in_three_styles(built_site: Path) -> None:
    for page, ids in MARKED.items():
        data = json.loads((built_site / "cite" / f"{page}.json").read_text(encoding="utf-8"))
        assert set(data["quotations"]) == ids, page
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        for quotation_id in ids:
            assert html.count(f"data-quotation={quotation_id}>") == 1, quotation_id
    data = json.loads((built_site / "cite" / "russia.json").read_text(encoding="utf-8"))
    entry = data["quotations"]["will-prevail"]
    assert (entry["speaker"], entry["paragraph"]) == ("Kim Jong-un", 7)
    for style, expected in EXPECTED.items():
        formats = entry["formats"][style]
        assert formats["quotation"]["text"] == expected, style
        assert formats["entry"]["text"].startswith("Bernal, G"), style
        assert formats["source"]["text"].startswith(SOURCE_ENTRY[style]), style
    china = json.loads((built_site / "cite" / "china.json").read_text(encoding="utf-8"))
    xi = china["quotations"]["strengthening-the-strategic-communication-and"]
    assert "source" not in xi["formats"]["apa"]  # no public text has these words
    assert xi["formats"]["mla"]["quotation"]["text"] == (
        "Xi Jinping said “strengthening the strategic communication and jointly guiding” "
        "(qtd. in Bernal, par. 7)."
    )


def test_citeproc_js_prints_the_same_quotation_citations_and_sources(built_site: Path) -> None:
    """Each quotation's in-text citation (with its speaker's prefix and the article's paragraph)
    and each primary source's entry are citeproc-js's to the letter."""
    differing = []
    count = 0
    # One Node process for every quotation and style: each (quotation, style) pair is the
    # article cited under an id of its own, with that quotation's paragraph and prefix.
    items, locators, ours = [], {}, {}
    for page in MARKED:
        data = json.loads((built_site / "cite" / f"{page}.json").read_text(encoding="utf-8"))
        for quotation_id, entry in data["quotations"].items():
            for style in CSL_STYLES:
                key = f"{quotation_id}-{style}"
                items.append({**ORIGINAL_ARTICLE, "id": key})
                locators[key] = {
                    "locator": str(entry["paragraph"]),
                    "label": LOCATOR_LABEL,
                    "prefix": quotations.PREFIXES[style].format(speaker=entry["speaker"]),
                }
                ours[key] = (style, entry["formats"][style]["intext"]["text"])
    rendered = render_with_citeproc_js(items, locators=locators)
    for key, (style, text) in ours.items():
        count += 1
        theirs = rendered[style][key]["text"]
        if comparable(text) != comparable(theirs):
            differing.append(f"{key}: {text!r} / {theirs!r}")
    assert count == 8 * 3
    assert not differing, "\n".join(differing)
    sources = {q.source for q in quotations.read_quotations(ROOT, _site_pages()) if q.source}
    items = [quotations.source_item(source) for source in sources]
    rendered = render_with_citeproc_js(items)
    for item in items:
        for style in CSL_STYLES:
            ours = citation_render.plain_text(citation_render.render_html(item, style))
            assert comparable(ours) == comparable(rendered[style][item["id"]]["text"]), style


def _site_pages() -> dict[str, Page]:
    sources = [
        (path.name, f"docs/{path.name}", path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "docs").glob("*.md"))
    ]
    paragraphs = article.site_paragraphs(ROOT)
    pages = timeline.collect(sources, paragraphs=[p.number for p in paragraphs])
    return {page.path: page for page in pages}
