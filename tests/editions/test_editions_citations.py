"""Every citation of an edition names it: its version in every format, its own permanent
address, its PDF; the canonical link names the latest edition, and the cite box offers it."""

from __future__ import annotations

import json
import urllib.request

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from tests.editions.editions_site import FIRST, SECOND, Editions


def fetched(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        return response.read()


@pytest.mark.parametrize("version", [FIRST, SECOND])
def test_every_section_citation_names_its_edition_and_its_address(
    editions_repo: Editions, version: str
) -> None:
    data = json.loads(fetched(f"{editions_repo.base}{version}/cite/russia.json"))
    assert data["items"]
    for anchor, entry in data["items"].items():
        formats = {form["key"]: form["text"] for form in entry["formats"]}
        address = f"/{version}/russia/#{anchor}"
        assert entry["url"].endswith(address)
        assert address in formats["apa"]  # the official APA style names it by its address
        assert f"Version {version}" in formats["mla"]
        assert f"Version {version}" in formats["chicago"]
        section = bibtexparser.parse_string(formats["bibtex"]).entries[0]
        assert section.fields_dict["version"].value == version
        assert rispy.loads(formats["ris"])[0]["edition"] == version
        assert json.loads(formats["csl-json"])[0]["version"] == version


def test_an_edition_page_cites_itself_and_canonically_names_the_latest(
    editions_repo: Editions,
) -> None:
    soup = BeautifulSoup(fetched(f"{editions_repo.base}{FIRST}/russia/"), "lxml")
    meta = {tag.get("name"): tag.get("content") for tag in soup.select("meta[name]")}
    assert meta["citation_public_url"].endswith(f"/{FIRST}/russia/")
    assert meta["citation_pdf_url"].endswith(f"/{FIRST}/nk-2023-pivot-{FIRST}.pdf")
    assert soup.select_one("link[rel=canonical]")["href"].endswith("/latest/russia/")
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    assert graph[0]["version"] == FIRST
    box = soup.select_one(".cite-box")
    assert f"edition {FIRST}" in box.select_one(".cite-box__title").get_text()
    assert f"/{FIRST}/russia/" in box.select_one(".cite-box__lead").get_text()
    latest = box.select_one("[id^=cite-latest-apa]").get_text()
    assert "/latest/russia/" in latest and f"/{FIRST}/" not in latest


def test_a_plain_build_names_no_edition(built_site) -> None:
    data = json.loads((built_site / "cite" / "russia.json").read_text("utf-8"))
    entry = next(iter(data["items"].values()))
    formats = {form["key"]: form["text"] for form in entry["formats"]}
    assert "Version" not in formats["mla"] and "version" not in formats["bibtex"]
    soup = BeautifulSoup((built_site / "russia" / "index.html").read_text("utf-8"), "lxml")
    assert soup.select_one('meta[name="citation_pdf_url"]') is None
    assert soup.select_one("[id^=cite-latest-apa]") is None
