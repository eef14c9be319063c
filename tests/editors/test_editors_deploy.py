"""A deploy build publishes the public address everywhere, and refuses to run without it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_build

PUBLIC = "https://example.org/edition/"
# The local server's address as a build without SITE_URL writes it (Material's own script
# source map mentions the bare 127.0.0.1, in code that is not ours).
LOCAL_HOST = "http://127.0.0.1:8000"


def files_naming(site: Path, text: str) -> list[str]:
    """Every built file whose bytes (unzipped for .gz) contain `text`."""
    found = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if text.encode() in data:
            found.append(path.relative_to(site).as_posix())
    return found


def test_a_deploy_build_names_no_local_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEPLOY", "true")
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site", site_url=PUBLIC)
    assert result.returncode == 0, result.stdout + result.stderr
    assert files_naming(tmp_path / "site", LOCAL_HOST) == []
    # The public address is what the pages, citations and downloads name instead.
    for name in ("index.html", "robots.txt", "sitemap.xml", "cite/russia.json", "timeline.ics"):
        assert name in files_naming(tmp_path / "site", PUBLIC), name


def test_a_local_build_names_the_local_server_and_the_check_sees_it(tmp_path: Path) -> None:
    # The same check on a build without SITE_URL finds the local address: it can fail.
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "index.html" in files_naming(tmp_path / "site", LOCAL_HOST)


def test_a_deploy_build_without_site_url_fails_saying_how_to_set_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEPLOY", "true")
    monkeypatch.delenv("SITE_URL", raising=False)
    result = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "SITE_URL is not set" in output and "SITE_URL=https://" in output
    assert "Traceback" not in output
