"""The Korean edition in Chromium: the language switch keeps the section, and the search finds
Korean words (Material's search with lunr-languages' `ko`)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Korean words and the page each is the subject of: the search must put that page first.
KOREAN_SEARCHES = {
    "보스토치니": "ko/russia/",
    "비행금지구역": "ko/inter-korean-agreement/",
    "만리경": "ko/military-build-up/",
}


def search_first_result(page, words: str) -> str:
    """Type `words` into Material's search key by key (it searches on key events) and return
    the first result's address."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(words, delay=20)
    # Playwright enters Hangul as text, without the key events a Korean IME sends; Material
    # searches on key-up, so one real key (End, as a reader's commit key) sets it off.
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(state="visible", timeout=10_000)
    return first.get_attribute("href") or ""


@pytest.mark.parametrize("words", KOREAN_SEARCHES)
def test_a_korean_word_finds_its_page(new_context, site_base, words):
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base + "ko/", wait_until="networkidle")
    href = search_first_result(page, words)
    assert KOREAN_SEARCHES[words].removeprefix("ko/") in href, f"{words}: first result {href}"


def test_a_word_on_no_page_finds_nothing(new_context, site_base):
    """The check above can fail: a word no Korean page has lists no result."""
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base + "ko/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("콩나물국밥", delay=20)
    page.keyboard.press("End")
    page.wait_for_timeout(1500)
    assert page.locator(".md-search-result__item").count() == 0


@pytest.mark.parametrize(
    ("start", "language", "landing"),
    [
        ("russia/#kim-putin-summit", "ko", "ko/russia/#kim-putin-summit"),
        (
            "ko/inter-korean-agreement/#partial-suspension",
            "en",
            "inter-korean-agreement/#partial-suspension",
        ),
        ("ko/russia/#arms-transfers-p2", "en", "russia/#arms-transfers-p2"),
    ],
)
def test_the_language_switch_lands_on_the_same_section(
    new_context, site_base, start, language, landing
):
    page = new_context("desktop-1280-light").new_page()
    page.goto(site_base + start, wait_until="networkidle")
    # The header names the other language; a reader clicks it.
    page.locator(f"a.md-header__language[hreflang={language}]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == site_base + landing
    section = landing.partition("#")[2]
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator(f"[id='{section}']").count() == 1
    # The section is where the reader is: scrolled to the top of the window.
    top = page.evaluate(f"document.getElementById('{section}').getBoundingClientRect().top")
    assert -5 < top < 200, f"{landing}: the section is {top} px from the top"
