"""The page scripts' words and their Korean catalog agree, with no build.

Every text a script in docs/javascripts/ writes into the page goes through its lookup,
t("English text", {name: value}); the Korean build rewrites those literals in its copies from
includes/ko/ui-text-javascript.yml (scripts/publish/script_text.py). Here: every key a script
uses has an entry there with the same {placeholders}, the catalog has no entry that no script
uses, and no script builds a key at run time (a variable, or a sentence glued from pieces),
which no catalog could list. The checker is run on planted bad input too, to prove it fails.
Last, the rewriting itself, and the lookup's {name} filling, run in Node.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.publish.script_text import script_keys, translate_script
from tests.conftest import DOCS, ROOT

SCRIPTS = DOCS / "javascripts"
CATALOG = ROOT / "includes" / "ko" / "ui-text-javascript.yml"

PLACEHOLDER = re.compile(r"\{(\w+)\}")


class UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice (PyYAML keeps the last one silently)."""


def _unique_mapping(loader: UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def catalog_problems(scripts: dict[str, str], catalog_text: str) -> list[str]:
    """Everything wrong between the scripts (name: source) and the catalog (YAML text)."""
    keys, problems = script_keys(scripts)
    try:
        catalog = yaml.load(catalog_text, Loader=UniqueKeyLoader)  # a SafeLoader
    except yaml.YAMLError as error:
        return [*problems, f"catalog is not readable YAML: {error}"]
    if not isinstance(catalog, dict):
        return [*problems, "catalog is not a mapping of English text to Korean"]
    for key, uses in sorted(keys.items()):
        if key not in catalog:
            problems.append(f"missing from the catalog: {key!r} (used at {', '.join(uses)})")
            continue
        value = catalog[key]
        if not isinstance(value, str) or not value.strip():
            problems.append(f"entry is not text: {key!r}: {value!r}")
            continue
        wanted, given = set(PLACEHOLDER.findall(key)), set(PLACEHOLDER.findall(value))
        if wanted != given:
            problems.append(
                f"placeholders differ for {key!r}: key has {sorted(wanted)}, entry {sorted(given)}"
            )
    for key in sorted(set(catalog) - set(keys), key=str):
        problems.append(f"in the catalog but used by no script: {key!r}")
    return problems


def the_scripts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(SCRIPTS.glob("*.js"))}


def test_the_scripts_use_the_lookup_with_whole_literal_keys() -> None:
    keys, problems = script_keys(the_scripts())
    assert not problems, "\n".join(problems)
    # Not vacuous: the extractor does find the scripts' keys.
    for key in (
        "Cite this section",
        "Cite this event",
        "Copy link",
        "Cite this passage",
        "Cite \u201c{label}\u201d",
        "Loading\u2026",
        "Showing all {count} events.",
    ):
        assert key in keys, key
    assert len(keys) >= 40, sorted(keys)


def test_every_key_of_the_scripts_has_a_korean_entry_with_its_placeholders() -> None:
    problems = catalog_problems(the_scripts(), CATALOG.read_text(encoding="utf-8"))
    missing = [problem for problem in problems if "used by no script" not in problem]
    assert not missing, "\n".join(missing)


def test_the_korean_catalog_has_no_entry_no_script_uses() -> None:
    problems = catalog_problems(the_scripts(), CATALOG.read_text(encoding="utf-8"))
    unused = [problem for problem in problems if "used by no script" in problem]
    assert not unused, "\n".join(unused)


# The checker on planted input: a tiny script and catalogs, one good and each bad one way.
PLANTED_SCRIPT = """(function () {
  function t(key, values) { return key; }
  button.textContent = t("Copy link");
  status.textContent = t("Showing all {count} events.", { count: 3 });
  title.textContent = t("Cite \\u201c{label}\\u201d", { label: label });
})();
"""
GOOD_CATALOG = """
"Copy link": "링크 복사"
"Showing all {count} events.": "사건 {count}건 모두 표시."
"Cite “{label}”": "“{label}” 인용하기"
"""


def test_the_checker_passes_a_planted_good_catalog() -> None:
    assert catalog_problems({"planted.js": PLANTED_SCRIPT}, GOOD_CATALOG) == []


