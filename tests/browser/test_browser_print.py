"""Printed pages: no navigation or search, readable content and citation box, visible sources."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from tests.browser.conftest import CONFIGURATIONS

pytestmark = pytest.mark.browser

# A page with source links and the full page furniture (sidebars, footer navigation).
PRINTED_PAGE = "sources/"
# The citation box from overrides/partials/cite-box.html, when present.
CITE_BOX = "article .md-cite, article .cite-box, article [data-cite-box]"
# WCAG AA for body text; paper is white whatever the screen palette was.
MIN_CONTRAST = 4.5


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_on_white(css_color: str) -> float:
    """Contrast ratio of a computed CSS colour (rgb/rgba) printed on white paper."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css_color)]
    red, green, blue = numbers[:3]
    alpha = numbers[3] if len(numbers) > 3 else 1.0
    # Blend a translucent colour onto the white page, as it prints.
    blended = tuple(alpha * c + (1 - alpha) * 255 for c in (red, green, blue))
    return (1.05) / (relative_luminance(blended) + 0.05)


def test_contrast_on_white_tells_black_from_pale_grey():
    assert contrast_on_white("rgb(0, 0, 0)") == pytest.approx(21)
    assert contrast_on_white("rgba(0, 0, 0, 0.87)") > MIN_CONTRAST
    assert contrast_on_white("rgb(226, 228, 233)") < MIN_CONTRAST


@pytest.fixture(scope="module")
def printed_pages(browser, site_base) -> Iterator[Callable[[str], object]]:
    """`printed_pages(configuration)`: the page loaded once per configuration, in a context
    of its own, and shown as printed; the tests below only read it."""
    opened: dict[str, object] = {}

    def printed(configuration: str) -> object:
        if configuration not in opened:
            page = browser.new_context(**CONFIGURATIONS[configuration]).new_page()
            page.goto(site_base + PRINTED_PAGE, wait_until="networkidle")
            page.emulate_media(media="print")
            opened[configuration] = page
        return opened[configuration]

    yield printed
    for page in opened.values():
        page.context.close()


@pytest.fixture
def printed_page(printed_pages, configuration):
    return printed_pages(configuration)


def test_print_hides_navigation_and_search(printed_page):
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-search", ".md-footer"):
        locator = printed_page.locator(selector)
        for index in range(locator.count()):
            assert not locator.nth(index).is_visible(), f"{selector} shows in print"


def test_print_shows_content_in_readable_colours(printed_page):
    article = printed_page.locator("article.md-content__inner")
    assert article.is_visible()
    colours = printed_page.eval_on_selector_all(
        "article.md-content__inner :is(h1, p, li)", "els => els.map(e => getComputedStyle(e).color)"
    )
    assert colours, "no text found in the printed article"
    weakest = min(colours, key=contrast_on_white)
    assert contrast_on_white(weakest) >= MIN_CONTRAST, f"text prints in {weakest}"


def test_print_shows_the_citation_box_readably(printed_page):
    box = printed_page.locator(CITE_BOX).first
    assert box.count() == 1, "no citation box on the page (overrides/partials/cite-box.html)"
    assert box.is_visible()
    colour = box.evaluate("el => getComputedStyle(el).color")
    assert contrast_on_white(colour) >= MIN_CONTRAST, f"citation box prints in {colour}"


def test_print_spells_out_where_source_links_point(printed_page):
    shown = printed_page.eval_on_selector_all(
        "article.md-content__inner a[href^='http']",
        """links => links
            .filter(a => a.checkVisibility())
            .map(a => [a.href, getComputedStyle(a, '::after').content])""",
    )
    assert shown, "no visible external link on the printed page"
    missing = [href for href, after in shown if href not in after]
    assert not missing, f"printed without their address: {missing}"
