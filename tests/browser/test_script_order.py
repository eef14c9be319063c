"""Every script waits for the parsed page, and ours run after Material's bundle."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from scripts.project import sitemap_urls


def test_scripts_are_deferred_and_ours_follow_the_theme_bundle(built_site: Path) -> None:
    for path in sitemap_urls(built_site):
        soup = BeautifulSoup((built_site / path / "index.html").read_text("utf-8"), "lxml")
        scripts = [script for script in soup.find_all("script") if script.get("src")]
        assert all(script.has_attr("defer") for script in scripts), path
        names = [script["src"].rsplit("/", 1)[-1] for script in scripts]
        bundle = next(i for i, name in enumerate(names) if name.startswith("bundle."))
        assert names.index("cite.js") > bundle, (path, names)
        if path == "timeline/":
            assert names.index("timeline.js") > bundle, names
