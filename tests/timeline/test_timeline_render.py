"""The timeline page and downloads: order, grouping, structure, escaping and formats."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
from typing import Any

import icalendar
import jsonschema
import pytest

from scripts import timeline, timeline_ics
from scripts.frontmatter import read_page
from scripts.project import SourceDateEpochError
from tests.timeline.timeline_helpers import HOSTILE, make_event, page_html

STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
SITE = "https://example.org/edition/"


def page_with(events_yaml: str, path: str = "p.md") -> timeline.Page:
    text = f"---\ntitle: P\ndescription: D.\nevents:\n{events_yaml}---\n\n## S {{#s}}\n"
    return read_page(path, text)


def test_events_sort_by_date_then_precision_then_nav_order_then_position() -> None:
    first = page_with(
        "  - {id: b-day, date: 2024-01-01, title: B, section: s, themes: [china]}\n"
        "  - {id: b-year, date: 2024, title: B, section: s, themes: [china]}\n"
        "  - {id: b-month-2, date: 2024-01, title: B, section: s, themes: [china]}\n",
        path="b.md",
    )
    second = page_with(
        "  - {id: a-month, date: 2024-01, title: A, section: s, themes: [china]}\n"
        "  - {id: a-old, date: 2019-05-01, title: A, section: s, themes: [china]}\n",
        path="a.md",
    )
    events = timeline.sort_events([first, second], page_order=["b.md", "a.md"])
    assert [e.id for e in events] == ["a-old", "b-year", "b-month-2", "a-month", "b-day"]
    # Pages outside the nav come after those in it, by path.
    events = timeline.sort_events([first, second], page_order=[])
    assert [e.id for e in events] == ["a-old", "b-year", "a-month", "b-month-2", "b-day"]


@pytest.mark.parametrize(
    ("path", "directory_urls", "expected"),
    [
        ("russia.md", True, "russia/#summit"),
        ("index.md", True, "#summit"),
        ("part/index.md", True, "part/#summit"),
        ("russia.md", False, "russia.html#summit"),
    ],
)
def test_records_give_the_section_address_where_mkdocs_publishes_it(
    path: str, directory_urls: bool, expected: str
) -> None:
    events = [make_event(0, page=path)]
    record = timeline.timeline_records(events, use_directory_urls=directory_urls, site_url=SITE)[0]
    assert record["path"] == expected
    assert record["url"] == f"{SITE}{expected}"
    timeline_page = "timeline/" if directory_urls else "timeline.html"
    assert record["timeline_url"] == f"{SITE}{timeline_page}#2023-09-13-event-0"


@pytest.mark.parametrize("site_url", [None, ""])
def test_without_a_site_url_records_have_no_absolute_addresses(site_url: str | None) -> None:
    record = timeline.timeline_records([make_event(0)], site_url=site_url)[0]
    assert (record["path"], record["url"], record["timeline_url"]) == ("russia/#summit", None, None)


def test_a_site_url_without_a_trailing_slash_still_prefixes_addresses() -> None:
    record = timeline.timeline_records([make_event(0)], site_url="https://example.org/ed")[0]
    assert record["url"] == "https://example.org/ed/russia/#summit"


def test_page_groups_by_year_and_month_with_explicit_ids() -> None:
    events = [
        make_event(0, date="2023", id="a"),
        make_event(1, date="2023-02", id="b"),
        make_event(2, date="2023-02-08", id="c"),
        make_event(3, date="2024-11-21", id="d"),
    ]
    soup = page_html(events)
    headings = [(h.name, h["id"], h.get_text()) for h in soup.select("h2, h3")]
    assert headings[:4] == [
        ("h2", "y2023", "2023"),
        ("h3", "y2023-02", "February 2023"),
        ("h2", "y2024", "2024"),
        ("h3", "y2024-11", "November 2024"),
    ]
    groups = [
        (ol["data-tl-group"], [li["id"] for li in ol.select("li")]) for ol in soup.select("ol")
    ]
    assert groups == [("y2023", ["a"]), ("y2023-02", ["b", "c"]), ("y2024-11", ["d"])]
    # Years and months are sections holding their heading, so they can hide as one.
    sections = [(s["data-tl-section"], s.find(["h2", "h3"])["id"]) for s in soup.select("section")]
    assert sections == [
        ("y2023", "y2023"),
        ("y2023-02", "y2023-02"),
        ("y2024", "y2024"),
        ("y2024-11", "y2024-11"),
    ]


def test_each_entry_has_time_title_theme_labels_section_link_note_and_own_id() -> None:
    event = make_event(
        0,
        id="2023-09-13-kim-putin-summit",
        title="Kim meets Putin",
        themes=("russia", "weapons"),
        section="kim-putin-summit",
        note="The article says 14 September.",
        source="https://example.org/a?b=1&c=2",
    )
    entry = page_html([event]).select_one("li.tl-event")
    assert entry["id"] == "2023-09-13-kim-putin-summit"
    assert entry["data-themes"] == "russia weapons"
    time = entry.select_one("time")
    assert (time["datetime"], time.get_text()) == ("2023-09-13", "13 September 2023")
    assert entry.select_one("a.tl-event__date")["href"] == "#2023-09-13-kim-putin-summit"
    assert entry.select_one(".tl-event__title").get_text() == "Kim meets Putin"
    assert [s.get_text() for s in entry.select(".tl-theme")] == ["Russia", "Weapons"]
    link = entry.select_one(".tl-event__more a")
    assert link["href"] == "russia.md#kim-putin-summit"
    assert link.get_text() == "Russia ties: The summit"
    assert entry.select_one(".tl-event__note").get_text() == "Note: The article says 14 September."
    assert entry.select_one(".tl-event__source a")["href"] == "https://example.org/a?b=1&c=2"


@pytest.mark.parametrize(
    ("date", "datetime_value", "label"),
    [
        ("2023-02-08", "2023-02-08", "8 February 2023"),
        ("2023-04", "2023-04", "April 2023"),
        ("2024", "2024", "2024"),
    ],
)
def test_dates_show_at_their_precision(date: str, datetime_value: str, label: str) -> None:
    time = page_html([make_event(0, date=date)]).select_one("time")
    assert (time["datetime"], time.get_text()) == (datetime_value, label)


def test_filter_buttons_cover_every_theme_and_start_unpressed_and_laid_out() -> None:
    soup = page_html([make_event(0)])
    box = soup.select_one("[data-tl-filter]")
    # Laid out from the first paint (no layout shift); without JavaScript the stylesheet hides
    # it through the page's `no-js` class, which the browser test proves.
    assert not box.has_attr("hidden")
    buttons = box.select("button[data-theme]")
    assert [b["data-theme"] for b in buttons] == list(timeline.THEMES)
    assert all(b["aria-pressed"] == "false" and b["type"] == "button" for b in buttons)


def test_empty_timeline_says_so() -> None:
    assert "No page lists an event yet." in page_html([]).get_text()


def test_hostile_title_and_note_are_inert_and_intact_in_html() -> None:
    soup = page_html([make_event(0, title=HOSTILE, note=HOSTILE, page_title=HOSTILE)])
    assert soup.find("script") is None
    entry = soup.select_one("li.tl-event")
    assert entry.select_one(".tl-event__title").get_text() == HOSTILE
    assert entry.select_one(".tl-event__note").get_text() == f"Note: {HOSTILE}"
    assert entry.select_one(".tl-event__more a").get_text() == f"{HOSTILE}: The summit"


@pytest.mark.parametrize("markup", ["*em*", "_em_", "`code`", "[a](b)", "<b>x</b>", "**x**"])
def test_markdown_in_titles_stays_text(markup: str) -> None:
    entry = page_html([make_event(0, title=markup)]).select_one(".tl-event__title")
    assert entry.get_text() == markup
    assert entry.find(True) is None


def test_hostile_strings_are_intact_in_json() -> None:
    data = json.loads(timeline.render_json([make_event(0, title=HOSTILE, note=HOSTILE)]))
    assert data["events"][0]["title"] == HOSTILE
    assert data["events"][0]["note"] == HOSTILE


def test_hostile_strings_are_intact_in_csv() -> None:
    text = timeline.render_csv([make_event(0, title=HOSTILE, note=HOSTILE)])
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 1
    assert rows[0]["title"] == HOSTILE
    assert rows[0]["note"] == HOSTILE


def test_hostile_strings_are_inert_and_intact_in_ics() -> None:
    raw = timeline.render_ics(
        [make_event(0, title=HOSTILE, note=HOSTILE)], dtstamp=STAMP, uid_domain="test"
    )
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == 1
    # iCalendar text has one line-break escape, so CRLF comes back as a line feed.
    expected = HOSTILE.replace("\r\n", "\n")
    assert str(events[0]["SUMMARY"]) == expected
    assert f"Note: {expected}" in str(events[0]["DESCRIPTION"])
    assert all(line.count(b"BEGIN:VEVENT") <= 1 for line in raw.split(b"\r\n"))


def test_ics_is_rfc5545_all_day_events_with_stable_uids() -> None:
    events = [
        make_event(0, date="2023-09-13"),
        make_event(1, date="2023-02"),
        make_event(2, date="2024"),
    ]
    raw = timeline.render_ics(events, dtstamp=STAMP, uid_domain="test", site_url=SITE)
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    parsed = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    spans = [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in parsed]
    # In the order given (the caller sorts): a day, a whole month, a whole year; DTEND exclusive.
    assert spans == [
        (dt.date(2023, 9, 13), dt.date(2023, 9, 14)),
        (dt.date(2023, 2, 1), dt.date(2023, 3, 1)),
        (dt.date(2024, 1, 1), dt.date(2025, 1, 1)),
    ]
    assert b"DTSTART;VALUE=DATE:20230913" in raw
    assert [str(e["UID"]) for e in parsed] == [f"{e.id}@test" for e in events]
    assert str(parsed[0]["URL"]) == f"{SITE}russia/#summit"
    assert "known to the month" in str(parsed[1]["DESCRIPTION"])


@pytest.mark.parametrize(
    ("date", "summary"),
    [
        ("2023-07-25", "Delegation visits"),
        ("2023-07", "Delegation visits (July 2023)"),
        ("2024", "Delegation visits (2024)"),
    ],
)
def test_ics_titles_of_month_and_year_events_name_their_precision(date: str, summary: str) -> None:
    raw = timeline.render_ics(
        [make_event(0, date=date, title="Delegation visits")], dtstamp=STAMP, uid_domain="t"
    )
    assert str(icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]["SUMMARY"]) == summary


def test_ics_dates_before_the_year_1000_keep_four_digits() -> None:
    raw = timeline.render_ics([make_event(0, date="0999-01-02")], dtstamp=STAMP, uid_domain="t")
    assert b"DTSTART;VALUE=DATE:09990102" in raw
    parsed = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert parsed.decoded("DTEND") == dt.date(999, 1, 3)


def test_ics_parses_back_to_every_field_of_every_event() -> None:
    events = [
        make_event(0, title=HOSTILE, note="é" * 90 + "\\" * 7 + ";" * 40, date="2023-04"),
        make_event(1, title="x" * 200, themes=("russia", "inter-korean"), source="https://a.b/c"),
    ]
    raw = timeline.render_ics(events, dtstamp=STAMP, uid_domain="test", site_url=SITE)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    parsed = icalendar.Calendar.from_ical(raw)
    assert str(parsed["PRODID"]) == "-//test//timeline//EN"
    assert str(parsed["X-WR-CALNAME"]) == "Timeline"
    for event, entry in zip(events, parsed.walk("VEVENT"), strict=True):
        assert str(entry["UID"]) == f"{event.id}@test"
        assert str(entry["SUMMARY"]) == timeline_ics.ics_summary(event).replace("\r\n", "\n")
        assert str(entry["DESCRIPTION"]) == timeline_ics.ics_description(event).replace(
            "\r\n", "\n"
        )
        assert entry.decoded("DTSTAMP") == STAMP
        assert entry.decoded("LAST-MODIFIED") == STAMP
        assert entry.decoded("SEQUENCE") == timeline_ics.ics_sequence(STAMP)
        assert entry.decoded("DTSTART") == event.date.start
        assert entry.decoded("DTEND") == event.date.end + dt.timedelta(days=1)
        assert entry["CATEGORIES"].cats == [timeline.THEMES[t] for t in event.themes]
        assert str(entry["TRANSP"]) == "TRANSPARENT"
        assert str(entry["URL"]) == f"{SITE}russia/#summit"


def test_ics_without_a_site_url_has_no_addresses() -> None:
    raw = timeline.render_ics([make_event(0)], dtstamp=STAMP, uid_domain="test", site_url="")
    assert b"URL" not in raw


def test_ics_properties_keep_the_order_the_file_always_had() -> None:
    raw = timeline.render_ics(
        [make_event(0)], dtstamp=STAMP, uid_domain="test", site_url=SITE, site_name="Site"
    )
    lines = [line for line in raw.split(b"\r\n") if not line.startswith(b" ")]
    names = [line.split(b":")[0].split(b";")[0] for line in lines]
    assert names == [
        b"BEGIN", b"VERSION", b"PRODID", b"CALSCALE", b"METHOD", b"X-WR-CALNAME",
        b"BEGIN", b"UID", b"DTSTAMP", b"LAST-MODIFIED", b"SEQUENCE", b"DTSTART", b"DTEND",
        b"SUMMARY", b"DESCRIPTION", b"CATEGORIES", b"TRANSP", b"URL", b"END", b"END", b"",
    ]  # fmt: skip
    assert b"X-WR-CALNAME:Site: timeline\r\n" in raw


@pytest.mark.parametrize("text", ["a" * 200, "\\" * 151, "a\\" * 80, "é" * 100, "x\\n" * 60])
def test_long_ics_lines_fold_at_75_octets_and_unfold_intact(text: str) -> None:
    raw = timeline.render_ics([make_event(0, title=text)], dtstamp=STAMP, uid_domain="t")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    entry = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(entry["SUMMARY"]) == text


def test_icalendar_still_turns_a_typed_backslash_n_into_a_line_break() -> None:
    """The one behaviour IcsText changes; when this fails, icalendar is fixed: drop IcsText."""
    assert icalendar.vText("C:\\New").to_ical() == b"C:\\new"


def test_a_typed_backslash_n_survives_the_calendar() -> None:
    title = "C:\\New\\Notes; a\\N, b"
    raw = timeline.render_ics([make_event(0, title=title)], dtstamp=STAMP, uid_domain="t")
    assert str(icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]["SUMMARY"]) == title


def test_ics_text_escaping_matches_the_icalendar_library_elsewhere() -> None:
    value = HOSTILE + "\rlone CR"
    assert timeline_ics.IcsText(value).to_ical() == icalendar.vText(value).to_ical()


def test_dtstamp_comes_from_source_date_epoch_or_the_data_never_the_clock() -> None:
    events = [make_event(0, date="2023-11")]
    assert timeline.reproducible_dtstamp(events, {"SOURCE_DATE_EPOCH": "1700000000"}) == (
        dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    )
    assert timeline.reproducible_dtstamp(events, {}) == dt.datetime(2023, 12, 1, tzinfo=dt.UTC)
    assert timeline.reproducible_dtstamp([], {}) == timeline_ics.EPOCH


def test_dtstamp_without_source_date_epoch_is_never_before_a_page_change() -> None:
    events = [make_event(0, date="2023-11"), make_event(1, date="2023-05", page="china.md")]
    later = {"china.md": dt.date(2024, 2, 3)}
    assert timeline.reproducible_dtstamp(events, {}, later) == dt.datetime(
        2024, 2, 3, tzinfo=dt.UTC
    )
    earlier = {"russia.md": dt.date(2023, 10, 1), "unrelated.md": dt.date(2030, 1, 1)}
    assert timeline.reproducible_dtstamp(events, {}, earlier) == dt.datetime(
        2023, 12, 1, tzinfo=dt.UTC
    )
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert timeline.reproducible_dtstamp(events, epoch, later) == (
        dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    )


def test_dtstamp_refuses_a_source_date_epoch_that_is_not_whole_seconds() -> None:
    with pytest.raises(SourceDateEpochError):
        timeline.reproducible_dtstamp([], {"SOURCE_DATE_EPOCH": "1.5"})


def test_records_hold_the_schema_fields_in_its_order() -> None:
    schema = json.loads(timeline.SCHEMA_FILE.read_text(encoding="utf-8"))
    fields = list(schema["$defs"]["event"]["properties"])
    assert list(timeline.timeline_records([make_event(0)])[0]) == fields
    assert schema["$defs"]["event"]["required"] == fields


def test_csv_columns_are_every_record_field_absolute_addresses_included() -> None:
    record = timeline.timeline_records([make_event(0)], site_url=SITE)[0]
    assert tuple(record) == timeline.CSV_COLUMNS
    assert {"path", "url", "timeline_url"} <= set(timeline.CSV_COLUMNS)


def read_csv_file(raw: bytes) -> list[dict[str, str]]:
    """The CSV download as a spreadsheet-minded reader takes it: UTF-8 with its mark."""
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_file_is_utf8_with_one_byte_order_mark_at_the_start_and_crlf_rows() -> None:
    title = "Kim\u2019s visit \u2013 \u201cagain\u201d"
    raw = timeline.render_all([make_event(0, title=title), make_event(1)], environ={})[
        timeline.CSV_PATH
    ]
    assert raw.startswith(codecs.BOM_UTF8 + b"id,date,")
    assert raw.count(codecs.BOM_UTF8) == 1
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    # Without the mark, a reader that guesses Windows-1252 (as Excel does) shows mojibake.
    assert "â€™" in raw[3:].decode("cp1252", errors="replace")
    rows = read_csv_file(raw)
    assert list(rows[0]) == list(timeline.CSV_COLUMNS)
    assert [row["title"] for row in rows] == [title, "Event 1"]


def test_csv_url_columns_hold_absolute_addresses_when_the_site_url_is_known() -> None:
    events = [make_event(0), make_event(1, page="index.md", section="intro")]
    raw = timeline.render_all(events, site_url=SITE, environ={})[timeline.CSV_PATH]
    rows = read_csv_file(raw)
    assert [(row["url"], row["timeline_url"]) for row in rows] == [
        (f"{SITE}russia/#summit", f"{SITE}timeline/#2023-09-13-event-0"),
        (f"{SITE}#intro", f"{SITE}timeline/#2023-09-13-event-1"),
    ]


@pytest.mark.parametrize("site_url", [None, ""])
def test_csv_url_columns_are_empty_without_a_site_url(site_url: str | None) -> None:
    raw = timeline.render_all([make_event(0)], site_url=site_url, environ={})[timeline.CSV_PATH]
    row = read_csv_file(raw)[0]
    assert (row["path"], row["url"], row["timeline_url"]) == ("russia/#summit", "", "")
    assert b"None" not in raw


def test_empty_timeline_csv_is_its_header() -> None:
    assert timeline.render_csv([]) == ",".join(timeline.CSV_COLUMNS) + "\r\n"


def test_json_is_indented_and_ends_with_a_line_break() -> None:
    text = timeline.render_json([make_event(0, title="Ünïcode")], site_name="S")
    assert text.startswith('{\n  "version": 1,\n  "site_name": "S",\n')
    assert "Ünïcode" in text
    assert text.endswith("}\n")


def test_json_follows_its_published_schema_and_version() -> None:
    events = [make_event(0), make_event(1, date="2024", note="n", source="https://a.b")]
    data = json.loads(timeline.render_json(events, site_url=SITE, site_name="Site"))
    schema = json.loads(timeline.SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["version"] == timeline.SCHEMA_VERSION == schema["properties"]["version"]["const"]
    assert data["events"][0]["url"] == f"{SITE}russia/#summit"
    assert data["events"][0]["timeline_url"] == f"{SITE}timeline/#2023-09-13-event-0"
    assert data["events"][1]["precision"] == "year"


def test_schema_rejects_a_record_with_a_missing_field() -> None:
    data = json.loads(timeline.render_json([make_event(0)]))
    del data["events"][0]["title"]
    schema = json.loads(timeline.SCHEMA_FILE.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_csv_has_the_documented_columns_and_one_row_per_event() -> None:
    text = timeline.render_csv([make_event(0, themes=("russia", "china")), make_event(1)])
    assert text.startswith(",".join(timeline.CSV_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["themes"] for row in rows] == ["russia;china", "russia"]


def test_same_events_give_the_same_bytes() -> None:
    events = [make_event(0), make_event(1, date="2023-02")]
    assert timeline.render_all(events, environ={}) == timeline.render_all(events, environ={})


def test_generated_page_front_matter_passes_the_same_validation() -> None:
    page = read_page("timeline.md", timeline.render_markdown([make_event(0)]))
    assert page.title == "Timeline"
    assert {"y2023", "y2023-09", "downloads", "dates"} <= set(page.headings)


def vevents(raw: bytes) -> dict[str, icalendar.Event]:
    """The calendar's entries by event id."""
    entries = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    return {str(entry["UID"]).split("@")[0]: entry for entry in entries}


