"""The "Changes and corrections" page, written at every build from the editions' changelog
(scripts/editions.py): every edition with its date and what changed, corrections marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scripts import languages
from scripts.editions import (
    CHANGELOG_PATH,
    CHANGES_PAGE,
    KIND_LABELS,
    Edition,
    Entry,
    check_item_pages,
    format_date,
    parse_version,
)
from scripts.languages import UiText
from scripts.strict_yaml import FrontMatterError, front_matter_value


def changes_page(
    entries: Sequence[Entry],
    pages: Mapping[str, object],
    *,
    already_in_docs: bool,
    edition: Edition | None = None,
    repo_url: str | None = None,
    text: UiText = languages.ENGLISH,
) -> str:
    """The page, once its entries name only `pages` (each with a `title`) and docs/ holds no
    page of that name (`already_in_docs`), which the build would otherwise overwrite."""
    check_item_pages(entries, pages)
    if already_in_docs:
        raise FrontMatterError(
            f"docs/{CHANGES_PAGE}: generated from {CHANGELOG_PATH} at every build; remove it"
        )
    titles = {path: str(getattr(page, "title", path)) for path, page in pages.items()}
    return changes_markdown(entries, titles=titles, edition=edition, repo_url=repo_url, text=text)


def changes_markdown(
    entries: Sequence[Entry],
    *,
    titles: Mapping[str, str],
    edition: Edition | None = None,
    repo_url: str | None = None,
    text: UiText = languages.ENGLISH,
) -> str:
    """The "Changes and corrections" page. An edition lists itself and the editions before it,
    each linked to its own address; a plain build lists every entry of the changelog. The
    page's own words and dates are in `text`'s language (the build's UI texts); the entries'
    texts are the changelog's, which is the language's own (`read_changelog`)."""
    language = text.language
    shown = [e for e in entries if edition is None or e.version <= parse_version(edition.version)]
    commits = {str(p.version): p.commit for p in edition.published} if edition else {}
    if edition is not None:
        commits[edition.version] = edition.commit
    title = text("Changes and corrections")
    description = text(
        "Every edition of this site with its date and what changed in it; "
        "corrections of fact are marked as corrections."
    )
    lines = [
        "---",
        f"title: {front_matter_value(title)}",
        f"description: {front_matter_value(description)}",
        "---",
        "",
        # The English heading's id in every language: links to the page's top stay the same.
        f"# {title} {{#changes-and-corrections}}",
        "",
        text(
            "Each edition of this site is published at its own address and never changes after, "
            "so a citation of an edition always finds the text it cited."
        ),
        text("This page lists every edition, newest first, with what changed in it."),
        text("Corrections of fact are marked **{correction}**.", correction=text("Correction")),
        "",
    ]
    if edition is not None:
        date = format_date(edition.date, language)
        lines += [
            text("This is edition {version} of {date}.", version=edition.version, date=date),
            "",
        ]
    for index, entry in enumerate(shown):
        heading = text(
            "Edition {version}, {date}",
            version=entry.version,
            date=format_date(entry.date, language),
        )
        lines += [f"## {heading} {{#{entry.version.anchor}}}", ""]
        if edition is not None:
            root = edition.base_url.removesuffix(f"{edition.version}/")
            address = f"{root}{entry.version}/"
            links = [f"[{text('Read edition {version}', version=entry.version)}]({address})"]
            older = shown[index + 1] if index + 1 < len(shown) else None
            new_commit = commits.get(str(entry.version))
            old_commit = commits.get(str(older.version)) if older else None
            if repo_url and new_commit and old_commit:
                compare = f"{repo_url.rstrip('/')}/compare/{old_commit}...{new_commit}"
                since = text("view all changes since {version}", version=older.version)
                links.append(f"[{since}]({compare})")
            lines += [" · ".join(links), ""]
        for item in entry.items:
            where = ", ".join(f"[{titles.get(page, page)}]({page})" for page in item.pages)
            suffix = f" ({where})" if where else ""
            lines.append(f"- **{text(KIND_LABELS[item.kind])}.** {item.text}{suffix}")
        lines.append("")
    if not shown:
        lines += [text("No edition has been published yet."), ""]
    return "\n".join(lines)
