"""Events to one sorted timeline: the page, `timeline.json`, `timeline.csv` and `timeline.ics`.

Pure functions: page texts go in, strings and bytes come out; MkDocs is not imported, so the
MkDocs hook (`hook_timeline.py`), the benchmark and the editors' command share one code path.
Collect first, render after: every page is read and validated before anything is rendered,
and the order is an explicit key, so the same pages always give the same bytes.

As a command, `python -m scripts.timeline check` validates the front matter of every page in
docs/ and prints the events as a table; on bad input it prints one line naming the file, the
event and the field, and exits 1.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
import json
import operator
import os
import string
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import yaml

from scripts.anchors import NO_CITE_TOOLS
from scripts.frontmatter import (
    MONTHS,
    PRECISION_RANK,
    THEMES,
    Event,
    FrontMatterError,
    Page,
    check_unique_ids,
    read_page,
)

SCHEMA_VERSION = 1
PAGE_PATH = "timeline.md"
JSON_PATH = "timeline.json"
CSV_PATH = "timeline.csv"
ICS_PATH = "timeline.ics"
SCHEMA_PATH = "timeline.schema.json"
SCHEMA_FILE = Path(__file__).with_name(SCHEMA_PATH)
CSV_COLUMNS = (
    "id",
    "date",
    "precision",
    "start",
    "end",
    "label",
    "title",
    "themes",
    "page",
    "page_title",
    "section",
    "section_title",
    "path",
    "note",
    "source",
)
PAGE_DESCRIPTION = (
    "Every dated event of this edition in order, filterable by theme, each linked to the "
    "section that tells its story, with JSON, CSV and iCalendar downloads."
)
# Without SOURCE_DATE_EPOCH the ICS DTSTAMP comes from the data, never from the clock.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Characters that mean nothing to Markdown or its extensions; every other ASCII character is
# written as a character reference so titles can never become markup.
_MARKDOWN_SAFE = frozenset(string.ascii_letters + string.digits + " ,.?;-/")
# Safe characters map to themselves: `str.translate` is three times faster when every ASCII
# character is in the table (a missing one costs it a caught KeyError).
_MARKDOWN_ESCAPES = {
    code: chr(code) if chr(code) in _MARKDOWN_SAFE else f"&#{code};" for code in range(128)
}
_THEME_LABELS = {
    theme: f'<span class="tl-theme tl-theme--{theme}">{html.escape(label)}</span>'
    for theme, label in THEMES.items()
}


def collect(
    sources: Iterable[tuple[str, str, str]], *, paragraphs: Collection[int] = ()
) -> list[Page]:
    """Validate every page: `sources` holds (path inside docs/, label for errors, text);
    `paragraphs` the article's paragraph numbers that a page's `restates` may name."""
    pages = [
        read_page(path, text, label=label, paragraphs=paragraphs) for path, label, text in sources
    ]
    check_unique_ids(pages)
    return pages


def sort_events(pages: Iterable[Page], page_order: Sequence[str] = ()) -> list[Event]:
    """All events in time order: start date, coarser precision first, then nav order, then position.

    Coarser precision first keeps "2024" before "January 2024" before "3 January 2024", so the
    flat order matches the year and month grouping of the page. Pages missing from the nav come
    after those in it, by path.
    """
    rank = {path: index for index, path in enumerate(page_order)}
    last = len(rank)

    def key(event: Event) -> tuple[dt.date, int, int, str, int]:
        return (
            event.date.start,
            PRECISION_RANK[event.date.precision],
            rank.get(event.page, last),
            event.page,
            event.position,
        )

    return sorted((event for page in pages for event in page.events), key=key)


def nav_paths(nav: Any) -> list[str]:
    """The Markdown paths of an MkDocs `nav` setting, in reading order."""
    found: list[str] = []
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.append(nav)
    elif isinstance(nav, list):
        for item in nav:
            found.extend(nav_paths(item))
    elif isinstance(nav, dict):
        for value in nav.values():
            found.extend(nav_paths(value))
    return found


def page_url(path: str, anchor: str = "", *, use_directory_urls: bool = True) -> str:
    """Where MkDocs publishes a page, relative to the site root ("" for the home page)."""
    stem = path[: -len(".md")]
    if not use_directory_urls:
        url = f"{stem}.html"
    elif stem == "index" or stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = f"{stem}/"
    return f"{url}#{anchor}" if anchor else url


def _md(text: str) -> str:
    """Text for a Markdown line: every ASCII sign a character reference, line breaks included."""
    return text.translate(_MARKDOWN_ESCAPES)


def _group_key(event: Event) -> tuple[int, int | None]:
    start = event.date.start
    return start.year, (None if event.date.precision == "year" else start.month)


def render_markdown(events: Sequence[Event], *, site_name: str = "") -> str:
    """The timeline page as Markdown for MkDocs: entries in raw HTML, section links in Markdown.

    The links to the sections stay Markdown links so that MkDocs' strict anchor validation
    proves each one; everything readers type is escaped by `_md`.
    """
    # Counted per theme set first: events share a few dozen sets but list far more themes.
    theme_counts: Counter[str] = Counter()
    for themes, count in Counter(event.themes for event in events).items():
        theme_counts.update(dict.fromkeys(themes, count))
    out = [
        "---",
        "title: Timeline",
        f"description: {PAGE_DESCRIPTION}",
        "---",
        "",
        "# Timeline {#timeline}",
        "",
        f"Every event that the pages of this edition date, {len(events)} in all, in order. "
        "Each entry shows its date as precisely as the record gives it (a day, a month or only "
        "a year), links to the section that tells its story and has its own link: copy it from "
        "the date. Download the list as [JSON](timeline.json), [CSV](timeline.csv) or "
        "[iCalendar](timeline.ics); see [Downloads](#downloads).",
        "",
        '<div class="tl-filter" data-tl-filter>',
        '<p class="tl-filter__label" id="tl-filter-label">Show events by theme '
        "(none pressed: all events)</p>",
        '<div class="tl-filter__buttons" role="group" aria-labelledby="tl-filter-label">',
    ]
    for theme, label in THEMES.items():
        out.append(
            f'<button type="button" class="tl-filter__theme tl-theme--{theme}" '
            f'data-theme="{theme}" aria-pressed="false">{html.escape(label)} '
            f'<span class="tl-filter__count">{theme_counts[theme]}</span></button>'
        )
    out += [
        '<button type="button" class="tl-filter__reset" data-tl-reset>Show all</button>',
        "</div>",
        '<p class="tl-filter__status" role="status" aria-live="polite"></p>',
        "</div>",
        "",
    ]
    if not events:
        out += ["No page lists an event yet.", ""]
    # Link text by (page, section), and theme attributes and labels by theme set: many events
    # share a section or a set, so each is escaped and joined once.
    links: dict[tuple[str, str], str] = {}
    theme_marks: dict[tuple[str, ...], tuple[str, str]] = {}
    # Each year and month is a <section>: when the filter empties one, everything in it
    # (heading, list, and whatever other scripts add after the heading) hides together.
    for year, year_events in groupby(events, key=lambda event: event.date.start.year):
        out += [f'<section class="tl-year" data-tl-section="y{year}" markdown>', ""]
        # Year and month headings are signposts, not passages to cite: no cite tools after them.
        out += [f"## {year} {{#y{year} .{NO_CITE_TOOLS}}}", ""]
        for (_, month), group in groupby(year_events, key=_group_key):
            group_id = f"y{year}" if month is None else f"y{year}-{month:02d}"
            if month is not None:
                out += [f'<section class="tl-month" data-tl-section="{group_id}" markdown>', ""]
                out += [f"### {MONTHS[month]} {year} {{#{group_id} .{NO_CITE_TOOLS}}}", ""]
            out.append(f'<ol class="tl-list" data-tl-group="{group_id}" markdown>')
            out += [_render_entry(event, links, theme_marks) for event in group]
            out += ["</ol>", ""]
            if month is not None:
                out += ["</section>", ""]
        out += ["</section>", ""]
    out += _explanations(site_name)
    return "\n".join(out)


def _render_entry(
    event: Event,
    links: dict[tuple[str, str], str],
    theme_marks: dict[tuple[str, ...], tuple[str, str]],
) -> str:
    """One `<li>`: date link, title, theme labels, story link, then note and source if any."""
    where = (event.page, event.section)
    if where not in links:
        text = _md(f"{event.page_title}: {event.section_title}")
        links[where] = f"[{text}]({event.page}#{event.section})"
    if (marks := theme_marks.get(event.themes)) is None:
        labels = "".join([_THEME_LABELS[theme] for theme in event.themes])
        marks = theme_marks[event.themes] = (" ".join(event.themes), labels)
    data_themes, labels = marks
    note = (
        f'\n<span class="tl-event__note"><strong>Note:</strong> {_md(event.note)}</span>'
        if event.note
        else ""
    )
    source = (
        f'\n<span class="tl-event__source"><a href="{html.escape(event.source)}">'
        "Public source</a></span>"
        if event.source
        else ""
    )
    return (
        f'<li class="tl-event" id="{event.id}" data-themes="{data_themes}" markdown>\n'
        f'<a class="tl-event__date" href="#{event.id}" title="Link to this event">'
        f'<time datetime="{event.date.text}">{event.date.label}</time></a>\n'
        f'<span class="tl-event__title">{_md(event.title)}</span>\n'
        f'<span class="tl-event__themes">{labels}</span>\n'
        f'<span class="tl-event__more">{links[where]}</span>{note}{source}\n'
        "</li>"
    )


def _explanations(site_name: str) -> list[str]:
    return [
        "## Downloads {#downloads}",
        "",
        "The same events, built from the same pages at the same time as this page:",
        "",
        f"- [timeline.json](timeline.json): for programs. Format version {SCHEMA_VERSION}, "
        "described by its [JSON Schema](timeline.schema.json); the `version` number changes "
        "only when a field changes meaning or disappears.",
        "- [timeline.csv](timeline.csv): for spreadsheets; UTF-8, one row per event, "
        "themes separated by semicolons.",
        "- [timeline.ics](timeline.ics): for calendar programs (iCalendar). Every event is an "
        "all-day event.",
        "",
        "## How dates are shown {#dates}",
        "",
        "An event carries the date at the precision the record gives: a day (13 September "
        "2023), a month (April 2023) or only a year (2024). Within a year, events known only "
        "to the year come first, then each month, with events known only to the month first.",
        "",
        "In the calendar file, an event known to the day is an all-day event on that day. An "
        "event known only to the month is one all-day event spanning the whole month, and an "
        "event known only to the year spans the whole year; its description says how precise "
        "the date is. In the JSON and CSV files, `start` and `end` give the first and last "
        "day the date covers and `precision` says which it is.",
        "",
    ]


def _section_key(event: Event) -> tuple[str, str, str, str]:
    """What an event's section fields are copied from: events equal here share them."""
    return (event.page, event.section, event.page_title, event.section_title)


