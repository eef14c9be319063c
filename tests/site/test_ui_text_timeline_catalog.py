"""The generated pages' and the theme's words and their Korean catalog agree, with no build.

includes/ko/ui-text-timeline.yml holds the Korean of every text that the timeline (page,
downloads, calendar), the changes page and the theme's 404 page, edition note and old-edition
banner show. Here: every text they look up has an entry with the same {placeholders}, and no
entry is unused; the checker is run on planted bad input too, to prove it fails. The templates
are rendered with a stand-in for Material's base.html and the `t` filter the hooks register
(the build language's UiText), in English and in Korean.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar

import jinja2
import pytest
import yaml

from scripts import changes_page, editions, languages, timeline, timeline_ics
from scripts.publish import minify
from tests.conftest import ROOT
from tests.site.test_ui_text_catalog import UniqueKeyLoader
from tests.timeline.timeline_helpers import make_event

CATALOG = ROOT / "includes" / "ko" / "ui-text-timeline.yml"
OVERRIDES = ROOT / "overrides"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Material's base.html, reduced to the blocks our templates fill; the citation partials that
# main.html includes are left out (their texts are another catalog's).
STAND_INS = {
    "partials/cite-box.html": "",
    "partials/page-meta.html": "",
}
BASE = (
    "<html><body>{% block extrahead %}{% endblock %}"
    '<div data-md-component="outdated">{% block outdated %}{% endblock %}</div>'
    "<main>{% block content %}{% endblock %}</main>{% block scripts %}{% endblock %}"
    "</body></html>"
)
EDITION = {
    "version": "2026.1",
    "date": "15 January 2026",
    "pdf": "edition-2026.1.pdf",
    "changes": "changes/#edition-2026-1",
    "changed_pages": ["russia.md"],
    "corrected_pages": ["russia.md"],
    "page_diffs": {"russia.md": "https://github.com/owner/repo/compare/a...b#diff-1"},
}
NAV = [
    {"title": "Overview", "url": "", "children": None},
    {"title": "Russia", "url": "russia/", "children": None},
]


class _File:
    src_uri = "russia.md"


class _Page:
    url = "russia/"
    file = _File()
    meta: ClassVar[dict[str, Any]] = {}


def template_contexts(language: str) -> Iterable[dict[str, Any]]:
    """Every branch of the templates: no edition, a corrected page with its diff, a changed
    page without one; with and without a repository."""
    # The edition's data as the hooks give it (Edition.template_data: the date in the language).
    corrected = {**EDITION, "date": editions.format_date(dt.date(2026, 1, 15), language)}
    changed = {**corrected, "corrected_pages": [], "page_diffs": {"russia.md": None}}
    for edition in (None, corrected, changed):
        for repo_url in (None, "https://github.com/owner/repo/"):
            extra: dict[str, Any] = {"edition": edition} if edition else {}
            if language != languages.DEFAULT:
                extra["language_home"] = "../"
            yield {
                "config": {"extra": extra, "repo_url": repo_url, "theme": {"language": language}},
                "base_url": "..",
                "page": _Page(),
                "nav": NAV,
            }


def render_templates(text: languages.UiText) -> list[str]:
    """404.html and main.html (with partials/edition.html) in every context, minified as the
    build writes them."""
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.DictLoader(STAND_INS),
                jinja2.FileSystemLoader(OVERRIDES),
                jinja2.DictLoader({"base.html": BASE}),
            ]
        )
    )
    environment.filters["url"] = lambda value: f"/{value}"
    environment.filters["t"] = lambda english, **values: text(english, **values)
    return [
        minify.minify_page(environment.get_template(name).render(**context))
        for context in template_contexts(text.language)
        for name in ("404.html", "main.html")
    ]


def render_everything(text: languages.UiText) -> None:
    """Every generated text in every branch: events of each precision, with and without note
    and source; no events; a plain build's and an edition's changes page; the templates."""
    events = [
        make_event(0, date="2023-07", note="n", source="https://example.org/s"),
        make_event(1, date="2023-09-13", themes=tuple(timeline.THEMES)),
        make_event(2, date="2024"),
    ]
    for evs in (events, []):
        for site_name in ("", "Site"):
            timeline.render_all(evs, site_name=site_name, environ={}, text=text)
    timeline_ics.calendar_name("Site", text=text)
    entries = editions.parse_changelog(
        "editions:\n"
        '  - {version: "2026.2", date: 2026-03-02, items: [{kind: correction, text: A.}, '
        "{kind: change, text: B.}]}\n"
        '  - {version: "2026.1", date: 2026-01-15, items: [{kind: addition, text: C.}]}\n'
    )
    edition = editions.Edition(
        version="2026.2",
        date=dt.date(2026, 3, 2),
        base_url="https://example.org/2026.2/",
        latest_url="https://example.org/latest/",
        pdf_path="e.pdf",
        commit="b",
        entries=entries,
        published=(editions.Published(editions.Version(2026, 1), (), "a"),),
    )
    for options in ({}, {"edition": edition, "repo_url": "https://github.com/o/r"}):
        changes_page.changes_markdown(entries, titles={}, text=text, **options)
    changes_page.changes_markdown((), titles={}, text=text)
    render_templates(text)


def used_texts() -> set[str]:
    """Every English text the build looks up: a Korean lookup with an empty catalog records
    each one it is asked for."""
    recorder = languages.UiText("ko")
    render_everything(recorder)
    return recorder.missing


def catalog_problems(used: set[str], catalog: Mapping[str, str]) -> list[str]:
    """Everything wrong between the texts the build uses and the catalog."""
    problems = [f"no entry for {key!r}" for key in sorted(used - set(catalog))]
    problems += [f"entry {key!r} is used nowhere" for key in sorted(set(catalog) - used)]
    for key, value in sorted(catalog.items()):
        if sorted(PLACEHOLDER.findall(key)) != sorted(PLACEHOLDER.findall(value)):
            problems.append(f"entry {key!r}: the placeholders of {value!r} differ")
    return problems


def read_catalog(text: str) -> dict[str, str]:
    return yaml.load(text, Loader=UniqueKeyLoader)  # a SafeLoader that refuses duplicate keys


def test_every_text_the_build_uses_has_one_korean_entry_and_no_entry_is_unused() -> None:
    catalog = read_catalog(CATALOG.read_text(encoding="utf-8"))
    assert catalog_problems(used_texts(), catalog) == []
    # The build reads it as one of the Korean catalogs.
    assert languages.read_ui_text(ROOT, "ko").texts.items() >= catalog.items()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda c: c.pop("Show all"), "no entry for 'Show all'"),
        (lambda c: c.update({"Show none": "없음"}), "entry 'Show none' is used nowhere"),
        (
            lambda c: c.update({"Read edition {version}": "판 읽기"}),
            "entry 'Read edition {version}': the placeholders of '판 읽기' differ",
        ),
    ],
)
def test_the_checker_finds_planted_problems(
    change: Callable[[dict[str, str]], object], problem: str
) -> None:
    catalog = read_catalog(CATALOG.read_text(encoding="utf-8"))
    change(catalog)
    assert catalog_problems(used_texts(), catalog) == [problem]


def test_the_catalog_refuses_a_key_given_twice(tmp_path: Path) -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'Search'"):
        read_catalog('"Search": "검색"\n"Search": "찾기"\n')


def test_korean_templates_show_no_english() -> None:
    korean = languages.read_ui_text(ROOT, "ko")
    pages = render_templates(korean)
    assert korean.missing == set()
    not_found = pages[1 * 2]  # with a repository, no edition
    assert "<h1 id=page-not-found>페이지를 찾을 수 없다</h1>" in not_found
    assert "for=__search>검색</label> 단추를 누르거나 <kbd>/</kbd> 키를" in not_found
    assert "broken-link.yml>깨진 링크를 알려 달라</a>." in not_found.replace('"', "")
    edition_page = pages[2 * 2 + 1]  # main.html of a corrected page in an edition
    assert "이 글은 2026년 1월 15일에 펴낸 2026.1판이다." in edition_page
    assert "<strong>이 판에서 정정한 페이지다.</strong>" in edition_page
    assert "지금 읽는 것은 최신판이 아닌 2026.1판이다. <a class=edition-latest" in edition_page
    # The latest edition's page in this language: up from ko/ and the edition, into latest/ko/.
    assert "href=../../../latest/ko/russia/>최신판에서 이 페이지 읽기</a>" in edition_page
    assert "data-latest=../../../latest/ko/" in edition_page
    changed_page = pages[4 * 2 + 1]
    assert "<strong>이 판에서 바뀐 페이지다.</strong>" in changed_page
    english_words = re.compile(
        r"\b(Page|Search|edition|Edition|Report|Followed|Changed|Corrected|What|view|Read)\b"
    )
    for page in pages:
        visible = re.sub(r"<(script|style)\b.*?</\1>", " ", page)
        visible = re.sub(r"<[^>]*>", " ", visible)
        assert not english_words.search(visible), visible


def test_english_templates_are_the_english_text() -> None:
    english = languages.read_ui_text(ROOT, "en")
    pages = render_templates(english)
    assert pages == render_templates(languages.ENGLISH)
    assert english.missing == set()
    not_found, edition_page = pages[1 * 2], pages[2 * 2 + 1]
    assert (
        "<h1 id=page-not-found>Page not found</h1><p>There is no page at this address. It may "
        "be mistyped, or a page may have moved; links to sections (the part after <code>#</code>"
        ") are kept working when a section is renamed, so an old citation should still find its "
        'text.</p><h2 id=search-the-site>Search the edition</h2><p><label class="md-button '
        'md-button--primary" for=__search>Search</label> or press <kbd>/</kbd> and type a name, '
        "a place or a date, for example <em>Vostochny</em>, <em>satellite</em> or <em>2018 "
        "agreement</em>.</p><h2 id=pages>Pages of the edition</h2>"
    ) in not_found
    assert (
        '<p>Followed a link from this site or from a citation? <a href="https://github.com/owner/'
        'repo/issues/new?template=broken-link.yml">Report the broken link</a> so we can fix or '
        "redirect it.</p>"
    ) in not_found
    assert (
        "You are reading edition 2026.1, which is not the latest. <a class=edition-latest "
        "data-latest=../../latest/ href=../../latest/russia/>Read this page in the latest "
        "edition</a>.</div>"
    ) in edition_page
    assert (
        '<section aria-label="This edition" class=edition-note><p>Edition 2026.1 of 15 January '
        "2026. <a href=/edition-2026.1.pdf type=application/pdf>The whole edition as a PDF</a> · "
        "<a href=/changes/#edition-2026-1>Changes and corrections</a></p><p class=edition-note__"
        "changed><strong>Corrected in this edition.</strong> <a href=/changes/#edition-2026-1>"
        "What changed</a> · <a href=https://github.com/owner/repo/compare/a...b#diff-1>view all "
        "changes to this page</a></p></section>"
    ) in edition_page
