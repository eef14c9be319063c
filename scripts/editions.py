"""Editions: the changelog the editors write, the editions published on the `gh-pages` branch,
and what one build of an edition needs to know about itself.

An edition is one release of the whole site, frozen at its own address (`<site>/2026.1/`)
and never changed after. `python -m scripts.tools.edition publish 2026.1` (`make edition`)
checks the version and the changelog, then runs `mike deploy`, which builds the site with
MIKE_DOCS_VERSION=2026.1 in the build's environment and commits the result into the
edition's folder on `gh-pages`. A plain build (`make serve`, `make build`) has no
MIKE_DOCS_VERSION and so no edition: `current_edition` returns None.

The changelog, `includes/editions.yml`, newest edition first:

    editions:
      - version: "2026.2"        # required: YEAR.N, quoted or not
        date: 2026-03-15          # required: YYYY-MM-DD, the edition's date
        items:                    # required: at least one
          - kind: correction      # required: correction | change | addition
            text: The satellite launch was on 21 November 2023, not 23 November.
            pages: [military-build-up.md]   # optional: the pages it touches

Every error is one line naming the file, the entry and the field, e.g.
`includes/editions.yml: editions[0] (version '2026.2'): items[1]: field 'kind': unknown kind
'fix' (allowed: correction, change, addition)`. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import subprocess
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts import languages, project
from scripts.frontmatter import check_keys, text_field
from scripts.languages import DEFAULT, data_path
from scripts.strict_yaml import FrontMatterError, parse_yaml, yaml_kind

CHANGELOG_PATH = "includes/editions.yml"
# The generated "Changes and corrections" page (a virtual file; see scripts/hooks.py).
CHANGES_PAGE = "changes.md"
BRANCH = "gh-pages"
LATEST_ALIAS = "latest"
TAG_PREFIX = "edition-"
# mike sets this in the environment of the build it runs (mike/mkdocs_utils.py).
VERSION_VARIABLE = "MIKE_DOCS_VERSION"
KINDS = ("correction", "change", "addition")
# The English labels; a translation's are its UI texts for these (`text(KIND_LABELS[kind])`).
KIND_LABELS = {"correction": "Correction", "change": "Change", "addition": "Addition"}
VERSION_PATTERN = re.compile(r"(?P<year>[0-9]{4})\.(?P<number>[1-9][0-9]*)")
ENTRY_KEYS = ("version", "date", "items")
ITEM_KEYS = ("kind", "text", "pages")


class EditionError(ValueError):
    """A bad version, changelog or publishing state; the message is one line."""


@dataclass(frozen=True, order=True)
class Version:
    """An edition's version, YEAR.N: 2026.1 is the first edition of 2026; 2026.10 follows 2026.9."""

    year: int
    number: int

    def __str__(self) -> str:
        return f"{self.year}.{self.number}"

    @property
    def anchor(self) -> str:
        """The edition's section id on the changes page: `edition-2026-1`."""
        return f"edition-{self.year}-{self.number}"


def parse_version(text: object) -> Version:
    """`2026.1` -> Version(2026, 1); anything else is an EditionError saying the form."""
    match = VERSION_PATTERN.fullmatch(str(text).strip()) if isinstance(text, str | float) else None
    if match is None:
        raise EditionError(
            f"{str(text)!r} is not an edition version: use YEAR.N with N counting from 1, "
            'e.g. 2026.1 (quote it in YAML: "2026.10" would otherwise read as 2026.1)'
        )
    return Version(int(match["year"]), int(match["number"]))


@dataclass(frozen=True)
class Item:
    """One line of an edition's record: a correction of fact, another change, or an addition."""

    kind: str
    text: str
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One edition in the changelog."""

    version: Version
    date: dt.date
    items: tuple[Item, ...]

    @property
    def date_text(self) -> str:
        return format_date(self.date)


@dataclass(frozen=True)
class Published:
    """An edition on the `gh-pages` branch, as mike's versions.json lists it."""

    version: Version
    aliases: tuple[str, ...] = ()
    commit: str | None = None


