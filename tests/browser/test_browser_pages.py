"""Every nav page, loaded in Chromium at desktop 1280 px light and mobile 375 px dark.

`page_path` and `configuration` are parametrised by tests/browser/conftest.py; each page is
loaded once per configuration and the tests below read the recorded report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.project import site_nav_urls, sitemap_urls
from tests.browser.conftest import PAGES

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser
# Lighthouse's and Core Web Vitals' bound for a "good" cumulative layout shift. The pictures'
# pages are held to no shift at all, in test_browser_late_scripts.py.
MAX_LAYOUT_SHIFT = 0.1


def test_page_logs_no_console_errors(page_report, page_path, configuration, readable):
    report = page_report(page_path, configuration)
    assert not report.console_errors, readable(report.console_errors)


def test_page_has_no_failed_requests(page_report, page_path, configuration, readable):
    report = page_report(page_path, configuration)
    assert not report.failed_requests, readable(report.failed_requests)


def test_page_requests_nothing_but_the_local_server(
    page_report, page_path, configuration, readable
):
    report = page_report(page_path, configuration)
    assert not report.foreign_requests, readable(report.foreign_requests)


def test_page_has_no_axe_violations_of_wcag_a_and_aa(
    page_report, page_path, configuration, readable
):
    report = page_report(page_path, configuration)
    assert not report.axe_violations, readable(report.axe_violations)


def test_page_does_not_scroll_sideways_at_375_px(page_report, page_path):
    report = page_report(page_path, "mobile-375-dark")
    assert report.scroll_width <= report.viewport_width, (
        f"{report.url} is {report.scroll_width} px wide in a 375 px viewport"
    )


def test_text_is_at_least_12_px_on_a_phone(page_report, page_path, readable):
    report = page_report(page_path, "mobile-375-dark")
    assert not report.small_text, readable(report.small_text)


def test_page_does_not_shift_while_loading(page_report, page_path, configuration):
    """Content added by scripts after the first paint must not push the page about."""
    report = page_report(page_path, configuration)
    assert report.layout_shift <= MAX_LAYOUT_SHIFT, (
        f"{report.url}: cumulative layout shift {report.layout_shift:.3f}: "
        + "; ".join(report.layout_shift_sources)
    )


def test_every_image_has_a_text_alternative(page_report, page_path, configuration, readable):
    report = page_report(page_path, configuration)
    assert not report.images_without_alt, readable(report.images_without_alt)


def test_page_has_a_meta_description(page_report, page_path):
    report = page_report(page_path, "mobile-375-dark")  # every page is loaded so
    assert report.description and report.description.strip(), f"{report.url}: no description"


def test_page_titles_are_unique(built_site):
    # Read from the built pages: the title is the page's, not the browser's, and loading every
    # page again for it (a test of no one page) would double the browser's work.
    titles: dict[str, list[str]] = {}
    for path in PAGES:
        page = BeautifulSoup((built_site / path / "index.html").read_bytes(), "html.parser")
        assert page.title and page.title.string, f"{path or '/'}: no title"
        titles.setdefault(page.title.string.strip(), []).append(path)
    shared = {title: paths for title, paths in titles.items() if len(paths) > 1}
    assert not shared, f"pages sharing a title: {shared}"


def test_browser_checks_cover_every_page_of_the_sitemap(built_site):
    """A page outside the nav (or generated without being listed) would go unchecked."""
    unchecked = set(sitemap_urls(built_site)) - set(site_nav_urls(ROOT / "mkdocs.yml"))
    assert not unchecked, f"pages in sitemap.xml but not checked in the browser: {unchecked}"
