"""The published-anchors lock: every `page#id` a reader may have cited keeps working.

`anchors.lock` at the repository root lists each published anchor as a site-relative address
(`/russia/#kim-putin-summit`, `/#key-takeaways`), one a line. An anchor that moves keeps a line
of the form `old -> new`; the site then sends visitors of the old address to the new one.
The command that checks and extends the lock is `python -m scripts.tools.anchors_lock`.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILE = ROOT / "anchors.lock"

LOCK_HEADER = """\
# Published anchors: every page#id of the site that a reader may have cited.
# Never delete a line. When an id is renamed or moved, replace its line with
#   /old-page/#old-id -> /new-page/#new-id
# and the site sends visitors of the old address to the new one.
# Check: python -m scripts.tools.anchors_lock check (part of `make lint`).
# Add newly published anchors: make anchors (python -m scripts.tools.anchors_lock add).
"""

ANCHOR_SYNTAX = re.compile(r"^/(?:[A-Za-z0-9._~-]+/)*#[^\s#]+$")


class LockError(ValueError):
    """A line of the lock file that cannot be read; the message names the line."""


@dataclass
class Lock:
    """The parsed lock: pinned anchors and the moves of those that changed address."""

    anchors: set[str] = field(default_factory=set)
    moves: dict[str, str] = field(default_factory=dict)


def parse_lock(text: str, source: str = "anchors.lock") -> Lock:
    """Read the lock; a malformed line fails naming the file, the line and what is wrong."""
    lock = Lock()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "->" in line:
            old, _, new = (part.strip() for part in line.partition("->"))
            for address in (old, new):
                _require_syntax(address, source, number)
            if old in lock.moves:
                raise LockError(f"{source}:{number}: {old} is mapped twice")
            lock.moves[old] = new
        else:
            _require_syntax(line, source, number)
            lock.anchors.add(line)
    return lock


def _require_syntax(address: str, source: str, number: int) -> None:
    if not ANCHOR_SYNTAX.match(address):
        raise LockError(
            f"{source}:{number}: {address!r} is not a site address with an anchor "
            "(expected /page/#id or /#id)"
        )


def resolve(address: str, moves: dict[str, str]) -> str:
    """Follow `old -> new` moves to the current address; a cycle stops where it repeats."""
    seen = {address}
    while address in moves:
        address = moves[address]
        if address in seen:
            break
        seen.add(address)
    return address


def check(lock: Lock, published: set[str]) -> list[str]:
    """One message per listed anchor that readers can no longer reach, naming it."""
    problems = []
    for anchor in sorted(lock.anchors - published):
        if anchor in lock.moves:
            continue
        problems.append(
            f"anchors.lock: {anchor} is no longer published. Restore the id, or map it to its "
            f"new place with a line '{anchor} -> /page/#new-id'."
        )
    for old, new in sorted(lock.moves.items()):
        target = resolve(old, lock.moves)
        if target not in published:
            problems.append(f"anchors.lock: {old} -> {new}: the target {target} is not published.")
    return problems


def add(lock: Lock, published: set[str]) -> tuple[Lock, list[str]]:
    """The lock with every newly published anchor pinned, and the list of those added."""
    known = lock.anchors | set(lock.moves)
    added = sorted(published - known)
    return Lock(anchors=lock.anchors | set(added), moves=dict(lock.moves)), added


def format_lock(lock: Lock) -> str:
    """The lock file's text: header, pinned anchors sorted, then the moves sorted."""
    lines = [LOCK_HEADER]
    lines.extend(sorted(lock.anchors - set(lock.moves)))
    if lock.moves:
        lines.append("")
        lines.append("# Moved anchors: old -> new")
        lines.extend(f"{old} -> {new}" for old, new in sorted(lock.moves.items()))
    return "\n".join(lines).replace(LOCK_HEADER + "\n", LOCK_HEADER, 1) + "\n"


def relative_target(from_page: str, to_address: str) -> str:
    """The address of `to_address` relative to the page `from_page`, so it works in any folder."""
    page, _, anchor = to_address.partition("#")
    if page == from_page:
        return f"#{anchor}"
    relative = posixpath.relpath(page, from_page)
    relative = "./" if relative == "." else relative.rstrip("/") + "/"
    return f"{relative}#{anchor}"


def redirects_for_page(
    page: str, lock: Lock, page_moves: Mapping[str, str] | None = None
) -> dict[str, str]:
    """`{old id: relative new address}` for the anchor-redirect script on `page`.

    Moves from this page come first; then moves from pages that were themselves moved here
    (`page_moves`, old page -> new page, from mkdocs-redirects, which keeps the #id).
    """
    moved_here = {old for old, new in (page_moves or {}).items() if new == page}
    mapping: dict[str, str] = {}
    from_moved_pages: dict[str, str] = {}
    for old in sorted(lock.moves):
        old_page, _, old_id = old.partition("#")
        target = relative_target(page, resolve(old, lock.moves))
        if old_page == page:
            mapping[old_id] = target
        elif old_page in moved_here:
            from_moved_pages.setdefault(old_id, target)
    for old_id, target in from_moved_pages.items():
        mapping.setdefault(old_id, target)
    return mapping


def read_lock(path: Path = LOCK_FILE) -> Lock:
    """The lock at `path`; an absent lock pins nothing yet."""
    if not path.exists():
        return Lock()
    return parse_lock(path.read_text(encoding="utf-8"), path.name)
