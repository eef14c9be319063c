"""Our stylesheets and scripts reach readers minified; the sources keep their comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.publish.minify import OWN_ASSET_FOLDERS
from scripts.publish.minify import minify_asset as minify
from tests.conftest import DOCS


def test_minify_drops_comments_and_keeps_the_rules() -> None:
    css = "/* why this rule */\n.a {\n  color: red;\n}\n"
    js = "// why\nvar answer = 1 + 1;\n"
    assert minify(css, ".css") == ".a{color:red}"
    assert minify(js, ".js") == "var answer=1+1;"
    assert minify("<p>kept</p>\n", ".html") == "<p>kept</p>\n"


@pytest.mark.parametrize("folder", OWN_ASSET_FOLDERS)
def test_built_site_serves_minified_copies_of_our_assets(folder: str, built_site: Path) -> None:
    sources = sorted((DOCS / folder).glob("*.*"))
    assert sources, f"no assets in docs/{folder}"
    for source in sources:
        published = built_site / folder / source.name
        assert published.is_file(), f"{folder}/{source.name} is not published"
        expected = minify(source.read_text(encoding="utf-8"), source.suffix)
        assert published.read_text(encoding="utf-8") == expected
        assert len(expected) < len(source.read_text(encoding="utf-8"))
