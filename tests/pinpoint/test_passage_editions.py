"""In an edition that is not the latest, "Cite this passage" names the edition and says
whether the same words are still in the latest edition, read from the same site.

The session's two editions (tests/editions/editions_site.py): 2026.2 adds a sentence at the
top of the Vostochny summit section, so the words of its first paragraph in 2026.1 are now
its second paragraph's.
"""

from __future__ import annotations

import pytest

from tests.editions.editions_site import FIRST
from tests.pinpoint.test_passage_browser import SELECT

pytestmark = pytest.mark.browser

SECTION = "kim-putin-summit"


def first_sentence(page: object, paragraph: str) -> str:
    text = page.evaluate(
        "id => document.getElementById(id).textContent.replace(/\\u00b6/g, '').trim()", paragraph
    )
    return text.split(". ")[0] + "."


def test_an_old_editions_passage_is_found_in_the_latest_edition(open_page, editions_repo) -> None:
    page = open_page(f"{editions_repo.base}{FIRST}/russia/")
    page.wait_for_load_state("load")
    words = first_sentence(page, f"{SECTION}-p1")
    assert page.evaluate(SELECT, [f"{SECTION}-p1", words])
    page.locator(".passage-button:not([hidden])").click()
    panel = page.locator(".passage-panel")
    panel.locator(".passage-panel__styles").wait_for()
    assert panel.locator(".passage-panel__edition").inner_text() == f"Edition: {FIRST}"
    latest = panel.locator(".passage-panel__latest")
    latest.locator("a").wait_for()
    assert latest.inner_text().startswith("These words are still in the latest edition")
    href = latest.locator("a").get_attribute("href")
    assert href.startswith(f"{editions_repo.base}latest/russia/#{SECTION}-p2:~:text=")


def test_words_missing_from_a_page_are_reported_missing(open_page, editions_repo) -> None:
    """The search itself (passage.js findWords), on a parsed page: a paragraph's id, or None."""
    page = open_page(f"{editions_repo.base}{FIRST}/russia/")
    page.wait_for_load_state("load")
    words = first_sentence(page, f"{SECTION}-p1")
    page.evaluate(SELECT, [f"{SECTION}-p1", words])
    page.locator(".passage-button:not([hidden])").wait_for()
    found = page.evaluate(
        """words => {
          const html = document.documentElement.outerHTML;
          const doc = new DOMParser().parseFromString(html, 'text/html');
          return [nkPassage.findWords(doc, words), nkPassage.findWords(doc, 'words on no page')];
        }""",
        words,
    )
    assert found == [f"{SECTION}-p1", None]
