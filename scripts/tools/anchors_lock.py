"""Check or extend the published-anchors lock against a built site.

    python -m scripts.tools.anchors_lock check [--site DIR]
        fail, naming each listed anchor that vanished
    python -m scripts.tools.anchors_lock add [--site DIR]
        add the newly published anchors to the lock

Without --site the site is built strictly into a temporary folder first. Anchors are read from
the built HTML (section headings and timeline events), so the check sees exactly what readers see.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
import tempfile
from pathlib import Path

import lxml.html

from scripts.anchors import LOCK_FILE, LockError, add, check, format_lock, read_lock
from scripts.tools.build import ROOT, run_build

# Inside Material's content article: section headings with an id, and the timeline's events
# (the nearest element with an id around a <time datetime>, when it is not a heading).
_ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
_HEADINGS = f"{_ARTICLE}//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6][@id]"
_EVENT_TIMES = f"{_ARTICLE}//time[@datetime]"
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def page_address(site_dir: Path, html_file: Path) -> str:
    """`site/russia/index.html` -> `/russia/`; `site/index.html` -> `/`."""
    folder = posixpath.dirname(html_file.relative_to(site_dir).as_posix())
    return "/" + (folder + "/" if folder else "")


def page_anchors(html: str) -> set[str]:
    """The ids of one built page that readers may cite: headings and timeline events."""
    tree = lxml.html.fromstring(html)
    found = {heading.get("id") for heading in tree.xpath(_HEADINGS)}
    for time in tree.xpath(_EVENT_TIMES):
        holder = time.xpath("ancestor::*[@id][1]")
        if holder and holder[0].tag not in _HEADING_TAGS:
            found.add(holder[0].get("id"))
    return found


def published_anchors(site_dir: Path) -> set[str]:
    """Every `page#id` of the built site, as the lock writes them."""
    anchors = set()
    for html_file in sorted(site_dir.rglob("index.html")):
        page = page_address(site_dir, html_file)
        html = html_file.read_text(encoding="utf-8")
        anchors.update(f"{page}#{anchor}" for anchor in page_anchors(html))
    return anchors


def _build_site(site_dir: Path) -> None:
    result = run_build(ROOT / "mkdocs.yml", site_dir)
    if result.returncode != 0:
        sys.exit(f"anchors: the site does not build:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.tools.anchors_lock", description=__doc__
    )
    parser.add_argument("command", choices=["check", "add"])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    parser.add_argument("--lock", type=Path, default=LOCK_FILE, help="the lock file")
    args = parser.parse_args(argv)
    try:
        lock = read_lock(args.lock)
    except LockError as error:
        print(error, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temporary:
        site_dir = args.site
        if site_dir is None:
            site_dir = Path(temporary)
            _build_site(site_dir)
        published = published_anchors(site_dir)
    if args.command == "add":
        updated, added = add(lock, published)
        args.lock.write_text(format_lock(updated), encoding="utf-8")
        print(f"anchors: {len(added)} added, {len(updated.anchors)} pinned in {args.lock.name}")
        return 0
    problems = check(lock, published)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"anchors: {len(lock.anchors)} pinned, {len(lock.moves)} moved, all reachable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
