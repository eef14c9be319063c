"""Nothing moves when the scripts come after the first paint (in each set-up: the
`configuration` parameter comes from conftest.py).

Every script is deferred (scripts/publish/html_fixes.py), so on a slow phone the page is often
painted before Material's bundle and ours run. Whether it is depends on timing, so the page
reports (test_browser_pages.py) caught such shifts only now and then: here the bundle is held
back until the page has painted, every time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scripts.tools.static_server import QuietServer, SiteMount, make_handler
from tests.browser.conftest import RECORD_LAYOUT_SHIFTS

pytestmark = pytest.mark.browser

# The pages that carry a picture (the strip, the map, the alignment diagram), in both languages.
PAGES = ["", "timeline/", "places/", "ko/", "ko/timeline/", "ko/places/"]
PAINTED = (
    "() => performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')"
)
SHIFTS = "() => [window.__layoutShift, window.__layoutShiftSources]"


@pytest.mark.parametrize("path", PAGES)
def test_picture_pages_do_not_move_when_the_scripts_run_after_the_first_paint(
    new_context, site_base: str, path: str, configuration: str
) -> None:
    page = new_context(configuration).new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    held = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(site_base + path, wait_until="commit")
    page.wait_for_function(PAINTED)
    page.wait_for_timeout(200)  # frames after the first, still without the bundle
    assert held, "Material's bundle was never asked for"
    held[0].continue_()
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "() => document.querySelector('form[data-md-component=palette] label:not([hidden])')"
    )
    assert page.locator("figure.pic").count(), f"{path or '/'} carries no picture any more"
    shift, sources = page.evaluate(SHIFTS)
    assert shift == 0, f"{path or '/'}: shifted {shift:.4f}: " + "; ".join(sources)


# The header's last item: a page painted before the parser reached it had to make room for it.
HEADER_END = b"<div class=md-header__source"


@contextmanager
def serving_a_page_in_two_parts(site: Path, page: str, cut: bytes) -> Iterator[str]:
    """The URL of `page` on a server of `site` that sends the page's HTML in two parts, 0.4 s
    apart (the part before `cut`, then the rest), as a slow network would; the rest of the
    site comes whole. Chromium may paint what it has while it waits."""
    html = (site / page / "index.html").read_bytes()
    at = html.find(cut)
    assert at > 0, f"{page}: {cut!r} is not in the page any more"

    class PageInTwoParts(make_handler(SiteMount(site))):
        def do_GET(self) -> None:
            if self.path != f"/{page}":
                super().do_GET()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(html[:at])
            self.wfile.flush()
            time.sleep(0.4)
            self.wfile.write(html[at:])

    server = QuietServer(("127.0.0.1", 0), PageInTwoParts)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/{page}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_that_comes_slowly_is_not_painted_before_its_header_is_whole(
    new_context, built_site: Path
) -> None:
    """The first paint waits for the header (overrides/main.html, `rel=expect`): painted
    without its last item, the page moved 262 px sideways when it came."""
    page = new_context("desktop-1280-light").new_page()
    page.add_init_script(RECORD_LAYOUT_SHIFTS)
    with serving_a_page_in_two_parts(built_site, "timeline/", HEADER_END) as url:
        page.goto(url, wait_until="load")
        page.wait_for_function(PAINTED)
        shift, sources = page.evaluate(SHIFTS)
    assert shift == 0, f"shifted {shift:.4f}: " + "; ".join(sources)
