"""The timeline strip: one mark per event on a time axis, from the sorted, validated events.

Day-dated events are points, month-only events short spans the width of their month, and a
year-only event a span of its year. The axis gives the review year (2023, the year most events
fall in) its full width and each other year a short bin of its own behind an axis break, so the
2018 agreement and the 2024 election stay on the strip without squeezing 2023 to a sliver.

The SVG has no viewBox: horizontal positions are percentages and sizes are pixels, so the strip
fills any width while its text stays 12 px or more and its points stay round. Marks that would
come within a finger's width (24 px) of each other on a 320 px wide strip go to the next lane,
so every mark is a 24 px target on a phone. Each mark carries its event's themes in
`data-themes`, the classes the stylesheet colours, and a `<title>` tooltip; the timeline
filter (docs/javascripts/timeline.js) dims the marks of the events it hides.

Every word goes through the language's catalog (`text`, scripts/languages.py) and every date
through its date helpers, so the Korean edition draws "9월" and "2023년 9월 13일"; a month
label is at most "10월" (~26 px at 12 px), which the narrowest month where all twelve show
(a twelfth of 80 % of a 688 px strip, ~46 px) holds. The axis's years stay bare numbers
(`_axis` says why).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from scripts import languages
from scripts.frontmatter import THEMES, Event, date_label, theme_label
from scripts.languages import UiText
from scripts.pictures.common import SVG_HREF, figure, href
from scripts.timeline import PAGE_PATH

# The overview's line that the compact strip replaces.
MARKER = "<!-- timeline-strip -->"
# Share of the width for the review year; the rest is split between the other years' bins.
MAIN_SHARE = 0.8
BREAK_SHARE = 0.02
# Lanes are packed for the narrowest strip (a 375 px phone less the page's margins, rounded
# down) so that marks keep a 24 px target each: WCAG 2.2's minimum target size.
NARROWEST_PX = 320
TARGET_PX = 24
LANE_PX = 26
TOP_PX = 16
AXIS_GAP_PX = 10
LABEL_PX = 38


@dataclass(frozen=True, slots=True)
class Mark:
    """One event on the strip: where it starts and ends (0 to 1 of the width), and its lane."""

    event: Event
    start: float
    end: float
    lane: int

    @property
    def is_point(self) -> bool:
        return self.event.date.precision == "day"


@dataclass(frozen=True, slots=True)
class Axis:
    """The years on the strip and where each begins and ends (0 to 1 of the width)."""

    main_year: int
    bins: tuple[tuple[int, float, float], ...]  # (year, start, end), in order

    def place(self, day: dt.date, within: float = 0.5) -> float:
        """Where `day` is; `within` 0 is its first moment, 1 its last, 0.5 its middle."""
        for year, start, end in self.bins:
            if year == day.year:
                first = dt.date(year, 1, 1)
                days = (dt.date(year + 1, 1, 1) - first).days
                return start + (end - start) * ((day - first).days + within) / days
        raise ValueError(f"{day} is not on the axis")  # pragma: no cover - axis covers events


def axis_for(events: Sequence[Event]) -> Axis:
    """The review year is the one most events fall in (the earliest on a tie)."""
    years = Counter(event.date.start.year for event in events)
    if not years:
        return Axis(dt.date.today().year, ((dt.date.today().year, 0.0, 1.0),))
    main = min(years, key=lambda year: (-years[year], year))
    before = sorted(year for year in years if year < main)
    after = sorted(year for year in years if year > main)
    others = len(before) + len(after)
    bin_share = (1 - MAIN_SHARE) / others - BREAK_SHARE if others else 0.0
    bins: list[tuple[int, float, float]] = []
    at = 0.0
    main_share = MAIN_SHARE if others else 1.0
    for year in before:
        bins.append((year, at, at + bin_share))
        at += bin_share + BREAK_SHARE
    bins.append((main, at, at + main_share))
    at += main_share + BREAK_SHARE
    for year in after:
        bins.append((year, at, at + bin_share))
        at += bin_share + BREAK_SHARE
    return Axis(main, tuple(bins))


def marks(events: Sequence[Event]) -> tuple[Axis, list[Mark]]:
    """Every event as a mark, in the events' order, each in the first lane where it keeps a
    24 px target clear of the marks already there."""
    axis = axis_for(events)
    placed: list[Mark] = []
    lanes: list[list[tuple[float, float]]] = []
    for event in events:
        if event.date.precision == "day":
            start = end = axis.place(event.date.start)
        else:
            start = axis.place(event.date.start, 0)
            end = axis.place(event.date.end, 1)
            # Inset a little, so spans of neighbouring months do not touch.
            inset = (end - start) * 0.06
            start, end = start + inset, end - inset
        middle = (start + end) / 2 * NARROWEST_PX
        half = max((end - start) * NARROWEST_PX, TARGET_PX) / 2
        extent = (middle - half, middle + half)
        lane = next(
            (
                index
                for index, taken in enumerate(lanes)
                if all(extent[1] <= low or extent[0] >= high for low, high in taken)
            ),
            len(lanes),
        )
        if lane == len(lanes):
            lanes.append([])
        lanes[lane].append(extent)
        placed.append(Mark(event, start, end, lane))
    return axis, placed


def render(
    events: Sequence[Event],
    *,
    on_page: str,
    compact: bool = False,
    text: UiText = languages.ENGLISH,
) -> str:
    """The strip as a `<figure>` for `on_page`: the SVG, a caption with the theme legend, and
    the events as a list. `compact` (the overview) labels only every third month and lists the
    events below the strip; the timeline page is itself that list, so it gets no second one.
    `text` is the language's catalog: every word and date of the picture goes through it."""
    axis, placed = marks(events)
    lanes = max((mark.lane for mark in placed), default=0) + 1
    axis_y = TOP_PX + lanes * LANE_PX + AXIS_GAP_PX
    height = axis_y + LABEL_PX + 4
    kind = "strip-compact" if compact else "strip"
    title_id, desc_id = f"pic-{kind}-title", f"pic-{kind}-desc"
    out = [
        f'<svg class="pic-strip" width="100%" height="{height}" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">'
        f"{escape(text('The events of the timeline on a time axis'))}</title>",
        f'<desc id="{desc_id}">{escape(_summary(axis, placed, text))}</desc>',
    ]
    out += _axis(axis, axis_y, compact=compact, text=text)
    for mark in placed:
        out.append(_mark(mark, on_page=on_page, text=text))
    out.append("</svg>")
    caption = _caption(events, on_page=on_page, compact=compact, text=text)
    data = _data_list(placed, on_page=on_page, text=text) if compact else None
    return figure(kind, "\n".join(out), caption, data, data_summary=text("The data as a list"))


