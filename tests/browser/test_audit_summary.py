"""The audit's summary: category scores and the audits that did not pass."""

from __future__ import annotations

from scripts.tools.audit import CATEGORIES, summarise, table
from scripts.tools.screenshots import screenshot_name


def category(*refs: tuple[str, float]) -> dict:
    return {"score": 0.9, "auditRefs": [{"id": i, "weight": w} for i, w in refs]}


def test_summary_lists_failing_scored_audits_and_skips_informative_ones():
    report = {
        "categories": {
            "performance": category(("lcp", 25), ("unused-css", 0)),
            "accessibility": category(("contrast", 7)),
            "best-practices": category(("console", 1)),
            "seo": category(("robots", 1)),
        },
        "audits": {
            "lcp": {"score": 0.8, "scoreDisplayMode": "numeric"},
            "unused-css": {"score": 0.9, "scoreDisplayMode": "metricSavings"},
            "contrast": {"score": 0, "scoreDisplayMode": "binary"},
            "console": {"score": None, "scoreDisplayMode": "notApplicable"},
            "robots": {"score": 1, "scoreDisplayMode": "binary"},
        },
    }
    result = summarise("russia/", "mobile", report)
    assert result.scores == {
        "performance": 90,
        "accessibility": 90,
        "best-practices": 90,
        "seo": 90,
    }
    assert result.failing == ["contrast", "lcp"]
    assert "russia/" in table([result]) and "contrast, lcp" in table([result])


def test_the_table_says_whose_build_each_row_audits():
    report = {"categories": {name: category() for name in CATEGORIES}, "audits": {}}
    rows = table([summarise("", "mobile", report), summarise("", "mobile", report, "bare")])
    ours, bare = rows.splitlines()[2:]
    assert ours.split()[:3] == ["/", "ours", "mobile"]
    assert bare.split()[:3] == ["/", "bare", "mobile"]


def test_screenshot_names_say_page_width_and_palette():
    assert screenshot_name("", 1280, "light") == "index-1280-light.png"
    assert screenshot_name("russia/", 375, "dark") == "russia-375-dark.png"
