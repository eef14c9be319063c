"""Launch Debian's Chromium through Playwright the one way this project allows.

Never `playwright install`: it downloads a browser, and this project reaches only the
package registries. Every launch gets a fresh, empty profile folder, so no cached file,
stored palette or extension can change what a check sees.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
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


class _SharedChromium:
    """The one running Chromium, and how many `chromium()` blocks are using it.

    Playwright's sync API allows one instance per thread, so a second launch while the
    first is open fails ("Sync API inside the asyncio loop"). Test fixtures of several
    features overlap in time: they all share this one browser, which closes with its last
    user.
    """

    browser: Browser | None = None
    users: int = 0
    resources: ExitStack | None = None


@contextmanager
def chromium() -> Iterator[Browser]:
    """Chromium with a fresh temporary profile; open a context per configuration on it.

    Nested or overlapping uses share the browser already running.
    """
    if _SharedChromium.users == 0:
        _SharedChromium.resources, _SharedChromium.browser = _launch()
    _SharedChromium.users += 1
    try:
        yield _SharedChromium.browser
    finally:
        _SharedChromium.users -= 1
        if _SharedChromium.users == 0 and _SharedChromium.resources is not None:
            resources, _SharedChromium.resources = _SharedChromium.resources, None
            _SharedChromium.browser = None
            resources.close()


def _launch() -> tuple[ExitStack, Browser]:
    from playwright.sync_api import sync_playwright

    resources = ExitStack()
    try:
        profile = resources.enter_context(tempfile.TemporaryDirectory(prefix="chromium-profile-"))
        playwright = resources.enter_context(sync_playwright())
        persistent = playwright.chromium.launch_persistent_context(
            user_data_dir=profile,
            executable_path=CHROMIUM,
            args=list(CHROMIUM_FLAGS),
            headless=True,
        )
        resources.callback(persistent.close)
        if persistent.browser is None:  # pragma: no cover - only for non-Chromium launchers
            raise RuntimeError("Playwright gave no browser handle for the persistent context")
        return resources, persistent.browser
    except BaseException:
        resources.close()
        raise
