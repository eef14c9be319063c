"""The in-text citations "Cite this passage" fills in (scripts/pinpoints.py)."""

from __future__ import annotations

from datetime import date

from scripts import citations, pinpoints
from scripts.page_citations import Citable

SITE = citations.Site(title="North Korea\u2019s 2023 pivot", url="https://example.org/")
FOUND = [Citable("kim-putin-summit", "The Vostochny summit", "section")]
PAGE = ("Russia ties", "russia/", date(2026, 11, 20))


def test_every_style_gets_the_sections_and_the_articles_in_text_citation() -> None:
    data = citations.page_data(SITE, *PAGE, FOUND)
    data = pinpoints.with_pinpoints(data, SITE, PAGE, FOUND, edition="2026.1")
    formats = {f["key"]: f for f in data["items"]["kim-putin-summit"]["formats"]}
    assert formats["apa"]["intext"]["text"] == (
        "(Russia Ties: The Vostochny Summit, 2026, para. 999999)"
    )
    assert formats["apa"]["intext"]["html"].startswith("(<i>Russia Ties")
    assert (
        formats["mla"]["intext"]["text"]
        == "(\u201cRussia Ties: The Vostochny Summit,\u201d par. 999999)"
    )
    assert (
        formats["chicago"]["intext"]["text"] == "(North Korea\u2019s 2023 Pivot 2026, para. 999999)"
    )
    assert formats["chicago"]["original_intext"]["text"] == "(Bernal 2023, para. 999999)"
    assert "intext" not in formats["bibtex"]
    assert data["edition"] == "2026.1"
    assert data["locator_placeholder"] == pinpoints.LOCATOR_PLACEHOLDER


def test_a_plain_build_is_the_latest_edition() -> None:
    data = citations.page_data(SITE, *PAGE, FOUND)
    assert pinpoints.with_pinpoints(data, SITE, PAGE, FOUND)["edition"] is None
