"""The theme filter in Chromium: buttons, shared addresses, keyboard, no-JS, instant navigation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scripts.tools.browser import chromium
from scripts.tools.static_server import serving
from tests.conftest import mkdocs_build
from tests.timeline.timeline_site import make_site

pytestmark = pytest.mark.browser

ALL = [
    "2023-07-a-delegation-visits",
    "2023-09-13-summit",
    "2023-09-13-same-day-later-page",
    "2024-an-election-year",
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("timeline-browser")
    (folder / "site").mkdir()
    with serving(folder / "site", prefix="/sub/folder/") as base:
        # Instant navigation only follows links inside site_url: build for the served address.
        result = mkdocs_build(make_site(folder, site_url=base), folder / "site")
        assert result.returncode == 0, result.stdout + result.stderr
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        yield context.new_page()
    finally:
        context.close()


def visible_events(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.tl-event", "items => items.filter(i => i.offsetParent !== null).map(i => i.id)"
    )


def pressed(page) -> list[str]:
    return page.eval_on_selector_all(
        "button[data-theme][aria-pressed=true]", "bs => bs.map(b => b.dataset.theme)"
    )


def test_filter_shows_with_javascript_and_starts_with_every_event(page, base_url: str) -> None:
    page.goto(f"{base_url}timeline/")
    assert page.is_visible("[data-tl-filter]")
    assert pressed(page) == []
    assert visible_events(page) == ALL
    assert page.text_content(".tl-filter__status") == "Showing all 4 events."


def test_pressing_a_theme_filters_and_puts_the_state_in_the_address(page, base_url) -> None:
    page.goto(f"{base_url}timeline/")
    assert page.is_visible(".md-sidebar--secondary a[href$='#y2023-07']")
    # Other scripts add tools after headings (cite.js); they must hide with their month.
    page.evaluate(
        "document.getElementById('y2023-07').insertAdjacentHTML("
        "'afterend', '<p id=\"tools-after-heading\">tools</p>')"
    )
    page.click("button[data-theme=china]")
    assert pressed(page) == ["china"]
    assert page.url.endswith("timeline/?themes=china")
    assert visible_events(page) == ["2023-09-13-same-day-later-page"]
    # Month and year headings with nothing left under them hide too.
    assert not page.is_visible("#y2023-07")
    assert not page.is_visible("#tools-after-heading")
    assert not page.is_visible(".md-sidebar--secondary a[href$='#y2023-07']")
    assert not page.is_visible("#y2024")
    assert page.is_visible("#y2023-09")
    page.click("button[data-theme=outlook]")
    assert page.url.endswith("?themes=china,outlook")
    assert visible_events(page) == ["2023-09-13-same-day-later-page", "2024-an-election-year"]
    page.click("[data-tl-reset]")
    assert page.url.endswith("timeline/")
    assert visible_events(page) == ALL


def test_a_shared_address_restores_the_filter(page, base_url: str) -> None:
    page.goto(f"{base_url}timeline/?themes=outlook,russia,nonsense")
    assert pressed(page) == ["russia", "outlook"]
    assert visible_events(page) == [
        "2023-07-a-delegation-visits",
        "2023-09-13-summit",
        "2024-an-election-year",
    ]
    assert "Showing 3 of 4 events: Russia, Outlook." in page.text_content(".tl-filter__status")


def test_filter_works_from_the_keyboard(page, base_url: str) -> None:
    page.goto(f"{base_url}timeline/")
    page.focus("button[data-theme=russia]")
    page.keyboard.press("Space")
    assert pressed(page) == ["russia"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert pressed(page) == ["russia", "china"]


def test_without_javascript_every_event_shows_and_the_filter_stays_hidden(
    browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}timeline/?themes=china")
        assert not page.is_visible("[data-tl-filter]")
        assert visible_events(page) == ALL
    finally:
        context.close()


def test_filter_works_after_instant_navigation(page, base_url: str) -> None:
    page.goto(base_url)
    page.evaluate("window.__samePage = true")
    page.click("nav.md-nav--primary a[href$='timeline/']")
    page.wait_for_selector("[data-tl-filter]:not([hidden])")
    assert page.evaluate("window.__samePage === true"), "instant navigation was not used"
    page.click("button[data-theme=weapons]")
    assert visible_events(page) == ["2023-09-13-summit"]
    assert page.url.endswith("timeline/?themes=weapons")


def test_print_hides_the_buttons_but_keeps_the_events(page, base_url: str) -> None:
    page.goto(f"{base_url}timeline/")
    page.emulate_media(media="print")
    assert not page.is_visible(".tl-filter__buttons")
    assert visible_events(page) == ALL


def test_narrow_screen_has_no_sideways_scroll(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(f"{base_url}timeline/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
    finally:
        context.close()
