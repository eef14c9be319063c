"""Every browser test of every feature shares one Chromium (Playwright's sync API allows
only one instance per thread), which closes with its last user."""

from __future__ import annotations

import pytest

from scripts.tools.browser import _SharedChromium, chromium

pytestmark = pytest.mark.browser


def test_overlapping_uses_share_one_chromium_that_closes_with_the_last():
    users_before = _SharedChromium.users  # other fixtures of this session may hold it
    with chromium() as outer:
        with chromium() as inner:
            assert inner is outer
            assert _SharedChromium.users == users_before + 2
        assert outer.is_connected()
    assert _SharedChromium.users == users_before
    assert outer.is_connected() == (users_before > 0)
    with chromium() as again:
        page = again.new_page()
        page.set_content("<p>ready</p>")
        assert page.inner_text("p") == "ready"
        page.close()
