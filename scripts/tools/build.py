"""Run `mkdocs build` the one way this project does: strict, and never quiet.

`-q` hides warnings from the strict-mode counter, so `mkdocs build --strict -q` passes a page
with a broken link; every tool and test builds through here instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_build(
    config_file: Path,
    site_dir: Path,
    *,
    site_url: str | None = None,
    strict: bool = True,
    environ: Mapping[str, str] | None = None,
    program: str = "mkdocs",
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `config_file` into `site_dir`; the caller inspects the result.

    `site_url` overrides SITE_URL, so canonical links and the sitemap name the server that
    is about to serve the build. `environ` adds variables (CITATIONS_CACHE, for the
    benchmark). `program` is the module that builds: "properdocs" for the maintained fork.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.update(environ or {})
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", program, "build", "-f", str(config_file)]
    command += ["-d", str(site_dir), *(["--strict"] if strict else [])]
    return subprocess.run(
        command, cwd=config_file.parent, env=env, capture_output=True, text=True, check=False
    )


def build_site(
    site_dir: Path,
    *,
    config_file: Path = ROOT / "mkdocs.yml",
    site_url: str | None = None,
    strict: bool = True,
) -> None:
    """Build for the benchmark scripts (audit, screenshots, weight); exits with MkDocs' own
    message if the build fails."""
    result = run_build(config_file, site_dir, site_url=site_url, strict=strict)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
