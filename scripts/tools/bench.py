"""What `make bench` measures: the waits people feel, each beside a bare Material baseline.

1. Site builds: wall seconds of the `mkdocs build` subprocess, median of `--runs`. Ours warm
   (the citations' render cache filled by a build just before: an editor's next build), ours
   cold (CITATIONS_CACHE=off: a first build, as on CI), and bare Material: the same pages
   with the theme alone (scripts/tools/bare_material.py says exactly what it keeps).
2. The editor loop: seconds from saving docs/russia.md to `mkdocs serve` serving the rebuilt
   page, median of 5, ours and bare, on a temporary copy of the project (the real docs are
   never touched; the copy gets a one-commit git history so the git-date plugin does its work).
   MkDocs' watcher polls every 0.5 s, so both figures include 0.1-0.6 s of noticing the save.
3. The timeline step on 1,000 and 10,000 synthetic events over 100 pages: CPU seconds of
   collect + validate, sort, and render all files, through `scripts.timeline`'s public API.

Targets: warm build and editor loop within 1.5x bare Material's; 1,000 events under 1 s;
growth 10k/1k no worse than linear (x12 at most). It is a report: it exits 0, and a missed
target prints MISSED.

    python -m scripts.tools.bench [--runs 3] [--no-serve] [--no-site]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts import timeline
from scripts.frontmatter import THEMES
from scripts.project import LOCAL_SITE_URL
from scripts.tools import bare_material, live_server
from scripts.tools.build import run_build

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"
PAGES = 100
SECTIONS_PER_PAGE = 10
EDITS = 5
EDITED_PAGE, EDITED_URL = "russia.md", "russia/"
# What a project copy for `mkdocs serve` needs.
COPIED = ("mkdocs.yml", "mkdocs.ko.yml", "docs", "includes", "overrides", "scripts", "anchors.lock")
TARGET_RATIO, TARGET_1K_SECONDS, TARGET_GROWTH = 1.5, 1.0, 12.0  # see the docstring


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


def timeline_step(sources: list[tuple[str, str, str]]) -> dict[str, float]:
    """CPU seconds per phase of one timeline step (CPU time: other jobs' work is not ours)."""
    order = [path for path, _, _ in sources]
    gc.collect()  # no run pays for the previous run's garbage
    clock = time.process_time
    start = clock()
    pages = timeline.collect(sources)
    collected = clock()
    events = timeline.sort_events(pages, order)
    ordered = clock()
    outputs = timeline.render_all(
        events, site_name="Bench", site_url=LOCAL_SITE_URL, uid_domain="b"
    )
    end = clock()
    assert outputs[timeline.ICS_PATH].count(b"BEGIN:VEVENT") == len(events)
    return {
        "collect+validate": collected - start,
        "sort": ordered - collected,
        "render": end - ordered,
        "total": end - start,
    }


def median_step(runs: int, events: int) -> dict[str, float]:
    """The median of each phase over `runs` timeline steps on the same synthetic pages."""
    sources = synthetic_pages(events)
    results = [timeline_step(sources) for _ in range(runs)]
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def build_seconds(config: Path, *, strict: bool, citations_cache: str = "off") -> float:
    """Wall seconds of one `mkdocs build` subprocess into a temporary folder."""
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        result = run_build(
            config, Path(site), strict=strict, environ={"CITATIONS_CACHE": citations_cache}
        )
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build -f {config} failed:\n{result.stdout}{result.stderr}")
    return seconds


def site_builds(runs: int, folder: Path) -> dict[str, list[float]]:
    """Build seconds of ours warm, ours cold and bare Material, interleaved run by run."""
    cache = str(folder / "citations.json")
    bare = bare_material.write_bare_project(ROOT, folder)
    build_seconds(CONFIG, strict=True, citations_cache=cache)  # fills the render cache
    times: dict[str, list[float]] = {"warm": [], "cold": [], "bare": []}
    for _ in range(runs):
        times["warm"].append(build_seconds(CONFIG, strict=True, citations_cache=cache))
        times["cold"].append(build_seconds(CONFIG, strict=True))
        times["bare"].append(build_seconds(bare, strict=True))
    return times


def project_copy(folder: Path) -> Path:
    """A copy of what the site is built from, committed once so git dates come from git."""
    copy = folder / "project"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy2(source, copy / name)
    git = ["git", "-C", str(copy), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "copy"]):
        subprocess.run([*git, *command], check=True, capture_output=True)
    return copy


