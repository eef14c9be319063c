"""Benchmark of the timeline step and of its share of the site build; `make bench` runs it.

The timeline step is what the hook does at every build: read and validate every page's front
matter (collect), sort, then render the page, JSON, CSV and ICS (export). It is timed on
1,000 and 10,000 synthetic events spread over 100 synthetic pages. Then the real site is
built with and without the hook, both with the citations' render cache filled by a previous
build (what an editor's builds cost) and with it off (a first build, as on CI). Targets
(issue 3): 10,000 events under 0.5 s, growth no worse than linear, the hook adding under
10 % to the site build.

    python -m scripts.tools.bench [--runs 3] [--no-site]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scripts import timeline
from scripts.frontmatter import THEMES

ROOT = Path(__file__).resolve().parents[2]
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
    """CPU seconds per phase of one timeline step, reading the pages from disk like the hook.

    CPU time, not wall time: on a machine shared with other jobs it measures our own work.
    """
    for path, _, text in sources:
        (folder / path).write_text(text, encoding="utf-8")
    order = [path for path, _, _ in sources]
    # Start every run from a collected heap, so that no run pays for the last one's garbage;
    # the collections the step's own objects cause are timed with it.
    gc.collect()
    clock = time.process_time
    phases: dict[str, float] = {}
    wall = time.perf_counter()
    start = clock()
    read = [
        (path, label, (folder / path).read_text(encoding="utf-8")) for path, label, _ in sources
    ]
    pages = timeline.collect(read)
    phases["collect+validate"] = clock() - start
    mark = clock()
    events = timeline.sort_events(pages, order)
    phases["sort"] = clock() - mark
    mark = clock()
    outputs = timeline.render_all(events, site_url="http://127.0.0.1:8000/", environ={})
    phases["render+export"] = clock() - mark
    phases["total"] = clock() - start
    phases["wall"] = time.perf_counter() - wall
    assert len(events) == sum(len(page.events) for page in pages)
    assert outputs[timeline.ICS_PATH].count(b"BEGIN:VEVENT") == len(events)
    return phases


def median_of(runs: int, measure: Callable[[], dict[str, float]]) -> dict[str, float]:
    """The median of each figure over `runs` runs, plus the fastest total ("best").

    The median is the figure that counts; the best run shows how much other jobs on a shared
    machine slowed the rest (CPU time grows too when they compete for caches and cores).
    """
    results = [measure() for _ in range(runs)]
    medians = {key: statistics.median(result[key] for result in results) for key in results[0]}
    return {**medians, "best": min(result["total"] for result in results)}


def build_seconds(config: Path, citations_cache: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `mkdocs build` of the real site into a temporary folder.

    CPU time counts only the build's own work, so it is the steadier figure on a shared machine.
    `citations_cache` is the render cache file (warm builds) or "off" (cold builds).
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "CITATIONS_CACHE": citations_cache,
    }
    with tempfile.TemporaryDirectory() as site:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", site],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def site_builds(runs: int, citations_cache: str) -> dict[str, float]:
    """Median wall and CPU seconds of the real site build with the hook and without it.

    With a cache file, one untimed build of each configuration fills it first: the timed
    builds are what an editor's second build costs. With "off" every build is a first one.
    """
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
        if citations_cache != "off":
            build_seconds(ROOT / "mkdocs.yml", citations_cache)
            build_seconds(without, citations_cache)
        with_hook, without_hook = [], []
        for _ in range(runs):
            with_hook.append(build_seconds(ROOT / "mkdocs.yml", citations_cache))
            without_hook.append(build_seconds(without, citations_cache))
    finally:
        without.unlink()
    return {
        "with_wall": statistics.median(run[0] for run in with_hook),
        "with_cpu": statistics.median(run[1] for run in with_hook),
        "without_wall": statistics.median(run[0] for run in without_hook),
        "without_cpu": statistics.median(run[1] for run in without_hook),
    }


def real_step_seconds(runs: int) -> tuple[float, int]:
    """What the hook itself does on the real pages: collect, validate, sort, render, export."""
    sources, order = timeline.read_docs(ROOT / "mkdocs.yml")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        events = timeline.sort_events(timeline.collect(sources), order)
        timeline.render_all(events, site_url="http://127.0.0.1:8000/", environ={})
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(events)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; the median counts")
    parser.add_argument("--no-site", action="store_true", help="skip the full site builds")
    args = parser.parse_args(argv)

    print(
        f"Timeline step, {PAGES} synthetic pages, median of {args.runs} runs "
        "(CPU seconds per phase; then the best run's total, and wall seconds)"
    )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs\n")
    header = (
        f"{'events':>7}  {'collect+validate':>16}  {'sort':>6}  {'render+export':>13}  "
        f"{'total':>6}  {'best':>6}  {'wall':>6}"
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
                f"{result['render+export']:>13.3f}  {result['total']:>6.3f}  "
                f"{result['best']:>6.3f}  {result['wall']:>6.3f}"
            )
    growth = totals[10_000] / totals[1_000]
    ok_speed = totals[10_000] < TARGET_SECONDS_10K
    print(
        f"\n10,000 events: {totals[10_000]:.3f} s CPU (target < {TARGET_SECONDS_10K} s): "
        f"{'OK' if ok_speed else 'MISSED'}"
    )
    print(f"growth 1,000 -> 10,000 events: x{growth:.1f} (linear: x10)")
    ok = ok_speed and growth < 12

    if not args.no_site:
        step, count = real_step_seconds(max(args.runs, 5))
        with tempfile.TemporaryDirectory() as folder:
            warm = site_builds(args.runs, str(Path(folder) / "citations.json"))
        cold = site_builds(args.runs, "off")
        own = step / warm["with_wall"]
        print(f"\nSite build, median of {args.runs} runs (seconds)\n")
        print(f"{'':>22}  {'with hook':>9}  {'without':>8}  {'difference':>10}")
        shares = {}
        for name, builds in (("cache", warm), ("no cache", cold)):
            for kind in ("wall", "cpu"):
                with_hook, without_hook = builds[f"with_{kind}"], builds[f"without_{kind}"]
                shares[name, kind] = (with_hook - without_hook) / without_hook
                print(
                    f"{f'{kind}, {name}':>22}  {with_hook:>9.2f}  {without_hook:>8.2f}  "
                    f"{shares[name, kind]:>10.1%}"
                )
        print(
            f"\nthe hook's own step on the real pages ({count} events): {step * 1000:.0f} ms, "
            f"{own:.1%} of the build (target < {TARGET_HOOK_SHARE:.0%}): "
            f"{'OK' if own < TARGET_HOOK_SHARE else 'MISSED'}"
        )
        for name in ("cache", "no cache"):
            whole = shares[name, "cpu"]
            print(
                f"the timeline page with every hook's work on it, {name} (CPU): {whole:.1%} "
                f"(target < {TARGET_HOOK_SHARE:.0%}): "
                f"{'OK' if whole < TARGET_HOOK_SHARE else 'MISSED'}"
            )
        ok = ok and own < TARGET_HOOK_SHARE and shares["cache", "cpu"] < TARGET_HOOK_SHARE
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
