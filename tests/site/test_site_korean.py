"""The Korean edition: every page in Korean at the same address under ko/, with the same ids.

The English site is built once per session (tests/conftest.py), and its build builds the
Korean one into ko/ (scripts/hooks.py). These tests read the built HTML.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from xml.etree import ElementTree

import lxml.html
import pytest

from scripts import frontmatter, languages, project
from scripts.pictures import alignments

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_PAGES = project.site_nav_urls(ROOT / "mkdocs.yml")
KOREAN_PAGES = project.site_nav_urls(ROOT / "mkdocs.ko.yml")
HANGUL = re.compile("[\uac00-\ud7a3]")
# The text of the page as published: Material's content column.
ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
# Settings of mkdocs.ko.yml that may differ from mkdocs.yml's: the Korean link title and the
# Korean snippets first; the git plugin's date in Korean order; no mike plugin (the English
# build's site_url already names the edition).
KOREAN_ONLY = {
    "toc": {"permalink_title"},
    "pymdownx.snippets": {"base_path"},
    "git-revision-date-localized": {"custom_format"},
}
EVENT_DATA_FIELDS = ("id", "date", "section", "themes", "source")


def html_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


def article_ids(html: str) -> set[str]:
    """Every id a reader can link to in a page's text: sections, paragraphs, events."""
    tree = lxml.html.fromstring(html)
    return {element.get("id") for element in tree.xpath(f"{ARTICLE}//*[@id]")}


def read_pages(folder: Path) -> dict[str, frontmatter.Page]:
    pages = {}
    for path in sorted(folder.glob("*.md")):
        page = frontmatter.read_page(
            path.name, path.read_text(encoding="utf-8"), label=str(path), paragraphs=range(1, 16)
        )
        pages[page.path] = page
    return pages


def test_the_korean_nav_lists_the_same_pages_in_the_same_order() -> None:
    assert KOREAN_PAGES == ENGLISH_PAGES


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_each_page_has_the_same_ids_in_both_languages(built_site: Path, url: str) -> None:
    english = article_ids(html_file(built_site, url).read_text(encoding="utf-8"))
    korean = article_ids(html_file(built_site / "ko", url).read_text(encoding="utf-8"))
    assert english, f"{url}: no ids found (the page's layout changed?)"
    assert korean == english, (
        f"{url}: only in English {sorted(english - korean)}; only in Korean "
        f"{sorted(korean - english)}"
    )


def test_the_id_comparison_sees_a_renamed_heading(built_site: Path) -> None:
    """The check above fails on a Korean page whose heading lost its `{#id}`."""
    html = html_file(built_site / "ko", "russia/").read_text(encoding="utf-8")
    broken = html.replace('id="kim-putin-summit"', 'id="section-3"', 1)
    broken = broken.replace("id=kim-putin-summit", "id=section-3", 1)
    english = article_ids(html_file(built_site, "russia/").read_text(encoding="utf-8"))
    assert article_ids(broken) != english


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_korean_pages_are_marked_korean_and_link_to_their_english_page(
    built_site: Path, url: str
) -> None:
    korean = lxml.html.fromstring(html_file(built_site / "ko", url).read_text(encoding="utf-8"))
    english = lxml.html.fromstring(html_file(built_site, url).read_text(encoding="utf-8"))
    assert korean.get("lang") == "ko" and english.get("lang") == "en"
    for tree, here in ((english, url), (korean, "ko/" + url)):
        # The head names no hreflang (scripts/publish/html_fixes.py): the sitemaps do.
        assert not tree.xpath("//head/link[@hreflang]"), here
        # The header's link names the other language and leads to this page there.
        other = {"en": "ko", "ko": "en"}[tree.get("lang")]
        links = {
            link.get("hreflang"): link.get("href")
            for link in tree.xpath("//header//a[contains(@class, 'md-header__language')]")
        }
        assert _resolves(here, links) == {other: ("ko/" if other == "ko" else "") + url}, here


def _resolves(here: str, links: dict[str, str]) -> dict[str, str]:
    """Each relative link as a site-root path, seen from the page at `here`."""
    resolved = {}
    for language, href in links.items():
        path = posixpath.normpath("/" + here + href).lstrip("/")
        resolved[language] = path + "/" if path and href.endswith("/") else path
    return resolved


def test_the_korean_pages_carry_the_english_pages_data() -> None:
    """Events, restated paragraphs and the diagram's moves are the same records in both
    languages: only their text is translated."""
    english = read_pages(ROOT / "docs")
    korean = read_pages(ROOT / "docs" / "ko")
    assert korean.keys() == english.keys()
    for path, page in english.items():
        translated = korean[path]
        assert translated.restates == page.restates, path
        assert [
            (event.id, event.date.text, event.section, event.themes, event.source)
            for event in translated.events
        ] == [
            (event.id, event.date.text, event.section, event.themes, event.source)
            for event in page.events
        ], path
        assert HANGUL.search(translated.title), f"{path}: title not in Korean"
        for event in translated.events:
            assert HANGUL.search(event.title), f"{path}: event {event.id} title not in Korean"