class _SharedFields:
    """The record fields that many events share, made once per date and once per section.

    A record (`timeline_records`) is `id`, five date fields, `title`, `themes`, six section
    fields, `timeline_url`, `note` and `source`, in this order. 10,000 events hold a few
    thousand dates and a few hundred sections, so the JSON and CSV writers take those two
    groups from here, already in the form they write, instead of a dict per event.
    A section's fields are keyed by all four texts they copy from the event.
    """

    def __init__(self, *, use_directory_urls: bool, site_url: str | None) -> None:
        self.use_directory_urls = use_directory_urls
        self.base = None if not site_url else site_url if site_url.endswith("/") else f"{site_url}/"
        self.timeline_path = page_url(PAGE_PATH, use_directory_urls=use_directory_urls)
        self._dates: dict[str, dict[str, str]] = {}
        self._sections: dict[tuple[str, str, str, str], dict[str, str | None]] = {}

    def date(self, event: Event) -> dict[str, str]:
        """`date`, `precision`, `start`, `end` and `label`."""
        date = event.date
        if (fields := self._dates.get(date.text)) is None:
            fields = self._dates[date.text] = {
                "date": date.text,
                "precision": date.precision,
                "start": date.start.isoformat(),
                "end": date.end.isoformat(),
                "label": date.label,
            }
        return fields

    def section(self, event: Event) -> dict[str, str | None]:
        """`page`, `page_title`, `section`, `section_title`, `path` and `url`."""
        where = _section_key(event)
        if (fields := self._sections.get(where)) is None:
            page = page_url(event.page, use_directory_urls=self.use_directory_urls)
            path = f"{page}#{event.section}"
            fields = self._sections[where] = {
                "page": event.page,
                "page_title": event.page_title,
                "section": event.section,
                "section_title": event.section_title,
                "path": path,
                "url": f"{self.base}{path}" if self.base else None,
            }
        return fields

    def timeline_url(self, event: Event) -> str | None:
        """The event's own address on the timeline page, if the site's address is known."""
        return f"{self.base}{self.timeline_path}#{event.id}" if self.base else None