@dataclass(frozen=True)
class Edition:
    """What the build of one edition knows about itself; None for a plain build.

    `base_url` is the edition's own permanent address (site root + version + "/"), the one
    its citations use; `latest_url` is the `latest` alias's, where canonical links point.
    `pdf_path` is relative to the edition's root (and so to `site_url` of its build).
    """

    version: str
    date: dt.date
    base_url: str
    latest_url: str
    pdf_path: str
    previous_version: str | None = None
    commit: str | None = None
    previous_commit: str | None = None
    diff_url: str | None = None
    changed_pages: tuple[str, ...] = ()
    corrected_pages: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = field(default=(), repr=False)
    published: tuple[Published, ...] = field(default=(), repr=False)

    @property
    def pdf_url(self) -> str:
        return self.base_url + self.pdf_path

    @property
    def root_url(self) -> str:
        """The site's root, which every edition and the `latest` alias are folders of."""
        return self.base_url.removesuffix(f"{self.version}/")

    @property
    def date_text(self) -> str:
        return format_date(self.date)

    @property
    def anchor(self) -> str:
        return parse_version(self.version).anchor

    def page_diff_url(self, path: str, docs_dir: str = "docs") -> str | None:
        """The diff of one page between the previous edition and this one: GitHub's compare
        view, scrolled to the file (its anchor is `diff-` + the SHA-256 of the path)."""
        if self.diff_url is None:
            return None
        digest = hashlib.sha256(f"{docs_dir}/{path}".encode()).hexdigest()
        return f"{self.diff_url}#diff-{digest}"

    def template_data(self, docs_dir: str = "docs", language: str = DEFAULT) -> dict[str, Any]:
        """Plain data for the theme (`config.extra.edition`, read by partials/edition.html);
        `date` is written in the build's `language`."""
        return {
            "version": self.version,
            "date": format_date(self.date, language),
            "pdf": self.pdf_path,
            "latest_url": self.latest_url,
            "changes": project.page_url(CHANGES_PAGE) + "#" + self.anchor,
            "diff_url": self.diff_url,
            "changed_pages": list(self.changed_pages),
            "corrected_pages": list(self.corrected_pages),
            "page_diffs": {path: self.page_diff_url(path, docs_dir) for path in self.changed_pages},
        }


def format_date(date: dt.date, language: str = DEFAULT) -> str:
    """The site's date form: 15 March 2026; "2026년 3월 15일" in Korean."""
    return languages.day_label(date, language)


def pdf_name(name: str, version: str) -> str:
    """The edition's PDF, at the edition's root: `nk-2023-pivot-2026.1.pdf`."""
    return f"{name}-{version}.pdf"


def parse_changelog(source: str, label: str = CHANGELOG_PATH) -> tuple[Entry, ...]:
    """The changelog's entries, newest first, validated (the items' pages are checked against
    the site's pages by `check_item_pages`, once the build knows them)."""
    data = parse_yaml(source, label, what="the changelog")
    if not isinstance(data, dict):
        raise FrontMatterError(f"{label}: must be a mapping with 'editions', got {yaml_kind(data)}")
    check_keys(data, ("editions",), ("editions",), label)
    raw = data.get("editions")
    if not isinstance(raw, list):
        raise FrontMatterError(
            f"{label}: field 'editions': must be a list of editions, got {yaml_kind(raw)}"
        )
    entries = [_entry(item, f"{label}: editions[{index}]") for index, item in enumerate(raw)]
    for index, (newer, older) in enumerate(itertools.pairwise(entries)):
        if not newer.version > older.version:
            raise FrontMatterError(
                f"{label}: editions[{index + 1}] (version '{older.version}'): field 'version': "
                f"must be older than the entry above it ({newer.version}): list editions "
                "newest first, each version once"
            )
        if newer.date < older.date:
            raise FrontMatterError(
                f"{label}: editions[{index}] (version '{newer.version}'): field 'date': "
                f"{newer.date} is before the date of the older edition {older.version}"
            )
    return tuple(entries)


