"""Benchmark of the timeline step and of its share of the site build; `make bench` runs it.

The timeline step is what the hook does at every build: read and validate every page's front
matter (collect), sort, then render the page, JSON, CSV and ICS (export). It is timed on
1,000 and 10,000 synthetic events spread over 100 synthetic pages. Then the real site is
built with and without the hook. Targets (issue 3): 10,000 events under 0.5 s, growth no
worse than linear, the hook adding under 10 % to the site build.

    python -m scripts.bench_timeline [--runs 3] [--no-site]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scripts import timeline
from scripts.frontmatter import THEMES

ROOT = Path(__file__).resolve().parent.parent
PAGES = 100
SECTIONS_PER_PAGE = 10
TARGET_SECONDS_10K = 0.5
TARGET_HOOK_SHARE = 0.10


def synthetic_pages(
    events: int, pages: int = PAGES, seed: int = 2023
) -> list[tuple[str, str, str]]:
    """(path, label, text) of `pages` pages holding `events` events between them."""
    rng = random.Random(seed)
    themes = list(THEMES)
    sources = []
    for number in range(pages):
        lines = ["---", f"title: Synthetic page {number}", "description: A page for the benchmark."]
        lines.append("events:")
        for position in range(events // pages + (number < events % pages)):
            year = rng.randint(1990, 2030)
            month = rng.randint(1, 12)
            date = rng.choice(
                [f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{rng.randint(1, 28):02d}"]
            )
            picked = rng.sample(themes, rng.randint(1, 3))
            lines += [
                f"  - id: p{number}-e{position}",
                f"    date: {date}",
                f"    title: Event {position} of page {number} & a <b>tag</b>",
                f"    section: s{rng.randrange(SECTIONS_PER_PAGE)}",
                f"    themes: [{', '.join(picked)}]",
            ]
            if rng.random() < 0.3:
                lines.append('    note: "A note: the record gives another date."')
        lines += ["---", "", f"# Synthetic page {number}", ""]
        lines += [f"## Section {s} {{#s{s}}}\n\nText.\n" for s in range(SECTIONS_PER_PAGE)]
        path = f"page-{number:03d}.md"
        sources.append((path, f"docs/{path}", "\n".join(lines)))
    return sources


def time_step(sources: list[tuple[str, str, str]], folder: Path) -> dict[str, float]:
    """Seconds per phase of one timeline step, reading the pages from disk like the hook."""
    for path, _, text in sources:
        (folder / path).write_text(text, encoding="utf-8")
    order = [path for path, _, _ in sources]
    phases: dict[str, float] = {}
    start = time.perf_counter()
    read = [
        (path, label, (folder / path).read_text(encoding="utf-8")) for path, label, _ in sources
    ]
    pages = timeline.collect(read)
    phases["collect+validate"] = time.perf_counter() - start
    mark = time.perf_counter()
    events = timeline.sort_events(pages, order)
    phases["sort"] = time.perf_counter() - mark
    mark = time.perf_counter()
    outputs = timeline.render_all(events, site_url="http://127.0.0.1:8000/", environ={})
    phases["render+export"] = time.perf_counter() - mark
    phases["total"] = time.perf_counter() - start
    assert len(events) == sum(len(page.events) for page in pages)
    assert outputs[timeline.ICS_PATH].count(b"BEGIN:VEVENT") == len(events)
    return phases


def median_of(runs: int, measure: Callable[[], dict[str, float]]) -> dict[str, float]:
    results = [measure() for _ in range(runs)]
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def build_seconds(config: Path) -> float:
    """Wall time of one `mkdocs build` of the real site into a temporary folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", site],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start


def site_builds(runs: int) -> tuple[float, float]:
    """Median seconds of the real site build with the hook, and without it (nor its nav entry)."""
    without = ROOT / ".bench-without-timeline.yml"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    kept = [
        line
        for line in config.splitlines()
        if "hook_timeline.py" not in line and "timeline.md" not in line
    ]
    # Without the page, links to it cannot resolve: measure time, not strictness.
    kept = [line.replace("strict: true", "strict: false") for line in kept]
    without.write_text("\n".join(kept) + "\n", encoding="utf-8")
    try:
        with_hook, without_hook = [], []
        for _ in range(runs):
            with_hook.append(build_seconds(ROOT / "mkdocs.yml"))
            without_hook.append(build_seconds(without))
    finally:
        without.unlink()
    return statistics.median(with_hook), statistics.median(without_hook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; the median counts")
    parser.add_argument("--no-site", action="store_true", help="skip the full site builds")
    args = parser.parse_args(argv)

    print(f"Timeline step, {PAGES} synthetic pages, median of {args.runs} runs (seconds)\n")
    header = (
        f"{'events':>7}  {'collect+validate':>16}  {'sort':>6}  {'render+export':>13}  {'total':>6}"
    )
    print(header)
    print("-" * len(header))
    totals: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in (1_000, 10_000):
            sources = synthetic_pages(count)
            result = median_of(args.runs, lambda s=sources: time_step(s, Path(folder)))
            totals[count] = result["total"]
            print(
                f"{count:>7,}  {result['collect+validate']:>16.3f}  {result['sort']:>6.3f}  "
                f"{result['render+export']:>13.3f}  {result['total']:>6.3f}"
            )
    growth = totals[10_000] / totals[1_000]
    ok_speed = totals[10_000] < TARGET_SECONDS_10K
    print(
        f"\n10,000 events: {totals[10_000]:.3f} s (target < {TARGET_SECONDS_10K} s): "
        f"{'OK' if ok_speed else 'MISSED'}"
    )
    print(f"growth 1,000 -> 10,000 events: x{growth:.1f} (linear: x10)")
    ok = ok_speed and growth < 12

    if not args.no_site:
        with_hook, without_hook = site_builds(args.runs)
        share = (with_hook - without_hook) / without_hook
        print(f"\nSite build, median of {args.runs} runs (seconds)\n")
        print(f"{'with hook':>12}  {'without':>8}  {'hook adds':>9}")
        print(f"{with_hook:>12.2f}  {without_hook:>8.2f}  {share:>8.1%}")
        ok_share = share < TARGET_HOOK_SHARE
        print(f"\nhook share (target < {TARGET_HOOK_SHARE:.0%}): {'OK' if ok_share else 'MISSED'}")
        ok = ok and ok_share
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
