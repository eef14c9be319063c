"""The page scripts' words and their Korean catalog agree, with no build.

Every text a script in docs/javascripts/ writes into the page goes through its lookup,
t("English text", {name: value}); a Korean page reads the translations from a JSON island the
build makes from includes/ko/ui-text-javascript.yml. Here: every key a script uses has an entry
there with the same {placeholders}, the catalog has no entry that no script uses, and no script
builds a key at run time (a variable, or a sentence glued from pieces), which no catalog could
list. The checker is run on planted bad input too, to prove it fails. Last, the lookup itself,
run in Node: English without a catalog or with a broken one, the translation with one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import DOCS, ROOT

SCRIPTS = DOCS / "javascripts"
CATALOG = ROOT / "includes" / "ko" / "ui-text-javascript.yml"

# A call of the lookup `t(`: not a method (`.t(`), not part of a longer name, not its definition.
T_CALL = re.compile(r"(?<![\w$.])(?<!function )t\(\s*")
# Its first argument, when it is a double-quoted string literal, and what follows it.
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"\s*(.)', re.DOTALL)
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def js_string(body: str) -> str:
    """The value of a double-quoted JavaScript string literal's body (the escapes our scripts
    use: \\uXXXX, \\xXX, \\n, \\", \\\\, \\')."""
    body = re.sub(r"\\x([0-9a-fA-F]{2})", r"\\u00\1", body).replace("\\'", "'")
    return json.loads(f'"{body}"')


def script_keys(scripts: dict[str, str]) -> tuple[dict[str, list[str]], list[str]]:
    """{key: [where it is used]} over all scripts, and the problems of calls with no literal key."""
    keys: dict[str, list[str]] = {}
    problems = []
    for name, text in sorted(scripts.items()):
        for call in T_CALL.finditer(text):
            where = f"{name}:{text.count(chr(10), 0, call.start()) + 1}"
            literal = LITERAL.match(text, call.end())
            if not literal or literal.group(2) not in ",)":
                end = text.find(")", call.end())
                snippet = text[call.start() : end + 1 if end >= 0 else call.end()].split("\n")[0]
                problems.append(f"key is not one string literal at {where}: {snippet}")
                continue
            keys.setdefault(js_string(literal.group(1)), []).append(where)
    return keys, problems


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


# The lookup as each script defines it, run in Node with a stand-in document.
LOOKUP_RUN = r"""
const fs = require("fs");
const [file, island] = process.argv.slice(2);
const source = fs.readFileSync(file, "utf8");
const window = {};
const document = {
  getElementById: (id) => (id === "ui-text" && island !== "-" ? { textContent: island } : null),
};
// The lookup's definition, cut out of the script: cite.js and timeline.js define `function t`,
// passage.js its fallback `var t = window.nkText || (function () { … })();`.
const definition =
  /\n  var catalog = null;\n  function t\(key, values\) \{[\s\S]*?\n  \}\n/.exec(source) ||
  /\n  var t = window\.nkText \|\| \(function \(\) \{[\s\S]*?\n  \}\)\(\);\n/.exec(source);
if (!definition) throw new Error("no lookup in " + file);
const t = new Function("window", "document", definition[0] + "\nreturn t;")(window, document);
console.log(JSON.stringify([
  t("Copy link"),
  t("Showing {shown} of {count} events: {themes}.", { shown: 2, count: 31, themes: "A, B" }),
  t("Cite \u201c{label}\u201d", { label: "{count} $& $1" }),
  t("These words are still in the latest edition: {link}."),
  t("Cite this section"),
]));
"""

ENGLISH = [
    "Copy link",
    "Showing 2 of 31 events: A, B.",
    "Cite \u201c{count} $& $1\u201d",
    "These words are still in the latest edition: {link}.",
    "Cite this section",
]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
@pytest.mark.parametrize("script", ["cite.js", "passage.js", "timeline.js"])
@pytest.mark.parametrize(
    ("island", "expected"),
    [
        pytest.param("-", ENGLISH, id="no-island"),
        pytest.param("{not json", ENGLISH, id="broken-island"),
        pytest.param("null", ENGLISH, id="null-island"),
        pytest.param('["Copy link"]', ENGLISH, id="array-island"),
        pytest.param(
            json.dumps(
                {
                    "Copy link": "링크 복사",
                    "Showing {shown} of {count} events: {themes}.": (
                        "사건 {count}건 중 {shown}건 표시: {themes}."
                    ),
                    "Cite \u201c{label}\u201d": "\u201c{label}\u201d 인용하기",
                    "These words are still in the latest edition: {link}.": (
                        "최신 판에도 있다: {link}."
                    ),
                    "Cite this section": 7,
                },
                ensure_ascii=False,
            ),
            [
                "링크 복사",
                "사건 31건 중 2건 표시: A, B.",
                "\u201c{count} $& $1\u201d 인용하기",
                "최신 판에도 있다: {link}.",
                "Cite this section",  # an entry that is not text is ignored
            ],
            id="korean-island",
        ),
    ],
)
def test_the_lookup_reads_the_island_and_falls_back_to_english(
    script: str, island: str, expected: list[str], tmp_path: Path
) -> None:
    runner = tmp_path / "lookup.js"
    runner.write_text(LOOKUP_RUN, encoding="utf-8")
    result = subprocess.run(
        ["node", str(runner), str(SCRIPTS / script), island],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected
