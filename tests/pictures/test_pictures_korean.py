"""The pictures in the Korean edition: drawn from docs/ko/ with the Korean catalog
(includes/ko/ui-text-pictures.yml), they look up no text the catalog lacks and draw Korean
words, dates and names; the Korean map is its own committed SVG (includes/ko/locator-map.svg,
from scripts/pictures/places.ko.json) whose staleness the map check catches; the English
pictures are the same with the English catalog as without one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml

from scripts import languages, timeline
from scripts.pictures import alignments, locator, pages, strip
from scripts.pictures.common import PictureError
from tests.pictures.test_pictures import run_map_check

ROOT = Path(__file__).resolve().parents[2]
KO_DOCS = ROOT / "docs" / "ko"
CATALOG = ROOT / "includes" / "ko" / "ui-text-pictures.yml"
KO_MAP = ROOT / "includes" / "ko" / "locator-map.svg"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def korean_text() -> languages.UiText:
    return languages.read_ui_text(ROOT, "ko")


def korean_site() -> tuple[list, dict]:
    site_pages, nav = timeline.read_site(ROOT / "mkdocs.ko.yml")
    return timeline.sort_events(site_pages, nav), pages.collect_moves(site_pages)


def korean_pictures(text: languages.UiText) -> dict[str, str]:
    """Each picture's HTML as the Korean build puts it in its page."""
    events, moves = korean_site()
    return {
        "strip": strip.render(events, on_page=timeline.PAGE_PATH, text=text),
        "strip-compact": strip.render(events, on_page="index.md", compact=True, text=text),
        "align": alignments.render(moves["index.md"], on_page="index.md", text=text),
        "map": locator.render(on_page="places.md", text=text),
    }


def svg_words(html: str) -> list[str]:
    """The text drawn in the picture's SVG: its <text> elements, <title>s and <desc>."""
    tree = lxml.html.fromstring(html)
    found = tree.xpath(
        "//*[local-name()='svg']//*[local-name()='text' or local-name()='title' "
        "or local-name()='desc']"
    )
    return [element.text_content().strip() for element in found]


def test_korean_pictures_find_every_text_in_the_catalog() -> None:
    text = korean_text()
    korean_pictures(text)
    assert text.missing == set()


def test_every_catalog_entry_keeps_its_placeholders() -> None:
    catalog = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    wrong = {
        english: korean
        for english, korean in catalog.items()
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(korean))
    }
    assert wrong == {}


def test_korean_pictures_draw_korean_words_and_no_english_ones() -> None:
    drawn = korean_pictures(korean_text())
    words = {name: svg_words(html) for name, html in drawn.items()}
    for name, found in words.items():
        # Every drawn text is Korean, or a number ("2018", "11,200km").
        english = [w for w in found if re.search(r"[A-Za-z]{3,}", w) and not HANGUL.search(w)]
        assert english == [], name
    strip_words = words["strip"]
    assert {"1월", "9월", "12월"} <= set(strip_words)
    assert any(w.startswith("2023년 9월 13일: ") and "(러시아" in w for w in strip_words)
    assert {"북한", "한국", "러시아", "중국", "일본", "미국"} <= set(words["align"])
    assert "정상회담, 9월(정상회담): 북한, 러시아에 다가섬" in words["align"]
    assert {"평양", "서울", "단둥", "보스토치니 우주기지", "러시아", "동해"} <= set(words["map"])
    assert words["map"][0] == "북한의 2023년, 사건이 일어난 곳"


def test_korean_captions_and_data_are_korean() -> None:
    drawn = korean_pictures(korean_text())
    compact = lxml.html.fromstring(drawn["strip-compact"])
    caption = compact.xpath("string(//figcaption)")
    assert caption.startswith("한눈에 보는 연표: ")
    assert compact.xpath("string(//summary)") == "데이터 목록"
    first = compact.xpath("//ol/li")[0].text_content()
    assert first.startswith("2018년 4월 27일(일 단위): ")
    table = lxml.html.fromstring(drawn["align"])
    assert table.xpath("//th/text()") == ["주체", "상대", "움직임", "유형", "결과"]
    places = lxml.html.fromstring(drawn["map"])
    items = [item.text_content() for item in places.xpath("//ul[@class='pic__list']/li")]
    assert items[1].startswith("평양(북위 39.02°, 동경 125.75°): ")
    assert items[-1].startswith("워싱턴(지도 밖, 화살표로 표시): ")


