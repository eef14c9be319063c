"""Property tests: for any valid events, the page and every download hold each once, in order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import icalendar
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts import timeline, timeline_ics
from scripts.frontmatter import THEMES, Event
from tests.timeline.timeline_helpers import make_event, page_html

SECTIONS = ("alpha", "beta", "gamma")
# Any text an editor could type: letters of any script, signs, tabs and line breaks, but no
# other control characters (the validator rejects those) and no lone surrogates.
TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r<>&\"'\\;,"),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip())


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2030, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    return {"year": f"{day:%Y}", "month": f"{day:%Y-%m}", "day": day.isoformat()}[precision]


@st.composite
def pages(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """One to three pages as (path, label, Markdown text), events spread between them."""
    count = draw(st.integers(min_value=1, max_value=3))
    sources = []
    for number in range(count):
        events = []
        for position in range(draw(st.integers(min_value=0, max_value=6))):
            event = {
                "id": f"p{number}-e{position}",
                "date": draw(dates()),
                "title": draw(TEXT),
                "section": draw(st.sampled_from(SECTIONS)),
                "themes": draw(st.lists(st.sampled_from(list(THEMES)), min_size=1, unique=True)),
            }
            if draw(st.booleans()):
                event["note"] = draw(TEXT)
            events.append(event)
        meta = {"title": draw(TEXT), "description": "A page.", "events": events}
        headings = "".join(f"\n## Section {s} {{#{s}}}\n\nText.\n" for s in SECTIONS)
        text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{headings}"
        sources.append((f"page-{number}.md", f"docs/page-{number}.md", text))
    return sources


def normalise_breaks(text: str) -> str:
    """iCalendar text knows one line break: CRLF and CR come back as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sources=pages())
def test_page_and_every_download_hold_each_event_once_in_order(sources) -> None:
    parsed = timeline.collect(sources)
    events = timeline.sort_events(parsed, [path for path, _, _ in sources])
    ids = [event.id for event in events]
    titles = [event.title for event in events]
    assert len(ids) == len(set(ids)) == sum(len(page.events) for page in parsed)
    starts = [event.date.start for event in events]
    assert starts == sorted(starts)

    soup = page_html(events)
    entries = soup.select("li.tl-event")
    assert [entry["id"] for entry in entries] == ids
    assert [entry.select_one(".tl-event__title").get_text() for entry in entries] == titles
    assert soup.find("script") is None

    data = json.loads(timeline.render_json(events))
    assert [record["id"] for record in data["events"]] == ids
    assert [record["title"] for record in data["events"]] == titles

    rows = list(csv.DictReader(io.StringIO(timeline.render_csv(events), newline="")))
    assert [row["id"] for row in rows] == ids
    assert [row["title"] for row in rows] == titles

    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    raw = timeline.render_ics(events, dtstamp=stamp, uid_domain="test")
    calendar_events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert [str(entry["UID"]) for entry in calendar_events] == [f"{i}@test" for i in ids]
    # Month and year events carry their date's label in the title, day events the title only.
    assert [str(entry["SUMMARY"]) for entry in calendar_events] == [
        normalise_breaks(event.title)
        + ("" if event.date.precision == "day" else f" ({event.date.label})")
        for event in events
    ]
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300))
@example(text="C:\\New\\Notes; a\\N, b")
def test_any_title_folds_to_75_octets_and_parses_back_as_typed(text: str) -> None:
    # IcsText writes what icalendar writes, except that a typed backslash before N stays one.
    if "\\N" not in text:
        assert timeline_ics.IcsText(text).to_ical() == icalendar.vText(text).to_ical()
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    events = [make_event(0, title=text or "x")]
    raw = timeline.render_ics(events, dtstamp=stamp, uid_domain="test")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    parsed = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == normalise_breaks(text or "x")


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    """Events sharing some dates and sections, with any text an editor could type.

    Events of one section may even differ in their page and section titles, as events made
    by hand (not read from a page) can.
    """
    made = []
    for position in range(draw(st.integers(min_value=0, max_value=8))):
        page = draw(st.sampled_from(["russia.md", "index.md", "a/b.md"]))
        section = draw(st.sampled_from(SECTIONS))
        made.append(
            make_event(
                position,
                date=draw(dates()),
                title=draw(TEXT),
                note=draw(st.none() | TEXT),
                source=draw(st.none() | st.just("https://example.org/a?b=c&d")),
                themes=tuple(
                    draw(st.lists(st.sampled_from(list(THEMES)), min_size=1, unique=True))
                ),
                page=page,
                page_title=draw(st.sampled_from(["Russia ties", "China: 'ties'"])),
                section=section,
                section_title=draw(TEXT),
            )
        )
    return made


@settings(max_examples=100, deadline=None)
@given(
    events=events(),
    site_url=st.sampled_from([None, "", "https://example.org/site"]),
    use_directory_urls=st.booleans(),
)
def test_json_events_and_csv_rows_are_exactly_the_records(
    events: list[Event], site_url: str | None, use_directory_urls: bool
) -> None:
    urls = {"site_url": site_url, "use_directory_urls": use_directory_urls}
    records = timeline.timeline_records(events, **urls)
    # Each record holds its own event's fields, even where events share a date or section.
    own = ("id", "title", "page", "page_title", "section", "section_title", "note", "source")
    assert [[record[key] for key in own] for record in records] == [
        [getattr(event, key) for key in own] for event in events
    ]
    assert [record["label"] for record in records] == [event.date.label for event in events]

    assert json.loads(timeline.render_json(events, **urls))["events"] == records

    text = timeline.render_csv(events, **urls)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == [
        {
            column: ";".join(record[column])
            if column == "themes"
            else ("" if record[column] is None else record[column])
            for column in timeline.CSV_COLUMNS
        }
        for record in records
    ]
