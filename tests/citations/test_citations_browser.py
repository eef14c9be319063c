"""In Chromium: old anchors land on their new sections; copy buttons fill the clipboard.

The site is served from a sub-folder on 127.0.0.1, so every address the scripts use must be
relative; the clipboard is read back through the browser's own Clipboard API.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest

pytestmark = pytest.mark.browser


def landed_section(page: object) -> dict[str, object]:
    """Where the browser is, and whether the targeted section is on screen."""
    page.wait_for_load_state("load")
    return page.evaluate(
        """() => {
            const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            const box = target ? target.getBoundingClientRect() : null;
            return {
                path: location.pathname,
                hash: location.hash,
                visible: !!box && box.top >= 0 && box.top < window.innerHeight,
            };
        }"""
    )


def test_old_anchor_on_the_same_page_lands_on_the_renamed_section(open_page, moved_base) -> None:
    page = open_page(moved_base + "a/#older")
    page.wait_for_url(re.compile(r"#newer$"))
    where = landed_section(page)
    assert where["path"].endswith("/a/")
    assert where["hash"] == "#newer"
    assert where["visible"], "the renamed section is not scrolled into view"


def test_old_anchor_moved_to_another_page_lands_there(open_page, moved_base) -> None:
    page = open_page(moved_base + "a/#old-id")
    page.wait_for_url(re.compile(r"/b/#new-id$"))
    where = landed_section(page)
    assert where["hash"] == "#new-id"
    assert where["visible"]


def test_anchor_of_a_moved_page_follows_the_page_redirect_then_the_anchor_map(
    open_page, moved_base
) -> None:
    page = open_page(moved_base + "gone/#lost")
    page.wait_for_url(re.compile(r"/b/#new-id$"))
    assert landed_section(page)["visible"]


def test_current_anchor_is_left_alone(open_page, moved_base) -> None:
    page = open_page(moved_base + "a/#other")
    page.wait_for_timeout(300)
    assert landed_section(page)["hash"] == "#other"


def clipboard_text(page: object) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def test_page_copy_button_puts_the_apa_citation_on_the_clipboard(open_page, site_base) -> None:
    page = open_page(site_base + "russia/")
    page.locator(".cite-box summary").click()
    button = page.get_by_role("button", name="Copy APA 7").first
    button.focus()
    page.keyboard.press("Enter")
    expected = page.locator("#cite-page-apa").inner_text().strip()
    page.wait_for_function(
        "() => document.querySelector('.cite-status').textContent.startsWith('Copied')"
    )
    assert clipboard_text(page) == expected
    assert "Russia ties" in expected and "http" in expected


def test_cite_this_section_copies_a_bibtex_entry_for_that_section(
    open_page, site_base, built_site: Path
) -> None:
    page = open_page(site_base + "russia/")
    data = json.loads((built_site / "cite" / "russia.json").read_text(encoding="utf-8"))
    anchor = next(iter(data["items"]))
    tools = page.locator(f'[data-cite-tools="{anchor}"]')
    tools.get_by_role("button", name="Cite this section").click()
    tools.get_by_role("button", name="Copy BibTeX").click()
    page.wait_for_function(
        "() => document.querySelector('.cite-status').textContent.startsWith('Copied')"
    )
    library = bibtexparser.parse_string(clipboard_text(page))
    assert not library.failed_blocks
    # The section's entry, then the original article's that it restates.
    entry, original = library.entries
    assert entry.fields_dict["url"].value.endswith(f"/russia/#{anchor}")
    assert original.key == "bernal-2023-pyongyangs-pivot"
    formats = {entry["key"]: entry["text"] for entry in data["items"][anchor]["formats"]}
    assert clipboard_text(page).strip() == formats["bibtex"].strip()


def test_copy_link_copies_the_section_address(open_page, site_base, built_site: Path) -> None:
    page = open_page(site_base + "russia/")
    data = json.loads((built_site / "cite" / "russia.json").read_text(encoding="utf-8"))
    anchor = next(iter(data["items"]))
    page.locator(f'[data-cite-tools="{anchor}"]').get_by_role("button", name="Copy link").click()
    page.wait_for_function(
        "() => document.querySelector('.cite-status').textContent.startsWith('Copied')"
    )
    assert clipboard_text(page) == data["items"][anchor]["url"]


def test_every_timeline_event_offers_cite_this_event(open_page, site_base, built_site) -> None:
    events = json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))["events"]
    page = open_page(site_base + "timeline/")
    page.wait_for_selector("[data-cite-tools]")
    offered = page.eval_on_selector_all(
        ".tl-event [data-cite-tools]", "nodes => nodes.map(n => n.dataset.citeTools)"
    )
    assert sorted(offered) == sorted(event["id"] for event in events)
    first = events[0]["id"]
    tools = page.locator(f'[data-cite-tools="{first}"]')
    tools.get_by_role("button", name="Cite this event").click()
    tools.get_by_role("button", name="Copy MLA 9").click()
    page.wait_for_function(
        "() => document.querySelector('.cite-status').textContent.startsWith('Copied')"
    )
    assert clipboard_text(page).endswith(f"/timeline/#{first}.")
