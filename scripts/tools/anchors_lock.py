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
import sys
import tempfile
from pathlib import Path

from scripts.anchors import (
    LOCK_FILE,
    LockError,
    add,
    check,
    format_lock,
    published_anchors,
    read_lock,
)
from scripts.tools.build import ROOT, run_build


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