def test_diagram_boxes_fit_hangul_names() -> None:
    html = korean_pictures(korean_text())["align"]
    tree = lxml.html.fromstring(html)
    for node in tree.xpath("//*[@class='pic-align__node']"):
        name = node.xpath("string(*[local-name()='text'])")
        width = float(node.xpath("*[local-name()='rect']")[0].get("width"))
        # 1 em (14 px) a syllable, and the English box's 16 px of padding.
        assert width >= 14 * len(name) + 16, name
    assert alignments.text_width("North Korea") == 11 * 8.5
    assert alignments.text_width("북한") == 28


def test_english_pictures_are_the_same_with_the_english_catalog() -> None:
    site_pages, nav = timeline.read_site(ROOT / "mkdocs.yml")
    events, moves = timeline.sort_events(site_pages, nav), pages.collect_moves(site_pages)
    for path in ("index.md", "places.md"):
        markdown = (ROOT / "docs" / path).read_text(encoding="utf-8")
        english = languages.UiText()
        given = pages.add_pictures(
            markdown, path, label=path, events=events, moves=moves, text=english
        )
        assert given == pages.add_pictures(markdown, path, label=path, events=events, moves=moves)
        assert english.missing == set()
        assert not HANGUL.search(given)


def test_korean_build_reads_the_korean_map() -> None:
    assert locator.svg_for("ko") == KO_MAP
    assert locator.svg_for("en") == locator.SVG
    html = locator.render(on_page="places.md", text=korean_text())
    assert '<title id="pic-map-title">북한의 2023년, 사건이 일어난 곳</title>' in html
    # Its links are made relative to the page, as the English map's are.
    assert 'xlink:href="../russia/#kim-putin-summit"' in html


def test_korean_map_labels_cover_every_place_of_places_json() -> None:
    english = locator.read_places()
    korean = locator.read_places(language="ko")
    assert [p["id"] for p in korean["places"]] == [p["id"] for p in english["places"]]
    assert all(HANGUL.search(place["name"]) for place in korean["places"])
    assert all(HANGUL.search(place["what"]) for place in korean["places"])
    assert [entry["name"] for entry in korean["names"]] == ["러시아", "중국", "일본", "동해"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda words: words["places"].pop("seoul"), "'places': expected exactly the ids"),
        (lambda words: words["places"]["seoul"].pop("what"), "places.seoul: expected exactly"),
        (lambda words: words["names"].update(CHINA=""), "names.CHINA: expected a non-empty"),
        (lambda words: words.pop("washington"), "washington: expected exactly the fields"),
    ],
)
def test_incomplete_korean_labels_name_the_file_and_entry(change, message: str) -> None:
    words = json.loads(locator.places_translation("ko").read_text(encoding="utf-8"))
    change(words)
    with pytest.raises(PictureError, match=r"^places\.ko\.json: ") as error:
        locator.translate_places(locator.read_places(), words, "places.ko.json")
    assert message in str(error.value)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_committed_korean_map_is_fresh() -> None:
    result = run_map_check("--language", "ko")
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_map_check_fails_on_a_stale_korean_svg(tmp_path: Path) -> None:
    stale = tmp_path / "locator-map.svg"
    stale.write_text(KO_MAP.read_text(encoding="utf-8").replace("평양", "핑양"), encoding="utf-8")
    result = run_map_check("--language", "ko", "--out", str(stale))
    assert result.returncode == 1
    assert "is stale" in result.stderr
    assert "places.ko.json" in result.stderr
    # The English map is not the Korean one: checked against English, the Korean file is stale.
    result = run_map_check("--out", str(KO_MAP))
    assert result.returncode == 1


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_map_check_of_an_unknown_language_names_the_languages_with_a_map() -> None:
    result = run_map_check("--language", "xx")
    assert result.returncode == 2
    assert "languages with a map: en, ko" in result.stderr


def test_korean_map_in_the_page_without_its_svg_names_the_file(monkeypatch) -> None:
    monkeypatch.setattr(locator, "svg_for", lambda language: locator.SVG)
    with pytest.raises(PictureError, match=r"^includes/ko/locator-map\.svg: missing; run"):
        locator.render(on_page="places.md", text=korean_text())
