"""Make the link card (og:image) that social sites and chat apps show for every page.

A static 1200 x 630 PNG in docs/assets/, committed: pages name it in `og:image`, and nothing
is fetched to make or show it. Drawn by Debian's Chromium from a small HTML card with the
system's fonts; run it again after the site's name or subtitle changes:

    python -m scripts.tools.social_card          # writes docs/assets/social-card.png
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from scripts.embedded_metadata import SOCIAL_CARD, SOCIAL_CARD_SIZE
from scripts.project import read_config
from scripts.tools.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
SUBTITLE = "A citable edition of Gabriela Bernal’s East Asia Forum analysis of North Korea in 2023"
TAGLINE = "Every section and event with its own permanent address"

CARD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {width}px; height: {height}px; }}
  body {{
    box-sizing: border-box; padding: 72px 80px; display: flex; flex-direction: column;
    justify-content: space-between; background: #283593; color: #fff;
    font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
  }}
  h1 {{ margin: 0; font-size: 84px; line-height: 1.05; letter-spacing: -1px; }}
  p {{ margin: 0; font-size: 36px; line-height: 1.3; max-width: 1000px; }}
  .tagline {{ font-size: 28px; opacity: 0.85; border-top: 4px solid #fff; padding-top: 24px; }}
</style></head><body>
  <h1>{title}</h1>
  <p>{subtitle}</p>
  <p class="tagline">{tagline}</p>
</body></html>
"""


def card_html(site_name: str) -> str:
    """The card as a page of its own, sized to the image."""
    width, height = SOCIAL_CARD_SIZE
    return CARD.format(
        width=width,
        height=height,
        title=html.escape(site_name),
        subtitle=html.escape(SUBTITLE),
        tagline=html.escape(TAGLINE),
    )


def main() -> int:
    site_name = str(read_config(ROOT / "mkdocs.yml")["site_name"])
    target = ROOT / "docs" / SOCIAL_CARD
    target.parent.mkdir(parents=True, exist_ok=True)
    width, height = SOCIAL_CARD_SIZE
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.set_content(card_html(site_name))
        page.screenshot(path=str(target), type="png")
        page.close()
    print(f"social card: {target.relative_to(ROOT)} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
