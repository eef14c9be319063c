"""The benchmark's inputs: synthetic timeline pages and the bare Material configuration.

Speed itself is measured by `make bench`, never by timed tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import timeline
from scripts.project import nav_files, read_config
from scripts.tools.bench import bare_config, synthetic_pages
from tests.conftest import ROOT


@pytest.mark.parametrize(("events", "pages"), [(1_000, 100), (7, 3)])
def test_synthetic_pages_hold_the_requested_number_of_valid_events(events: int, pages: int) -> None:
    sources = synthetic_pages(events, pages=pages)
    assert len(sources) == pages
    assert len(timeline.sort_events(timeline.collect(sources))) == events


def test_bare_material_config_keeps_pages_and_theme_but_none_of_our_build_steps() -> None:
    ours = read_config(ROOT / "mkdocs.yml")
    bare = bare_config(ours, ROOT)
    assert nav_files(bare["nav"]) == [
        page for page in nav_files(ours["nav"]) if page != "timeline.md"
    ]
    assert bare["plugins"] == ["search"]
    assert "hooks" not in bare and "extra_css" not in bare and "custom_dir" not in bare["theme"]
    assert bare["theme"]["palette"] == ours["theme"]["palette"]
    assert bare["theme"]["features"] == ours["theme"]["features"]
    assert Path(bare["docs_dir"]) == ROOT / "docs"
    [snippets] = [entry for entry in bare["markdown_extensions"] if "pymdownx.snippets" in entry]
    assert snippets["pymdownx.snippets"]["base_path"] == [str(ROOT / "includes")]
    assert bare["strict"] is False
