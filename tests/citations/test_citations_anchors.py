"""The anchors lock: the check fails naming a vanished anchor unless it is mapped, `add` pins
new anchors, and the committed lock matches the built site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import anchors, page_citations
from scripts.page_citations import Citable, Heading, PageToCite
from scripts.tools.anchors_lock import page_anchors, published_anchors

ROOT = Path(__file__).resolve().parents[2]

PUBLISHED = {"/#start", "/a/#newer", "/a/#other", "/b/#new-id"}


def test_removed_anchor_without_mapping_fails_naming_it() -> None:
    lock = anchors.parse_lock("/#start\n/a/#older\n/a/#other\n")
    problems = anchors.check(lock, PUBLISHED)
    assert len(problems) == 1
    assert "/a/#older" in problems[0]
    assert "no longer published" in problems[0]


def test_renamed_anchor_with_mapping_passes() -> None:
    lock = anchors.parse_lock("/#start\n/a/#other\n/a/#older -> /a/#newer\n")
    assert anchors.check(lock, PUBLISHED) == []


def test_anchor_moved_to_another_page_with_mapping_passes() -> None:
    lock = anchors.parse_lock("/a/#old-id -> /b/#new-id\n")
    assert anchors.check(lock, PUBLISHED) == []


def test_mapping_to_an_anchor_that_does_not_exist_fails_naming_both() -> None:
    lock = anchors.parse_lock("/a/#older -> /a/#typo\n")
    (problem,) = anchors.check(lock, PUBLISHED)
    assert "/a/#older" in problem and "/a/#typo" in problem


def test_chained_moves_resolve_to_the_last_address() -> None:
    lock = anchors.parse_lock("/a/#one -> /a/#two\n/a/#two -> /b/#new-id\n")
    assert anchors.check(lock, PUBLISHED) == []
    assert anchors.redirects_for_page("/a/", lock) == {
        "one": "../b/#new-id",
        "two": "../b/#new-id",
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("russia#x", "anchors.lock:2: 'russia#x'"),
        ("/russia/#a -> nowhere", "anchors.lock:2: 'nowhere'"),
        ("/a/ #b", "anchors.lock:2: '/a/ #b'"),
    ],
)
def test_malformed_lock_line_names_the_line(line: str, expected: str) -> None:
    with pytest.raises(anchors.LockError, match=expected):
        anchors.parse_lock(f"# comment\n{line}\n", "anchors.lock")


def test_add_pins_new_anchors_and_keeps_vanished_ones_for_the_check() -> None:
    lock = anchors.parse_lock("/a/#gone\n/a/#older -> /a/#newer\n")
    updated, added = anchors.add(lock, PUBLISHED)
    assert added == ["/#start", "/a/#newer", "/a/#other", "/b/#new-id"]
    assert "/a/#gone" in updated.anchors
    text = anchors.format_lock(updated)
    assert anchors.parse_lock(text).anchors == updated.anchors
    assert anchors.parse_lock(text).moves == {"/a/#older": "/a/#newer"}


def test_redirects_relative_to_the_page_work_from_any_folder() -> None:
    lock = anchors.parse_lock(
        "/a/#older -> /a/#newer\n/a/#old-id -> /b/#new-id\n/gone/#lost -> /b/#new-id\n"
    )
    page_moves = {"/gone/": "/b/"}
    assert anchors.redirects_for_page("/a/", lock, page_moves) == {
        "older": "#newer",
        "old-id": "../b/#new-id",
    }
    assert anchors.redirects_for_page("/b/", lock, page_moves) == {"lost": "#new-id"}
    assert anchors.relative_target("/", "/b/#x") == "b/#x"
    assert anchors.relative_target("/b/", "/#x") == "../#x"


def test_lock_reads_headings_and_events_but_not_permalinks_or_footnotes() -> None:
    html = (
        '<article class="md-content__inner md-typeset">'
        '<h2 id="s">Section <a class="headerlink" href="#s">&para;</a></h2>'
        '<ol><li class="tl-event" id="2023-09-13-x"><a href="#2023-09-13-x">'
        '<time datetime="2023-09-13">13 September 2023</time></a>'
        '<span class="tl-event__title">Kim &amp; Putin</span></li></ol>'
        '<div class="footnote"><ol><li id="fn:1">Note</li></ol></div></article>'
        '<h2 id="outside">Not in the article</h2>'
    )
    assert page_anchors(html) == {"s", "2023-09-13-x"}


def page_to_cite(**fields: object) -> PageToCite:
    defaults: dict[str, object] = {
        "title": "T",
        "description": "D",
        "url": "t/",
        "updated": None,
        "is_home": False,
        "headings": (),
    }
    return PageToCite(**{**defaults, **fields})  # type: ignore[arg-type]


def test_citables_are_the_sections_below_the_title_then_not_the_signposts() -> None:
    page = page_to_cite(
        headings=(Heading(1, "t", "Title"), Heading(2, "y2023", "2023"), Heading(2, "d", "Dates")),
        events=(Citable("e", "E", "event", "2023"),),
        signposts=frozenset({"y2023"}),
    )
    assert [(c.anchor, c.kind) for c in page_citations.citables(page)] == [
        ("e", "event"),
        ("d", "section"),
    ]


def test_cite_tools_slots_go_after_headings_and_inside_events() -> None:
    html = (
        '<h2 id="s">Section</h2>\n<p>Text</p>\n'
        '<ol><li id="e"><time datetime="2023">2023</time> <span class="x-title">E</span></li></ol>'
    )
    found = [Citable("s", "Section", "section"), Citable("e", "E", "event", "2023")]
    slotted = page_citations.with_cite_tools(html, found)
    assert slotted == (
        '<h2 id="s">Section</h2>'
        '<div class="cite-tools" data-cite-tools="s" data-cite-kind="section"></div>'
        '\n<p>Text</p>\n<ol><li id="e"><time datetime="2023">2023</time> '
        '<span class="x-title">E</span>'
        '<div class="cite-tools" data-cite-tools="e" data-cite-kind="event"></div></li></ol>'
    )
    # The slots add no anchors: the lock sees the same page.
    wrap = '<article class="md-content__inner">{}</article>'
    assert page_anchors(wrap.format(slotted)) == page_anchors(wrap.format(html))


def test_cite_tools_for_an_id_the_page_lacks_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(ValueError, match="no element with id 'gone'"):
        page_citations.with_cite_tools('<h2 id="s">S</h2>', [Citable("gone", "G", "section")])


def test_original_formats_go_to_the_first_section_the_page_has() -> None:
    html = '<h2 id="a">A</h2><p>x</p><h3 id="how-to-cite">H</h3><p>y</p><h2 id="z">Z</h2>'
    placed = page_citations.with_block_at_section_end(
        html, ("cite-the-article", "how-to-cite"), "<div>B</div>"
    )
    assert placed == '<h2 id="a">A</h2><p>x</p><h3 id="how-to-cite">H</h3><p>y</p>' + (
        '<div>B</div><h2 id="z">Z</h2>'
    )
    assert page_citations.with_block_at_section_end(html, ("nowhere",), "<div>B</div>") is None


def run_check(site: Path, lock: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.tools.anchors_lock",
            "check",
            "--site",
            str(site),
            "--lock",
            str(lock),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_command_fails_on_a_renamed_id_without_mapping_and_passes_with_it(
    moved_site: Path, tmp_path: Path
) -> None:
    lock = tmp_path / "anchors.lock"
    lock.write_text("/a/#newer\n/a/#other\n/b/#new-id\n/a/#older\n", encoding="utf-8")
    failed = run_check(moved_site, lock)
    assert failed.returncode == 1
    assert "/a/#older" in failed.stderr
    lock.write_text("/a/#newer\n/a/#other\n/b/#new-id\n/a/#older -> /a/#newer\n", "utf-8")
    passed = run_check(moved_site, lock)
    assert passed.returncode == 0, passed.stderr


def test_command_fails_when_a_heading_id_is_removed_from_the_built_site(
    moved_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(moved_site, site)
    page = site / "b" / "index.html"
    # The published HTML is minified, so the id may stand without quotes.
    renamed = re.sub(r'\bid="?new-id"?(?=[\s>])', 'id="renamed"', page.read_text("utf-8"))
    assert renamed != page.read_text("utf-8")
    page.write_text(renamed, "utf-8")
    lock = tmp_path / "anchors.lock"
    shutil.copy(ROOT / "tests" / "data" / "citations" / "moved-site" / "anchors.lock", lock)
    assert run_check(moved_site, lock).returncode == 0
    failed = run_check(site, lock)
    assert failed.returncode == 1
    assert "/b/#new-id" in failed.stderr


def test_every_anchor_in_the_committed_lock_is_still_reachable(built_site: Path) -> None:
    """New anchors are free (pinned by `make anchors`); a vanished one fails."""
    lock_file = ROOT / "anchors.lock"
    assert lock_file.exists(), "anchors.lock is missing: run make anchors"
    lock = anchors.read_lock(lock_file)
    published = published_anchors(built_site)
    assert anchors.check(lock, published) == []
