"""The pure helpers behind the output fixes, the robots file and the static server."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

from scripts.project import page_address, page_url
from scripts.publish.html_fixes import fix_html
from scripts.publish.robots import robots_txt
from scripts.tools.static_server import (
    QuietServer,
    SiteMount,
    normalise_prefix,
    resolve,
    should_compress,
)

# Material's markup as it comes out of the theme, trimmed to the tags the fixes touch.
PAGE = (
    Path(__file__).resolve().parents[1] / "data" / "browser" / "material-output.html"
).read_text(encoding="utf-8")


def test_fix_drops_autocomplete_from_checkboxes_only():
    fixed = fix_html(PAGE)
    assert 'type="checkbox" id="__drawer">' in fixed
    assert 'name="query" autocomplete="off" required>' in fixed


def test_fix_leaves_script_text_alone():
    fixed = fix_html(PAGE)
    assert """document.write('<input type="checkbox" autocomplete="off">')""" in fixed


def test_fix_names_the_search_dialog_once():
    fixed = fix_html(PAGE)
    assert 'role="dialog" aria-label="Search">' in fixed
    assert fix_html(fixed) == fixed


def test_fix_names_the_search_dialog_in_the_pages_language():
    assert 'role="dialog" aria-label="검색">' in fix_html(PAGE, "검색")


def test_fix_drops_the_themes_hreflang_links_only():
    page = (
        '<head><link rel="alternate" href="../ko/" hreflang="ko">'
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
        '<link rel="canonical" href="https://example.org/russia/"></head>'
        '<a href="../ko/russia/" hreflang="ko" lang="ko">한국어</a>'
    )
    fixed = fix_html(page)
    assert 'hreflang="ko">' not in fixed.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml" href="feed.xml">' in fixed
    assert '<link rel="canonical" href="https://example.org/russia/">' in fixed
    assert '<a href="../ko/russia/" hreflang="ko" lang="ko">한국어</a>' in fixed


def test_fix_stops_the_repository_link_calling_github():
    fixed = fix_html(PAGE)
    assert 'class="md-source">' in fixed
    assert 'data-md-component="source"' not in fixed


def test_fix_defers_the_theme_bundle_only():
    fixed = fix_html(PAGE)
    assert '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer>' in fixed
    assert '<script src="../javascripts/other.js"></script>' in fixed
    assert fix_html(fixed) == fixed


def test_fix_changes_nothing_else():
    fixed = fix_html(PAGE)
    assert fixed.count("\n") == PAGE.count("\n")
    assert "<p>Text &amp; more — unchanged</p>" in fixed
    untouched = "<p>No Material markup here</p>\n"
    assert fix_html(untouched) == untouched


def test_robots_names_each_translations_sitemap():
    assert robots_txt("https://example.org/", ["ko/"]).endswith(
        "Sitemap: https://example.org/sitemap.xml\nSitemap: https://example.org/ko/sitemap.xml\n"
    )


def test_robots_points_at_the_sitemap_under_site_url():
    assert robots_txt("https://example.org/edition/").endswith(
        "Sitemap: https://example.org/edition/sitemap.xml\n"
    )
    assert "Sitemap: https://example.org/x/sitemap.xml" in robots_txt("https://example.org/x")


def test_nav_files_map_to_directory_urls():
    assert [page_url(f) for f in ("index.md", "russia.md", "a/index.md")] == ["", "russia/", "a/"]
    assert page_url("russia.md", "arms-deals") == "russia/#arms-deals"
    assert page_url("russia.md", use_directory_urls=False) == "russia.html"


def test_page_address_is_the_lock_form_and_ignores_non_pages():
    assert page_address("index.md") == "/"
    assert page_address("gone.md") == "/gone/"
    assert page_address("old/index.md") == "/old/"
    assert page_address("new/page.md#part") == "/new/page/"
    assert page_address("https://example.org/x.md") is None
    assert page_address("picture.png") is None


def test_server_serves_only_inside_its_prefix_and_folder(tmp_path: Path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>x</p>")
    mount = SiteMount(root=tmp_path, prefix=normalise_prefix("sub/folder"))
    assert resolve(mount, "/sub/folder/page/") == ("file", (tmp_path / "page/index.html").resolve())
    assert resolve(mount, "/sub/folder/page")[0] == "redirect"
    assert resolve(mount, "/page/")[0] == "missing"
    assert resolve(mount, "/sub/folder/../../etc/passwd")[0] == "missing"
    assert resolve(mount, "/sub/folder/%2e%2e/%2e%2e/etc/passwd")[0] == "missing"


def test_server_compresses_text_for_gzip_clients_only():
    assert should_compress("text/html; charset=utf-8", "gzip, deflate, br")
    assert should_compress("application/javascript", "br;q=1.0, gzip;q=0.8")
    assert not should_compress("text/html; charset=utf-8", "identity")
    assert not should_compress("image/png", "gzip")


def test_server_is_silent_when_a_client_hangs_up_but_reports_other_errors(capsys):
    server = QuietServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    try:
        for error in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
            try:
                raise error
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real fault")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
        assert "ValueError: a real fault" in capsys.readouterr().err
    finally:
        server.server_close()
