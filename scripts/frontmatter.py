"""Read and validate the YAML front matter of every page, like configuration.

MkDocs silently drops front matter that is not valid YAML (`mkdocs/utils/meta.py`), and a typo in
an event would otherwise vanish from the timeline without a word. This module parses front matter
itself, strictly, and raises `FrontMatterError` with one line that names the file, the entry and
the field. It knows nothing of MkDocs: it takes text and returns plain data.

Page fields (top level; any other key is rejected as a typo):

- `title` (required): plain text, e.g. `title: Russia ties`.
  Missing: `docs/x.md: field 'title': missing (every page needs one)`.
- `description` (required): one sentence of at most 160 characters, used as the meta description.
  Too long: `docs/x.md: field 'description': 171 characters, at most 160 allowed`.
- `events` (optional, default none): a list of events, below.
  Not a list: `docs/x.md: field 'events': must be a list of events, got a mapping`.
- `restates` (optional, default none): the article's paragraphs (numbered in
  `includes/article-paragraphs.yml`, see `scripts.article`) that each section retells: a
  heading's `{#id}` on this page -> a paragraph number or a list of them, e.g.
  `restates: {kim-putin-summit: [8], arms-deals: [9, 10]}`.
  Not a mapping: `docs/x.md: field 'restates': must be a mapping of section ids to paragraph
  numbers, got a list`. No such section: `docs/x.md: restates (section 'kim-putin'): no heading
  with id 'kim-putin' on this page (ids here: ...)`. No such paragraph: `docs/x.md: restates
  (section 'arms-deals'): field 'restates': paragraph 16 is not in the article (paragraphs
  1-15)`. Likewise for a value that is not a number, a number listed twice, an empty list,
  and any `restates` when the build has no paragraph map.
- `alignments` (optional, the overview only): the moves of 2023 between six countries that the
  alignment diagram draws; fields and errors in `scripts/pictures/alignments.py`, e.g.
  `docs/index.md: alignments[2]: field 'to': unknown country 'rusia' (allowed: ...)`.
- `hide`, `search`, `template`, `status`: Material for MkDocs' own page options.
- Unknown key: `docs/x.md: field 'titel': unknown field (did you mean 'title'? allowed: ...)`.
- Not valid YAML: `docs/x.md: front matter is not valid YAML: line 6, column 19: mapping values
  are not allowed in this context` (lines count from the top of the file). A key given twice is
  an error too: `... line 6, column 5: duplicate key 'date'`.
- No front matter: `docs/x.md: no front matter: start the page with a '---' block holding at
  least title and description`.

Event fields (each item of `events`; errors name the position, zero-based, and the id if set):

- `date` (required): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, quoted or not, e.g. `date: 2023-09-13`,
  `date: 2023-04`, `date: 2024`. The precision is kept and shown ("13 September 2023",
  "April 2023", "2024").
  Not a date: `docs/x.md: events[0]: field 'date': '13 Sept 2023' is not a date (use YYYY,
  YYYY-MM or YYYY-MM-DD)`. Impossible: `docs/x.md: events[0]: field 'date': impossible date
  '2023-02-30' (day is out of range for month)`.
- `title` (required): short plain text, shown exactly as typed (Markdown and HTML are not
  interpreted), e.g. `title: Kim meets Putin at the Vostochny Cosmodrome`.
  Empty: `docs/x.md: events[0]: field 'title': must not be empty`.
- `section` (required): the `{#id}` of a heading on the same page, e.g. `section: kim-putin-summit`.
  Not on the page: `docs/x.md: events[0]: field 'section': no heading with id 'kim-putin'
  on this page (ids here: kim-putin-summit, arms-deals)`.
- `themes` (required): a list of one or more of the THEMES below, e.g. `themes: [russia, weapons]`.
  Unknown: `docs/x.md: events[2] (id '2023-09-13-kim-putin-summit'): field 'themes': unknown theme
  'rusia' (allowed: russia, china, inter-korean, united-states, weapons, outlook)`.
- `id` (optional, default `<date>-<slug of title>`, e.g. `2023-09-13-kim-meets-putin-at-the-...`):
  a stable lowercase, hyphenated slug; the timeline entry's anchor (`timeline/#<id>`). Set it
  once an event is published, so that editing the title does not break links.
  Duplicate: `docs/y.md: events[0] (id 'x'): field 'id': duplicate id, already used by
  docs/x.md events[3]; set a distinct 'id'`.
- `note` (optional): plain text, e.g. where the public record gives another date than the article.
- `source` (optional): an http(s) address, e.g. `source: https://www.un.org/...`.
- Missing: `docs/x.md: events[1]: field 'section': missing (required)`.
- Unknown: `docs/x.md: events[1]: field 'dtae': unknown field (did you mean 'date'? allowed: ...)`.
- Not a mapping: `docs/x.md: events[1]: must be a mapping of fields (date, title, ...), got a
  string`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from scripts import languages
from scripts.markdown_headings import heading_ids, slugify
from scripts.strict_yaml import FrontMatterError, parse_yaml, yaml_kind

# The one list of themes: id (used in front matter, URLs and data) -> label (shown to readers).
THEMES: dict[str, str] = {
    "russia": "Russia",
    "china": "China",
    "inter-korean": "Inter-Korean",
    "united-states": "United States",
    "weapons": "Weapons",
    "outlook": "Outlook",
}
_THEMES_ALLOWED = ", ".join(THEMES)  # as error messages list them

# Top-level keys a page may carry: ours plus Material's page options. Extend here, nowhere else.
# `alignments` (the overview's alignment diagram) is validated, with every page's headings
# known, by scripts/pictures/alignments.py.
PAGE_KEYS = (
    "title",
    "description",
    "events",
    "restates",
    "alignments",
    "hide",
    "search",
    "template",
    "status",
)
DESCRIPTION_MAX_CHARS = 160

EVENT_REQUIRED: tuple[str, ...] = ("date", "title", "section", "themes")
EVENT_OPTIONAL: tuple[str, ...] = ("id", "note", "source")
EVENT_KEYS: tuple[str, ...] = EVENT_REQUIRED + EVENT_OPTIONAL

Precision = Literal["year", "month", "day"]
PRECISION_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids the timeline page uses for its own headings; an event id must not take them.
RESERVED_ID_RE = re.compile(r"^(?:y\d{4}(?:-\d{2})?|timeline|downloads|dates)$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# MkDocs' own front matter expression (`mkdocs/utils/meta.py`), with the YAML and its closing
# fence optional: an opening fence without a closing one is an error here, not body text.
FRONT_MATTER_RE = re.compile(r"-{3}[ \t]*\n(?:(.*?\n)(?:\.{3}|-{3})[ \t]*\n)?", re.DOTALL)
# Control characters other than tab, line feed and carriage return have no place in text.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date at the precision the record gives it: a day, a month or only a year."""

    text: str  # canonical: "2023-09-13", "2023-09" or "2023"
    precision: Precision
    start: dt.date  # first day covered
    end: dt.date  # last day covered (inclusive)

    @property
    def label(self) -> str:
        """As readers see it: "8 February 2023", "April 2023" or "2024"; one spelling for the
        page, both downloads and the calendar."""
        return date_label(self)


