"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site: our way out if MkDocs
itself breaks. It reads mkdocs.yml when named with -f, and aliases the `mkdocs` import name to
itself, so the hooks and plugins load unchanged."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from scripts.tools.build import run_build
from tests.conftest import ROOT
from tests.conftest import differing_files as compare_sites

# 14 November 2023, 22:13:20 UTC: any fixed moment makes both builds date pages alike.
EPOCH = 1_700_000_000
# `<meta content="mkdocs-1.6.1, ..." name=generator>`: minified, so in any attribute order and
# with or without quotes.
GENERATOR = re.compile(rb"""<meta\b[^>]*?\sname=["']?generator\b[^>]*>""", re.IGNORECASE)


def without_generator(html: bytes) -> bytes:
    return GENERATOR.sub(b"", html)


def differing_files(first: Path, second: Path) -> list[str]:
    """Files in only one site, or differing in content (HTML apart from its generator tag)."""
    return compare_sites(
        first,
        second,
        normalise=lambda name, data: without_generator(data) if name.endswith(".html") else data,
    )


def test_properdocs_builds_the_same_site_as_mkdocs_apart_from_the_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    # Both builds read the session's render cache (tests/conftest.py); a build writes it only
    # when it rendered something new, and then by an atomic replace, so they never clash.
    programs = ("mkdocs", "properdocs")
    with ThreadPoolExecutor(len(programs)) as pool:
        builds = {
            program: pool.submit(
                run_build, ROOT / "mkdocs.yml", tmp_path / program, program=program
            )
            for program in programs
        }
    for program, build in builds.items():
        result = build.result()
        assert result.returncode == 0, f"{program} build failed:\n{result.stdout}{result.stderr}"
    mkdocs_site, properdocs_site = tmp_path / "mkdocs", tmp_path / "properdocs"
    [generator] = GENERATOR.findall((properdocs_site / "index.html").read_bytes())
    assert b"ProperDocs" in generator, "the second build was not made by ProperDocs"
    assert any(mkdocs_site.rglob("*.html"))
    differing = differing_files(mkdocs_site, properdocs_site)
    assert not differing, "ProperDocs and MkDocs built different files:\n" + "\n".join(differing)


def test_differing_files_ignores_the_generator_but_names_changed_and_missing_files(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for site, generator in ((first, b'"mkdocs-1.6.1"'), (second, b"mkdocs-ProperDocs")):
        (site / "russia").mkdir(parents=True)
        head = b"<head><meta content=" + generator + b" name=generator><title>T</title></head>"
        (site / "index.html").write_bytes(head + b"<p>Same text.</p>")
        (site / "search.json").write_bytes(b'{"docs": []}')
    (first / "russia" / "index.html").write_bytes(b"<p>Kim met Putin.</p>")
    (second / "russia" / "index.html").write_bytes(b"<p>Kim met Xi.</p>")
    (first / "only-first.xml").write_bytes(b"<x/>")
    (second / "search.json").write_bytes(b'{"docs": [1]}')
    assert differing_files(first, second) == ["only-first.xml", "russia/index.html", "search.json"]
