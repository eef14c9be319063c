"""Events to one sorted timeline: the page, `timeline.json`, `timeline.csv` and `timeline.ics`.

Pure functions: page texts go in, strings and bytes come out; MkDocs is not imported, so the
MkDocs hooks (`scripts/hooks.py`), the benchmark and the editors' command share one code path.
Collect first, render after: every page is read and validated before anything is rendered,
and the order is an explicit key, so the same pages always give the same bytes. Each event
becomes one record (`timeline_records`); the JSON and the CSV are written from those records.

The CSV is for spreadsheets: every record field is a column, absolute addresses included, rows
end in CRLF (RFC 4180), and the file is UTF-8 with a byte-order mark. Without the mark, Excel
on Windows reads UTF-8 as the local code page and shows a curly apostrophe as three signs
("â€™"); LibreOffice, other spreadsheets and Python's csv (`encoding="utf-8-sig"`) read the
mark as what it is.

Every text readers see (the page, the calendar, the records' `label` and the themes' labels)
is in the build's language: the public functions take `text`, the language's UI texts
(scripts/languages.py), whose `text("Show all")` gives the translation of an English text and
whose `text.language` writes the dates ("13 September 2023", "2023년 9월 13일"). Ids, anchors,
field names, ISO dates and theme ids are the same in every language.

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
import re
import string
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

import yaml

from scripts import article, languages, project
from scripts.frontmatter import (
    PRECISION_RANK,
    THEMES,
    Event,
    FrontMatterError,
    Page,
    check_unique_ids,
    date_label,
    read_page,
    theme_label,
)
from scripts.languages import UiText
from scripts.strict_yaml import front_matter_value
from scripts.timeline_ics import (  # the calendar, re-exported as part of the timeline's API
    render_ics,
    reproducible_dtstamp,
)

SCHEMA_VERSION = 1
# The year and month headings (y2023, y2023-11) are signposts: published anchors that readers
# may link to, but not passages to cite, so they carry this class and get no cite tools.
SIGNPOST_CLASS = "no-cite-tools"
SIGNPOST_ID = re.compile(r"^y\d{4}(?:-\d{2})?$")
PAGE_PATH = "timeline.md"
JSON_PATH = "timeline.json"
CSV_PATH = "timeline.csv"
ICS_PATH = "timeline.ics"
SCHEMA_PATH = "timeline.schema.json"
SCHEMA_FILE = Path(__file__).with_name(SCHEMA_PATH)
# The byte-order mark ("utf-8-sig") is what makes Excel read the file as UTF-8; see above.
CSV_ENCODING = "utf-8-sig"
PAGE_DESCRIPTION = (
    "Every dated event of this edition in order, filterable by theme, each linked to the "
    "section that tells its story, with JSON, CSV and iCalendar downloads."
)
# Characters that mean nothing to Markdown or its extensions; every other ASCII character is
# written as a character reference so titles can never become markup.
_MARKDOWN_SAFE = frozenset(string.ascii_letters + string.digits + " ,.?;-/")
_MARKDOWN_ESCAPES = {code: f"&#{code};" for code in range(128) if chr(code) not in _MARKDOWN_SAFE}


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


def _md(text: str) -> str:
    """Text for a Markdown line: every ASCII sign a character reference, line breaks included."""
    return text.translate(_MARKDOWN_ESCAPES)


def _group_key(event: Event) -> tuple[int, int | None]:
    start = event.date.start
    return start.year, (None if event.date.precision == "year" else start.month)


def render_markdown(
    events: Sequence[Event], *, site_name: str = "", text: UiText = languages.ENGLISH
) -> str:
    """The timeline page as Markdown for MkDocs: entries in raw HTML, section links in Markdown.

    The links to the sections stay Markdown links so that MkDocs' strict anchor validation
    proves each one; everything readers type is escaped by `_md`. The page's own words are
    `text`'s (the catalog's texts are the editors' Markdown, as the English here is).
    """
    language = text.language
    theme_counts = Counter(theme for event in events for theme in event.themes)
    out = [
        "---",
        f"title: {front_matter_value(text('Timeline'))}",
        f"description: {front_matter_value(text(PAGE_DESCRIPTION))}",
        "---",
        "",
        f"# {text('Timeline')} {{#timeline}}",
        "",
        text(
            "Every event that the pages of this edition date, {count} in all, in order. "
            "Each entry shows its date as precisely as the record gives it (a day, a month or "
            "only a year), links to the section that tells its story and has its own link: copy "
            "it from the date. Download the list as [JSON](timeline.json), [CSV](timeline.csv) "
            "or [iCalendar](timeline.ics); see [Downloads](#downloads).",
            count=len(events),
        ),
        "",
        '<div class="tl-filter" data-tl-filter>',
        '<p class="tl-filter__label" id="tl-filter-label">'
        f"{text('Show events by theme (none pressed: all events)')}</p>",
        '<div class="tl-filter__buttons" role="group" aria-labelledby="tl-filter-label">',
    ]
    for theme in THEMES:
        out.append(
            f'<button type="button" class="tl-filter__theme tl-theme--{theme}" '
            f'data-theme="{theme}" aria-pressed="false">{html.escape(theme_label(theme, text))} '
            f'<span class="tl-filter__count">{theme_counts[theme]}</span></button>'
        )
    out += [
        f'<button type="button" class="tl-filter__reset" data-tl-reset>{text("Show all")}</button>',
        "</div>",
        '<p class="tl-filter__status" role="status" aria-live="polite"></p>',
        "</div>",
        "",
    ]
    if not events:
        out += [text("No page lists an event yet."), ""]
    # Each year and month is a <section>: when the filter empties one, everything in it
    # (heading, list, and whatever other scripts add after the heading) hides together.
    for year, year_events in groupby(events, key=lambda event: event.date.start.year):
        out += [f'<section class="tl-year" data-tl-section="y{year}" markdown>', ""]
        # Year and month headings are signposts, not passages to cite: no cite tools after them.
        out += [
            f"## {languages.year_label(year, language)} {{#y{year} .{SIGNPOST_CLASS}}}",
            "",
        ]
        for (_, month), group in groupby(year_events, key=_group_key):
            group_id = f"y{year}" if month is None else f"y{year}-{month:02d}"
            if month is not None:
                out += [f'<section class="tl-month" data-tl-section="{group_id}" markdown>', ""]
                heading = languages.month_label(year, month, language)
                out += [f"### {heading} {{#{group_id} .{SIGNPOST_CLASS}}}", ""]
            out.append(f'<ol class="tl-list" data-tl-group="{group_id}" markdown>')
            out += [_render_entry(event, text) for event in group]
            out += ["</ol>", ""]
            if month is not None:
                out += ["</section>", ""]
        out += ["</section>", ""]
    out += _explanations(site_name, text)
    return "\n".join(out)


def _render_entry(event: Event, text: UiText = languages.ENGLISH) -> str:
    """One `<li>`: date link, title, theme labels, story link, then note and source if any."""
    story = text("{page}: {section}", page=event.page_title, section=event.section_title)
    link = f"[{_md(story)}]({event.page}#{event.section})"
    labels = "".join(
        f'<span class="tl-theme tl-theme--{theme}">{html.escape(theme_label(theme, text))}</span>'
        for theme in event.themes
    )
    note = (
        f'\n<span class="tl-event__note"><strong>{text("Note:")}</strong> {_md(event.note)}</span>'
        if event.note
        else ""
    )
    source = (
        f'\n<span class="tl-event__source"><a href="{html.escape(event.source)}">'
        f"{text('Public source')}</a></span>"
        if event.source
        else ""
    )
    return (
        f'<li class="tl-event" id="{event.id}" data-themes="{" ".join(event.themes)}" markdown>\n'
        f'<a class="tl-event__date" href="#{event.id}" title="{text("Link to this event")}">'
        f'<time datetime="{event.date.text}">{date_label(event.date, text.language)}</time></a>\n'
        f'<span class="tl-event__title">{_md(event.title)}</span>\n'
        f'<span class="tl-event__themes">{labels}</span>\n'
        f'<span class="tl-event__more">{link}</span>{note}{source}\n'
        "</li>"
    )


def _explanations(site_name: str, text: UiText = languages.ENGLISH) -> list[str]:
    return [
        f"## {text('Downloads')} {{#downloads}}",
        "",
        text("The same events, built from the same pages at the same time as this page:"),
        "",
        "- "
        + text(
            "[timeline.json](timeline.json): for programs. Format version {version}, "
            "described by its [JSON Schema](timeline.schema.json); the `version` number changes "
            "only when a field changes meaning or disappears.",
            version=SCHEMA_VERSION,
        ),
        "- "
        + text(
            "[timeline.csv](timeline.csv): for spreadsheets. One row per event, comma-separated "
            "(RFC 4180), themes separated by semicolons, with the full address of each event's "
            "section (`url`) and of its entry on this page (`timeline_url`). The file is UTF-8 "
            "with a byte-order mark, so that Excel shows accents and curly quotes as written; "
            "LibreOffice and other spreadsheets read it as UTF-8 too. Where a spreadsheet's "
            "regional settings separate lists with semicolons, import the file and choose the "
            "comma as separator."
        ),
        "- "
        + text(
            "[timeline.ics](timeline.ics): for calendar programs (iCalendar). Every event is an "
            "all-day event. Each entry records when it last changed (when its page last did, or "
            "else when the file was made) and a revision number that grows with that date, so a "
            "calendar that subscribes to the file replaces entries that changed."
        ),
        "",
        f"## {text('How dates are shown')} {{#dates}}",
        "",
        text(
            "An event carries the date at the precision the record gives: a day (13 September "
            "2023), a month (April 2023) or only a year (2024). Within a year, events known only "
            "to the year come first, then each month, with events known only to the month first."
        ),
        "",
        text(
            "In the calendar file, an event known to the day is an all-day event on that day. An "
            "event known only to the month is one all-day event spanning the whole month, and its "
            'title ends with the month in brackets, for example "(July 2023)"; an event known '
            "only to the year spans the whole year and its title ends with the year, for example "
            '"(2024)". Its description also says how precise the date is. In the JSON and CSV '
            "files, `start` and `end` give the first and last day the date covers and "
            "`precision` says which it is."
        ),
        "",
    ]


def timeline_records(
    events: Sequence[Event],
    *,
    use_directory_urls: bool = True,
    site_url: str | None = None,
    text: UiText = languages.ENGLISH,
) -> list[dict[str, Any]]:
    """One plain record per event: each item of the JSON's `events` and each row of the CSV.
    A new field is one line here (and its entry in the schema). `label`, the date as readers
    see it, is in `text`'s language; every other field is the page's data or machine-readable.

    Without a site URL there are no absolute addresses (`url` and `timeline_url` are None):
    a download must not point at a guessed host.
    """
    base = project.site_base(site_url) if site_url else None
    timeline_page = project.page_url(PAGE_PATH, use_directory_urls=use_directory_urls)
    records = []
    for event in events:
        path = project.page_url(event.page, event.section, use_directory_urls=use_directory_urls)
        records.append(
            {
                "id": event.id,
                "date": event.date.text,
                "precision": event.date.precision,
                "start": event.date.start.isoformat(),
                "end": event.date.end.isoformat(),
                "label": date_label(event.date, text.language),
                "title": event.title,
                "themes": list(event.themes),
                "page": event.page,
                "page_title": event.page_title,
                "section": event.section,
                "section_title": event.section_title,
                "path": path,
                "url": f"{base}{path}" if base else None,
                "timeline_url": f"{base}{timeline_page}#{event.id}" if base else None,
                "note": event.note,
                "source": event.source,
            }
        )
    return records


def _schema_event_fields() -> tuple[str, ...]:
    """The record's fields in order, as the published schema lists them."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return tuple(schema["$defs"]["event"]["properties"])


