"""The timeline as an iCalendar file (`timeline.ics`), written with the `icalendar` library.

One all-day event per entry; month- and year-only dates span their whole period and say so
in the title ("(July 2023)"). DTSTAMP says when the file was made (SOURCE_DATE_EPOCH when
set, never the clock); LAST-MODIFIED and SEQUENCE come from the last change of the entry's
page, so subscribed calendars see edits. The calendar's name, the titles' dates, the
descriptions and the categories are in the build's language (`text`, its UI texts; dates by
`frontmatter.date_label`). Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import icalendar

from scripts import languages, project
from scripts.frontmatter import Event, date_label, theme_label
from scripts.languages import UiText

# Without SOURCE_DATE_EPOCH and without events, DTSTAMP comes from the data, never the clock.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def reproducible_dtstamp(
    events: Sequence[Event],
    environ: Mapping[str, str] | None = None,
    page_dates: Mapping[str, dt.date] | None = None,
) -> dt.datetime:
    """DTSTAMP for the ICS file, when it was made: SOURCE_DATE_EPOCH if set, else the day after
    the last event or, if later, the last change of a page with events (`page_dates`).

    Never the clock: two builds of the same pages give the same bytes. The later of the two
    keeps DTSTAMP from coming before an entry's LAST-MODIFIED.
    """
    if (epoch := project.source_date_epoch(environ)) is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
    if not events:
        return EPOCH
    last = max(event.date.end for event in events) + dt.timedelta(days=1)
    stamps = [dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC)]
    dates = page_dates or {}
    stamps += [
        _utc(dates[page], page) for page in {event.page for event in events} if page in dates
    ]
    return max(stamps)


def _utc(changed: dt.date, page: str) -> dt.datetime:
    """A page's last change in UTC, to the second: a date is its first moment (00:00:00Z), a
    date-time is converted; one without a time zone would depend on the machine, so it stops."""
    if not isinstance(changed, dt.datetime):
        return dt.datetime(changed.year, changed.month, changed.day, tzinfo=dt.UTC)
    if changed.utcoffset() is None:
        raise ValueError(f"{page}: last change {changed.isoformat()} has no time zone")
    return changed.astimezone(dt.UTC).replace(microsecond=0)


def ics_last_modified(
    event: Event, dtstamp: dt.datetime, page_dates: Mapping[str, dt.date] | None = None
) -> dt.datetime:
    """LAST-MODIFIED of an event: its page's last change, else when the file was made; never
    after the file was made (a SOURCE_DATE_EPOCH older than the last commit must not give an
    entry a change from the future)."""
    made = dtstamp.astimezone(dt.UTC)
    changed = (page_dates or {}).get(event.page)
    return made if changed is None else min(_utc(changed, event.page), made)


def ics_sequence(last_modified: dt.datetime) -> int:
    """SEQUENCE of an event: whole minutes from 1970 to its LAST-MODIFIED.

    RFC 5545 (3.8.7.4) asks for an integer that is 0 when the entry is created and grows with
    each significant revision, so that a calendar replaces its copy. Counting revisions would
    need state kept between builds; a number derived from LAST-MODIFIED needs none: it grows
    whenever the entry's page changes and stays put while it does not. It does not start at
    0, but a receiver only compares the number with the one it holds. Minutes, not seconds,
    keep it within the signed 32-bit INTEGER of RFC 5545 (3.3.8) until the year 6053 (seconds
    overflow in 2038). A date counts from its midnight, so a later date gives a larger number.
    """
    return max(0, int(last_modified.timestamp()) // 60)


class IcsText(icalendar.vText):
    r"""An iCalendar TEXT value written exactly as typed.

    icalendar 7.3 reads a typed backslash before N (`C:\New`) as its own line-break escape
    and writes a line break instead (`_escape_char`); RFC 5545 (3.3.11) escapes the backslash.
    Only that is changed: `test_icalendar_still_turns_a_typed_backslash_n_into_a_line_break`
    says when the library no longer needs it.
    """

    def to_ical(self) -> bytes:
        text = self.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        text = text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
        return text.encode("utf-8")


# The description's first line, by the date's precision: one whole sentence each, {date} the
# date as `date_label` writes it.
_ICS_DATE_LINES = {
    "day": "Date: {date}",
    "month": "Date: {date} (known to the month: this entry spans the whole month)",
    "year": "Date: {date} (known to the year: this entry spans the whole year)",
}


def ics_summary(event: Event, *, text: UiText = languages.ENGLISH) -> str:
    """The calendar entry's title: a month or year date adds its label, "Title (July 2023)",
    since a calendar shows it as a bar across the month or year, which reads as "all month"
    rather than "some day this month"."""
    if event.date.precision == "day":
        return event.title
    return text("{title} ({date})", title=event.title, date=date_label(event.date, text.language))


def ics_description(event: Event, *, text: UiText = languages.ENGLISH) -> str:
    """The calendar entry's description: how precise the date is, the note, story and source."""
    date = date_label(event.date, text.language)
    lines = [text(_ICS_DATE_LINES[event.date.precision], date=date)]
    if event.note:
        lines.append(text("Note: {note}", note=event.note))
    lines.append(
        text("Story: {page}: {section}", page=event.page_title, section=event.section_title)
    )
    if event.source:
        lines.append(text("Source: {source}", source=event.source))
    return "\n".join(lines)


def calendar_name(site_name: str = "", *, text: UiText = languages.ENGLISH) -> str:
    """X-WR-CALNAME, the name a calendar program gives the subscribed calendar."""
    if site_name:
        return text("{site_name}: timeline", site_name=site_name)
    return text("Timeline")


def render_ics(
    events: Sequence[Event],
    *,
    dtstamp: dt.datetime,
    uid_domain: str,
    use_directory_urls: bool = True,
    site_url: str | None = None,
    site_name: str = "",
    page_dates: Mapping[str, dt.date] | None = None,
    text: UiText = languages.ENGLISH,
) -> bytes:
    """`timeline.ics`: one all-day event per entry; month and year dates span the whole period
    (DTEND is the day after the last one, as RFC 5545 counts it) and name it in the title.

    `page_dates` maps a page's path inside docs/ to its last change (a date, or an aware
    date-time): the LAST-MODIFIED and SEQUENCE of that page's events, so that subscribed
    calendars replace them when the page changes. Pages missing from it use `dtstamp`.
    `text`: the build's UI texts, whose language the calendar's text is written in (and the
    PRODID names: "//EN", "//KO").
    """
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//{uid_domain}//timeline//{text.language.upper()}")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", IcsText(calendar_name(site_name, text=text)))
    base = project.site_base(site_url) if site_url else None
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}@{uid_domain}")
        entry.add("dtstamp", dtstamp.astimezone(dt.UTC))
        modified = ics_last_modified(event, dtstamp, page_dates)
        entry.add("last-modified", modified)
        entry.add("sequence", ics_sequence(modified))
        entry.add("dtstart", event.date.start)
        entry.add("dtend", event.date.end + dt.timedelta(days=1))
        entry.add("summary", IcsText(ics_summary(event, text=text)))
        entry.add("description", IcsText(ics_description(event, text=text)))
        entry.add("categories", [theme_label(theme, text) for theme in event.themes])
        entry.add("transp", "TRANSPARENT")
        if base:
            path = project.page_url(
                event.page, event.section, use_directory_urls=use_directory_urls
            )
            entry.add("url", f"{base}{path}")
        calendar.add_component(entry)
    # In the order added, as the file was always written, rather than the library's own order.
    return calendar.to_ical(sorted=False)