def timeline_records(
    events: Sequence[Event], *, use_directory_urls: bool = True, site_url: str | None = None
) -> list[dict[str, Any]]:
    """One plain record per event: what each line of the JSON and each row of the CSV hold.

    The writers build the same from shared pieces (tests hold them to these records).
    """
    shared = _SharedFields(use_directory_urls=use_directory_urls, site_url=site_url)
    return [
        {
            "id": event.id,
            **shared.date(event),
            "title": event.title,
            "themes": event.themes,  # a tuple: JSON writes it as a list
            **shared.section(event),
            "timeline_url": shared.timeline_url(event),
            "note": event.note,
            "source": event.source,
        }
        for event in events
    ]


def render_json(
    events: Sequence[Event],
    *,
    use_directory_urls: bool = True,
    site_url: str | None = None,
    site_name: str = "",
) -> str:
    """`timeline.json`: version, themes and events in timeline order (see timeline.schema.json).

    One event per line: readable, diff-friendly, and written by json's C encoder (an indented
    dump would fall back to the pure-Python one, ten times slower).
    """
    head = {
        "version": SCHEMA_VERSION,
        "site_name": site_name,
        "site_url": site_url,
        "themes": [{"id": theme, "label": label} for theme, label in THEMES.items()],
    }
    # Records hold no cycles, so the encoder need not track every dict and list it enters.
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    fields = ",\n".join(f"  {encode(key)}: {encode(value)}" for key, value in head.items())
    body = ",\n    ".join(_json_lines(events, encode, use_directory_urls, site_url))
    events_part = f'"events": [\n    {body}\n  ]' if events else '"events": []'
    return f"{{\n{fields},\n  {events_part}\n}}\n"


