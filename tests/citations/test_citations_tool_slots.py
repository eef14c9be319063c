"""Cite tools go under passages, not under the timeline's year and month signposts."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup


def test_timeline_offers_cite_tools_for_events_only(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "timeline" / "index.html").read_text("utf-8"), "lxml")
    kinds = {slot["data-cite-kind"] for slot in soup.select(".tl-list [data-cite-tools]")}
    assert kinds == {"event"}
    for heading in soup.select("article h2[id^=y], article h3[id^=y]"):
        following = heading.find_next_sibling()
        assert following is None or not following.has_attr("data-cite-tools"), heading["id"]


def test_citation_data_holds_exactly_what_has_cite_tools(built_site: Path) -> None:
    for html_file in sorted(built_site.rglob("index.html")):
        soup = BeautifulSoup(html_file.read_text("utf-8"), "lxml")
        box = soup.select_one(".cite-box[data-cite-src]")
        if box is None:
            continue
        slots = [slot["data-cite-tools"] for slot in soup.select("[data-cite-tools]")]
        data_file = (html_file.parent / box["data-cite-src"]).resolve()
        items = json.loads(data_file.read_text("utf-8"))["items"]
        assert list(items) == slots, html_file
