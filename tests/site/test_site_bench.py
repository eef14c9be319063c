"""The benchmark's inputs: synthetic timeline pages and the bare Material configuration.

Speed itself is measured by `make bench`, never by timed tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts import timeline
from scripts.project import nav_files, read_config
from scripts.tools import bare_material
from scripts.tools.bench import synthetic_pages
from tests.conftest import ROOT


@pytest.mark.parametrize(("events", "pages"), [(1_000, 100), (7, 3)])
def test_synthetic_pages_hold_the_requested_number_of_valid_events(events: int, pages: int) -> None:
    sources = synthetic_pages(events, pages=pages)
    assert len(sources) == pages
    assert len(timeline.sort_events(timeline.collect(sources))) == events


def test_bare_material_has_the_same_pages_and_theme_but_none_of_our_build_steps(
    tmp_path: Path,
) -> None:
    ours = read_config(ROOT / "mkdocs.yml")
    config_file = bare_material.write_bare_project(ROOT, tmp_path)
    bare = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert nav_files(bare["nav"]) == nav_files(ours["nav"])
    docs = Path(bare["docs_dir"])
    for page in nav_files(bare["nav"]):
        assert (docs / page).is_file(), page  # the generated timeline too
    # Our build builds the Korean edition too, so the bare build has its pages, generated ones
    # included, as ordinary pages.
    for page in nav_files(read_config(ROOT / "mkdocs.ko.yml")["nav"]):
        assert (docs / "ko" / page).is_file(), f"ko/{page}"
    assert "exclude_docs" not in bare
    assert not (docs / "stylesheets").exists() and not (docs / "javascripts").exists()
    assert bare["plugins"] == ["search"]
    assert "hooks" not in bare and "extra_css" not in bare and "custom_dir" not in bare["theme"]
    assert bare["theme"]["palette"] == ours["theme"]["palette"]
    assert bare["theme"]["features"] == ours["theme"]["features"]
    [snippets] = [entry for entry in bare["markdown_extensions"] if "pymdownx.snippets" in entry]
    assert snippets["pymdownx.snippets"]["base_path"] == [str(ROOT / "includes")]
