"""Nothing moves when the scripts come after the first paint (in each set-up: the
`configuration` parameter comes from conftest.py).

Every script is deferred (scripts/publish/html_fixes.py), so on a slow phone the page is often
painted before Material's bundle and ours run. Whether it is depends on timing, so the page
reports (test_browser_pages.py) caught such shifts only now and then: here the bundle is held
back until the page has painted, every time.
"""

from __future__ import annotations

import pytest

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
