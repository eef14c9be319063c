"""In Chromium: the live page's metadata, which the Zotero Connector reads, describes the
section the address names (or whose citations the reader opened), and the page otherwise."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SECTION_TITLE = "Russia ties: The Vostochny summit"
TITLE_TAGS = ("citation_title", "DC.title", "og:title", "twitter:title")
ADDRESS_TAGS = ("citation_public_url", "DC.identifier", "og:url")


def live_metadata(page: object) -> dict[str, str]:
    """Every named meta tag of the live DOM, as the Connector would read it now."""
    page.wait_for_selector(".cite-tools .cite-tools__button")  # cite.js has run
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            'meta[name], meta[property]')].map(tag => [
                tag.getAttribute('name') || tag.getAttribute('property'),
                tag.getAttribute('content')]))"""
    )


def wait_until_addressed(page: object, ending: str) -> None:
    """Wait for cite.js to name the address ending in `ending`: it does so once the page's
    citation data has come, a moment after the reader's step."""
    page.wait_for_function(
        "ending => document.querySelector('meta[name=\"citation_public_url\"]').content"
        ".endsWith(ending)",
        arg=ending,
    )


def assert_describes(meta: dict[str, str], title: str, address_ending: str) -> None:
    assert {meta[key] for key in TITLE_TAGS} == {title}
    addresses = {meta[key] for key in ADDRESS_TAGS}
    assert len(addresses) == 1, addresses
    assert addresses.pop().endswith(address_ending)


def test_a_section_address_describes_that_section(open_page, site_base) -> None:
    page = open_page(site_base + "russia/#kim-putin-summit")
    assert_describes(live_metadata(page), SECTION_TITLE, "/russia/#kim-putin-summit")


def test_the_page_address_keeps_the_page_metadata_the_build_wrote(open_page, site_base) -> None:
    page = open_page(site_base + "russia/")
    assert_describes(live_metadata(page), "Russia ties", "/russia/")


def test_following_a_link_to_another_section_and_back_to_the_page(open_page, site_base) -> None:
    page = open_page(site_base + "russia/#kim-putin-summit")
    live_metadata(page)
    page.evaluate("location.hash = '#arms-transfers'")
    wait_until_addressed(page, "#arms-transfers")
    meta = live_metadata(page)
    assert meta["citation_title"].startswith("Russia ties: ")
    assert meta["citation_title"] != SECTION_TITLE
    page.evaluate("history.pushState(null, '', location.pathname)")
    page.evaluate("dispatchEvent(new HashChangeEvent('hashchange'))")
    assert_describes(live_metadata(page), "Russia ties", "/russia/")


def test_opening_a_sections_citations_describes_it_until_closed(open_page, site_base) -> None:
    page = open_page(site_base + "russia/")
    live_metadata(page)
    button = page.locator('[data-cite-tools="kim-putin-summit"] button', has_text="Cite this")
    button.click()
    wait_until_addressed(page, "#kim-putin-summit")  # the section's data is fetched first
    assert_describes(live_metadata(page), SECTION_TITLE, "/russia/#kim-putin-summit")
    button.click()
    assert_describes(live_metadata(page), "Russia ties", "/russia/")


def test_without_javascript_the_page_is_described_whatever_the_address(
    browser_context, site_base
) -> None:
    # What the build wrote, which a reader without JavaScript (and any crawler) gets.
    page = browser_context.browser.new_context(java_script_enabled=False).new_page()
    try:
        page.goto(site_base + "russia/#kim-putin-summit")
        title = page.get_attribute('meta[name="citation_title"]', "content")
        address = page.get_attribute('meta[name="citation_public_url"]', "content")
        assert title == "Russia ties" and address.endswith("/russia/")
    finally:
        page.context.close()


def test_without_javascript_no_empty_cite_tools_slot_is_shown(browser_context, site_base) -> None:
    page = browser_context.browser.new_context(java_script_enabled=False).new_page()
    try:
        page.goto(site_base + "russia/")
        slots = page.locator(".cite-tools")
        assert slots.count() > 0, "the page has no cite-tools slot to hide"
        shown = [i for i in range(slots.count()) if slots.nth(i).is_visible()]
        assert shown == [], f"{len(shown)} empty slots take room without JavaScript"
    finally:
        page.context.close()
