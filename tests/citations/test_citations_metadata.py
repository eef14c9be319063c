"""Page metadata as machines read it: extruct for JSON-LD, OpenGraph and Dublin Core; an HTML
parser for the Highwire `citation_*` and Twitter tags that Zotero and social sites read."""

from __future__ import annotations

import json
from pathlib import Path

import extruct
import pytest
from bs4 import BeautifulSoup

from scripts import citations, embedded_metadata
from scripts.page_citations import Citable
from scripts.project import read_config
from tests.conftest import ROOT

PAGES = ["", "russia/", "sources/", "timeline/"]
SITE_NAME = read_config(ROOT / "mkdocs.yml")["site_name"]
SITE_URL = "http://127.0.0.1:8000/"


def extract(built_site: Path, page: str) -> dict[str, list[dict]]:
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    return extruct.extract(
        html,
        base_url=SITE_URL + page,
        syntaxes=["json-ld", "opengraph", "dublincore"],
        uniform=True,
    )


def graph(data: dict[str, list[dict]], schema_type: str) -> list[dict]:
    nodes = [node for block in data["json-ld"] for node in block.get("@graph", [block])]
    return [node for node in nodes if node.get("@type") == schema_type]


def meta(built_site: Path, page: str) -> dict[str, str]:
    soup = BeautifulSoup((built_site / page / "index.html").read_text("utf-8"), "lxml")
    return {
        tag.get("name") or tag.get("property"): tag["content"]
        for tag in soup.find_all("meta")
        if tag.get("content") is not None and (tag.get("name") or tag.get("property"))
    }


@pytest.mark.parametrize("page", PAGES)
def test_json_ld_web_page_is_based_on_the_original_article(built_site: Path, page: str) -> None:
    (article,) = graph(extract(built_site, page), "WebPage")
    assert article["url"] == SITE_URL + page
    assert "author" not in article
    assert article["publisher"]["name"] == SITE_NAME
    assert article["dateModified"][:4].isdigit()
    original = article["isBasedOn"]
    assert original["url"] == citations.ORIGINAL_ARTICLE["URL"]
    assert original["author"]["name"] == "Gabriela Bernal"
    assert original["datePublished"] == "2023-12-15"
    assert original["publisher"]["name"] == "East Asia Forum"


@pytest.mark.parametrize("page", PAGES)
def test_json_ld_breadcrumbs_lead_from_home_to_the_page(built_site: Path, page: str) -> None:
    (crumbs,) = graph(extract(built_site, page), "BreadcrumbList")
    items = crumbs["itemListElement"]
    assert items[0]["item"] == SITE_URL
    assert items[-1]["item"] == SITE_URL + page
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))


def test_timeline_json_ld_lists_every_event_in_order(built_site: Path) -> None:
    timeline = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
    (item_list,) = graph(extract(built_site, "timeline/"), "ItemList")
    events = [element["item"] for element in item_list["itemListElement"]]
    assert all(event["@type"] == "Event" for event in events)
    assert [event["url"] for event in events] == [
        f"{SITE_URL}timeline/#{event['id']}" for event in timeline["events"]
    ]
    assert [event["startDate"] for event in events] == [
        event["date"] for event in timeline["events"]
    ]
    assert item_list["numberOfItems"] == len(timeline["events"])


@pytest.mark.parametrize("page", PAGES)
def test_opengraph_and_dublin_core_name_the_page(built_site: Path, page: str) -> None:
    data = extract(built_site, page)
    (opengraph,) = data["opengraph"]
    assert opengraph["og:url"] == SITE_URL + page
    assert opengraph["og:site_name"] == SITE_NAME
    # Zotero types a page by og:type: "website" makes it a web page, not a journal article.
    assert opengraph["@type"] == "website"  # extruct files og:type as @type
    assert opengraph["og:image"] == SITE_URL + "assets/social-card.png"
    assert opengraph["og:title"]
    assert opengraph["og:description"]
    (dublin_core,) = data["dublincore"]
    terms = {
        element["URI"].rsplit("/", 1)[1]: element["content"] for element in dublin_core["elements"]
    }
    # No creator for Zotero to split; no DC.source for it to take as the website's title.
    assert "creator" not in terms and "source" not in terms
    assert terms["identifier"] == SITE_URL + page
    assert terms["relation"] == citations.ORIGINAL_ARTICLE["URL"]
    assert terms["language"] == "en"


@pytest.mark.parametrize("page", PAGES)
def test_highwire_and_twitter_tags_are_present(built_site: Path, page: str) -> None:
    tags = meta(built_site, page)
    assert tags["citation_title"]
    assert "citation_author" not in tags and "author" not in tags
    year, month, day = tags["citation_publication_date"].split("/")
    assert len(year) == 4 and len(month) == 2 and len(day) == 2
    assert tags["citation_public_url"] == SITE_URL + page
    assert tags["citation_language"] == "en"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:title"] == tags["og:title"]


def test_json_ld_cannot_be_closed_by_a_title() -> None:
    site = citations.Site("S", "https://example.org/")
    page = embedded_metadata.PageInfo("</script><script>alert(1)</script>", "d & e", "p/", None)
    event = Citable("e1", "</script>", "event", "2023-09")
    text = embedded_metadata.script_json(embedded_metadata.json_ld(site, page, [event]))
    assert "</script" not in text and "<" not in text
    decoded = json.loads(text)
    assert decoded["@graph"][0]["headline"] == "</script><script>alert(1)</script>"
    assert decoded["@graph"][2]["itemListElement"][0]["item"]["startDate"] == "2023-09"


def test_the_link_card_is_a_published_png_of_the_size_the_tags_give(built_site: Path) -> None:
    tags = meta(built_site, "russia/")
    card = built_site / tags["og:image"].removeprefix(SITE_URL)
    header = card.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (str(width), str(height)) == (tags["og:image:width"], tags["og:image:height"])
    assert tags["og:image:alt"]
