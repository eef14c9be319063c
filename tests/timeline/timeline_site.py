"""A tiny fixture site with the timeline hook, copied to a temporary folder per test."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT

FIXTURE_DOCS = ROOT / "tests" / "data" / "timeline" / "site" / "docs"
BAD = ROOT / "tests" / "data" / "timeline" / "bad"

CONFIG = """\
site_name: Timeline fixture
site_url: {site_url}
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
theme:
  name: material
  font: false
  features: [navigation.instant]
extra_css: [stylesheets/site.css]
# Deferred like Material's bundle (scripts/publish/html_fixes.py), so it runs after the
# bundle and can follow instant navigation through document$.
extra_javascript:
  - path: javascripts/timeline.js
    defer: true
hooks:
  - {hook}
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Alpha: alpha.md
  - Beta: beta.md
  - Timeline: timeline.md
"""


def make_site(folder: Path, site_url: str = "https://example.org/fixture/") -> Path:
    """Copy the fixture site (with the real stylesheet and script) into `folder`; return its
    mkdocs.yml."""
    docs = folder / "docs"
    shutil.copytree(FIXTURE_DOCS, docs)
    for asset in ("stylesheets/site.css", "javascripts/timeline.js"):
        (docs / asset).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "docs" / asset, docs / asset)
    config = folder / "mkdocs.yml"
    config.write_text(
        CONFIG.format(hook=ROOT / "scripts" / "hooks.py", site_url=site_url),
        encoding="utf-8",
    )
    return config