def theme_label(theme: str, text: languages.UiText = languages.ENGLISH) -> str:
    """A theme's label as readers of the build's language see it: "Russia", "러시아"."""
    return text(THEMES[theme])


def date_label(date: EventDate, language: str = languages.DEFAULT) -> str:
    """The date as readers of `language` see it: "8 February 2023", "April 2023", "2024" in
    English (`EventDate.label`), "2023년 2월 8일", "2023년 4월", "2024년" in Korean."""
    if date.precision == "day":
        return languages.day_label(date.start, language)
    if date.precision == "month":
        return languages.month_label(date.start.year, date.start.month, language)
    return languages.year_label(date.start.year, language)


@dataclass(frozen=True, slots=True)
class Event:
    """One validated event, with what the timeline needs to link back to its page."""

    id: str
    date: EventDate
    title: str
    section: str
    themes: tuple[str, ...]
    note: str | None
    source: str | None
    page: str  # source path inside docs/, e.g. "russia.md"
    page_title: str
    section_title: str
    position: int  # index in the page's events list


@dataclass(frozen=True, slots=True)
class Page:
    """A page's validated front matter and the section ids its headings carry."""

    path: str  # inside docs/, e.g. "russia.md"
    label: str  # as errors name it, e.g. "docs/russia.md"
    title: str
    description: str
    meta: dict[str, Any]
    headings: dict[str, str]  # id -> heading text
    events: tuple[Event, ...]
    # Section id -> the article's paragraphs it restates, in the order of the page's headings.
    restates: dict[str, tuple[int, ...]] = field(default_factory=dict)