def _json_lines(
    events: Sequence[Event],
    encode: Callable[[Any], str],
    use_directory_urls: bool,
    site_url: str | None,
) -> list[str]:
    """Each event's record as `encode(record)` writes it, assembled from encoded pieces.

    Encoding a 17-field dict per event cost more than the rest of the JSON file: the shared
    date and section fields are encoded once each (the encoder's own output between the
    braces) and only the event's own strings per event, with the same separators.
    """
    shared = _SharedFields(use_directory_urls=use_directory_urls, site_url=site_url)
    dates: dict[str, str] = {}
    sections: dict[tuple[str, str, str, str], str] = {}
    themes: dict[tuple[str, ...], str] = {}
    lines = []
    for event in events:
        if (date := dates.get(event.date.text)) is None:
            date = dates[event.date.text] = encode(shared.date(event))[1:-1]
        where = _section_key(event)
        if (section := sections.get(where)) is None:
            section = sections[where] = encode(shared.section(event))[1:-1]
        if (labels := themes.get(event.themes)) is None:
            labels = themes[event.themes] = encode(event.themes)
        # `encode` of a string is a single C call; only None needs spelling out.
        url = shared.timeline_url(event)
        lines.append(
            f'{{"id": {encode(event.id)}, {date}, "title": {encode(event.title)}, '
            f'"themes": {labels}, {section}, '
            f'"timeline_url": {"null" if url is None else encode(url)}, '
            f'"note": {"null" if event.note is None else encode(event.note)}, '
            f'"source": {"null" if event.source is None else encode(event.source)}}}'
        )
    return lines


