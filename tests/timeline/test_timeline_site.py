"""The real site: the timeline and its downloads hold exactly the events of the front matter."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import icalendar
import jsonschema
import pytest
from bs4 import BeautifulSoup

from scripts import timeline, timeline_ics
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def expected_ids() -> list[str]:
    """The event ids of the docs' front matter in timeline order, read without MkDocs."""
    pages, order = timeline.read_site(ROOT / "mkdocs.yml")
    return [event.id for event in timeline.sort_events(pages, order)]


def test_timeline_page_shows_exactly_the_front_matter_events(
    built_site: Path, expected_ids: list[str]
) -> None:
    soup = BeautifulSoup((built_site / "timeline" / "index.html").read_text("utf-8"), "lxml")
    assert [entry["id"] for entry in soup.select("li.tl-event")] == expected_ids


def test_every_timeline_link_lands_on_an_existing_section(built_site: Path) -> None:
    page = built_site / "timeline" / "index.html"
    soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
    for link in soup.select(".tl-event__more a"):
        path, anchor = link["href"].split("#")
        target = (page.parent / path / "index.html").resolve()
        assert target.is_file(), link["href"]
        assert BeautifulSoup(target.read_text("utf-8"), "lxml").find(id=anchor), link["href"]


def test_json_download_holds_the_front_matter_events_and_follows_its_schema(
    built_site: Path, expected_ids: list[str]
) -> None:
    data = json.loads((built_site / "timeline.json").read_text("utf-8"))
    schema = json.loads((built_site / "timeline.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert [event["id"] for event in data["events"]] == expected_ids


def test_csv_download_holds_the_front_matter_events(
    built_site: Path, expected_ids: list[str]
) -> None:
    raw = (built_site / "timeline.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw.count(codecs.BOM_UTF8) == 1
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == expected_ids
    data = json.loads((built_site / "timeline.json").read_text("utf-8"))
    assert [row["url"] for row in rows] == [event["url"] for event in data["events"]]
    assert all(row["url"].startswith(("http://", "https://")) for row in rows)


def test_ics_download_holds_the_front_matter_events(
    built_site: Path, expected_ids: list[str]
) -> None:
    calendar = icalendar.Calendar.from_ical((built_site / "timeline.ics").read_bytes())
    uids = [str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")]
    assert uids == expected_ids
    assert all(event["DTSTART"].params.get("VALUE") == "DATE" for event in calendar.walk("VEVENT"))
    for event in calendar.walk("VEVENT"):
        assert event.decoded("LAST-MODIFIED") <= event.decoded("DTSTAMP")
        assert event.decoded("SEQUENCE") == timeline_ics.ics_sequence(
            event.decoded("LAST-MODIFIED")
        )


def test_timeline_is_in_the_navigation_after_the_outlook(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "lxml")
    labels = [a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert "Timeline" in labels
    assert labels.index("Timeline") == labels.index("2024 outlook") + 1


def test_calendar_entries_are_dated_by_their_pages_last_change(built_site: Path) -> None:
    """The build passes each page's last change (the date its citations give) to the calendar;
    an entry is never dated after the file was made."""
    events = json.loads((built_site / "timeline.json").read_text("utf-8"))["events"]
    pages = {event["id"]: event["page"] for event in events}
    calendar = icalendar.Calendar.from_ical((built_site / "timeline.ics").read_bytes())
    latest = None
    for entry in calendar.walk("VEVENT"):
        page = pages[str(entry["UID"]).split("@")[0]]
        soup = BeautifulSoup(
            (built_site / page.removesuffix(".md") / "index.html").read_text("utf-8"), "lxml"
        )
        cited = soup.select_one('meta[name="citation_publication_date"]')["content"]
        changed = dt.datetime.strptime(cited, "%Y/%m/%d").replace(tzinfo=dt.UTC)
        assert entry.decoded("LAST-MODIFIED") == min(changed, entry.decoded("DTSTAMP")), page
        latest = max(latest or changed, changed)
    # Without SOURCE_DATE_EPOCH the file is made no earlier than the last page change it knows:
    # were the page dates not passed, it would date from the day after the last event.
    assert "SOURCE_DATE_EPOCH" in os.environ or entry.decoded("DTSTAMP") >= latest