def _entry(item: object, where: str) -> Entry:
    if not isinstance(item, dict):
        raise FrontMatterError(f"{where}: must be a mapping, got {yaml_kind(item)}")
    if "version" in item:
        where = f"{where} (version '{item['version']}')"
    check_keys(item, ENTRY_KEYS, ENTRY_KEYS, where)
    try:
        version = parse_version(item["version"])
    except EditionError as error:
        raise FrontMatterError(f"{where}: field 'version': {error}") from None
    date = _date(item["date"], where)
    raw_items = item["items"]
    if not isinstance(raw_items, list) or not raw_items:
        raise FrontMatterError(
            f"{where}: field 'items': must be a list of at least one change, got "
            f"{'an empty list' if raw_items == [] else yaml_kind(raw_items)}"
        )
    items = tuple(_item(raw, f"{where}: items[{index}]") for index, raw in enumerate(raw_items))
    return Entry(version=version, date=date, items=items)


def _date(value: object, where: str) -> dt.date:
    text = str(value).strip() if isinstance(value, str) else ""
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError as error:
        raise FrontMatterError(
            f"{where}: field 'date': impossible date {text!r} ({error})"
        ) from None
    raise FrontMatterError(f"{where}: field 'date': {value!r} is not a date (use YYYY-MM-DD)")


def _item(raw: object, where: str) -> Item:
    if not isinstance(raw, dict):
        raise FrontMatterError(
            f"{where}: must be a mapping with kind and text, got {yaml_kind(raw)}"
        )
    check_keys(raw, ITEM_KEYS, ("kind", "text"), where)
    kind = raw["kind"]
    if kind not in KINDS:
        raise FrontMatterError(
            f"{where}: field 'kind': unknown kind {kind!r} (allowed: {', '.join(KINDS)})"
        )
    text = text_field(raw["text"], where, "text")
    listed = raw.get("pages", [])
    if not isinstance(listed, list) or not all(isinstance(page, str) for page in listed):
        raise FrontMatterError(
            f"{where}: field 'pages': must be a list of page files, e.g. [russia.md]"
        )
    return Item(kind=kind, text=" ".join(text.split()), pages=tuple(listed))


def read_changelog(project_dir: Path, language: str = DEFAULT) -> tuple[Entry, ...] | None:
    """The changelog's entries, in `language` (includes/ko/editions.yml); None for a project
    without one (a test's fixture site), which then has no changes page and can publish no
    edition."""
    path = data_path(project_dir, CHANGELOG_PATH, language)
    if not path.is_file():
        return None
    return parse_changelog(
        path.read_text(encoding="utf-8"), path.relative_to(project_dir).as_posix()
    )


def entry_for(entries: Sequence[Entry], version: Version) -> Entry:
    for entry in entries:
        if entry.version == version:
            return entry
    raise EditionError(
        f"{CHANGELOG_PATH}: no entry for edition {version}: add one at the top with its date "
        "and at least one item, and commit it"
    )


def check_published_entries(entries: Sequence[Entry], published: Sequence[Published]) -> None:
    """Every edition on gh-pages keeps its entry: the record of changes is never shortened."""
    for edition in published:
        entry_for(entries, edition.version)


def git(project_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=project_dir, capture_output=True, text=True, check=False
    )


def published_editions(project_dir: Path, branch: str = BRANCH) -> tuple[Published, ...]:
    """The editions on `branch`, newest first, from mike's versions.json; none without it."""
    shown = git(project_dir, "show", f"{branch}:versions.json")
    if shown.returncode != 0:
        return ()
    return parse_versions_json(shown.stdout)


