"""Bytes a reader downloads, gzip-compressed as a static host sends them.

The first view of a page is its HTML plus every stylesheet and script it links (what the
browser needs before it can show and run the page); later pages reuse the cached CSS and JS,
so only their HTML counts. Byte counts, unlike timings, are the same on every machine.

    python -m scripts.tools.page_weight site            # our built site, page by page
    python -m scripts.tools.page_weight --baseline      # bare Material, same pages
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.project import sitemap_urls
from scripts.tools import bare_material
from scripts.tools.build import build_site

ROOT = Path(__file__).resolve().parents[2]
# zlib's default level, what common static hosts and servers use.
GZIP_LEVEL = 6


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _AssetCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        href, src = values.get("href"), values.get("src")
        if tag == "link" and href and "stylesheet" in (values.get("rel") or "").split():
            self.stylesheets.append(href)
        elif tag == "script" and src:
            self.scripts.append(src)


def linked_assets(html: str) -> tuple[list[str], list[str]]:
    """The stylesheet and script addresses a page links, in document order."""
    collector = _AssetCollector()
    collector.feed(html)
    return collector.stylesheets, collector.scripts


@dataclass(frozen=True)
class FirstView:
    """Gzip bytes of one page's first view, by kind."""

    html: int
    css: int
    js: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def local_file(site_dir: Path, page_path: str, address: str) -> Path | None:
    """The built file an address on `page_path` points at, or None if it is off-site."""
    target = urlsplit(urljoin("http://site/" + page_path, address))
    if target.netloc != "site":
        return None
    return site_dir / target.path.lstrip("/")


def first_view(site_dir: Path, page_path: str) -> FirstView:
    """Gzip bytes of `page_path`'s HTML and of every local stylesheet and script it links.

    Off-site assets are not counted here: the site tests forbid them outright.
    """
    html = (site_dir / page_path / "index.html").read_bytes()
    stylesheets, scripts = linked_assets(html.decode("utf-8"))

    def total(addresses: list[str]) -> int:
        files = {local_file(site_dir, page_path, address) for address in addresses}
        return sum(gzip_size(path.read_bytes()) for path in files if path is not None)

    return FirstView(html=gzip_size(html), css=total(stylesheets), js=total(scripts))


def html_sizes(site_dir: Path) -> dict[str, int]:
    """Gzip bytes of every page's HTML, by its path relative to the site."""
    return {
        path.relative_to(site_dir).as_posix(): gzip_size(path.read_bytes())
        for path in sorted(site_dir.rglob("*.html"))
    }


def build_default_material(site_dir: Path) -> None:
    """Build the bare Material reference of this site's pages (scripts/tools/bare_material.py)
    into `site_dir`, for comparison."""
    with tempfile.TemporaryDirectory() as folder:
        config_file = bare_material.write_bare_project(ROOT, Path(folder))
        build_site(site_dir, config_file=config_file)


def report(site_dir: Path) -> str:
    lines = [f"{'page':<28} {'HTML':>7} {'CSS':>7} {'JS':>7} {'first view':>11}  (gzip bytes)"]
    for path in sitemap_urls(site_dir):
        if not (site_dir / path / "index.html").is_file():
            continue
        view = first_view(site_dir, path)
        lines.append(
            f"{path or '/':<28} {view.html:>7} {view.css:>7} {view.js:>7} {view.total:>11}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site folder")
    parser.add_argument(
        "--baseline", action="store_true", help="build and measure default Material instead"
    )
    args = parser.parse_args(argv)
    if args.baseline:
        with tempfile.TemporaryDirectory() as folder:
            build_default_material(Path(folder))
            print("Bare Material (scripts/tools/bare_material.py), this site's pages")
            print(report(Path(folder)))
    elif args.site:
        print(report(args.site))
    else:
        parser.error("give a built site folder or --baseline")


if __name__ == "__main__":
    main()
