"""Helpers for the timeline tests: events made in code, and the timeline page as HTML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import markdown
from bs4 import BeautifulSoup

from scripts import timeline
from scripts.frontmatter import Event, parse_date

HOSTILE = (
    "<script>alert(1)</script> \"double\" 'single' & ampersand\nnew line\r\nCRLF, comma; semi \\"
)


def make_event(position: int = 0, **fields: Any) -> Event:
    """A valid event; any field can be overridden."""
    values: dict[str, Any] = {
        "id": f"2023-09-13-event-{position}",
        "date": parse_date(fields.pop("date", "2023-09-13"), "test"),
        "title": f"Event {position}",
        "section": "summit",
        "themes": ("russia",),
        "note": None,
        "source": None,
        "page": "russia.md",
        "page_title": "Russia ties",
        "section_title": "The summit",
        "position": position,
    }
    values.update(fields)
    return Event(**values)


def page_html(events: Sequence[Event]) -> BeautifulSoup:
    """The timeline page through Python-Markdown with the site's relevant extensions."""
    source = timeline.render_markdown(events).split("---\n", 2)[2]
    converter = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"])
    return BeautifulSoup(converter.convert(source), "lxml")