@pytest.mark.parametrize(
    ("script", "catalog", "expected"),
    [
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG.replace('"Copy link": "링크 복사"\n', ""),
            "missing from the catalog: 'Copy link' (used at planted.js:3)",
            id="missing-entry",
        ),
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG.replace("사건 {count}건", "사건 {number}건"),
            "placeholders differ for 'Showing all {count} events.'",
            id="renamed-placeholder",
        ),
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG.replace("“{label}” 인용하기", "인용하기"),
            "placeholders differ for 'Cite “{label}”'",
            id="dropped-placeholder",
        ),
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG + '"Cite this event": "이 사건 인용하기"\n',
            "in the catalog but used by no script: 'Cite this event'",
            id="unused-entry",
        ),
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG + '"Copy link": "링크를 복사"\n',
            "duplicate key 'Copy link'",
            id="duplicate-entry",
        ),
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG.replace('"링크 복사"', ""),
            "entry is not text: 'Copy link': None",
            id="empty-entry",
        ),
        pytest.param(
            PLANTED_SCRIPT,
            GOOD_CATALOG + '"Broken: "unclosed\n',
            "catalog is not readable YAML",
            id="broken-yaml",
        ),
        pytest.param(
            PLANTED_SCRIPT.replace('t("Copy link")', 't("Cite this " + noun)'),
            GOOD_CATALOG,
            'key is not one string literal at planted.js:3: t("Cite this " + noun)',
            id="glued-key",
        ),
        pytest.param(
            PLANTED_SCRIPT.replace('t("Copy link")', "t(label)"),
            GOOD_CATALOG,
            "key is not one string literal at planted.js:3: t(label)",
            id="variable-key",
        ),
    ],
)
def test_the_checker_fails_on_planted_bad_input(script: str, catalog: str, expected: str) -> None:
    problems = catalog_problems({"planted.js": script}, catalog)
    assert any(expected in problem for problem in problems), problems


def test_the_rewrite_puts_each_key_in_the_catalogs_words() -> None:
    catalog = yaml.safe_load(GOOD_CATALOG)
    translated, missing = translate_script(PLANTED_SCRIPT, catalog)
    assert missing == set()
    assert 't("링크 복사")' in translated
    assert 't("사건 {count}건 모두 표시.", { count: 3 })' in translated
    assert 't("“{label}” 인용하기", { label: label })' in translated
    assert script_keys({"planted.js": translated})[1] == []


def test_the_rewrite_reports_a_key_the_catalog_lacks_and_keeps_it_english() -> None:
    catalog = yaml.safe_load(GOOD_CATALOG.replace('"Copy link": "링크 복사"\n', ""))
    translated, missing = translate_script(PLANTED_SCRIPT, catalog)
    assert missing == {"Copy link"}
    assert 't("Copy link")' in translated


def test_the_korean_site_scripts_speak_korean(built_site: Path) -> None:
    catalog = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    for name in ("cite.js", "passage.js", "timeline.js"):
        english = (built_site / "javascripts" / name).read_text(encoding="utf-8")
        korean = (built_site / "ko" / "javascripts" / name).read_text(encoding="utf-8")
        keys = script_keys({name: (SCRIPTS / name).read_text(encoding="utf-8")})[0]
        assert keys, name
        assert set(script_keys({name: korean})[0]) == {catalog[key] for key in keys}, name
        assert set(script_keys({name: english})[0]) == set(keys), name


# The lookup's filling of {name}s, as cite.js and timeline.js define it, run in Node.
LOOKUP_RUN = r"""
const fs = require("fs");
const source = fs.readFileSync(process.argv[2], "utf8");
const definition = /\n  function t\(text, values\) \{[\s\S]*?\n  \}\n/.exec(source);
if (!definition) throw new Error("no lookup in " + process.argv[2]);
const t = new Function(definition[0] + "\nreturn t;")();
console.log(JSON.stringify([
  t("사건 {count}건 중 {shown}건 표시: {themes}.", { shown: 2, count: 31, themes: "A, B" }),
  t("Cite \u201c{label}\u201d", { label: "{count} $& $1" }),
  t("These words are still in the latest edition: {link}."),
]));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
@pytest.mark.parametrize("script", ["cite.js", "timeline.js"])
def test_the_lookup_fills_placeholders_once_and_keeps_unknown_ones(
    script: str, tmp_path: Path
) -> None:
    runner = tmp_path / "lookup.js"
    runner.write_text(LOOKUP_RUN, encoding="utf-8")
    result = subprocess.run(
        ["node", str(runner), str(SCRIPTS / script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "사건 31건 중 2건 표시: A, B.",
        "Cite \u201c{count} $& $1\u201d",
        "These words are still in the latest edition: {link}.",
    ]