@contextmanager
def serving(config: Path, port: int, environ: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """`mkdocs serve` of `config` (scripts/tools/live_server.py); what it said is printed if
    the block fails."""
    try:
        with live_server.mkdocs_serve(config, port, environ) as server:
            yield server.process
    except live_server.ServeError as error:
        sys.exit(str(error))


def editor_loop(config: Path, docs: Path, environ: dict[str, str], name: str) -> list[float]:
    """Seconds from each save of the edited page (a marker appended) to the server showing it."""
    port = live_server.free_port()
    url = f"http://127.0.0.1:{port}/{EDITED_URL}"
    page = docs / EDITED_PAGE
    with serving(config, port, {**environ, "SITE_URL": f"http://127.0.0.1:{port}/"}) as server:
        live_server.wait_for(url, "<title", 120, server)  # the first build
        seconds = []
        for edit in range(EDITS):
            marker = f"Benchmark marker {name} {edit} {time.time_ns()}."
            with page.open("a", encoding="utf-8") as markdown:
                markdown.write(f"\n{marker}\n")
            seconds.append(live_server.wait_for(url, marker, 30, server))
            # The watcher polls every 0.5 s: pauses 0.1 s apart put the five saves at five
            # points of its cycle, so the median is not one lucky or unlucky phase.
            time.sleep(0.5 + 0.1 * edit)
    return seconds


def editor_loops(folder: Path) -> dict[str, list[float]]:
    copy = project_copy(folder)
    cache = {"CITATIONS_CACHE": str(folder / "serve-citations.json")}
    bare = bare_material.write_bare_project(copy, folder)
    ours = editor_loop(copy / "mkdocs.yml", copy / "docs", cache, "ours")
    bare_docs = folder / bare_material.DOCS_FOLDER
    return {"ours": ours, "bare": editor_loop(bare, bare_docs, {}, "bare")}


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def compared(measure: str, ours: float, bare: float, *, target: bool) -> str:
    """A table row of ours beside bare Material, checked against 1.5x when it has a target."""
    ratio = ours / bare
    result, limit = (verdict(ratio <= TARGET_RATIO), "<= 1.5x bare") if target else ("-", "-")
    return row(measure, f"{ours:.2f}", f"{bare:.2f}", f"x{ratio:.2f}", limit, result)


def median(name: str, seconds: list[float]) -> float:
    """Print one measure's runs; return their median, the figure that counts."""
    print(f"  {name}: " + ", ".join(f"{value:.2f}" for value in seconds) + " s")
    return statistics.median(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; the median counts")
    parser.add_argument("--no-serve", action="store_true", help="skip the editor loop")
    parser.add_argument("--no-site", action="store_true", help="skip the site builds")
    args = parser.parse_args(argv)
    # Every build is timed as on an editor's machine, where Python keeps the bytecode it
    # compiles: with PYTHONDONTWRITEBYTECODE (set in some sandboxes and containers) our hook
    # modules, unlike the installed packages bare Material runs on, compiled afresh each time.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    load = os.getloadavg()[0]
    print(f"load average {load:.2f} on {os.cpu_count()} CPUs; {bare_material.DESCRIPTION}.")
    table = [row("measure", "ours", "bare Material", "ratio", "target", "result")]
    table.append(row("---", "---:", "---:", "---:", "---", "---"))

    if not args.no_site:
        print(f"Site builds: wall seconds of `mkdocs build`, {args.runs} runs each")
        with tempfile.TemporaryDirectory() as folder:
            runs = site_builds(args.runs, Path(folder))
        builds = {name: median(name, seconds) for name, seconds in runs.items()}
        table.append(compared("warm build (s)", builds["warm"], builds["bare"], target=True))
        table.append(compared("cold build (s)", builds["cold"], builds["bare"], target=False))

    if not args.no_serve:
        print(f"Editor loop: save {EDITED_PAGE} until `mkdocs serve` shows it, {EDITS} saves each")
        with tempfile.TemporaryDirectory() as folder:
            saves = editor_loops(Path(folder))
        ours, bare = (median(name, saves[name]) for name in ("ours", "bare"))
        table.append(compared("editor loop (s)", ours, bare, target=True))

    print(f"Timeline step, {PAGES} synthetic pages: CPU seconds, median of {args.runs}")
    steps = {count: median_step(args.runs, count) for count in (1_000, 10_000)}
    print("  " + f"{'events':>7}" + "".join(f"  {phase:>16}" for phase in steps[1_000]))
    for count, step in steps.items():
        print("  " + f"{count:>7,}" + "".join(f"  {value:>16.3f}" for value in step.values()))
    one_k, ten_k = steps[1_000]["total"], steps[10_000]["total"]
    fast, linear = verdict(one_k < TARGET_1K_SECONDS), verdict(ten_k / one_k <= TARGET_GROWTH)
    table.append(row("timeline, 1,000 events (CPU s)", f"{one_k:.3f}", "-", "-", "< 1 s", fast))
    growth = f"x{ten_k / one_k:.1f} of 1k"
    table.append(
        row("timeline, 10,000 events (CPU s)", f"{ten_k:.3f}", "-", growth, "<= x12", linear)
    )
    print("\n" + "\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
