"""Every built page is valid HTML by the Nu HTML Checker (vnu-jar, run with Debian's Java)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.publish.html_fixes import fix_html

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INVALID = ROOT / "tests" / "data" / "browser" / "invalid.html"


def nu_errors(pages: list[Path]) -> list[str]:
    """The checker's errors for `pages`, one readable line each."""
    java = shutil.which("java")
    assert java, "Java is missing: install Debian's default-jre-headless (.ci/run does)"
    assert VNU.is_file(), "vnu.jar is missing: run `make test` (npm ci) first"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    # The checker writes its JSON report to stderr and exits 1 when it found errors.
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if not is_expect_link_blocking(m)
    ]


def is_expect_link_blocking(message: dict) -> bool:
    """The checker's one known lag behind the standard, which this filter forgives and nothing
    else: it still allows `blocking` on `rel=stylesheet` links only, while the HTML Standard
    (the link element's `blocking` attribute) allows it on `rel=expect` too, which holds the
    first paint until an element is parsed (overrides/main.html). The element it flags must be
    that link: a `blocking` on any other link is still an error."""
    start = message.get("hiliteStart", 0)
    flagged = message.get("extract", "")[start : start + message.get("hiliteLength", 0)]
    return (
        message.get("message", "").startswith("A “link” element with a “blocking” attribute")
        and flagged.startswith("<link ")
        and re.search(r"""\srel=["']?expect["'\s>]""", flagged) is not None
    )


@pytest.fixture(scope="session")
def built_pages(built_site: Path) -> list[Path]:
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "the build produced no HTML"
    return pages


def test_every_built_page_is_valid_html(built_pages):
    errors = nu_errors(built_pages)
    assert not errors, "\n".join(errors)


def test_checker_reports_errors_on_an_invalid_page():
    errors = nu_errors([INVALID])
    assert any("autocomplete" in error for error in errors), errors
    assert len(errors) >= 2, errors


def test_only_a_blocking_expect_link_is_forgiven_by_the_checker(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    head = "<!doctype html><html lang=en><head><meta charset=utf-8><title>T</title>{link}</head>"
    body = "<body><p id=there>Words.</p></body></html>"
    page.write_text(head.format(link="<link blocking=render href=#there rel=expect>") + body)
    assert nu_errors([page]) == []
    page.write_text(
        head.format(link="<link blocking=render href=a.js rel=preload as=script>") + body
    )
    assert any("“blocking” attribute" in error for error in nu_errors([page]))


def test_output_fix_removes_what_the_checker_rejects(tmp_path):
    fixed = tmp_path / "fixed.html"
    fixed.write_text(fix_html(INVALID.read_text(encoding="utf-8")), encoding="utf-8")
    errors = nu_errors([fixed])
    assert not any("autocomplete" in error for error in errors), errors
