"""The hook in a real MkDocs build: data files at relative addresses, the moved-anchor map in
the page, and a broken lock that fails the build with one line naming the file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import mkdocs_build


def test_fixture_build_writes_section_citations_and_the_moved_anchor_map(
    moved_site: Path,
) -> None:
    soup = BeautifulSoup((moved_site / "a" / "index.html").read_text("utf-8"), "lxml")
    box = soup.select_one(".cite-box")
    assert box["data-cite-src"] == "../cite/a.json"
    slots = [
        (slot["data-cite-tools"], slot["data-cite-kind"]) for slot in soup.select(".cite-tools")
    ]
    assert slots == [("other", "section"), ("newer", "section")]
    # Each slot follows its heading directly, so the buttons sit under the heading.
    assert soup.select_one("#newer").find_next_sibling().get("data-cite-tools") == "newer"
    moved = json.loads(soup.select_one("script#moved-anchors").string)
    assert moved == {"older": "#newer", "old-id": "../b/#new-id"}
    page_b = BeautifulSoup((moved_site / "b" / "index.html").read_text("utf-8"), "lxml")
    # gone.md redirects to b.md, so b also maps the anchors that lived on the gone page.
    assert json.loads(page_b.select_one("script#moved-anchors").string) == {"lost": "#new-id"}
    data = json.loads((moved_site / "cite" / "a.json").read_text("utf-8"))
    assert data["items"]["newer"]["url"] == "http://127.0.0.1:8000/a/#newer"
    home = BeautifulSoup((moved_site / "index.html").read_text("utf-8"), "lxml")
    assert home.select_one(".cite-box")["data-cite-src"] == "cite/index.json"
    assert home.select_one("script#moved-anchors") is None
    # Pages that lost no anchor do not download the redirect script.
    assert not home.select('script[src$="anchor-redirects.js"]')
    assert soup.select('script[src$="anchor-redirects.js"]')


def test_malformed_lock_fails_the_build_naming_file_and_line(
    moved_site: Path, tmp_path: Path
) -> None:
    project = moved_site.parent
    copy = tmp_path / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site"))
    (copy / "anchors.lock").write_text("/a/#newer\n/a/#older -> b#new-id\n", "utf-8")
    result = mkdocs_build(copy / "mkdocs.yml", tmp_path / "s")
    assert result.returncode != 0
    assert "anchors.lock:2: 'b#new-id'" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
