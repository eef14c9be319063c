"""Rendered citations kept between builds, in one JSON file under .cache/ (never committed).

citeproc-py takes a few milliseconds per entry and style, and the site cites every page,
section and timeline event in three styles, so rendering was most of a build. An entry only
changes when its CSL item, its style or the code that renders it changes: the file is keyed
by a `namespace` made from those (see scripts/citations.py), and a file written under any
other namespace is ignored whole. Writes go to a temporary file first and replace the old one,
so a build that stops half-way or runs beside another never leaves a torn file.

Entries are stored with the site's address replaced by a stand-in (`site_address`), so a build
for another address (a deploy, an edition, `mkdocs serve` on another port) reads the entries an
earlier build rendered, with its own address put in. Only an address of characters that no
citation format escapes is replaced, and an entry that still shows the address in another form
(its host, say, without the scheme) is stored as it is, under its own key. An edition's
version (`version`, as in "Version 2026.1" and `.../2026.1/russia/`) is stood in for the same
way, so the next edition reads what the last one rendered: its citations differ in the
version alone, unless the edition changed the page.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

# Entries kept at most; the least recently used go first. Each is well under 1 KB, and a
# build of this site uses about 350.
LIMIT = 5_000
# What stands for the site's address in stored entries; `.invalid` is never a real host.
ADDRESS_STAND_IN = "https://site.invalid/"
# Addresses no format escapes or breaks (BibTeX would escape `_`, `%`, `#`, `~` or `&`).
_PLAIN_ADDRESS = re.compile(r"https?://[A-Za-z0-9.:/-]+/")
# What stands for an edition's version: of the same form (YEAR.N), and no real one.
VERSION_STAND_IN = "0000.0"
_PLAIN_VERSION = re.compile(r"\d{4}\.\d+")


class RenderCache:
    """Rendered strings by key: in memory, and in `path` between runs when one is given."""

    def __init__(
        self,
        namespace: str,
        path: Path | None = None,
        limit: int = LIMIT,
        *,
        site_address: str | None = None,
        version: str | None = None,
    ) -> None:
        self.namespace = namespace
        self.path = path
        self.limit = limit
        plain = site_address is not None and _PLAIN_ADDRESS.fullmatch(site_address)
        self._address = site_address if plain else None
        self._host = urlsplit(site_address).netloc if plain and site_address else None
        self._version = version if version and _PLAIN_VERSION.fullmatch(version) else None
        # The version as a whole number (not the start of 2026.12): a version shown in
        # any other form keeps the entry its own, as for the address.
        self._version_pattern = (
            re.compile(rf"(?<![\d.]){re.escape(self._version)}(?!\d|\.\d)")
            if self._version
            else None
        )
        self._stored: dict[str, str] = self._read() if path else {}
        self._used: dict[str, str] = {}  # since the last save, in order of use
        self._rendered = False  # whether an entry the file lacks was put since the last save

    def _read(self) -> dict[str, str]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no file yet, or an unreadable one: start afresh
            return {}
        if not isinstance(data, dict) or data.get("namespace") != self.namespace:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _without_address(self, text: str) -> str | None:
        """`text` with the site's address (and an edition's version) stood in for; None if
        either shows in it in another form too, if a stand-in was in it already, or if there
        is no address to stand in for."""
        if self._address is None or self._host is None or ADDRESS_STAND_IN in text:
            return None
        replaced = text.replace(self._address, ADDRESS_STAND_IN)
        if self._host in replaced:
            return None
        if self._version is None or self._version_pattern is None:
            return replaced
        if VERSION_STAND_IN in replaced:
            return None
        replaced = self._version_pattern.sub(VERSION_STAND_IN, replaced)
        return None if self._version in replaced else replaced

    def _with_address(self, text: str) -> str:
        """A stored entry with this build's address and version put back in."""
        assert self._address is not None
        if self._version is not None:
            text = text.replace(VERSION_STAND_IN, self._version)
        return text.replace(ADDRESS_STAND_IN, self._address)

    def get(self, key: str) -> str | None:
        neutral = self._without_address(key)
        if neutral is not None and (value := self._lookup(neutral)) is not None:
            return self._with_address(value)
        # An entry kept under its own key: one that shows the address in another form.
        return self._lookup(key)

    def _lookup(self, key: str) -> str | None:
        value = self._used.get(key)
        if value is None:
            value = self._stored.get(key)
            if value is not None:
                self._remember(key, value)
        return value

    def put(self, key: str, value: str) -> None:
        neutral_key, neutral_value = self._without_address(key), self._without_address(value)
        if neutral_key is not None and neutral_value is not None:
            key, value = neutral_key, neutral_value
        self._rendered = self._rendered or self._stored.get(key) != value
        self._remember(key, value)

    def _remember(self, key: str, value: str) -> None:
        """Note a use; past `limit` the oldest goes, as `save` would drop it anyway, so a
        cache that is never saved (no file) stays bounded too."""
        self._used[key] = value
        if len(self._used) > self.limit:
            del self._used[next(iter(self._used))]

    def save(self) -> None:
        """Write the entries, most recently used last, dropping the oldest past `limit`.

        A run that only read entries leaves the file as it was: a `mkdocs serve` rebuild
        after an edit that changed no citation writes nothing.
        """
        rendered, self._rendered = self._rendered, False
        # What builds running beside this one (the test workers, `make serve` beside a build)
        # saved since it read the file stays in it: each would otherwise drop the others'.
        saved_since = self._read() if self.path is not None and rendered else {}
        merged = {
            key: value
            for key, value in {**self._stored, **saved_since}.items()
            if key not in self._used
        }
        merged.update(self._used)
        self._stored = dict(list(merged.items())[-self.limit :])
        self._used = {}
        if self.path is None or not rendered:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"namespace": self.namespace, "entries": self._stored}
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False, separators=(",", ":"))
            os.chmod(temporary, 0o644)  # mkstemp makes it private; it holds nothing secret
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
