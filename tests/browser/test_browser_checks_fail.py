"""The browser checks can fail: a page broken on purpose trips every one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.tools.static_server import serving

BROKEN = Path(__file__).resolve().parents[1] / "data" / "browser"

pytestmark = pytest.mark.browser


def test_broken_page_trips_every_browser_check(inspect_url):
    with serving(BROKEN, prefix="/fixtures/") as base:
        report = inspect_url(base + "broken-page/", "mobile-375-dark")

    assert "broken on purpose" in " ".join(report.console_errors)
    assert any("missing.png" in failure and "404" in failure for failure in report.failed_requests)
    assert any("//localhost:" in url for url in report.foreign_requests)
    violated_rules = {violation["id"] for violation in report.axe_violations}
    assert {"image-alt", "color-contrast"} <= violated_rules
    assert report.images_without_alt
    assert report.scroll_width > report.viewport_width
    assert report.description is None
    assert any(entry.startswith("9px") for entry in report.small_text), report.small_text
    assert report.layout_shift > 0.1