def ics_file(events: list[timeline.Event], **options: Any) -> bytes:
    """The calendar file as a build writes it."""
    return timeline.render_all(events, uid_domain="t", **options)[timeline.ICS_PATH]


DATED_EVENTS = [
    make_event(0, date="2023-07"),
    make_event(1, date="2024", page="china.md"),
    make_event(2, page="outlook.md"),
]


def test_last_modified_is_the_page_date_at_midnight_utc_or_the_exact_commit_time() -> None:
    commit = dt.datetime(2024, 3, 5, 9, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    page_dates = {"russia.md": dt.date(2024, 2, 1), "china.md": commit}
    raw = ics_file(DATED_EVENTS, environ={"SOURCE_DATE_EPOCH": "1764547200"}, page_dates=page_dates)
    entries = vevents(raw)
    assert b"LAST-MODIFIED:20240201T000000Z\r\n" in raw
    assert b"LAST-MODIFIED:20240305T003015Z\r\n" in raw
    stamp = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    assert [entries[event.id].decoded("LAST-MODIFIED") for event in DATED_EVENTS] == [
        dt.datetime(2024, 2, 1, tzinfo=dt.UTC),
        dt.datetime(2024, 3, 5, 0, 30, 15, tzinfo=dt.UTC),
        stamp,  # a page without a date: when the file was made
    ]
    assert all(entry.decoded("DTSTAMP") == stamp for entry in entries.values())


def test_a_page_date_without_a_time_zone_is_refused_with_the_page_named() -> None:
    with pytest.raises(
        ValueError, match=r"^china\.md: last change 2024-03-05T09:30:00 has no time zone$"
    ):
        ics_file(DATED_EVENTS, environ={}, page_dates={"china.md": dt.datetime(2024, 3, 5, 9, 30)})


@pytest.mark.parametrize("environ", [{}, {"SOURCE_DATE_EPOCH": "1764547200"}])
def test_every_entry_has_last_modified_and_sequence_and_two_builds_agree(
    environ: dict[str, str],
) -> None:
    page_dates = {"russia.md": dt.date(2024, 2, 1)}
    raw = ics_file(DATED_EVENTS, environ=environ, page_dates=page_dates)
    assert raw == ics_file(DATED_EVENTS, environ=dict(environ), page_dates=dict(page_dates))
    for entry in vevents(raw).values():
        modified = entry.decoded("LAST-MODIFIED")
        assert modified.tzinfo is not None and modified <= entry.decoded("DTSTAMP")
        sequence = entry.decoded("SEQUENCE")
        assert isinstance(sequence, int) and 0 <= sequence < 2**31
        assert sequence == timeline_ics.ics_sequence(modified)


def test_a_later_page_date_gives_a_larger_sequence_and_other_pages_keep_theirs() -> None:
    environ = {"SOURCE_DATE_EPOCH": "1764547200"}
    china = dt.date(2024, 1, 9)
    dates = [
        dt.date(2024, 2, 1),
        dt.datetime(2024, 2, 1, 0, 1, tzinfo=dt.UTC),  # a commit later that day
        dt.date(2024, 2, 2),
        dt.date(2099, 12, 31),
    ]
    builds = [
        vevents(
            ics_file(DATED_EVENTS, environ=environ, page_dates={"russia.md": d, "china.md": china})
        )
        for d in dates
    ]
    russia = [int(entries[DATED_EVENTS[0].id]["SEQUENCE"]) for entries in builds]
    assert russia == sorted(set(russia)) and russia[-1] < 2**31
    assert len({int(entries[DATED_EVENTS[1].id]["SEQUENCE"]) for entries in builds}) == 1
    assert [str(entries[DATED_EVENTS[0].id]["UID"]) for entries in builds] == [
        f"{DATED_EVENTS[0].id}@t"
    ] * 4


def test_dtstamp_follows_source_date_epoch_on_every_entry() -> None:
    for epoch, stamp in [
        ("1764547200", dt.datetime(2025, 12, 1, tzinfo=dt.UTC)),
        ("1700000000", dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)),
    ]:
        raw = ics_file(DATED_EVENTS, environ={"SOURCE_DATE_EPOCH": epoch})
        assert {entry.decoded("DTSTAMP") for entry in vevents(raw).values()} == {stamp}
        assert {entry.decoded("LAST-MODIFIED") for entry in vevents(raw).values()} == {stamp}