def render_csv(
    events: Sequence[Event], *, use_directory_urls: bool = True, site_url: str | None = None
) -> str:
    """`timeline.csv`: RFC 4180 (CRLF rows, quoted where needed), one row per event.

    The columns are the record's (`timeline_records`) without the two absolute addresses;
    the shared date and section columns come as ready tuples rather than a dict per event.
    """
    shared = _SharedFields(use_directory_urls=use_directory_urls, site_url=site_url)
    dates: dict[str, tuple[str, ...]] = {}
    sections: dict[tuple[str, str, str, str], tuple[str | None, ...]] = {}
    themes: dict[tuple[str, ...], str] = {}
    rows = []
    for event in events:
        if (date := dates.get(event.date.text)) is None:
            date = dates[event.date.text] = tuple(shared.date(event).values())
        where = _section_key(event)
        if (section := sections.get(where)) is None:
            section = sections[where] = _CSV_SECTION_COLUMNS(shared.section(event))
        if (labels := themes.get(event.themes)) is None:
            labels = themes[event.themes] = ";".join(event.themes)
        # csv writes None as an empty field.
        rows.append((event.id, *date, event.title, labels, *section, event.note, event.source))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    return buffer.getvalue()


_CSV_SECTION_COLUMNS = operator.itemgetter("page", "page_title", "section", "section_title", "path")


def reproducible_dtstamp(
    events: Sequence[Event], environ: Mapping[str, str] | None = None
) -> dt.datetime:
    """DTSTAMP for the ICS file: SOURCE_DATE_EPOCH if set, else the day after the last event.

    Never the clock: two builds of the same pages give the same bytes.
    """
    environ = os.environ if environ is None else environ
    if epoch := environ.get("SOURCE_DATE_EPOCH", "").strip():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    if not events:
        return EPOCH
    last = max(event.date.end for event in events) + dt.timedelta(days=1)
    return dt.datetime(last.year, last.month, last.day, tzinfo=dt.UTC)


def ics_text(value: str) -> str:
    """An RFC 5545 TEXT value (section 3.3.11): backslash, semicolon, comma and line breaks escaped.

    Tests check it against the `icalendar` library's own escaping.
    """
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ics_fold(line: str, limit: int = 75) -> str:
    """Fold a content line at 75 octets (RFC 5545 section 3.1), never inside an escape or a
    UTF-8 sequence."""
    if len(line) <= limit and line.isascii():  # most lines: nothing to fold
        return line
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    pieces = []
    start, width = 0, limit
    while len(data) - start > width:
        cut = start + width
        # Back off to the start of a UTF-8 sequence (continuation bytes are 0b10xxxxxx),
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        # then off an escape's backslash: backslashes pair up from the start of the piece.
        backslashes = cut - start - len(data[start:cut].rstrip(b"\\"))
        if backslashes % 2:
            cut -= 1
        pieces.append(data[start:cut])
        # Continuation lines start with one space, which counts towards their 75 octets.
        start, width = cut, limit - 1
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")


def render_ics(
    events: Sequence[Event],
    *,
    dtstamp: dt.datetime,
    uid_domain: str,
    use_directory_urls: bool = True,
    site_url: str | None = None,
    site_name: str = "",
) -> bytes:
    """`timeline.ics`: one all-day event per entry; month and year dates span the whole period.

    Written as text rather than through `icalendar`'s object model, which takes about 2.5 s
    for 10,000 events against the 0.5 s budget of the whole timeline step; the tests parse
    the result with `icalendar` and compare it with what the library itself writes. Lines
    that cannot outgrow 75 octets (dates, fixed words) are written unfolded.
    """
    stamp = dtstamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = None if not site_url else site_url if site_url.endswith("/") else f"{site_url}/"
    calname = f"{site_name}: timeline" if site_name else "Timeline"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        ics_fold(f"PRODID:{ics_text(f'-//{uid_domain}//timeline//EN')}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        ics_fold(f"X-WR-CALNAME:{ics_text(calname)}"),
    ]
    # Many events share a theme set, a section or a date: write those lines once per call.
    categories: dict[tuple[str, ...], str] = {}
    urls: dict[tuple[str, str], str] = {}
    spans: dict[str, str] = {}
    for event in events:
        if event.themes not in categories:
            names = ",".join(ics_text(THEMES[theme]) for theme in event.themes)
            categories[event.themes] = ics_fold(f"CATEGORIES:{names}")
        url = ""
        if base:
            where = (event.page, event.section)
            if where not in urls:
                path = page_url(event.page, event.section, use_directory_urls=use_directory_urls)
                urls[where] = f"{ics_fold(f'URL:{base}{path}')}\r\n"
            url = urls[where]
        if event.date.text not in spans:
            start, end = event.date.start, event.date.end + _ONE_DAY
            spans[event.date.text] = (
                f"DTSTART;VALUE=DATE:{_ics_date(start)}\r\nDTEND;VALUE=DATE:{_ics_date(end)}"
            )
        uid = ics_text(f"{event.id}@{uid_domain}")
        summary = ics_text(event.title)
        description = ics_text(_ics_description(event))
        lines.append(
            "BEGIN:VEVENT\r\n"
            f"{ics_fold(f'UID:{uid}')}\r\n"
            f"DTSTAMP:{stamp}\r\n"
            f"{spans[event.date.text]}\r\n"
            f"{ics_fold(f'SUMMARY:{summary}')}\r\n"
            f"{ics_fold(f'DESCRIPTION:{description}')}\r\n"
            f"{categories[event.themes]}\r\n"
            "TRANSP:TRANSPARENT\r\n"
            f"{url}END:VEVENT"
        )
    lines.append("END:VCALENDAR\r\n")
    return "\r\n".join(lines).encode("utf-8")