def _themes(event: Event, text: UiText) -> str:
    return ", ".join(theme_label(theme, text) for theme in event.themes)


def _summary(axis: Axis, placed: Sequence[Mark], text: UiText) -> str:
    language = text.language
    by_year = Counter(mark.event.date.start.year for mark in placed)
    months = Counter(
        mark.event.date.start.month
        for mark in placed
        if mark.event.date.start.year == axis.main_year and mark.event.date.precision != "year"
    )
    busiest = sorted(month for month, count in months.items() if count >= 3)
    years = ", ".join(
        text("{count} in {year}", count=count, year=languages.year_label(year, language))
        for year, count in sorted(by_year.items())
    )
    sentences = [text("{count} events: {years}.", count=len(placed), years=years)]
    if busiest:
        names = [languages.month_name(month, language) for month in busiest]
        sentences.append(
            text(
                "In {year} they cluster in {months}.",
                year=languages.year_label(axis.main_year, language),
                months=_words(names, text),
            )
        )
    sentences.append(
        text("Points are events dated to the day, bars events dated to a month or a year.")
    )
    return " ".join(sentences)


def _words(months: Sequence[str], text: UiText) -> str:
    """ "March, September and November"; "3월, 9월과 11월" (a month's name ends in 월, so
    Korean joins the last with 과)."""
    if len(months) < 2:
        return "".join(months)
    return text("{months} and {month}", months=", ".join(months[:-1]), month=months[-1])


