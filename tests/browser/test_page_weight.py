"""Byte budgets for what a reader downloads (gzip), counted on the built site.

Reference, measured with `python -m scripts.tools.page_weight --baseline` (gzip level 6) on this
site's pages built with the default Material theme and `font: false` only, Material 9.8.1,
26 Nov 2026: first view (HTML + CSS + JS) 62,678 to 65,575 bytes (61.2 to 64.0 KiB); of it
Material's CSS 22,813 and JS 34,973 bytes on every page, the rest the page's HTML.
Our pages add the dark palette's CSS, a few small stylesheets and scripts, page metadata and
the citation box; the budgets below leave room for that and no more. To pay for it, the HTML
is minified and Material's palette stylesheet keeps only our colours (1.3 KB gzip less).
Measured on 26 Nov 2026 after those trims and with our four stylesheets in one file
(stylesheets/site.css): first view 69,971 (outlook-2024) to 73,131 bytes (sources) on the
content pages, 75,825 on the timeline (74.0 KiB); HTML 7,841 to 12,593 bytes.
"""

from __future__ import annotations

import os
from pathlib import Path

from scripts.project import sitemap_urls
from scripts.tools.page_weight import (
    build_default_material,
    first_view,
    html_sizes,
    linked_assets,
    local_file,
)

KIB = 1024
DEFAULT_MATERIAL_FIRST_VIEW = 70_326  # the heaviest page (sources) in the bare Material build
DEFAULT_MATERIAL_CSS, DEFAULT_MATERIAL_JS = 24_870, 34_973
DEFAULT_MATERIAL_CSS_AND_JS = DEFAULT_MATERIAL_CSS + DEFAULT_MATERIAL_JS
# A first visit: this page's HTML and all the CSS and JS it links.
FIRST_VIEW_BUDGET = 75 * KIB
# The timeline is the heaviest page: its HTML carries every event with its note, source and
# cite tools plus an ItemList of Events in its JSON-LD, and it alone loads the filter's
# stylesheet and script. It gets no budget of its own.
# Any further page: the CSS and JS are cached, only the HTML travels.
HTML_BUDGET = 15 * KIB
# The Korean edition's pages (ko/) carry the same content in Hangul, three bytes a syllable in
# UTF-8: gzip makes the same fifteen paragraph summaries 1,358 bytes in Korean against 982 in
# English (1.38 times). Their HTML gets that much more room, and no more; their first view is
# held to the same 75 KiB as every page's.
KOREAN_HTML_BUDGET = 18 * KIB


def every_page(site: Path) -> list[str]:
    """Both editions' pages: the English sitemap's and the Korean one's (ko/sitemap.xml)."""
    return [*sitemap_urls(site), *("ko/" + path for path in sitemap_urls(site / "ko"))]


def test_first_view_of_every_page_stays_within_75_kib(built_site: Path):
    views = {path: first_view(built_site, path) for path in every_page(built_site)}
    over = {
        path or "/": f"{view.total} bytes (HTML {view.html}, CSS {view.css}, JS {view.js})"
        for path, view in views.items()
        if view.total > FIRST_VIEW_BUDGET
    }
    assert not over, (
        f"first view over budget ({FIRST_VIEW_BUDGET} bytes gzip; default Material: at most "
        f"{DEFAULT_MATERIAL_FIRST_VIEW}, of it CSS and JS {DEFAULT_MATERIAL_CSS_AND_JS}): {over}"
    )


def test_html_of_every_page_stays_within_15_kib(built_site: Path):
    sizes = html_sizes(built_site)
    over = {
        path: size
        for path, size in sizes.items()
        if size > (KOREAN_HTML_BUDGET if path.startswith("ko/") else HTML_BUDGET)
    }
    assert not over, f"HTML over {HTML_BUDGET} bytes gzip ({KOREAN_HTML_BUDGET} in ko/): {over}"
    assert any(path.startswith("ko/") for path in sizes), "no Korean page was weighed"


def test_weight_check_counts_every_linked_asset_and_catches_a_heavy_page(tmp_path: Path):
    page = tmp_path / "page"
    page.mkdir()
    (page / "index.html").write_text(
        '<link rel="stylesheet" href="../heavy.css"><script src="/app.js"></script>'
        '<script src="https://cdn.example/x.js"></script><p>text</p>'
    )
    # Random bytes do not compress: 80 KiB of them stay over budget after gzip.
    (tmp_path / "heavy.css").write_bytes(os.urandom(80 * KIB))
    (tmp_path / "app.js").write_text("console.log(1)")
    view = first_view(tmp_path, "page/")
    assert view.css > 80 * KIB
    assert view.js > 0
    assert view.total > FIRST_VIEW_BUDGET


def test_only_local_addresses_map_to_built_files(tmp_path: Path):
    stylesheets, scripts = linked_assets(
        '<link rel="preload" href="a.css"><link rel="stylesheet" href="b.css"><script></script>'
    )
    assert (stylesheets, scripts) == (["b.css"], [])
    assert local_file(tmp_path, "x/", "../b.css") == tmp_path / "b.css"
    assert local_file(tmp_path, "x/", "https://cdn.example/b.css") is None


def test_default_material_reference_still_builds(tmp_path: Path):
    # The reference figures above come from this build; it must keep working as pages change.
    build_default_material(tmp_path)
    view = first_view(tmp_path, "sources/")
    assert (view.css, view.js) == (DEFAULT_MATERIAL_CSS, DEFAULT_MATERIAL_JS)
    assert view.total <= DEFAULT_MATERIAL_FIRST_VIEW + 2 * KIB
