"""The pictures: the strip's marks are exactly the events, every link in every picture resolves
in the built site, the map check catches a stale SVG, bad alignment data names file, entry and
field, and a page without its marker fails naming the file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from scripts import timeline
from scripts.frontmatter import FrontMatterError
from scripts.pictures import alignments, pages, strip
from scripts.pictures.common import PictureError, href

ROOT = Path(__file__).resolve().parents[2]
SVG_NS = "{http://www.w3.org/2000/svg}"
PICTURE_PAGES = {
    "": "index.html",
    "timeline/": "timeline/index.html",
    "places/": "places/index.html",
}


def site_events() -> list:
    site_pages, nav = timeline.read_site(ROOT / "mkdocs.yml")
    return timeline.sort_events(site_pages, nav)


def page_tree(site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / name).read_bytes())


def link_of(element: lxml.html.HtmlElement) -> str:
    """Where a link points: an HTML `href`, or the `xlink:href` the pictures' SVG links use
    (scripts/pictures/common.py says why)."""
    return element.get("href") or element.get("xlink:href") or ""


def test_svg_links_use_xlink_href_so_instant_navigation_leaves_them_alone(
    built_site: Path,
) -> None:
    for name in PICTURE_PAGES.values():
        svg_links = page_tree(built_site, name).xpath(
            "//*[local-name()='svg']//*[local-name()='a']"
        )
        assert svg_links, name
        assert all(link.get("xlink:href") and not link.get("href") for link in svg_links), name


@pytest.mark.parametrize("path", ["timeline/", ""])
def test_strip_marks_are_exactly_the_events_in_order(built_site: Path, path: str) -> None:
    events = site_events()
    tree = page_tree(built_site, PICTURE_PAGES[path])
    marks = tree.xpath(
        "//figure[contains(@class, 'pic--strip')]/*[local-name()='svg']//*[local-name()='a']"
    )
    found = [
        (
            link_of(mark).rpartition("#")[2],
            "point" if "pic-strip__mark--point" in mark.get("class") else "span",
            mark.get("data-themes"),
        )
        for mark in marks
    ]
    expected = [
        (event.id, "point" if event.date.precision == "day" else "span", " ".join(event.themes))
        for event in events
    ]
    assert found == expected
    for mark, event in zip(marks, events, strict=True):
        shape = mark.xpath("*[local-name()='circle' or local-name()='rect']")[0]
        assert shape.tag.rpartition("}")[2] == (
            "circle" if event.date.precision == "day" else "rect"
        )
        assert f"pic-theme--{event.themes[0]}" in mark.get("class")
        assert event.title in mark.xpath("string(*[local-name()='title'])")


def test_strip_puts_close_marks_in_separate_lanes() -> None:
    _, placed = strip.marks(site_events())
    same_day = [mark for mark in placed if mark.event.date.text == "2023-11-23"]
    assert len({mark.lane for mark in same_day}) == len(same_day) == 2


def test_every_link_in_every_picture_resolves(built_site: Path) -> None:
    ids: dict[str, set[str]] = {}
    checked = 0
    for path, name in PICTURE_PAGES.items():
        tree = page_tree(built_site, name)
        links = tree.xpath(
            "//figure[contains(@class, 'pic ')]//*[@href or @*[name()='xlink:href']]"
        )
        for link in links:
            target = urljoin("/" + path, link_of(link))
            parts = urlsplit(target)
            page = parts.path.lstrip("/")
            html_file = built_site / page / "index.html"
            assert html_file.is_file(), f"{name}: {link_of(link)} has no page"
            if page not in ids:
                ids[page] = set(page_tree(built_site, f"{page}index.html").xpath("//@id"))
            if parts.fragment:
                assert parts.fragment in ids[page], f"{name}: {link_of(link)}: no such id"
            checked += 1
    assert checked > 40


def test_link_check_would_catch_a_missing_id(built_site: Path) -> None:
    russia_ids = set(page_tree(built_site, "russia/index.html").xpath("//@id"))
    assert "kim-putin-summit" in russia_ids
    assert "kim-putin" not in russia_ids


def test_every_picture_has_title_desc_caption_and_data(built_site: Path) -> None:
    for name in PICTURE_PAGES.values():
        for figure in page_tree(built_site, name).xpath("//figure[contains(@class, 'pic ')]"):
            svg = figure.xpath("*[local-name()='svg']")[0]
            labels = svg.get("aria-labelledby").split()
            assert [svg.xpath(f"string(.//*[@id='{i}'])").strip() != "" for i in labels] == [
                True,
                True,
            ]
            assert figure.xpath("string(figcaption)").strip()
            if "pic--strip" not in figure.get("class").split():
                assert figure.xpath("figcaption/details[contains(@class, 'pic__data')]//a")


def test_links_are_relative_to_their_page() -> None:
    assert href("index.md", "timeline.md#x") == "timeline/#x"
    assert href("places.md", "russia.md#kim-putin-summit") == "../russia/#kim-putin-summit"
    assert href("timeline.md", "timeline.md#x") == "#x"


def run_map_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", "scripts/tools/locator_map.mjs", "--check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_committed_locator_map_is_fresh() -> None:
    result = run_map_check()
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_map_check_fails_on_a_stale_svg(tmp_path: Path) -> None:
    stale = tmp_path / "locator-map.svg"
    committed = (ROOT / "includes" / "locator-map.svg").read_text(encoding="utf-8")
    stale.write_text(committed.replace("Pyongyang", "Pjöngjang"), encoding="utf-8")
    result = run_map_check("--out", str(stale))
    assert result.returncode == 1
    assert "is stale" in result.stderr


HEADINGS = {"russia.md": {"kim-putin-summit": "The Vostochny summit"}}
GOOD = {
    "from": "north-korea",
    "to": "russia",
    "label": "Summit, Sep",
    "kind": "summit",
    "effect": "closer",
    "section": "russia.md#kim-putin-summit",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"to": "rusia"}, "docs/index.md: alignments[1]: field 'to': unknown country 'rusia'"),
        ({"kind": "hug"}, "docs/index.md: alignments[1]: field 'kind': 'hug' is not one of"),
        (
            {"section": "russia.md#kim-putin"},
            "docs/index.md: alignments[1]: field 'section': 'russia.md#kim-putin' is no heading",
        ),
        ({"colour": "red"}, "docs/index.md: alignments[1]: field 'colour': unknown field"),
        ({"to": "north-korea"}, "docs/index.md: alignments[1]: field 'to': a move links two"),
    ],
)
def test_bad_alignment_names_file_entry_and_field(change: dict[str, str], message: str) -> None:
    with pytest.raises(FrontMatterError) as error:
        alignments.validate([GOOD, {**GOOD, **change}], "docs/index.md", HEADINGS)
    assert str(error.value).startswith(message)


def test_missing_alignment_field_names_it() -> None:
    bad = {key: value for key, value in GOOD.items() if key != "effect"}
    with pytest.raises(FrontMatterError, match=r"alignments\[0\]: field 'effect': missing"):
        alignments.validate([bad], "docs/index.md", HEADINGS)


def test_overview_without_its_marker_names_the_file() -> None:
    moves = {"index.md": alignments.validate([GOOD], "docs/index.md", HEADINGS)}
    markdown = f"# Overview\n\n{alignments.MARKER}\n"
    with pytest.raises(PictureError, match=r"^docs/index.md: the timeline strip needs exactly one"):
        pages.add_pictures(
            markdown, "index.md", label="docs/index.md", events=site_events(), moves=moves
        )


def test_bad_alignment_fails_the_build_naming_file_entry_and_field(tmp_path: Path) -> None:
    from tests.conftest import mkdocs_build

    project = tmp_path / "project"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", ".cache", "site"),
    )
    index = project / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("to: japan,", "to: japn,", 1), encoding="utf-8"
    )
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "docs/index.md: alignments[" in result.stdout + result.stderr
    assert "field 'to': unknown country 'japn'" in result.stdout + result.stderr