def parse_versions_json(text: str) -> tuple[Published, ...]:
    found = []
    for item in json.loads(text):
        try:
            version = parse_version(item["version"])
        except EditionError:
            continue
        properties = item.get("properties") or {}
        commit = properties.get("commit") if isinstance(properties, dict) else None
        found.append(Published(version, tuple(item.get("aliases", ())), commit))
    return tuple(sorted(found, key=lambda published: published.version, reverse=True))


def changed_docs(project_dir: Path, since: str, docs_dir: str = "docs") -> tuple[str, ...]:
    """Markdown pages (paths inside docs/) that differ between commit `since` and HEAD."""
    result = git(project_dir, "diff", "--name-only", f"{since}..HEAD", "--", docs_dir)
    if result.returncode != 0:
        raise EditionError(
            f"cannot compare with the previous edition's commit {since[:12]}: "
            f"{result.stderr.strip() or 'git diff failed'} (fetch the full history)"
        )
    prefix = docs_dir.rstrip("/") + "/"
    return tuple(
        sorted(
            line.removeprefix(prefix)
            for line in result.stdout.splitlines()
            if line.startswith(prefix) and line.endswith(".md")
        )
    )


def check_item_pages(entries: Sequence[Entry], pages: Collection[str]) -> None:
    """Every page an item names is a page of the site."""
    for index, entry in enumerate(entries):
        for number, item in enumerate(entry.items):
            for page in item.pages:
                if page not in pages:
                    raise FrontMatterError(
                        f"{CHANGELOG_PATH}: editions[{index}] (version '{entry.version}'): "
                        f"items[{number}]: field 'pages': no page {page!r} in docs/ "
                        f"(pages: {', '.join(sorted(pages))})"
                    )


def current_edition(
    project_dir: Path,
    environ: Mapping[str, str] | None = None,
    *,
    entries: Sequence[Entry] | None = None,
    repo_url: str | None = None,
    name: str = "edition",
    docs_dir: str = "docs",
) -> Edition | None:
    """The edition this build makes, or None for a plain build (no MIKE_DOCS_VERSION).

    `entries` is the changelog when the caller has read it already (the hooks do, once).

    The addresses start from SITE_URL (the site's root, where versions.json lives), not from
    the build's `site_url`, which mike's plugin points at the `latest` alias.
    """
    environ = os.environ if environ is None else environ
    raw = environ.get(VERSION_VARIABLE, "").strip()
    if not raw:
        return None
    version = parse_version(raw)
    entries = tuple((read_changelog(project_dir) or ()) if entries is None else entries)
    entry = entry_for(entries, version)
    published = tuple(
        edition for edition in published_editions(project_dir) if edition.version != version
    )
    check_published_entries(entries, published)
    root = project.site_base(environ.get("SITE_URL", "").strip() or None)
    head = git(project_dir, "rev-parse", "HEAD")
    commit = head.stdout.strip() if head.returncode == 0 else None
    previous = next((edition for edition in published if edition.version < version), None)
    changed: tuple[str, ...] = ()
    diff_url = None
    if previous is not None and previous.commit:
        changed = changed_docs(project_dir, previous.commit, docs_dir)
        if repo_url and commit:
            diff_url = f"{repo_url.rstrip('/')}/compare/{previous.commit}...{commit}"
    corrected = sorted(
        {page for item in entry.items if item.kind == "correction" for page in item.pages}
    )
    return Edition(
        version=str(version),
        date=entry.date,
        base_url=f"{root}{version}/",
        latest_url=f"{root}{LATEST_ALIAS}/",
        pdf_path=pdf_name(name, str(version)),
        previous_version=str(previous.version) if previous else None,
        commit=commit,
        previous_commit=previous.commit if previous else None,
        diff_url=diff_url,
        changed_pages=changed,
        corrected_pages=tuple(corrected),
        entries=entries,
        published=published,
    )
