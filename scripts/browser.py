"""Launch Debian's Chromium through Playwright the one way this project allows.

Never `playwright install`: it downloads a browser, and this project reaches only the
package registries. Every launch gets a fresh, empty profile folder, so no cached file,
stored palette or extension can change what a check sees.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = "/usr/bin/chromium"
# No background traffic (updates, sync, field trials, QUIC probes): the only requests
# a check sees are the page's own.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@contextmanager
def chromium() -> Iterator[Browser]:
    """One Chromium with a fresh temporary profile; open a context per configuration on it."""
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile,
        sync_playwright() as pw,
    ):
        persistent = pw.chromium.launch_persistent_context(
            user_data_dir=profile,
            executable_path=CHROMIUM,
            args=list(CHROMIUM_FLAGS),
            headless=True,
        )
        try:
            browser = persistent.browser
            if browser is None:  # pragma: no cover - only for non-Chromium launchers
                raise RuntimeError("Playwright gave no browser handle for the persistent context")
            yield browser
        finally:
            persistent.close()
