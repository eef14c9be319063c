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
from html.parser import HTMLParser
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
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Elements that never have an end tag, so they never stay on the open-element stack.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class LockError(ValueError):
    """A line of the lock file that cannot be read; the message names the line."""


# A heading with this class stays a published, citable anchor but gets no cite tools under it
# (the timeline's year and month headings: signposts, not passages).
NO_CITE_TOOLS = "no-cite-tools"


@dataclass(frozen=True)
class Citable:
    """One anchor found in a page: a section heading or a timeline event."""

    anchor: str
    label: str
    kind: str  # "section" or "event"
    datetime: str | None = None
    # Where in the parsed HTML the cite tools go: after a heading, at the end of an event.
    tools_at: int = field(default=-1, compare=False)

    @property
    def has_tools(self) -> bool:
        """Whether readers get cite tools for it (not the timeline's year and month headings)."""
        return self.tools_at >= 0


@dataclass
class Lock:
    """The parsed lock: pinned anchors and the moves of those that changed address."""

    anchors: set[str] = field(default_factory=set)
    moves: dict[str, str] = field(default_factory=dict)


@dataclass
class _Open:
    tag: str
    anchor: str | None
    classes: str
    position: int
    text: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    datetime: str | None = None


class _CitableParser(HTMLParser):
    """Finds section headings (h2-h6 with an id) and events (an element with an id that holds
    a `<time datetime>`), optionally only inside Material's content article."""

    def __init__(self, html: str, *, article_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        # HTMLParser reports (line, column) and counts only "\n" as a line break.
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.article_only = article_only
        self.article_depth = 0 if article_only else 1
        self.stack: list[_Open] = []
        self.found: list[tuple[int, Citable]] = []
        self.order = 0
        self.skip_depth = 0  # inside a permalink or a script, whose text is not a label

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if self.article_only and tag == "article" and "md-content__inner" in classes:
            self.article_depth += 1
        self.order += 1
        opened = _Open(tag, attributes.get("id"), classes, self.order)
        if tag == "time":
            for ancestor in reversed(self.stack):
                if ancestor.anchor and ancestor.tag not in HEADINGS:
                    ancestor.datetime = ancestor.datetime or attributes.get("datetime")
                    break
        if self.skip_depth or "headerlink" in classes.split() or tag in ("script", "style"):
            self.skip_depth += 1
        self.stack.append(opened)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS or not self.stack:
            return
        line, column = self.getpos()
        end_tag_at = self.line_starts[line - 1] + column
        end_tag_after = self.rawdata.index(">", end_tag_at) + 1
        # Tolerate unclosed elements: pop up to the matching start tag.
        while self.stack:
            opened = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            self._close(opened, end_tag_at, end_tag_after)
            if opened.tag == tag:
                break
        if self.article_only and tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        # An event's label is the text of its heading or "...title" element, when it has one.
        title_at = next(
            (
                index
                for index, opened in enumerate(self.stack)
                if opened.tag in HEADINGS or "title" in opened.classes
            ),
            0,
        )
        for index, opened in enumerate(self.stack):
            opened.text.append(data)
            if index < title_at:
                opened.title.append(data)

    def _close(self, opened: _Open, end_tag_at: int, end_tag_after: int) -> None:
        if not opened.anchor or not self.article_depth:
            return
        if opened.tag in HEADINGS:
            label = _squash("".join(opened.text))
            wants_tools = NO_CITE_TOOLS not in opened.classes.split()
            section = Citable(
                opened.anchor, label, "section", tools_at=end_tag_after if wants_tools else -1
            )
            self.found.append((opened.position, section))
        elif opened.datetime:
            label = _squash("".join(opened.title)) or _squash("".join(opened.text))
            event = Citable(opened.anchor, label, "event", opened.datetime, end_tag_at)
            self.found.append((opened.position, event))


def _squash(text: str) -> str:
    return " ".join(text.split())


def citables(html: str, *, article_only: bool = False) -> list[Citable]:
    """Section headings and timeline events of one page, in document order."""
    parser = _CitableParser(html, article_only=article_only)
    parser.feed(html)
    parser.close()
    starts = {}
    for position, citable in parser.found:
        starts.setdefault(citable.anchor, (position, citable))
    return [citable for _, citable in sorted(starts.values(), key=lambda pair: pair[0])]


def page_address(site_dir: Path, html_file: Path) -> str:
    """`site/russia/index.html` -> `/russia/`; `site/index.html` -> `/`."""
    relative = html_file.relative_to(site_dir).as_posix()
    folder = posixpath.dirname(relative)
    return "/" + (folder + "/" if folder else "")


def published_anchors(site_dir: Path) -> set[str]:
    """Every `page#id` of the built site: headings and events inside each page's article."""
    anchors = set()
    for html_file in sorted(site_dir.rglob("index.html")):
        page = page_address(site_dir, html_file)
        for citable in citables(html_file.read_text(encoding="utf-8"), article_only=True):
            anchors.add(f"{page}#{citable.anchor}")
    return anchors


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


def source_address(source: str) -> str | None:
    """The site address of a Markdown source with directory URLs: `a.md` -> `/a/`,
    `a/index.md` -> `/a/`, `index.md` -> `/`; None for anything that is not a page."""
    path = source.partition("#")[0]
    if not path.endswith(".md") or "://" in path:
        return None
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    stem = stem.strip("/")
    return "/" + (stem + "/" if stem else "")


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