def split_front_matter(text: str, label: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, Markdown body, line number where the YAML starts)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not (match := FRONT_MATTER_RE.match(text)):
        return None, text, 0
    if match.group(1) is None:
        raise FrontMatterError(f"{label}: front matter is not closed: end it with a line '---'")
    return match.group(1), text[match.end() :], 2


def load_yaml(source: str, label: str, first_line: int) -> dict[str, Any]:
    """Parse front matter YAML strictly into its mapping of fields."""
    data = parse_yaml(source, label, first_line)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"{label}: front matter must be a mapping of fields, got {yaml_kind(data)}"
        )
    return data


def parse_date(value: Any, where: str) -> EventDate:
    """Accept `2023-09-13`, `2023-09` and `2023`, as text or as YAML's date and int values."""
    if isinstance(value, str):  # the usual case first
        text = value.strip()
    elif isinstance(value, dt.datetime):
        raise FrontMatterError(f"{where}: field 'date': give a day, not a time of day")
    elif isinstance(value, dt.date):
        return EventDate(value.isoformat(), "day", value, value)
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    else:
        raise FrontMatterError(
            f"{where}: field 'date': must be YYYY, YYYY-MM or YYYY-MM-DD, got {yaml_kind(value)}"
        )
    match = DATE_RE.match(text)
    if not match:
        raise FrontMatterError(
            f"{where}: field 'date': {text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    try:
        if day_text is not None:
            start = dt.date(year, int(month_text), int(day_text))
            return EventDate(text, "day", start, start)
        if month_text is not None:
            month = int(month_text)
            start = dt.date(year, month, 1)
            last = calendar.mdays[month] + (month == 2 and calendar.isleap(year))
            return EventDate(text, "month", start, dt.date(year, month, last))
        return EventDate(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError as error:
        raise FrontMatterError(
            f"{where}: field 'date': impossible date {text!r} ({error})"
        ) from None


def validate_event(
    raw: Any,
    *,
    label: str,
    position: int,
    page_path: str,
    page_title: str,
    headings: Mapping[str, str],
) -> Event:
    """Check one event mapping field by field and return it as an `Event`."""
    where = f"{label}: events[{position}]"
    if not isinstance(raw, dict):
        raise FrontMatterError(
            f"{where}: must be a mapping of fields ({', '.join(EVENT_KEYS)}), got {yaml_kind(raw)}"
        )
    if isinstance(raw.get("id"), str):
        where += f" (id {raw['id']!r})"
    check_keys(raw, EVENT_KEYS, EVENT_REQUIRED, where)

    date = parse_date(raw["date"], where)
    title = text_field(raw["title"], where, "title")
    section = text_field(raw["section"], where, "section")
    if section not in headings:
        known = ", ".join(headings) or "none"
        raise FrontMatterError(
            f"{where}: field 'section': no heading with id {section!r} on this page "
            f"(ids here: {known})"
        )
    themes = _themes(raw["themes"], where)
    note = text_field(raw["note"], where, "note") if "note" in raw else None
    source = _source(raw["source"], where) if "source" in raw else None
    if "id" in raw:
        event_id = text_field(raw["id"], where, "id")
        if not SLUG_RE.match(event_id):
            raise FrontMatterError(
                f"{where}: field 'id': {event_id!r} is not a slug "
                "(lowercase letters, digits and single hyphens)"
            )
    else:
        event_id = "-".join(part for part in (date.text, slugify(title)) if part)
    if RESERVED_ID_RE.match(event_id):
        raise FrontMatterError(
            f"{where}: field 'id': {event_id!r} is reserved for the timeline's own headings"
        )
    return Event(
        id=event_id,
        date=date,
        title=title,
        section=section,
        themes=themes,
        note=note,
        source=source,
        page=page_path,
        page_title=page_title,
        section_title=headings[section],
        position=position,
    )


def read_page(
    path: str,
    text: str,
    *,
    label: str | None = None,
    paragraphs: Collection[int] = (),
) -> Page:
    """Validate a page's front matter and events; `path` is the file's path inside docs/.

    `paragraphs`: the numbers of the article's paragraphs, which `restates` may name; with
    none given, a page that has `restates` is an error rather than an unchecked claim.
    """
    label = label or f"docs/{path}"
    source, body, first_line = split_front_matter(text, label)
    if source is None:
        raise FrontMatterError(
            f"{label}: no front matter: start the page with a '---' block "
            "holding at least title and description"
        )
    meta = load_yaml(source, label, first_line)
    for key in meta:
        if key not in PAGE_KEYS:
            raise FrontMatterError(f"{label}: field {str(key)!r}: {unknown_field(key, PAGE_KEYS)}")
    for key in ("title", "description"):
        if key not in meta:
            raise FrontMatterError(f"{label}: field {key!r}: missing (every page needs one)")
    title = text_field(meta["title"], label, "title")
    description = text_field(meta["description"], label, "description")
    if len(description) > DESCRIPTION_MAX_CHARS:
        raise FrontMatterError(
            f"{label}: field 'description': {len(description)} characters, "
            f"at most {DESCRIPTION_MAX_CHARS} allowed"
        )
    _material_options(meta, label)
    headings = heading_ids(body)
    raw_events = meta.get("events", [])
    if not isinstance(raw_events, list):
        raise FrontMatterError(
            f"{label}: field 'events': must be a list of events, got {yaml_kind(raw_events)}"
        )
    events = tuple(
        validate_event(
            raw,
            label=label,
            position=position,
            page_path=path,
            page_title=title,
            headings=headings,
        )
        for position, raw in enumerate(raw_events)
    )
    restates = _restates(meta.get("restates", {}), label, headings, paragraphs)
    return Page(path, label, title, description, meta, headings, events, restates)


def check_unique_ids(pages: Iterable[Page]) -> None:
    """Event ids are anchors on one timeline page: two events may never share one."""
    seen: dict[str, tuple[Page, Event]] = {}  # where each id was first used
    for page in pages:
        for event in page.events:
            if event.id in seen:
                first_page, first = seen[event.id]
                raise FrontMatterError(
                    f"{page.label}: events[{event.position}] (id {event.id!r}): field 'id': "
                    f"duplicate id, already used by {first_page.label} events[{first.position}]; "
                    "set a distinct 'id'"
                )
            seen[event.id] = (page, event)


def _restates(
    value: Any, label: str, headings: Mapping[str, str], paragraphs: Collection[int]
) -> dict[str, tuple[int, ...]]:
    """Check `restates`; the result follows the page's headings, each list as given."""
    if not isinstance(value, dict):
        raise FrontMatterError(
            f"{label}: field 'restates': must be a mapping of section ids to paragraph "
            f"numbers, got {yaml_kind(value)}"
        )
    if value and not paragraphs:
        raise FrontMatterError(
            f"{label}: field 'restates': no paragraph map of the article to check it against"
        )
    span = f"paragraphs {min(paragraphs, default=0)}-{max(paragraphs, default=0)}"
    found: dict[str, tuple[int, ...]] = {}
    for section, numbers in value.items():
        where = f"{label}: restates (section {str(section)!r})"
        if section not in headings:
            known = ", ".join(headings) or "none"
            raise FrontMatterError(
                f"{where}: no heading with id {str(section)!r} on this page (ids here: {known})"
            )
        where += ": field 'restates'"
        items = numbers if isinstance(numbers, list) else [numbers]
        if not items:
            raise FrontMatterError(f"{where}: must list at least one paragraph")
        for index, number in enumerate(items):
            if not isinstance(number, int) or isinstance(number, bool):
                raise FrontMatterError(
                    f"{where}: must be a paragraph number or a list of them, "
                    f"got {yaml_kind(number)}"
                )
            if number not in paragraphs:
                raise FrontMatterError(
                    f"{where}: paragraph {number} is not in the article ({span})"
                )
            if number in items[:index]:
                raise FrontMatterError(f"{where}: paragraph {number} is listed twice")
        found[section] = tuple(items)
    return {section: found[section] for section in headings if section in found}


def _material_options(meta: Mapping[str, Any], label: str) -> None:
    """Type checks for the page options Material reads, so a slip is an error, not a no-op."""
    hide = meta.get("hide", [])
    allowed_hide = ("navigation", "toc", "footer", "path", "tags", "feedback")
    if not isinstance(hide, list) or any(item not in allowed_hide for item in hide):
        raise FrontMatterError(
            f"{label}: field 'hide': must be a list of: {', '.join(allowed_hide)}"
        )
    search = meta.get("search", {})
    if not isinstance(search, dict) or any(key not in ("exclude", "boost") for key in search):
        raise FrontMatterError(f"{label}: field 'search': must be a mapping of exclude and boost")
    for key in ("template", "status"):
        if key in meta:
            text_field(meta[key], label, key)


def text_field(value: Any, where: str, field: str) -> str:
    """A field's value if it is non-empty text without control characters."""
    if not isinstance(value, str):
        raise FrontMatterError(f"{where}: field {field!r}: must be text, got {yaml_kind(value)}")
    if not value or value.isspace():
        raise FrontMatterError(f"{where}: field {field!r}: must not be empty")
    if bad := CONTROL_RE.search(value):
        raise FrontMatterError(
            f"{where}: field {field!r}: contains control character U+{ord(bad.group()):04X}"
        )
    return value


def _themes(value: Any, where: str) -> tuple[str, ...]:
    allowed = _THEMES_ALLOWED
    if not isinstance(value, list) or not value:
        raise FrontMatterError(
            f"{where}: field 'themes': must be a list of one or more of: {allowed}"
        )
    themes: list[str] = []
    for theme in value:
        if not isinstance(theme, str) or theme not in THEMES:
            raise FrontMatterError(
                f"{where}: field 'themes': unknown theme {theme!r} (allowed: {allowed})"
            )
        if theme in themes:
            raise FrontMatterError(f"{where}: field 'themes': {theme!r} is listed twice")
        themes.append(theme)
    return tuple(themes)


def _source(value: Any, where: str) -> str:
    address = text_field(value, where, "source")
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", address):
        raise FrontMatterError(f"{where}: field 'source': {address!r} is not an http(s) address")
    return address


def check_keys(
    raw: Mapping[Any, Any], allowed: tuple[str, ...], required: tuple[str, ...], where: str
) -> None:
    """An unknown key first (a typo usually explains the missing one), then a missing one."""
    for key in raw:
        if key not in allowed:
            raise FrontMatterError(f"{where}: field {str(key)!r}: {unknown_field(key, allowed)}")
    for key in required:
        if key not in raw:
            raise FrontMatterError(f"{where}: field {key!r}: missing (required)")


def unknown_field(key: Any, allowed: tuple[str, ...]) -> str:
    """The error for a key not in `allowed`, with the nearest allowed one as a hint."""
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown field ({hint}allowed: {', '.join(allowed)})"
