"""The timeline page and its downloads in Korean, with no build: the Korean catalog
(includes/ko/ui-text-timeline.yml) gives every text readers see, dates are written the Korean
way ("2023년 9월 13일"), and ids, anchors and machine-readable fields are the English ones.
The English rendering is the same with or without an English catalog passed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import icalendar
import markdown
import pytest
from bs4 import BeautifulSoup

from scripts import languages, timeline, timeline_ics
from scripts.frontmatter import date_label, parse_date, read_page
from tests.conftest import ROOT
from tests.timeline.timeline_helpers import make_event

STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
SITE = "https://example.org/edition/ko/"
# Every branch of the page, the downloads and the calendar, in timeline order: a month, a day
# and a year date, a note, a source, two themes.
EVENTS = [
    make_event(0, date="2023-07", themes=("russia", "weapons"), title="대표단 방문"),
    make_event(1, date="2023-09-13", note="정상회담 메모", source="https://example.org/a?b=1&c=2"),
    make_event(2, date="2024", themes=("outlook",), title="전망"),
]
DAY_EVENT = "2023-09-13-event-1"


@pytest.fixture
def korean() -> languages.UiText:
    """The Korean catalog, fresh for each test (a lookup records what it lacks)."""
    return languages.read_ui_text(ROOT, "ko")


def html_of(markdown_page: str) -> BeautifulSoup:
    """The page's body through Python-Markdown with the site's relevant extensions."""
    body = markdown_page.split("---\n", 2)[2]
    converter = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"])
    return BeautifulSoup(converter.convert(body), "lxml")


@pytest.mark.parametrize(
    ("date", "english", "korean"),
    [
        ("2023-09-13", "13 September 2023", "2023년 9월 13일"),
        ("2023-04", "April 2023", "2023년 4월"),
        ("2024", "2024", "2024년"),
    ],
)
def test_dates_are_written_in_each_language(date: str, english: str, korean: str) -> None:
    parsed = parse_date(date, "test")
    assert (date_label(parsed), date_label(parsed, "en"), parsed.label) == (english,) * 3
    assert date_label(parsed, "ko") == korean


def test_korean_page_has_korean_dates_signposts_and_labels(korean: languages.UiText) -> None:
    page = timeline.render_markdown(EVENTS, text=korean)
    assert korean.missing == set()
    soup = html_of(page)
    assert [time.get_text() for time in soup.select("li.tl-event time")] == [
        "2023년 7월",
        "2023년 9월 13일",
        "2024년",
    ]
    assert soup.select_one("time[datetime='2023-09-13']").get_text() == "2023년 9월 13일"
    assert soup.find(id="y2023").get_text() == "2023년"
    assert soup.find(id="y2023-09").get_text() == "2023년 9월"
    assert soup.find(id="y2023-07").get_text() == "2023년 7월"
    assert soup.find(id="y2024").get_text() == "2024년"
    assert soup.find(id="timeline").get_text() == "연표"
    assert soup.find(id="downloads").get_text() == "내려받기"
    assert [b.contents[0].strip() for b in soup.select("button.tl-filter__theme")] == [
        "러시아",
        "중국",
        "남북 관계",
        "미국",
        "무기",
        "전망",
    ]
    assert soup.select_one("button.tl-filter__reset").get_text() == "모두 보기"
    event = soup.find(id=DAY_EVENT)
    assert event.select_one("a.tl-event__date")["title"] == "이 사건으로 가는 링크"
    assert event.select_one(".tl-event__note strong").get_text() == "참고:"
    assert event.select_one(".tl-event__source a").get_text() == "공개 출처"
    assert "사건 3개를 모두" in page
    # Nothing of the English page's prose is left.
    for english in ("Show all", "Timeline", "Downloads", "Public source", "September", "Note:"):
        assert english not in soup.get_text(), english


def test_korean_page_keeps_the_english_ids_anchors_and_links(korean: languages.UiText) -> None:
    def skeleton(page: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        """Every element with its attributes, the translated `title` left out."""
        return [
            (tag.name, tuple((k, str(v)) for k, v in tag.attrs.items() if k != "title"))
            for tag in html_of(page).find_all(True)
        ]

    english = timeline.render_markdown(EVENTS)
    assert skeleton(timeline.render_markdown(EVENTS, text=korean)) == skeleton(english)
    assert korean.missing == set()


def test_korean_page_front_matter_passes_the_same_validation(korean: languages.UiText) -> None:
    page = read_page("timeline.md", timeline.render_markdown(EVENTS, text=korean))
    assert page.title == "연표"
    assert page.description.startswith("이 판에서")
    assert {"timeline", "y2023", "y2023-09", "y2024", "downloads", "dates"} <= set(page.headings)


def test_korean_downloads_label_in_korean_and_keep_the_data(korean: languages.UiText) -> None:
    files = timeline.render_all(
        EVENTS, site_url=SITE, uid_domain="t", environ={}, site_name="북한", text=korean
    )
    english = timeline.render_all(EVENTS, site_url=SITE, uid_domain="t", environ={})
    assert korean.missing == set()
    data, english_data = json.loads(files["timeline.json"]), json.loads(english["timeline.json"])
    assert [theme["label"] for theme in data["themes"]][:3] == ["러시아", "중국", "남북 관계"]
    assert [t["id"] for t in data["themes"]] == [t["id"] for t in english_data["themes"]]
    assert [e["label"] for e in data["events"]] == ["2023년 7월", "2023년 9월 13일", "2024년"]
    # Everything but the date's label is the same data as the English build's.
    for record, english_record in zip(data["events"], english_data["events"], strict=True):
        assert {**record, "label": None} == {**english_record, "label": None}
    assert data["events"][1]["start"] == "2023-09-13"
    rows = list(csv.DictReader(io.StringIO(files["timeline.csv"].decode("utf-8-sig"))))
    assert [row["label"] for row in rows] == ["2023년 7월", "2023년 9월 13일", "2024년"]
    assert [row["themes"] for row in rows] == ["russia;weapons", "russia", "outlook"]
    assert files["timeline.csv"].decode("utf-8-sig").startswith(",".join(timeline.CSV_COLUMNS))
    assert files["timeline.schema.json"] == english["timeline.schema.json"]


def test_korean_calendar_names_titles_and_describes_in_korean(korean: languages.UiText) -> None:
    raw = timeline.render_ics(
        EVENTS, dtstamp=STAMP, uid_domain="t", site_name="북한의 2023년 전환", text=korean
    )
    assert korean.missing == set()
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar["X-WR-CALNAME"]) == "북한의 2023년 전환: 연표"
    assert str(calendar["PRODID"]) == "-//t//timeline//KO"
    month, day, year = calendar.walk("VEVENT")
    assert str(day["SUMMARY"]) == "Event 1"
    assert str(month["SUMMARY"]) == "대표단 방문 (2023년 7월)"
    assert str(year["SUMMARY"]) == "전망 (2024년)"
    assert str(day["DESCRIPTION"]) == (
        "날짜: 2023년 9월 13일\n참고: 정상회담 메모\n다루는 절: Russia ties: The summit\n"
        "출처: https://example.org/a?b=1&c=2"
    )
    assert str(month["DESCRIPTION"]).startswith("날짜: 2023년 7월 (달까지만 알려져 있어")
    assert str(year["DESCRIPTION"]).startswith("날짜: 2024년 (해까지만 알려져 있어")
    assert [str(c) for c in month["CATEGORIES"].cats] == ["러시아", "무기"]
    # The same entries as the English calendar: uids, dates, revision.
    english = icalendar.Calendar.from_ical(
        timeline.render_ics(EVENTS, dtstamp=STAMP, uid_domain="t")
    )
    for entry, english_entry in zip(calendar.walk("VEVENT"), english.walk("VEVENT"), strict=True):
        for key in ("UID", "DTSTART", "DTEND", "SEQUENCE", "LAST-MODIFIED", "DTSTAMP"):
            assert entry.decoded(key) == english_entry.decoded(key)
    assert timeline_ics.calendar_name(text=korean) == "연표"


def test_the_korean_site_renders_with_no_catalog_miss(korean: languages.UiText) -> None:
    """The real Korean pages (docs/ko/), rendered as the Korean build renders them."""
    pages, nav = timeline.read_site(ROOT / "mkdocs.ko.yml")
    events = timeline.sort_events(pages, nav)
    files = timeline.render_all(events, site_name="북한의 2023년 전환", environ={}, text=korean)
    assert korean.missing == set()
    page = files["timeline.md"]
    assert "2023년 9월 13일" in page
    assert "### 2023년 9월 {#y2023-09 .no-cite-tools}" in page
    assert not re.search(
        r"\b(January|February|March|April|May|June|July|August|September|"
        r"October|November|December)\b",
        page,
    )


def test_english_rendering_is_the_same_with_the_english_catalog() -> None:
    """English is the identity: no catalog passed, `ENGLISH` and read_ui_text(…, "en") give
    the same bytes, with the English dates and labels."""
    options = {"site_url": SITE, "uid_domain": "t", "environ": {}, "site_name": "N"}
    default = timeline.render_all(EVENTS, **options)
    assert timeline.render_all(EVENTS, text=languages.ENGLISH, **options) == default
    english = languages.read_ui_text(ROOT, "en")
    assert timeline.render_all(EVENTS, text=english, **options) == default
    assert english.missing == set()
    page = default["timeline.md"]
    assert "title: Timeline\n" in page
    assert '<time datetime="2023-09-13">13 September 2023</time>' in page
    assert "### September 2023 {#y2023-09 .no-cite-tools}" in page
    assert "## 2024 {#y2024 .no-cite-tools}" in page
    assert "data-tl-reset>Show all</button>" in page
    assert b"X-WR-CALNAME:N: timeline" in default["timeline.ics"]
    assert b"PRODID:-//t//timeline//EN" in default["timeline.ics"]
    assert json.loads(default["timeline.json"])["events"][0]["label"] == "July 2023"


def test_a_catalog_lacking_a_text_leaves_it_english_and_says_so(korean: languages.UiText) -> None:
    """Broken input: the check that proves the Korean page complete fails when one entry is
    gone, and the text it lacks is shown in English rather than dropped."""
    broken = languages.UiText("ko", {k: v for k, v in korean.texts.items() if k != "Show all"})
    page = timeline.render_markdown(EVENTS, text=broken)
    assert broken.missing == {"Show all"}
    assert "data-tl-reset>Show all</button>" in page
    assert "러시아" in page  # the rest is still Korean
