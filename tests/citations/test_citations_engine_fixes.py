"""Each of scripts/citeproc_fixes.py's fixes on its own, and the rich-text titles of
scripts/citations.py: every fix makes citeproc-py print what citeproc-js prints."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from scripts import citation_render, citations, citeproc_fixes
from tests.citations.citeproc_js import ROOT

SITE = citations.Site(title="North Korea\u2019s 2023 pivot", url="https://example.org/")


def render(label: str, style: str, *, updated: date | None = date(2024, 3, 5)) -> str:
    item = citations.csl_item(SITE, citations.Target("Timeline", "t/", updated, "e", label))
    return citation_render.plain_text(citation_render.render_html(item, style))


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("No-fly zones", "No-Fly Zones"),  # each part of a compound (CMOS 8.161)
        ("The inter-Korean agreement", "The Inter-Korean Agreement"),
        ("Military build-up", "Military Build-Up"),  # a stop word ending the title
        ("Build-up of forces", "Build-up of Forces"),  # ... and inside it
        ("Trade since the summit", "Trade since the Summit"),  # every preposition
        ("Falls inside the zone", "Falls inside the Zone"),
        ("An \u2018undoubted enemy\u2019 again", "An \u2018Undoubted Enemy\u2019 Again"),
        ("Kim Jong-un meets Putin", "Kim Jong-un Meets Putin"),  # a protected name
    ],
)
def test_title_case_matches_citeproc_js(label: str, expected: str) -> None:
    assert f"\u201cTimeline: {expected}" in render(label, "mla")


def test_title_case_leaves_apa_sentence_case_alone() -> None:
    assert "Timeline: Military build-up since" in render("Military build-up since", "apa")


def test_no_period_after_a_title_ending_in_a_question_mark() -> None:
    assert "ahead? (2024" in render("A worse year ahead?", "apa")
    assert "Ahead?\u201d North" in render("A worse year ahead?", "mla")
    assert "?." not in render("A worse year ahead?", "chicago")
    assert citeproc_fixes.no_period_after_question("<i>Go!</i>. x") == "<i>Go!</i> x"


def test_period_goes_inside_a_closing_single_quote_but_not_after_an_apostrophe() -> None:
    fix = citeproc_fixes.punctuation_inside_quotes
    assert fix("an \u2018enemy\u2019</i>. N") == "an \u2018enemy.\u2019</i> N"
    assert fix("\u2018Enemy\u2019.\u201d") == "\u2018Enemy.\u2019\u201d"
    assert fix("the states\u2019. N") == "the states\u2019. N"  # no quotation was opened
    assert "Enemy.\u2019\u201d" in render("An \u2018undoubted enemy\u2019", "mla")


def test_a_substituted_title_is_not_printed_twice() -> None:
    apa = render("One title", "apa")
    assert apa.count("One title") == 1 and apa.startswith("Timeline: One title.")
    assert render("One title", "chicago").count("North Korea\u2019s") == 1


def test_stop_words_are_citeproc_js_own_list() -> None:
    source = (ROOT / "node_modules" / "citeproc" / "citeproc_commonjs.js").read_text("utf-8")
    listed = json.loads(re.search(r"SKIP_WORDS: (\[[^\]]*\])", source).group(1))
    expected = {word for word in listed if re.fullmatch(r"\w+", word)}
    assert expected == citeproc_fixes.STOP_WORDS


def test_undated_item_shows_the_access_placeholder_where_the_style_asks() -> None:
    placeholder = citation_render.ACCESSED_PLACEHOLDER
    assert f"Retrieved {placeholder}, from https://" in render("Page", "apa", updated=None)
    assert render("Page", "mla", updated=None).endswith(f"Accessed {placeholder}.")
    assert f"Accessed {placeholder}. https://" in render("Page", "chicago", updated=None)
    for style in citations.CSL_STYLES:
        assert placeholder not in render("Page", style)  # dated: no style asks for it
    item = citations.csl_item(SITE, citations.Target("Page", "p/", None))
    assert "accessed" not in item
    assert "urldate" not in citation_render.to_bibtex(item)
    assert "Y2" not in citation_render.to_ris(item)


def test_rich_title_spans_whole_words_for_names_and_acronyms() -> None:
    nocase = citations.NOCASE.format
    title = citations.rich_title("Kim Yo-jong\u2019s reply to the US")
    name = nocase("Yo-jong\u2019s")
    assert title == f"Kim {name} reply to the {nocase('US')}"
    assert citations.rich_title("Military build-up") == "Military build-up"


def test_nocase_spans_become_braces_in_bibtex_and_vanish_from_ris_and_text() -> None:
    item = citations.csl_item(SITE, citations.Target("Timeline", "t/", None, "e", "Kim Jong-un"))
    assert "{{Timeline: Kim {Jong-un}}}" in citation_render.to_bibtex(item)
    assert "TI  - Timeline: Kim Jong-un\n" in citation_render.to_ris(item)
    for style in citations.CSL_STYLES:
        html = citation_render.render_html(item, style)
        assert "span" not in html and "Kim Jong-un" in html


# Korean family names: a capitalised word after one of them followed by a hyphenated word is a
# personal name (Kim Jong-un); title case would capitalise its second syllable.
KOREAN_SURNAMES = (
    "Kim",
    "Lee",
    "Yi",
    "Ri",
    "Park",
    "Pak",
    "Choi",
    "Choe",
    "Jung",
    "Chung",
    "Kang",
    "Cho",
    "Jo",
    "Yoon",
    "Yun",
    "Jang",
    "Chang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Hong",
    "Moon",
    "Mun",
    "Ko",
    "Roh",
    "No",
    "Chun",
    "Jeon",
)
_NAME = re.compile(r"\b(?:" + "|".join(KOREAN_SURNAMES) + r")\s+([A-Z][a-z]+-[a-z]+)")


def test_every_korean_given_name_in_a_title_is_protected(built_site: Path) -> None:
    """Every hyphenated given name in a page title, heading or event title of the built site
    (the labels in cite/*.json and the page titles) is in citations.PROTECTED_NAMES."""
    labels = []
    for data_file in sorted((built_site / "cite").glob("*.json")):
        data = json.loads(data_file.read_text(encoding="utf-8"))
        for entry in data["items"].values():
            (item, _original) = json.loads(
                next(f for f in entry["formats"] if f["key"] == "csl-json")["text"]
            )
            labels += [entry["label"], citation_render.plain_title(item["title"])]
    found = {match.group(1) for label in labels for match in _NAME.finditer(label)}
    assert found, "no Korean personal name found: the check would pass on anything"
    assert found <= citations.protected_words()


def test_the_name_check_finds_an_unlisted_name() -> None:
    assert _NAME.findall("Timeline: Moon Jae-in meets Kim Jong-un") == ["Jae-in", "Jong-un"]
    assert "Jae-in" not in citations.protected_words()


def test_no_straight_quote_in_any_citation_title(built_site: Path) -> None:
    for data_file in sorted((built_site / "cite").glob("*.json")):
        data = json.loads(data_file.read_text(encoding="utf-8"))
        for anchor, entry in data["items"].items():
            csl = next(f for f in entry["formats"] if f["key"] == "csl-json")["text"]
            for item in json.loads(csl):
                text = item["title"].replace('class="nocase"', "") + item["container-title"]
                assert "'" not in text and '"' not in text, f"{data_file.name}#{anchor}"


def test_disambiguate_condition_is_false_for_an_item_cited_alone() -> None:
    """MLA's in-text citation adds the title only when two works are ambiguous; citeproc-py
    took that branch always. Cited alone, Bernal's article is "(Bernal, par. 8)", as in
    citeproc-js."""
    from scripts import pinpoint_render

    mla = pinpoint_render.render_citation(citations.ORIGINAL_ARTICLE, "mla", locator="8")
    assert mla == "(Bernal, par. 8)"
    apa = pinpoint_render.render_citation(citations.ORIGINAL_ARTICLE, "apa", locator="8")
    assert apa == "(Bernal, 2023, para. 8)"
