"""In Chromium: "Cite this passage" on a selection and, by keyboard, on a paragraph; the panel's
citations to the letter; its link opens the paragraph with the words matched; axe finds
nothing wrong with the panel open.

The site is served from a sub-folder (`site_base`), so every address passage.js makes is
relative to where it runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser

PAGE = "russia/"
PARAGRAPH = "support-for-the-war-p1"
SENTENCE = (
    "He said Moscow \u2018will prevail\u2019 in its fight against those he called"
    " \u2018imperialists\u2019."
)
SHOTS = Path("/work/passage-shots")

# The range of `words` in a block, across its text nodes (a quotation stands in a span of its
# own: scripts/quotations.py), or null.
FIND_WORDS = """function findWords(id, words) {
  const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push([node, text.length]);
    text += node.textContent;
  }
  const at = text.indexOf(words);
  if (at < 0) return null;
  const place = (offset, range, edge) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      if (nodes[i][1] <= offset) return range[edge](nodes[i][0], offset - nodes[i][1]);
    }
  };
  const range = document.createRange();
  place(at, range, "setStart");
  place(at + words.length, range, "setEnd");
  return range;
}"""

SELECT = (
    "([id, words]) => {\n"
    + FIND_WORDS
    + """
  const range = findWords(id, words);
  if (!range) return false;
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return true;
}"""
)

IN_VIEW = """id => {
  const box = document.getElementById(id).getBoundingClientRect();
  return box.top >= 0 && box.top < window.innerHeight;
}"""


def section_year(built_site: Path) -> str:
    """The year the section's citations give (the page's last change)."""
    data = json.loads((built_site / "cite" / "russia.json").read_text(encoding="utf-8"))
    formats = data["items"]["support-for-the-war"]["formats"]
    return re.search(r", (\d{4}), para\.", formats[0]["intext"]["text"]).group(1)


def expected_quotations(year: str) -> dict[str, str]:
    quoted = SENTENCE[:-1]  # the sentence's period moves after the citation
    return {
        "apa": f"\u201c{quoted}\u201d (Russia Ties: Backing Moscow\u2019s War, {year}, para. 1).",
        "mla": (
            f"\u201c{quoted}\u201d (\u201cRussia Ties: Backing Moscow\u2019s War,\u201d par. 1)."
        ),
        "chicago": f"\u201c{quoted}\u201d (North Korea\u2019s 2023 Pivot {year}, para. 1).",
    }


def panel_texts(page: object) -> dict[str, str]:
    panel = page.locator(".passage-panel")
    panel.locator(".passage-panel__styles").wait_for()
    return {
        "quote": panel.locator(".passage-panel__quote").inner_text(),
        "pinpoint": panel.locator(".passage-panel__pinpoint").inner_text(),
        "edition": panel.locator(".passage-panel__edition").inner_text(),
        **{
            style: panel.locator(f"#passage-{style}-quote").inner_text()
            for style in ("apa", "mla", "chicago")
        },
        **{
            f"{style}-entry": panel.locator(f"#passage-{style}-entry").inner_text()
            for style in ("apa", "mla", "chicago")
        },
        "link": panel.locator("#passage-link a").get_attribute("href"),
    }


WORDS_CENTRE = (
    "([id, words]) => {\n"
    + FIND_WORDS
    + """
  const range = findWords(id, words);
  if (!range) return null;
  const box = range.getBoundingClientRect();
  return (box.top + box.bottom) / 2 - innerHeight / 2;
}"""
)


def words_offset(open_page, address: str) -> float:
    """How far the sentence stands from the viewport's middle once `address` is followed."""
    landed = open_page(address)
    landed.wait_for_load_state("load")
    landed.wait_for_timeout(500)  # the directive's scroll follows the load
    assert landed.evaluate("() => location.hash") == "#" + PARAGRAPH
    assert landed.evaluate("() => 'fragmentDirective' in document")
    assert landed.evaluate(IN_VIEW, PARAGRAPH), "the paragraph is not in view"
    return abs(landed.evaluate(WORDS_CENTRE, [PARAGRAPH, SENTENCE]))


def check_link_lands(open_page, link: str) -> None:
    """The generated address opens the paragraph in view, the text directive matched.

    Chromium keeps the directive out of `location.hash` and offers no API for its match, but
    it scrolls a matched text to the middle of the viewport, where the element fragment alone
    puts the paragraph at the top (and a directive that matches nothing leaves the page at
    its top): the sentence is centred only if the words matched."""
    assert ":~:text=" in link
    assert words_offset(open_page, link) < 60


