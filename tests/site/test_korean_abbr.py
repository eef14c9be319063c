"""Korean abbreviations: a particle after the abbreviation keeps its tooltip."""

from __future__ import annotations

import markdown

from scripts.korean_abbr import KoreanAbbrExtension

SOURCE = (
    "북한은 ICBM을 쐈고 KCNA는 보도했다. ICBMX와 XKCNA는 다른 말이다.\n\n"
    "*[ICBM]: 대륙간탄도미사일\n*[KCNA]: 조선중앙통신\n"
)


def test_an_abbreviation_before_a_particle_gets_its_tooltip() -> None:
    html = markdown.markdown(SOURCE, extensions=["abbr", KoreanAbbrExtension()])
    assert '<abbr title="대륙간탄도미사일">ICBM</abbr>을' in html
    assert '<abbr title="조선중앙통신">KCNA</abbr>는' in html
    # Not inside a longer Latin word.
    assert "ICBMX" in html and "XKCNA" in html and html.count("<abbr") == 2


def test_the_library_alone_misses_them() -> None:
    """Why the extension exists: Python-Markdown's `\\b` sees no boundary before a particle."""
    html = markdown.markdown(SOURCE, extensions=["abbr"])
    assert "<abbr" not in html
