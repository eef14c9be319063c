"""In Chromium: "Cite this quotation" by mouse and by keyboard, its texts to the letter, and
axe finding nothing wrong with its panel open."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, describe_violations

pytestmark = pytest.mark.browser

PAGE = "russia/"
BUTTON = '.quotation-button[aria-label="Cite this quotation: \u2018will prevail\u2019"]'
EXPECTED = {
    "quote": "\u201cwill prevail\u201d",
    "speaker": "Kim Jong-un: message to Vladimir Putin on Victory Day, 9 May 2023, in Reuters\u2019"
    " English.",
    "pinpoint": "Quoted in the article, paragraph 7.",
    "apa": "Kim Jong-un said \u201cwill prevail\u201d (Kim Jong-un, as cited in Bernal, 2023,"
    " para. 7).",
    "mla": "Kim Jong-un said \u201cwill prevail\u201d (qtd. in Bernal, par. 7).",
    "chicago": "Kim Jong-un said \u201cwill prevail\u201d (Kim Jong-un, quoted in Bernal 2023,"
    " para. 7).",
}


def panel_texts(page: object) -> dict[str, str]:
    panel = page.locator(".passage-panel")
    panel.locator(".passage-panel__styles").wait_for()
    texts = {
        name: panel.locator(f".passage-panel__{name}").inner_text()
        for name in ("quote", "speaker", "pinpoint")
    }
    for style in ("apa", "mla", "chicago"):
        texts[style] = panel.locator(f"#quotation-{style}-quote").inner_text()
        texts[f"{style}-entry"] = panel.locator(f"#quotation-{style}-entry").inner_text()
        texts[f"{style}-source"] = panel.locator(f"#quotation-{style}-source").inner_text()
    return texts


def check_texts(texts: dict[str, str]) -> None:
    for key, expected in EXPECTED.items():
        assert texts[key] == expected, key
    assert texts["apa-entry"].startswith("Bernal, G. (2023, December 15). Pyongyang\u2019s pivot")
    assert texts["mla-source"].startswith("\u201cNorth Korea\u2019s Kim Says Russia Will Prevail")
    assert "asiaone.com" in texts["chicago-source"]


def test_a_click_on_the_button_opens_the_quotation_panel(open_page, site_base) -> None:
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    # The button's label is drawn by CSS: the paragraph's text is the article's words alone.
    paragraph = page.locator("#support-for-the-war-p1").text_content()
    assert "Cite this quotation" not in paragraph
    # As a reader does: the button shows on hovering the quotation, then takes the click.
    page.hover(f"{BUTTON} >> xpath=preceding-sibling::span[1]")
    page.locator(BUTTON).click()
    check_texts(panel_texts(page))
    page.locator("button[aria-label='Copy MLA 9 quotation']").click()
    # The copy is asynchronous: read the clipboard once the page has announced it (as
    # tests/citations/test_citations_browser.py does), not before.
    page.wait_for_function(
        "() => document.querySelector('.cite-status').textContent.startsWith('Copied')"
    )
    clipboard = page.evaluate("() => navigator.clipboard.readText()")
    assert clipboard == EXPECTED["mla"]
    page.keyboard.press("Escape")
    assert page.locator(".passage-panel").count() == 0
    assert page.evaluate("() => document.activeElement.matches('.quotation-button')")


def test_the_keyboard_alone_opens_the_quotation_panel(open_page, site_base) -> None:
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({BUTTON!r})"):
            break
    else:
        pytest.fail("Tab never reached the quotation's button")
    page.keyboard.press("Enter")
    check_texts(panel_texts(page))
    assert page.evaluate("() => !!document.activeElement.closest('.passage-panel')")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Close"


def test_axe_finds_no_violation_with_the_quotation_panel_open(open_page, site_base) -> None:
    page = open_page(site_base + PAGE)
    page.wait_for_load_state("load")
    page.locator(BUTTON).click()
    page.locator(".passage-panel .passage-panel__styles").wait_for()
    found = axe_violations(page)
    assert not found, describe_violations(found)
