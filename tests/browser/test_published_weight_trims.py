"""What makes the first view lighter: minified HTML and a palette stylesheet cut to our colours."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup, Comment

from scripts.publish.css_trim import class_names, needs_only, trim
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
    assert bibtex.startswith("@online{") and "\n\ttitle = {" in bibtex


THEME_CSS = (
    ".md-tabs{display:block}"
    ".md-nav__item:not(.md-nav__item--nested){padding:0}"
    ".md-typeset :is(.admonition,.tabbed-set){margin:1em}"
    ".md-typeset :is(.tabbed-set,.task-list){margin:2em}"
    "@media print{.md-banner{display:none}.md-header{display:none}}"
    ".md-tag--x,.unused-thing{color:red}"
    "p{color:inherit}"
)


def test_theme_css_keeps_what_a_used_class_or_no_class_needs() -> None:
    classes = class_names(
        ['<div class="md-nav__item md-typeset admonition md-header">', 'x="md-tag--"']
    )
    trimmed = trim(THEME_CSS, lambda selector: needs_only(selector, classes))
    assert trimmed == (
        ".md-nav__item:not(.md-nav__item--nested){padding:0}"
        ".md-typeset :is(.admonition,.tabbed-set){margin:1em}"
        "@media print{.md-header{display:none}}"
        ".md-tag--x{color:red}"
        "p{color:inherit}"
    )


def test_published_theme_css_is_smaller_and_keeps_every_class_the_pages_use(
    built_site: Path,
) -> None:
    (published,) = (built_site / "assets" / "stylesheets").glob("main.*.min.css")
    original = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    shipped = (original / published.name).read_text(encoding="utf-8")
    css = published.read_text(encoding="utf-8")
    assert len(css) < 0.8 * len(shipped)
    used = {
        name
        for path in built_site.rglob("*.html")
        for tag in BeautifulSoup(path.read_text("utf-8"), "lxml").select("[class]")
        for name in tag["class"]
    }
    in_shipped = {name for name in used if f".{name}" in shipped}
    assert {name for name in in_shipped if f".{name}" not in css} == set()


def shipped_stylesheet(css: str):
    """A route handler that answers with the theme's stylesheet as it ships."""

    def fulfil(route) -> None:
        route.fulfill(body=css, content_type="text/css")

    return fulfil


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "width", "scheme"), [("russia/", 1280, "light"), ("timeline/", 375, "dark")]
)
def test_pages_look_the_same_with_the_theme_css_as_shipped(
    browser, site_base: str, built_site: Path, path: str, width: int, scheme: str
) -> None:
    (published,) = (built_site / "assets" / "stylesheets").glob("main.*.min.css")
    shipped = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    shots = []
    for css in (None, (shipped / published.name).read_text(encoding="utf-8")):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            page = context.new_page()
            if css is not None:
                page.route(f"**/{published.name}", shipped_stylesheet(css))
            page.goto(site_base + path)
            page.wait_for_load_state("networkidle")
            # The search field and the edit button fade their colour in after load at their own
            # pace, so they are masked in both pictures; the rest must match pixel for pixel.
            fading = [page.locator(".md-search__form"), page.locator(".md-content__button")]
            shots.append(
                page.screenshot(full_page=True, animations="disabled", caret="hide", mask=fading)
            )
        finally:
            context.close()
    if shots[0] != shots[1]:
        for name, shot in zip(("trimmed", "shipped"), shots, strict=True):
            (built_site.parent / f"css-{name}-{width}-{scheme}.png").write_bytes(shot)
    assert shots[0] == shots[1], f"{path} at {width} px ({scheme}) looks different"


def test_a_rebuild_that_names_no_new_class_trims_from_the_cache(
    tmp_path: Path, monkeypatch
) -> None:
    from scripts.publish import css_trim
    from scripts.render_cache import RenderCache

    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.x.min.css").write_text(THEME_CSS, encoding="utf-8")
    (tmp_path / "index.html").write_text('<p class="md-header">', encoding="utf-8")
    cache = RenderCache(css_trim.trim_namespace(), tmp_path / "cache.json")
    css_trim.trim_site_css(tmp_path, cache)
    trimmed = (styles / "main.x.min.css").read_text(encoding="utf-8")
    assert ".md-tabs" not in trimmed and ".md-header" in trimmed
    (styles / "main.x.min.css").write_text(THEME_CSS, encoding="utf-8")  # a fresh build's copy

    def parse_again(*args: object) -> str:
        raise AssertionError("the stylesheet was parsed again")

    monkeypatch.setattr(css_trim, "trim", parse_again)
    css_trim.trim_site_css(tmp_path, cache)
    assert (styles / "main.x.min.css").read_text(encoding="utf-8") == trimmed
    (tmp_path / "index.html").write_text('<p class="md-header md-tabs">', encoding="utf-8")
    (styles / "main.x.min.css").write_text(THEME_CSS, encoding="utf-8")
    with pytest.raises(AssertionError, match="parsed again"):
        css_trim.trim_site_css(tmp_path, cache)  # a new class: trimmed afresh