# The CSV header, also for a timeline without events (no record to take the keys from); a
# test holds the records to the schema's fields, in order.
CSV_COLUMNS = _schema_event_fields()


def render_json(
    events: Sequence[Event],
    *,
    use_directory_urls: bool = True,
    site_url: str | None = None,
    site_name: str = "",
    text: UiText = languages.ENGLISH,
) -> str:
    """`timeline.json`: version, themes and events in timeline order (see timeline.schema.json);
    the themes' and dates' labels in `text`'s language."""
    data = {
        "version": SCHEMA_VERSION,
        "site_name": site_name,
        "site_url": site_url,
        "themes": [{"id": theme, "label": theme_label(theme, text)} for theme in THEMES],
        "events": timeline_records(
            events, use_directory_urls=use_directory_urls, site_url=site_url, text=text
        ),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_csv(
    events: Sequence[Event],
    *,
    use_directory_urls: bool = True,
    site_url: str | None = None,
    text: UiText = languages.ENGLISH,
) -> str:
    """`timeline.csv` as text: RFC 4180 (CRLF rows, quoted where needed), one row per record,
    themes joined by semicolons (their ids); empty fields where the record has None (an address
    without a site URL). The file is this text in `CSV_ENCODING`. The header is the field
    names, the same in every language."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for record in timeline_records(
        events, use_directory_urls=use_directory_urls, site_url=site_url, text=text
    ):
        writer.writerow({**record, "themes": ";".join(record["themes"])})
    return buffer.getvalue()


def render_all(
    events: Sequence[Event],
    *,
    site_name: str = "",
    site_url: str | None = None,
    use_directory_urls: bool = True,
    uid_domain: str = "timeline",
    environ: Mapping[str, str] | None = None,
    page_dates: Mapping[str, dt.date] | None = None,
    calendar: bool = True,
    text: UiText = languages.ENGLISH,
) -> dict[str, str | bytes]:
    """Every generated file by its path in the site: the page, the downloads and the schema.

    `page_dates`: each page's last change by its path inside docs/ ("russia.md"), a date or
    an aware date-time; it dates the calendar entries of that page (see `render_ics`).
    `calendar=False` leaves the calendar's content empty, for a caller that writes it once the
    page dates are known (the build learns them page by page).
    `text`: the build's UI texts (scripts/languages.py), the language of everything readers
    see in these files; English by default.
    """
    urls = {"use_directory_urls": use_directory_urls, "site_url": site_url}
    ics = b""
    if calendar:
        ics = render_ics(
            events,
            dtstamp=reproducible_dtstamp(events, environ, page_dates),
            uid_domain=uid_domain,
            site_name=site_name,
            page_dates=page_dates,
            text=text,
            **urls,
        )
    return {
        PAGE_PATH: render_markdown(events, site_name=site_name, text=text),
        JSON_PATH: render_json(events, site_name=site_name, text=text, **urls),
        CSV_PATH: render_csv(events, text=text, **urls).encode(CSV_ENCODING),
        ICS_PATH: ics,
        SCHEMA_PATH: SCHEMA_FILE.read_text(encoding="utf-8"),
    }


def read_site(config_file: Path) -> tuple[list[Page], list[str]]:
    """Every page of the site validated as a build validates it (with the article's paragraph
    map), and the nav order: for commands and tests that do not start MkDocs."""
    nav = project.nav_files(project.read_config(config_file).get("nav"))
    paragraphs = article.site_paragraphs(config_file.parent)
    numbers = [paragraph.number for paragraph in paragraphs]
    return collect(project.markdown_sources(config_file), paragraphs=numbers), nav


def signposts(headings: Iterable[Any]) -> frozenset[str]:
    """The timeline page's year and month headings (no cite tools: they are signposts)."""
    return frozenset(h.anchor for h in headings if SIGNPOST_ID.match(h.anchor))


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
        pages, nav = read_site(args.config_file)
    except FrontMatterError as error:
        print(error, file=sys.stderr)
        return 1
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        print(" ".join(str(error).split()), file=sys.stderr)
        return 1
    events = sort_events(pages, nav)
    print(format_table(events))
    print(f"{len(events)} events on {len(pages)} pages: front matter OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
