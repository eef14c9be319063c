"""scripts/hooks.py's publishing events driven with a real MkDocs configuration."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path
from types import ModuleType

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
CHECKBOX = '<input type="checkbox" id="__drawer" autocomplete="off">'


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    # MkDocs loads hooks by path and registers them by name; do the same so the test sees
    # what a build sees.
    spec = importlib.util.spec_from_file_location("hooks_under_test", ROOT / "scripts" / "hooks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def config_for(site_dir: Path, site_url: str | None):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config["site_url"] = site_url
    return config


def test_post_build_writes_robots_txt_for_the_configured_address(hook, tmp_path: Path):
    hook.on_post_build(config=config_for(tmp_path, "https://example.org/edition/"))
    robots = (tmp_path / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/edition/sitemap.xml" in robots


def test_post_build_without_site_url_warns_and_writes_nothing(hook, tmp_path: Path, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.nk2023"):
        hook.on_post_build(config=config_for(tmp_path, None))
    assert not (tmp_path / "robots.txt").exists()
    assert "site_url" in caplog.text


def test_post_template_fixes_html_templates_and_leaves_the_sitemap(hook, tmp_path: Path):
    config = config_for(tmp_path, "https://example.org/")
    assert "autocomplete" not in hook.on_post_template(
        CHECKBOX, template_name="404.html", config=config
    )
    assert hook.on_post_template(CHECKBOX, template_name="sitemap.xml", config=config) == CHECKBOX
