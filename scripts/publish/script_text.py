"""A translation's page scripts, in its language: the published copies of docs/javascripts/
get their texts replaced at build time.

Every text a script writes into the page is one whole sentence passed to its lookup,
`t("Copied {what} to the clipboard", {what: …})`, which only fills the {name}s. The Korean
build rewrites each such literal in its copies (site/ko/javascripts/) with the catalog's text
(includes/ko/ui-text-javascript.yml), so a Korean page carries no catalog of its own and loads
no more bytes than an English one. The English sources are never changed. `script_keys` is
also what the tests use to check the catalog against the scripts: one reading of the scripts.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

# A call of the lookup `t(`: not a method (`.t(`), not part of a longer name, not its definition.
T_CALL = re.compile(r"(?<![\w$.])(?<!function )t\(\s*")
# Its first argument, when it is a double-quoted string literal, and what follows it.
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"\s*(.)', re.DOTALL)


def js_string(body: str) -> str:
    """The value of a double-quoted JavaScript string literal's body (the escapes our scripts
    use: \\uXXXX, \\xXX, \\n, \\", \\\\, \\')."""
    body = re.sub(r"\\x([0-9a-fA-F]{2})", r"\\u00\1", body).replace("\\'", "'")
    return json.loads(f'"{body}"')


def script_keys(scripts: Mapping[str, str]) -> tuple[dict[str, list[str]], list[str]]:
    """{key: [where it is used]} over all scripts (name: source), and the problems of calls
    whose key is not one string literal (a variable, or a sentence glued from pieces), which
    no catalog could list."""
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


def translate_script(source: str, catalog: Mapping[str, str]) -> tuple[str, set[str]]:
    """`source` with each t("English") literal in the catalog's words, and the keys the
    catalog lacks (those stay English)."""
    missing: set[str] = set()
    pieces, last = [], 0
    for call in T_CALL.finditer(source):
        literal = LITERAL.match(source, call.end())
        if not literal:
            continue
        english = js_string(literal.group(1))
        translated = catalog.get(english)
        if translated is None:
            missing.add(english)
            continue
        pieces += [source[last : literal.start()], json.dumps(translated, ensure_ascii=False)]
        last = literal.start(1) + len(literal.group(1)) + 1
    pieces.append(source[last:])
    return "".join(pieces), missing


def translate_site_scripts(folder: Path, catalog: Mapping[str, str]) -> set[str]:
    """Translate every script in a translation's published `folder` in place; the keys the
    catalog lacks."""
    missing: set[str] = set()
    for path in sorted(folder.glob("*.js")):
        translated, lacking = translate_script(path.read_text(encoding="utf-8"), catalog)
        path.write_text(translated, encoding="utf-8")
        missing |= lacking
    return missing