def test_the_alignment_moves_are_the_same_in_both_languages() -> None:
    def moves(folder: Path) -> list[tuple[str, ...]]:
        meta = frontmatter.load_yaml(
            frontmatter.split_front_matter(
                (folder / "index.md").read_text(encoding="utf-8"), "index.md"
            )[0]
            or "",
            "index.md",
            1,
        )
        return [
            tuple(str(move[key]) for key in ("from", "to", "kind", "effect", "section"))
            for move in meta["alignments"]
        ]

    assert alignments is not None
    assert moves(ROOT / "docs" / "ko") == moves(ROOT / "docs")


def test_the_korean_configuration_differs_only_where_korean_pages_need() -> None:
    english = project.read_config(ROOT / "mkdocs.yml")
    korean = project.read_config(ROOT / "mkdocs.ko.yml")

    def by_name(entries: list[object]) -> dict[str, dict[str, object]]:
        named = {}
        for entry in entries:
            name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
            named[str(name)] = dict(options or {})
        return named

    for key in ("markdown_extensions", "plugins"):
        ours, theirs = by_name(korean[key]), by_name(english[key])
        assert set(ours) == set(theirs) - {"mike"}, key
        for name, options in ours.items():
            allowed = KOREAN_ONLY.get(name, set())
            differing = {
                option
                for option in set(options) | set(theirs[name])
                if options.get(option) != theirs[name].get(option)
            }
            assert differing <= allowed, f"{key} {name}: {sorted(differing - allowed)}"


def test_korean_citations_speak_ko_kr_and_name_the_korean_address(built_site: Path) -> None:
    data = json.loads((built_site / "ko" / "cite" / "russia.json").read_text(encoding="utf-8"))
    assert data["page"] == project.LOCAL_SITE_URL + "ko/russia/"
    text = json.dumps(data["items"]["kim-putin-summit"]["formats"], ensure_ascii=False)
    assert project.LOCAL_SITE_URL + "ko/russia/" in text
    # CSL ko-KR writes MLA's date as "2026년 1월 15일".
    assert re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일", text), text[:400]


@pytest.mark.parametrize("edition", ["", "ko/"])
def test_each_sitemap_names_every_pages_two_languages(built_site: Path, edition: str) -> None:
    tree = ElementTree.parse(built_site / edition / "sitemap.xml")
    urls = tree.findall(f"{project.SITEMAP_NS}url")
    prefix = project.LOCAL_SITE_URL + edition
    pages = [url.find(f"{project.SITEMAP_NS}loc").text.removeprefix(prefix) for url in urls]
    assert sorted(pages) == sorted(ENGLISH_PAGES)  # the sitemap lists files, not the nav
    for url, page in zip(urls, pages, strict=True):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("{http://www.w3.org/1999/xhtml}link")
        }
        assert alternates == {
            "en": project.LOCAL_SITE_URL + page,
            "ko": project.LOCAL_SITE_URL + "ko/" + page,
        }, page


def test_robots_txt_names_both_sitemaps(built_site: Path) -> None:
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {project.LOCAL_SITE_URL}sitemap.xml" in robots
    assert f"Sitemap: {project.LOCAL_SITE_URL}ko/sitemap.xml" in robots
    assert not (built_site / "ko" / "robots.txt").exists()


def test_every_catalog_text_the_build_used_exists() -> None:
    """A Korean text missing from the catalogs stays English and is reported."""
    text = languages.read_ui_text(ROOT, "ko")
    assert text("Copy") != "Copy"
    assert text("A text no catalog has") == "A text no catalog has"
    assert text.missing == {"A text no catalog has"}


def test_templates_speak_the_pages_language_though_their_compiled_form_is_shared(
    built_site: Path,
) -> None:
    # The English build compiles the theme's templates into Jinja's bytecode cache and the
    # Korean build, in the same process, loads them from it: a UI text folded in at compile
    # time would show the English on a Korean page.
    korean = languages.read_ui_text(ROOT, "ko")
    for folder, expected in (
        ("", "How to cite this page"),
        ("ko/", korean("How to cite this page")),
    ):
        page = lxml.html.fromstring(html_file(built_site, folder + "china/").read_bytes())
        [box] = page.xpath('//section[contains(@class, "cite-box")]')
        assert box.get("aria-label") == expected, folder or "English"
    assert korean("How to cite this page") != "How to cite this page"