_ONE_DAY = dt.timedelta(days=1)
_ICS_PRECISION = {
    "day": "",
    "month": " (known to the month: this entry spans the whole month)",
    "year": " (known to the year: this entry spans the whole year)",
}


def _ics_date(day: dt.date) -> str:
    """A DATE value, `20230913`: four year digits even before 1000 (`strftime` drops the
    zeros there), and ten times faster."""
    return day.isoformat().replace("-", "")


def _ics_description(event: Event) -> str:
    lines = [f"Date: {event.date.label}{_ICS_PRECISION[event.date.precision]}"]
    if event.note:
        lines.append(f"Note: {event.note}")
    lines.append(f"Story: {event.page_title}: {event.section_title}")
    if event.source:
        lines.append(f"Source: {event.source}")
    return "\n".join(lines)


def render_all(
    events: Sequence[Event],
    *,
    site_name: str = "",
    site_url: str | None = None,
    use_directory_urls: bool = True,
    uid_domain: str = "timeline",
    environ: Mapping[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Every generated file by its path in the site: the page, the downloads and the schema."""
    urls = {"use_directory_urls": use_directory_urls, "site_url": site_url}
    return {
        PAGE_PATH: render_markdown(events, site_name=site_name),
        JSON_PATH: render_json(events, site_name=site_name, **urls),
        CSV_PATH: render_csv(events, **urls).encode("utf-8"),
        ICS_PATH: render_ics(
            events,
            dtstamp=reproducible_dtstamp(events, environ),
            uid_domain=uid_domain,
            site_name=site_name,
            **urls,
        ),
        SCHEMA_PATH: SCHEMA_FILE.read_text(encoding="utf-8"),
    }


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: tags such as `!ENV` become None."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_docs(config_file: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The (path, label, text) of every Markdown page under docs_dir, and the nav order."""
    text = config_file.read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_ConfigLoader) or {}  # a SafeLoader subclass
    docs_dir = config_file.parent / (config.get("docs_dir") or "docs")
    sources = []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in Path(path).parts):
            continue
        label = os.path.relpath(file, config_file.parent)
        sources.append((path, label, file.read_text(encoding="utf-8-sig")))
    return sources, nav_paths(config.get("nav"))


def format_table(events: Sequence[Event]) -> str:
    """Events as an aligned plain-text table for the terminal."""
    rows = [("date", "id", "themes", "section", "title")]
    for event in events:
        title = " ".join(event.title.split())
        rows.append(
            (
                event.date.label,
                event.id,
                ",".join(event.themes),
                f"{event.page}#{event.section}",
                title,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        for row in rows
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`check`: validate all front matter and print the events; exit 1 with one line on error."""
    parser = argparse.ArgumentParser(prog="python -m scripts.timeline", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate front matter and list the events")
    check.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    try:
        sources, order = read_docs(args.config_file)
        pages = collect(sources)
    except FrontMatterError as error:
        print(error, file=sys.stderr)
        return 1
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        print(" ".join(str(error).split()), file=sys.stderr)
        return 1
    events = sort_events(pages, order)
    print(format_table(events))
    print(f"{len(events)} events on {len(pages)} pages: front matter OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
