"""Two published editions, served as GitHub Pages serves gh-pages: frozen folders, the
version list, the outdated banner, old section links, the PDF; and publishing refusals."""

from __future__ import annotations

import io
import json
import re
import urllib.request
from urllib.error import HTTPError

import pytest
from pypdf import PdfReader

from scripts import anchors
from scripts.tools.browser import chromium
from tests.editions.editions_site import (
    CORRECTED_PAGE,
    FIRST,
    ROOT,
    SECOND,
    Editions,
    export_branch,
    git,
    run_edition,
)

PDF = f"{FIRST}/nk-2023-pivot-{FIRST}.pdf"


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, b""


def published_anchors() -> list[str]:
    lock = anchors.read_lock(ROOT / "anchors.lock")
    return sorted(lock.anchors - set(lock.moves))


def test_first_edition_files_are_byte_identical_after_the_second_is_published(
    editions_repo: Editions, tmp_path
) -> None:
    assert git(editions_repo.repo, "rev-parse", f"gh-pages:{FIRST}").strip() == (
        editions_repo.first_tree
    )
    after = export_branch(editions_repo.repo, "gh-pages", tmp_path, FIRST)
    assert after == editions_repo.first_files
    assert any(name.endswith(".pdf") for name in after)


def test_versions_json_lists_both_editions_and_latest_names_the_new_one(
    editions_repo: Editions,
) -> None:
    status, body = fetch(editions_repo.base + "versions.json")
    assert status == 200
    versions = {item["version"]: item for item in json.loads(body)}
    assert set(versions) == {FIRST, SECOND}
    assert versions[SECOND]["aliases"] == ["latest"]
    assert versions[FIRST]["aliases"] == []
    # latest/ is a copy of the new edition, and the site's root sends readers there.
    assert (
        fetch(editions_repo.base + "latest/russia/")[1]
        == fetch(editions_repo.base + f"{SECOND}/russia/")[1]
    )
    assert b"latest/" in fetch(editions_repo.base)[1]


def test_every_published_section_of_the_old_edition_still_resolves(
    editions_repo: Editions,
) -> None:
    missing = []
    pages: dict[str, str] = {}
    for address in published_anchors():
        page, _, anchor = address.partition("#")
        if page not in pages:
            status, body = fetch(editions_repo.base + FIRST + page)
            pages[page] = body.decode() if status == 200 else ""
        if not re.search(rf'id="?{re.escape(anchor)}[" >]', pages[page]):
            missing.append(address)
    assert not missing


@pytest.mark.browser
def test_old_edition_shows_the_banner_linking_to_the_same_section_in_the_latest(
    editions_repo: Editions,
) -> None:
    section = "#kim-putin-summit"
    with chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(editions_repo.base + f"{FIRST}/russia/{section}")
        banner = page.locator("[data-md-component=outdated]")
        banner.wait_for(state="visible")
        assert f"edition {FIRST}" in banner.inner_text()
        link = banner.locator("a.edition-latest")
        assert link.get_attribute("href").endswith("/latest/russia/" + section)
        assert page.evaluate("document.querySelector('a.edition-latest').href") == (
            editions_repo.base + "latest/russia/" + section
        )
        link.click()
        page.wait_for_url(editions_repo.base + "latest/russia/" + section)
        page.wait_for_load_state("load")
        assert page.locator(section).count() == 1
        assert page.locator("[data-md-component=outdated]").is_hidden()
        # The version selector lists both editions.
        page.goto(editions_repo.base + f"{SECOND}/")
        page.locator(".md-version__list").wait_for(state="attached")
        listed = page.locator(".md-version__link").all_inner_texts()
        assert any(FIRST in text for text in listed) and any(SECOND in text for text in listed)
        page.close()
    assert not errors


def test_every_page_of_an_edition_links_to_its_pdf_which_is_served(
    editions_repo: Editions,
) -> None:
    status, body = fetch(editions_repo.base + FIRST + "/russia/")
    assert status == 200
    assert f"href=../nk-2023-pivot-{FIRST}.pdf".encode() in body or (
        f'href="../nk-2023-pivot-{FIRST}.pdf"'.encode() in body
    )
    assert fetch(editions_repo.base + PDF)[0] == 200


def test_a_changed_page_says_so_with_the_diff_and_an_unchanged_one_does_not(
    editions_repo: Editions,
) -> None:
    changed = fetch(editions_repo.base + f"{SECOND}/russia/")[1].decode()
    assert "Corrected in this edition." in changed
    assert "/compare/" in changed
    assert "in this edition." not in fetch(editions_repo.base + f"{SECOND}/china/")[1].decode()
    assert "in this edition." not in fetch(editions_repo.base + f"{FIRST}/russia/")[1].decode()
    changes = fetch(editions_repo.base + f"{SECOND}/changes/")[1].decode()
    assert f"Edition {SECOND}, 2 March 2026" in changes and "Correction." in changes
    assert f"Edition {FIRST}" in changes


def test_pdf_has_cover_contents_bookmarks_destinations_links_and_metadata(
    editions_repo: Editions,
) -> None:
    reader = PdfReader(io.BytesIO(fetch(editions_repo.base + PDF)[1]))
    cover = reader.pages[0].extract_text()
    assert f"Edition {FIRST}" in cover and "15 January 2026" in cover
    assert "How to cite" in cover and f"(Version {FIRST})" in cover
    assert "Contents" in reader.pages[1].extract_text()

    def titles(outline: list) -> list[str]:
        found = []
        for item in outline:
            found += titles(item) if isinstance(item, list) else [item.title]
        return found

    bookmarks = titles(reader.outline)
    html = fetch(editions_repo.base + f"{FIRST}/russia/")[1].decode()
    headings = re.findall(r"<h2 id=\"?[^\" >]+\"?>([^<]+)", html)
    assert headings and all(heading.strip() in bookmarks for heading in headings)

    destinations = set(reader.named_destinations)
    ids = {address.partition("#")[2] for address in published_anchors()}
    assert ids <= destinations

    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/URI" in (annotation.get_object().get("/A") or {})
    }
    ours = {uri for uri in uris if uri.startswith(editions_repo.base)}
    assert editions_repo.base + f"{FIRST}/russia/#kim-putin-summit" in ours
    assert all(uri.startswith(editions_repo.base + f"{FIRST}/") for uri in ours)

    meta = reader.metadata
    assert FIRST in meta.title and meta.author and meta.subject


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (SECOND, f"edition {SECOND} is already published on gh-pages"),
        ("2026-3", "'2026-3' is not an edition version: use YEAR.N"),
        ("2026.3", "includes/editions.yml: no entry for edition 2026.3"),
    ],
    ids=["existing", "malformed", "no-changelog-entry"],
)
def test_publishing_a_bad_version_fails_in_one_line_and_writes_nothing(
    editions_repo: Editions, version: str, message: str
) -> None:
    before = git(editions_repo.repo, "rev-parse", "gh-pages").strip()
    tags = git(editions_repo.repo, "tag")
    result = run_edition(editions_repo.repo, "publish", version)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert git(editions_repo.repo, "rev-parse", "gh-pages").strip() == before
    assert git(editions_repo.repo, "tag") == tags


def test_corrected_page_is_listed_in_the_changelog_of_the_new_edition(
    editions_repo: Editions,
) -> None:
    changes = fetch(editions_repo.base + f"{SECOND}/changes/")[1].decode()
    assert "Russia ties" in changes and CORRECTED_PAGE not in changes.split("Russia ties")[0][-5:]