def _axis(axis: Axis, y: int, *, compact: bool, text: UiText) -> list[str]:
    """The axis: months by the language's short names ("Sep", "9월"), years as bare numbers in
    every language, as charts label a year axis. "2018년" would not fit: on a 320 px strip the
    2018 bin is 26 px wide, "2018년" 39 px at 12 px, so it would cross the strip's edge and
    run into "1월" beside it, reading "2018년 1월" (the tick is January 2023)."""
    language = text.language
    out = []
    for year, start, end in axis.bins:
        out.append(
            f'<line class="pic-strip__axis" x1="{_pc(start)}" x2="{_pc(end)}" y1="{y}" y2="{y}"/>'
        )
        if year != axis.main_year:
            out.append(
                f'<text class="pic-strip__year" x="{_pc((start + end) / 2)}" y="{y + 17}" '
                f'text-anchor="middle">{year}</text>'
            )
            continue
        for month in range(1, 13):
            first = axis.place(dt.date(year, month, 1), 0)
            out.append(
                f'<line class="pic-strip__tick" x1="{_pc(first)}" x2="{_pc(first)}" '
                f'y1="{y}" y2="{y + 5}"/>'
            )
            middle = axis.place(dt.date(year, month, 15))
            minor = month % 3 != 1
            if compact and minor:
                continue
            css = "pic-strip__month pic-strip__month--minor" if minor else "pic-strip__month"
            out.append(
                f'<text class="{css}" x="{_pc(middle)}" y="{y + 17}" '
                f'text-anchor="middle">{languages.short_month(month, language)}</text>'
            )
        out.append(
            f'<text class="pic-strip__year" x="{_pc((start + end) / 2)}" y="{y + 33}" '
            f'text-anchor="middle">{year}</text>'
        )
    return out


def _mark(mark: Mark, *, on_page: str, text: UiText) -> str:
    event = mark.event
    themes = " ".join(event.themes)
    y = TOP_PX + mark.lane * LANE_PX + LANE_PX // 2
    link = escape(href(on_page, f"{PAGE_PATH}#{event.id}"))
    tooltip = text(
        "{date}: {title} ({themes})",
        date=date_label(event.date, text.language),
        title=event.title,
        themes=_themes(event, text),
    )
    shape = "point" if mark.is_point else "span"
    css = f"pic-strip__mark pic-strip__mark--{shape} pic-theme--{event.themes[0]}"
    # The shape's transparent stroke (site.css) widens its target to 24 px.
    if mark.is_point:
        drawn = f'<circle cx="{_pc(mark.start)}" cy="{y}" r="6"/>'
    else:
        drawn = (
            f'<rect x="{_pc(mark.start)}" y="{y - 5}" width="{_pc(mark.end - mark.start)}" '
            'height="10" rx="2"/>'
        )
    return (
        f'<a class="{css}" {SVG_HREF}="{link}" data-themes="{themes}">'
        f"<title>{escape(tooltip)}</title>{drawn}</a>"
    )


def _caption(events: Sequence[Event], *, on_page: str, compact: bool, text: UiText) -> str:
    legend = "".join(
        f'<span class="pic-legend__item"><span class="pic-legend__swatch pic-theme--{theme}">'
        f"</span>{escape(text(label))}</span>"
        for theme, label in THEMES.items()
        if any(event.themes[0] == theme for event in events)
    )
    if compact:
        timeline = (
            f'<a href="{escape(href(on_page, PAGE_PATH))}">{escape(text("The timeline"))}</a>'
        )
        words = text(
            "{timeline} at a glance: each event is a mark, a point when the record gives its "
            "day, a bar when it gives only its month or year; select a mark for its entry. "
            "Colour: the event’s first theme.",
            timeline=timeline,
        )
    else:
        words = escape(
            text(
                "The timeline at a glance, above the same events in words: each event is a "
                "mark, a point when the record gives its day, a bar when it gives only its "
                "month or year; select a mark for its entry. Colour: the event’s first theme."
            )
        )
    return f'{words} <span class="pic-legend">{legend}</span>'


# The data list names each event's precision; one whole entry per precision, so that a
# language words each as it likes.
DATA_ITEM = {
    "day": "{date} (day): {title} ({themes})",
    "month": "{date} (month): {title} ({themes})",
    "year": "{date} (year): {title} ({themes})",
}


def _data_list(placed: Sequence[Mark], *, on_page: str, text: UiText) -> str:
    items = []
    for mark in placed:
        event = mark.event
        link = escape(href(on_page, f"{PAGE_PATH}#{event.id}"))
        date = (
            f'<time datetime="{event.date.text}">'
            f"{escape(date_label(event.date, text.language))}</time>"
        )
        entry = text(
            DATA_ITEM["day" if mark.is_point else event.date.precision],
            date=date,
            title=f'<a href="{link}">{escape(event.title)}</a>',
            themes=escape(_themes(event, text)),
        )
        items.append(f"<li>{entry}</li>")
    return '<ol class="pic__list">' + "".join(items) + "</ol>"


def _pc(fraction: float) -> str:
    """A share of the width as an SVG percentage, to 0.01 %."""
    return f"{round(fraction * 100, 2):g}%"
