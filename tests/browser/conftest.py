"""Browser fixtures: the built site served from a sub-folder, one Chromium per session.

Each page is loaded once per configuration and everything the checks need is recorded in a
`PageReport`, so the many small tests share a few page loads (2 cores are shared).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from scripts.project import site_nav_urls
from scripts.tools.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Only violations are reported in full: axe then gathers one node per passed or incomplete
# rule instead of all of them (its `resultTypes` option), which halves its time on a long page.
RUN_AXE = """tags => axe.run(document, {
  runOnly: {type: 'tag', values: tags},
  resultTypes: ['violations'],
})"""

# Cumulative layout shift, as Lighthouse scores it (shifts not caused by input), and what
# moved: each shifted element's tag, class and first words, how far it went across and down,
# and when.
RECORD_LAYOUT_SHIFTS = """
window.__layoutShift = 0;
window.__layoutShiftSources = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__layoutShift += entry.value;
    for (const source of entry.sources) {
      const node = source.node;
      const name = node && node.nodeType === 1
        ? node.localName + "." + (node.getAttribute("class") || "").trim().replace(/\\s+/g, ".")
        : String(node && node.nodeName);
      const words = ((node && node.textContent) || "").trim().slice(0, 40);
      const down = Math.round(source.currentRect.top - source.previousRect.top);
      const across = Math.round(source.currentRect.left - source.previousRect.left);
      const when = Math.round(entry.startTime);
      window.__layoutShiftSources.push(`${name} "${words}" moved ${across},${down}px at ${when}ms`);
    }
  }
}).observe({type: 'layout-shift', buffered: true});
"""
# Text set below 12 px, the legibility floor Lighthouse applies on phones. Text in closed
# <details> counts too: a reader opens them. Text at 0 px is hidden (Material swaps the
# footnote back-link's arrow for an icon that way), not small.
FIND_SMALL_TEXT = """() => {
  const found = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest('script, style, svg, noscript')) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size > 0 && size < 12) {
      const where = element.closest('[class]')?.className || element.tagName;
      found[`${size}px ${element.tagName.toLowerCase()} in .${where}`] = true;
    }
  }
  return Object.keys(found);
}"""

PAGE_FACTS = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    imagesWithoutAlt: [...document.images]
        .filter(img => !img.hasAttribute('alt'))
        .map(img => img.outerHTML.slice(0, 120)),
    description: document.querySelector('meta[name=description]')?.content ?? null,
    layoutShift: window.__layoutShift,
    layoutShiftSources: window.__layoutShiftSources,
})"""

CONFIGURATIONS: dict[str, dict[str, object]] = {
    "desktop-1280-light": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"},
    # No is_mobile: with it, Chromium reports no layout shifts at all, and the 375 px
    # layout is the same without it (the page sets width=device-width).
    "mobile-375-dark": {
        "viewport": {"width": 375, "height": 740},
        "color_scheme": "dark",
        "has_touch": True,
        "device_scale_factor": 2,
    },
}

# Read at collection time so a page added to the nav is checked without editing the tests.
# The generated timeline page is covered once it is in the nav; a test compares this list
# with the built sitemap so a page outside the nav cannot slip through.
PAGES = site_nav_urls(ROOT / "mkdocs.yml")
# The Korean edition's pages (mkdocs.ko.yml, built into ko/) get the same checks.
PAGES += ["ko/" + url for url in site_nav_urls(ROOT / "mkdocs.ko.yml")]


def page_id(path: str) -> str:
    return path.strip("/") or "index"


@dataclass
class PageReport:
    """What one page load in one configuration showed."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    axe_violations: list[dict[str, object]] = field(default_factory=list)
    scroll_width: int = 0
    viewport_width: int = 0
    images_without_alt: list[str] = field(default_factory=list)
    description: str | None = None
    layout_shift: float = 0.0
    layout_shift_sources: list[str] = field(default_factory=list)
    small_text: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the whole session, with a fresh temporary profile."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def contexts(browser) -> Iterator[dict[str, object]]:
    """One browser context per configuration, opened on first use and closed at the end."""
    opened: dict[str, object] = {}

    class Contexts(dict):
        def __missing__(self, name: str) -> object:
            opened[name] = browser.new_context(**CONFIGURATIONS[name])
            self[name] = opened[name]
            return opened[name]

    yield Contexts()
    for context in opened.values():
        context.close()


@pytest.fixture
def new_context(browser) -> Iterator[Callable[..., object]]:
    """A fresh context for tests that change state (the stored palette, the search)."""
    made: list[object] = []

    def make(configuration: str = "desktop-1280-light") -> object:
        context = browser.new_context(**CONFIGURATIONS[configuration])
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def axe_violations(page) -> list[dict[str, Any]]:
    """axe-core's WCAG A and AA violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, AXE_TAGS)["violations"]


