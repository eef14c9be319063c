"""What makes the first view lighter: minified HTML and a palette stylesheet cut to our colours."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment

from scripts.publish.minify import minify_page as minify
from scripts.publish.palette import COLOUR_SELECTOR, keep_colours, used_colours

PALETTE = (
    "@media screen{[data-md-color-scheme=slate]{--fg:#eee}"
    "[data-md-color-scheme=slate][data-md-color-primary=black]{--fg:#000}}"
    "[data-md-color-primary=red],[data-md-color-primary=indigo]{--p:#4051b5}"
    "[data-md-color-accent=red]{--a:red}"
    ":is([data-md-color-primary=red],[data-md-color-primary=pink]) .x{--p:red}"
    ".plain{color:inherit}"
)


def test_palette_keeps_used_colours_and_every_rule_without_a_colour() -> None:
    trimmed = keep_colours(PALETTE, {"indigo"})
    assert trimmed == (
        "@media screen{[data-md-color-scheme=slate]{--fg:#eee}}"
        "[data-md-color-primary=indigo]{--p:#4051b5}"
        ".plain{color:inherit}"
    )


def test_palette_colours_come_from_every_palette_with_materials_defaults() -> None:
    palettes = [{"scheme": "default"}, {"primary": "deep purple", "accent": "red"}]
    assert used_colours(palettes) == {"indigo", "deep-purple", "red"}
    assert used_colours({"primary": "teal"}) == {"teal", "indigo"}


def test_published_palette_holds_only_the_configured_colours(built_site: Path) -> None:
    (palette,) = (built_site / "assets" / "stylesheets").glob("palette.*.min.css")
    css = palette.read_text(encoding="utf-8")
    assert {colour for _, colour in COLOUR_SELECTOR.findall(css)} == {"indigo"}
    # The dark scheme the toggle switches to keeps its rules (the light one is in main.css).
    assert "[data-md-color-scheme=slate]" in css


def test_minify_drops_whitespace_and_comments_and_keeps_pre_text_and_closing_tags() -> None:
    page = (
        "<!doctype html>\n<html lang=en>\n  <head><title>T</title></head>\n  <body>\n"
        '    <!-- a note for editors -->\n    <p class="a b">one   two</p>\n'
        "    <pre><code>@misc{key,\n\ttitle = {x}\n}</code></pre>\n  </body>\n</html>\n"
    )
    small = minify(page)
    assert "note for editors" not in small
    assert '<p class="a b">one two</p>' in small
    assert "<pre><code>@misc{key,\n\ttitle = {x}\n}</code></pre>" in small
    assert small.count("</p>") == 1 and "</body>" in small and "<head>" in small


def test_published_pages_are_minified_with_citation_code_intact(built_site: Path) -> None:
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r">\n\s+<", html), "indentation between tags is still published"
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(string=lambda text: isinstance(text, Comment))
    bibtex = soup.select_one("#cite-page-bibtex").get_text()
    assert bibtex.startswith("@misc{") and "\n\ttitle = {" in bibtex
