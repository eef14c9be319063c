"""Keyboard use: the skip link, the search and the palette toggle, with real key presses."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Enough presses to pass the header on any page; the sidebars come after it.
MAX_TABS = 30
SEARCH_PHRASE = "Comprehensive Military Agreement"

DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    return {
        tag: el.tagName.toLowerCase(),
        classes: el.className && el.className.baseVal === undefined ? el.className : '',
        name: el.getAttribute('name') || '',
        label: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40),
    };
}"""


def focus_path(page, presses: int = MAX_TABS) -> list[dict[str, str]]:
    """Where focus lands on each of `presses` Tab presses from the top of the page."""
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(DESCRIBE_FOCUS))
    return stops


def test_tab_reaches_skip_link_then_search_and_palette_toggle(new_context, site_base):
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base, wait_until="networkidle")
    stops = focus_path(page)

    assert "md-skip" in stops[0]["classes"], f"first Tab stop is not the skip link: {stops[0]}"
    assert any("md-search__input" in stop["classes"] for stop in stops), stops
    assert any(stop["name"] == "__palette" for stop in stops), stops


def test_skip_link_moves_focus_past_the_header(new_context, site_base):
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base, wait_until="networkidle")
    page.keyboard.press("Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target


def test_typing_into_search_lists_the_inter_korean_page(new_context, site_base):
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base, wait_until="networkidle")
    # Tab to the search field as a keyboard user would, then type key by key:
    # Material searches on key events, which fill() does not send.
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search field")
    page.keyboard.type(SEARCH_PHRASE, delay=15)
    first_result = page.locator(".md-search-result__item > a").first
    first_result.wait_for(state="visible", timeout=10_000)
    assert "inter-korean-agreement" in (first_result.get_attribute("href") or "")


def test_palette_choice_persists_from_page_to_page(new_context, site_base):
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base, wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name === '__palette'"):
            break
    else:
        pytest.fail("Tab never reached the palette toggle")
    # Enter steps through the palettes (system, light, dark) until the dark one is on.
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
        page.keyboard.press("Enter")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"

    page.goto(site_base + "russia/", wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.go_back(wait_until="networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
