"""Screenshots of every page, English and Korean, at 1280 and 375 px, light and dark.

Builds the site, serves it locally, and saves full-page PNGs into screenshots/ (ignored by
git) for a person to look at: spacing, contrast, long words on phones, the timeline.

    python -m scripts.tools.screenshots [--out screenshots]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from scripts.project import sitemap_urls
from scripts.tools.browser import chromium
from scripts.tools.build import ROOT, build_site
from scripts.tools.static_server import serving

WIDTHS = {1280: 800, 375: 740}
SCHEMES = ("light", "dark")


def screenshot_name(page_path: str, width: int, scheme: str) -> str:
    """'russia/' at 375 px dark -> 'russia-375-dark.png'; the home page is 'index'."""
    return f"{page_path.strip('/').replace('/', '-') or 'index'}-{width}-{scheme}.png"


def take_screenshots(site_dir: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    pages = sitemap_urls(site_dir)
    # The Korean edition has a sitemap of its own (mkdocs.ko.yml builds it into ko/).
    if (site_dir / "ko" / "sitemap.xml").is_file():
        pages += ["ko/" + path for path in sitemap_urls(site_dir / "ko")]
    with serving(site_dir, prefix="/screenshots/") as base, chromium() as browser:
        for width, height in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,
                    is_mobile=width < 600,
                    has_touch=width < 600,
                )
                page = context.new_page()
                for path in pages:
                    page.goto(base + path, wait_until="networkidle")
                    target = out / screenshot_name(path, width, scheme)
                    page.screenshot(path=str(target), full_page=True)
                    saved.append(target)
                context.close()
    return saved


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        build_site(Path(folder))
        saved = take_screenshots(Path(folder), args.out)
    print(f"{len(saved)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