def describe_violation(violation: dict[str, Any]) -> dict[str, Any]:
    """What a failure message needs of one axe violation: the rule and its first nodes."""
    return {
        "id": violation["id"],
        "impact": violation["impact"],
        "help": violation["help"],
        "nodes": [
            {"target": node["target"], "why": node.get("failureSummary", "")[:300]}
            for node in violation["nodes"][:5]
        ],
    }


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """Failure text for axe's violations."""
    return describe([describe_violation(violation) for violation in violations])


class PageInspector:
    """One tab of a configuration's context, which loads page after page and reports what the
    checks need of each (`inspect`). A tab of its own for every page took twice the CPU: a
    renderer started and stopped each time. Whatever the tab reports goes to the report of the
    page it is on."""

    def __init__(self, context) -> None:
        self.report = PageReport(url="")
        self.page = page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.report.console_errors.append(str(error)))
        page.on(
            "requestfailed",
            lambda request: self.report.failed_requests.append(
                f"{request.url} ({request.failure})"
            ),
        )
        page.on("response", self._response)
        page.on("request", self._request)
        page.add_init_script(RECORD_LAYOUT_SHIFTS)  # on every document the tab loads

    def _console(self, message) -> None:
        if message.type == "error":
            self.report.console_errors.append(message.text)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.report.failed_requests.append(f"{response.url} (HTTP {response.status})")

    def _request(self, request) -> None:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.report.url))
        target = urlsplit(request.url)
        if target.scheme in {"http", "https", "ws", "wss"} and (
            f"{target.scheme}://{target.netloc}" != origin
        ):
            self.report.foreign_requests.append(request.url)

    def inspect(self, url: str) -> PageReport:
        """Load `url`, wait until the network is quiet, and record what the checks need."""
        self.report = report = PageReport(url=url)
        self.page.goto(url, wait_until="networkidle")
        report.axe_violations = [describe_violation(found) for found in axe_violations(self.page)]
        facts = self.page.evaluate(PAGE_FACTS)
        report.scroll_width = facts["scrollWidth"]
        # The configured width, not innerWidth: a mobile browser widens its layout viewport
        # to fit content that overflows, which would hide the very overflow being checked.
        report.viewport_width = self.page.viewport_size["width"]
        report.images_without_alt = facts["imagesWithoutAlt"]
        report.description = facts["description"]
        report.layout_shift = facts["layoutShift"]
        report.layout_shift_sources = facts["layoutShiftSources"]
        report.small_text = self.page.evaluate(FIND_SMALL_TEXT)
        return report


@pytest.fixture(scope="session")
def inspect_url(contexts) -> Callable[[str, str], PageReport]:
    """`inspect_url(url, configuration)`: load any address and report what the checks see."""
    inspectors: dict[str, PageInspector] = {}

    def inspect(url: str, configuration: str) -> PageReport:
        if configuration not in inspectors:
            inspectors[configuration] = PageInspector(contexts[configuration])
        return inspectors[configuration].inspect(url)

    return inspect


@pytest.fixture(scope="session")
def page_report(site_base: str, inspect_url) -> Callable[[str, str], PageReport]:
    """`page_report(path, configuration)`: the page loaded once, its report cached."""
    cache: dict[tuple[str, str], PageReport] = {}

    def report_for(path: str, configuration: str) -> PageReport:
        key = (path, configuration)
        if key not in cache:
            cache[key] = inspect_url(site_base + path, configuration)
        return cache[key]

    return report_for


def page_configurations(path: str) -> list[str]:
    """The set-ups a page is loaded in: an English page in both; a Korean page on the phone
    in dark only. The Korean pages have the English pages' templates, stylesheets, colours
    and scripts, which the English pages check in both set-ups; what is their own is the text,
    and a narrow screen is where it overflows, wraps or shrinks."""
    return ["mobile-375-dark"] if path.startswith("ko/") else list(CONFIGURATIONS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests taking `page_path` run on every nav page; with `configuration` too, on each of
    that page's set-ups (`page_configurations`)."""
    names = metafunc.fixturenames
    if "page_path" in names and "configuration" in names:
        pairs = [(path, setup) for path in PAGES for setup in page_configurations(path)]
        metafunc.parametrize(
            ("page_path", "configuration"),
            pairs,
            ids=[f"{page_id(path)}-{setup}" for path, setup in pairs],
        )
    elif "page_path" in names:
        metafunc.parametrize("page_path", PAGES, ids=page_id)
    elif "configuration" in names:
        metafunc.parametrize("configuration", list(CONFIGURATIONS))


def describe(findings: object) -> str:
    """Readable failure text for what a check found."""
    return json.dumps(findings, indent=2, ensure_ascii=False, default=str)


@pytest.fixture(scope="session")
def readable() -> Callable[[object], str]:
    """Failure text for findings (a fixture, since test modules do not import conftest)."""
    return describe
