"""Reproducible last-changed dates where git has none to give.

The git-revision-date-localized plugin dates each page by its last commit. For a
page without history (a build from a tarball, or a page not yet committed) it
falls back to the wall clock, so two builds of the same files differ. When
SOURCE_DATE_EPOCH is set (the reproducible-builds convention, also honoured by
MkDocs for the sitemap), that moment is the better fallback: it is the date of
the sources, and it is the same on every build.
"""

from __future__ import annotations

from collections.abc import Mapping

# The page.meta keys the plugin fills, each with a `<key>_hash` naming the commit;
# an empty hash means the plugin had no commit and used the wall clock.
DATE_VARIABLES = (
    "git_revision_date_localized",
    "git_site_revision_date_localized",
    "git_creation_date_localized",
)


class SourceDateEpochError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a whole number of seconds."""


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """SOURCE_DATE_EPOCH in seconds, or None when it is unset or empty."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise SourceDateEpochError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value!r}"
        )
    return int(value)


def undated_variables(meta: Mapping[str, object]) -> list[str]:
    """The plugin's date variables on this page that came from the clock, not from a commit."""
    return [name for name in DATE_VARIABLES if name in meta and not meta.get(f"{name}_hash")]
