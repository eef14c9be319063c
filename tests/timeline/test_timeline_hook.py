"""The hook in real MkDocs builds of a tiny fixture site: the page, downloads and bad input."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from tests.conftest import build_site, mkdocs_build
from tests.timeline.timeline_helpers import HOSTILE
from tests.timeline.timeline_site import BAD, make_site

EXPECTED_ORDER = [
    "2023-07-a-delegation-visits",
    "2023-09-13-summit",
    "2023-09-13-same-day-later-page",
    "2024-an-election-year",
]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline-fixture")
    return build_site(make_site(folder), folder / "site")


def build_output(folder: Path) -> tuple[int, str]:
    result = mkdocs_build(folder / "mkdocs.yml", folder / "site")
    return result.returncode, result.stdout + result.stderr


def test_timeline_page_lists_events_in_order_with_links_that_resolve(fixture_site: Path) -> None:
    soup = BeautifulSoup((fixture_site / "timeline" / "index.html").read_text("utf-8"), "lxml")
    entries = soup.select("li.tl-event")
    assert [entry["id"] for entry in entries] == EXPECTED_ORDER
    links = [entry.select_one(".tl-event__more a")["href"] for entry in entries]
    assert links == [
        "../alpha/#delegation",
        "../alpha/#summit",
        "../beta/#election",
        "../beta/#election",
    ]
    for link in links:
        page, anchor = link.removeprefix("../").split("#")
        target = BeautifulSoup((fixture_site / page / "index.html").read_text("utf-8"), "lxml")
        assert target.find(id=anchor) is not None, link


def test_timeline_page_links_its_downloads_and_they_exist(fixture_site: Path) -> None:
    soup = BeautifulSoup((fixture_site / "timeline" / "index.html").read_text("utf-8"), "lxml")
    hrefs = {a["href"] for a in soup.select("a[href]")}
    for name in ("timeline.json", "timeline.csv", "timeline.ics", "timeline.schema.json"):
        assert f"../{name}" in hrefs
        assert (fixture_site / name).is_file()


def test_downloads_agree_with_the_page(fixture_site: Path) -> None:
    data = json.loads((fixture_site / "timeline.json").read_text("utf-8"))
    assert [e["id"] for e in data["events"]] == EXPECTED_ORDER
    assert data["events"][1]["url"] == "https://example.org/fixture/alpha/#summit"
    assert data["events"][1]["timeline_url"] == (
        "https://example.org/fixture/timeline/#2023-09-13-summit"
    )
    text = (fixture_site / "timeline.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["id"] for row in rows] == EXPECTED_ORDER
    assert rows[1]["url"] == data["events"][1]["url"]
    assert rows[1]["timeline_url"] == data["events"][1]["timeline_url"]
    calendar = icalendar.Calendar.from_ical((fixture_site / "timeline.ics").read_bytes())
    uids = [str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT")]
    assert uids == EXPECTED_ORDER


def test_generated_page_has_no_edit_button_where_written_pages_have_one(tmp_path: Path) -> None:
    config = make_site(tmp_path)
    # With a repository and this feature, Material shows an edit button on every page that
    # has a source file.
    text = config.read_text("utf-8").replace(
        "features: [navigation.instant]", "features: [navigation.instant, content.action.edit]"
    )
    text += "repo_url: https://example.org/repo\nedit_uri: edit/main/docs/\n"
    config.write_text(text, "utf-8")
    code, output = build_output(tmp_path)
    assert code == 0, output
    edit = "https://example.org/repo/edit/main/docs/"
    alpha = (tmp_path / "site" / "alpha" / "index.html").read_text("utf-8")
    assert f"{edit}alpha.md" in alpha, "the written page lost its edit button"
    timeline_page = (tmp_path / "site" / "timeline" / "index.html").read_text("utf-8")
    assert f"{edit}timeline.md" not in timeline_page


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("malformed-yaml", "front matter is not valid YAML: line 6, column 19"),
        (
            "unknown-theme",
            "events[2] (id '2023-09-13-kim-putin-summit'): field 'themes': unknown theme 'rusia'",
        ),
        ("section-not-on-page", "events[0]: field 'section': no heading with id 'sumit'"),
        (
            "duplicate-id",
            "events[0] (id '2023-09-13-summit'): field 'id': duplicate id, "
            "already used by docs/alpha.md events[0]",
        ),
        ("no-front-matter", "no front matter"),
    ],
)
def test_bad_page_fails_the_build_naming_file_event_and_field(
    tmp_path: Path, case: str, message: str
) -> None:
    make_site(tmp_path)
    shutil.copy2(BAD / f"{case}.md", tmp_path / "docs" / f"{case}.md")
    code, output = build_output(tmp_path)
    assert code != 0
    assert f"docs/{case}.md: {message}" in output, output
    assert "Traceback" not in output


def test_a_timeline_md_in_docs_is_refused(tmp_path: Path) -> None:
    make_site(tmp_path)
    shutil.copy2(tmp_path / "docs" / "index.md", tmp_path / "docs" / "timeline.md")
    code, output = build_output(tmp_path)
    assert code != 0
    assert "docs/timeline.md: the timeline generates this file at every build" in output


def test_mkdocs_anchor_validation_backs_up_the_section_check(tmp_path: Path) -> None:
    """A heading hidden in an HTML comment fools our line check, not MkDocs' strict build."""
    make_site(tmp_path)
    alpha = tmp_path / "docs" / "alpha.md"
    text = alpha.read_text("utf-8").replace(
        "## The delegation {#delegation}", "<!--\n## The delegation {#delegation}\n-->"
    )
    alpha.write_text(text, "utf-8")
    code, output = build_output(tmp_path)
    assert code != 0
    assert "contains a link 'alpha.md#delegation'" in output, output


def squash(text: str) -> str:
    return " ".join(text.split())


def test_hostile_strings_in_front_matter_come_out_inert_in_the_built_page(tmp_path: Path) -> None:
    make_site(tmp_path)
    alpha = tmp_path / "docs" / "alpha.md"
    quoted = json.dumps(HOSTILE)  # a JSON string is a valid YAML double-quoted scalar
    text = alpha.read_text("utf-8").replace(
        "title: Leaders meet at the cosmodrome", f"title: {quoted}\n    note: {quoted}"
    )
    alpha.write_text(text, "utf-8")
    code, output = build_output(tmp_path)
    assert code == 0, output
    soup = BeautifulSoup((tmp_path / "site" / "timeline" / "index.html").read_text("utf-8"), "lxml")
    assert not [s for s in soup.find_all("script") if "alert(1)" in s.get_text()]
    entry = soup.find(id="2023-09-13-summit")
    # The published HTML is minified: runs of white space (the line breaks) become one space,
    # which is how a browser shows them anyway; every other character stays as written.
    assert squash(entry.select_one(".tl-event__title").get_text()) == squash(HOSTILE)
    assert squash(entry.select_one(".tl-event__note").get_text()) == squash(f"Note: {HOSTILE}")
