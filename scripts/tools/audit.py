"""Lighthouse on every page, mobile and desktop, as served by a compressing static host.

A benchmark, not a test: scores depend on the machine's load. Builds the site with its
address set to the local server (so canonical links and the sitemap are real), serves it
gzip-compressed, runs npm's Lighthouse 12 with Debian's Chromium, and prints the four
category scores per page with every audit that did not pass. Reports are kept as JSON in
.cache/lighthouse/ for a closer look.

    python -m scripts.tools.audit [--pages russia/ timeline/] [--bare]

`--bare` audits bare Material's build of the same pages too (scripts/tools/bare_material.py),
each page right after ours, so a score can be read against what the theme alone scores on
this machine at the same moment.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from scripts.project import sitemap_urls
from scripts.tools import bare_material
from scripts.tools.browser import CHROMIUM, CHROMIUM_FLAGS
from scripts.tools.build import ROOT, build_site
from scripts.tools.live_server import free_port
from scripts.tools.static_server import serving

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
# Audits that only inform (or do not apply) carry no pass or fail.
UNSCORED_MODES = {"informative", "notApplicable", "manual", "error"}


@dataclass(frozen=True)
class AuditResult:
    page: str
    form_factor: str
    scores: dict[str, int | None]
    failing: list[str]
    site: str = "ours"


def lighthouse_command(url: str, form_factor: str) -> list[str]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    return command


def summarise(page: str, form_factor: str, report: dict, site: str = "ours") -> AuditResult:
    """Category scores (0-100) and the ids of audits in those categories that did not pass."""
    scores: dict[str, int | None] = {}
    failing: set[str] = set()
    for name in CATEGORIES:
        category = report["categories"][name]
        score = category.get("score")
        scores[name] = None if score is None else round(score * 100)
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in UNSCORED_MODES or audit.get("score") is None:
                continue
            if audit["score"] < 1 and (ref.get("weight", 0) > 0 or audit["score"] < 0.5):
                failing.add(ref["id"])
    return AuditResult(page, form_factor, scores, sorted(failing), site)


def run_lighthouse(url: str, form_factor: str) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        lighthouse_command(url, form_factor), capture_output=True, text=True, env=env
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url} ({form_factor}):\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def table(results: list[AuditResult]) -> str:
    scores = " ".join(f"{name:>4}" for name in ("perf", "a11y", "bp", "seo"))
    header = f"{'page':<26} {'site':<5} {'form':<8} {scores}  failing"
    lines = [header, "-" * len(header)]
    for result in results:
        scores = " ".join(
            f"{'-' if result.scores[c] is None else result.scores[c]:>4}" for c in CATEGORIES
        )
        failing = ", ".join(result.failing) or "none"
        lines.append(
            f"{result.page or '/':<26} {result.site:<5} {result.form_factor:<8} {scores}  {failing}"
        )
    return "\n".join(lines)


def audit(base: str, page: str, form_factor: str, site: str) -> AuditResult:
    """Lighthouse on one page of the site served at `base`; its report is kept in REPORTS."""
    report = run_lighthouse(base + page, form_factor)
    name = (page.strip("/").replace("/", "-") or "index") + f"-{form_factor}"
    if site != "ours":
        name = f"{site}-{name}"
    (REPORTS / f"{name}.json").write_text(json.dumps(report), encoding="utf-8")
    result = summarise(page, form_factor, report, site)
    print(f"  {page or '/'} {site} {form_factor}: {result.scores}", file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", help="page paths (default: every page)")
    parser.add_argument("--form-factors", nargs="*", default=list(FORM_FACTORS))
    parser.add_argument("--bare", action="store_true", help="audit bare Material's pages too")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci --ignore-scripts` (make does it)")
    REPORTS.mkdir(parents=True, exist_ok=True)
    results: list[AuditResult] = []
    with tempfile.TemporaryDirectory() as folder, ExitStack() as servers:
        sites = {"ours": ROOT / "mkdocs.yml"}
        if args.bare:
            sites["bare"] = bare_material.write_bare_project(ROOT, Path(folder) / "bare")
        bases = {}
        for site, config_file in sites.items():
            port = free_port()
            built = Path(folder) / f"{site}-site"
            build_site(built, config_file=config_file, site_url=f"http://127.0.0.1:{port}/")
            bases[site] = servers.enter_context(serving(built, compress=True, port=port))
        # Our build's sitemap: bare Material's has the same pages.
        ours = Path(folder) / "ours-site"
        pages = args.pages if args.pages is not None else sitemap_urls(ours)
        for page in pages:
            for form_factor in args.form_factors:
                for site, base in bases.items():
                    results.append(audit(base, page, form_factor, site))
    print(table(results))


if __name__ == "__main__":
    main()