def test_selecting_a_sentence_offers_the_panel_with_exact_citations(
    open_page, site_base, built_site
) -> None:
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    assert page.evaluate(SELECT, [PARAGRAPH, SENTENCE])
    button = page.locator(".passage-button:not([hidden])")
    button.wait_for()
    assert button.inner_text() == "Cite this passage"
    button.click()
    texts = panel_texts(page)
    year = section_year(built_site)
    assert texts["quote"] == f"\u201c{SENTENCE}\u201d"
    assert texts["pinpoint"] == "Section: Backing Moscow\u2019s war, paragraph 1"
    assert texts["edition"] == "Edition: latest (unversioned)"
    for style, expected in expected_quotations(year).items():
        assert texts[style] == expected, style
    assert texts["apa-entry"].startswith(f"Russia ties: Backing Moscow\u2019s war. ({year}")
    assert texts["link"] == (
        site_base + PAGE + "#" + PARAGRAPH + ":~:text=He%20said%20Moscow%20%E2%80%98will,"
        "those%20he%20called%20%E2%80%98imperialists%E2%80%99."
    )
    # Focus is in the dialog; Escape closes it and gives focus back to the button.
    assert page.evaluate("() => !!document.activeElement.closest('.passage-panel')")
    page.keyboard.press("Escape")
    assert page.locator(".passage-panel").count() == 0
    assert page.evaluate("() => document.activeElement.classList.contains('passage-button')")
    check_link_lands(open_page, texts["link"])
    # The check fails when the words do not match, or without the directive.
    for wrong in (texts["link"].split(":~:")[0], texts["link"].split(":~:")[0] + ":~:text=nowhere"):
        with pytest.raises(AssertionError):
            check_link_lands(open_page, wrong)


def test_keyboard_alone_cites_a_paragraph_from_its_link(open_page, site_base, built_site) -> None:
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    # Tab through the page until the paragraph's own link has focus.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('href')") == "#" + PARAGRAPH:
            break
    else:
        pytest.fail("Tab never reached the paragraph's link")
    page.locator(".passage-button:not([hidden])").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Cite this paragraph"
    page.keyboard.press("Enter")
    texts = panel_texts(page)
    year = section_year(built_site)
    whole = "Kim Jong-un voiced support for Russia\u2019s war in Ukraine. " + SENTENCE
    assert texts["quote"] == f"\u201c{whole}\u201d"
    assert texts["apa"] == (
        f"\u201c{whole[:-1]}\u201d (Russia Ties: Backing Moscow\u2019s War, {year}, para. 1)."
    )
    # Tab moves on through the panel's own buttons; the link opens the paragraph.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Close"
    check_link_lands(open_page, texts["link"])


BUTTON_BESIDE_WORDS = (
    "([id, words]) => {\n"
    + FIND_WORDS
    + """
  const box = findWords(id, words).getBoundingClientRect();
  const button = document.querySelector(".passage-button").getBoundingClientRect();
  return {left: button.left - box.left, gap: button.top - box.bottom,
          width: button.width, scrolled: scrollY};
}"""
)


def test_the_button_waits_for_its_stylesheet_and_stands_below_the_words(
    open_page, site_base
) -> None:
    """Measured unstyled, the button once stood full width at the foot of the page (left 8 px),
    and a click on it there scrolled the page (axe then found it over the navigation)."""
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    held = []
    page.route("**/stylesheets/passage.css", lambda route: held.append(route))
    page.evaluate(SELECT, [PARAGRAPH, SENTENCE])
    page.wait_for_function("() => document.querySelector('link[href$=\"passage.css\"]')")
    page.wait_for_timeout(200)
    assert held, "passage.css was never asked for"
    assert page.locator(".passage-button:not([hidden])").count() == 0
    held[0].continue_()
    page.locator(".passage-button:not([hidden])").wait_for()
    placed = page.evaluate(BUTTON_BESIDE_WORDS, [PARAGRAPH, SENTENCE])
    assert abs(placed["left"]) < 1 and 0 < placed["gap"] < 12, placed
    assert placed["width"] < 200, placed
    page.locator(".passage-button:not([hidden])").click()
    page.locator(".passage-panel .passage-panel__styles").wait_for()
    assert page.evaluate("() => scrollY") == placed["scrolled"] == 0


def test_axe_finds_no_violation_with_the_panel_open(open_page, site_base) -> None:
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    page.evaluate(SELECT, [PARAGRAPH, SENTENCE])
    page.locator(".passage-button:not([hidden])").click()
    page.locator(".passage-panel .passage-panel__styles").wait_for()
    found = axe_violations(page)
    assert not found, describe_violations(found)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_panel_screenshots(browser_context, site_base, width: int, scheme: str) -> None:
    """The panel at both widths and in both palettes, into /work/passage-shots (not committed)."""
    page = browser_context.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 1600})
        page.emulate_media(color_scheme=scheme)
        page.goto(site_base + PAGE)
        page.wait_for_load_state("load")
        page.evaluate(SELECT, [PARAGRAPH, SENTENCE])
        page.locator(".passage-button:not([hidden])").click()
        panel = page.locator(".passage-panel")
        panel.locator(".passage-panel__styles").wait_for()
        panel.evaluate("el => scrollTo(0, el.getBoundingClientRect().top + scrollY - 140)")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        if SHOTS.parent.is_dir():
            SHOTS.mkdir(exist_ok=True)
            panel.screenshot(path=str(SHOTS / f"panel-{width}-{scheme}.png"))
    finally:
        page.close()
