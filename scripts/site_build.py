"""Build the site into a folder for the benchmark scripts (audit, screenshots, weight)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(
    site_dir: Path,
    *,
    config_file: Path = ROOT / "mkdocs.yml",
    site_url: str | None = None,
    strict: bool = True,
) -> None:
    """`mkdocs build` into `site_dir`; exits with MkDocs' own message if the build fails.

    `site_url` overrides SITE_URL, so canonical links and the sitemap name the server that
    is about to serve the build.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    command += ["-d", str(site_dir), *(["--strict"] if strict else [])]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
