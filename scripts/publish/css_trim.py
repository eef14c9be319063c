"""Rules of a stylesheet that can never apply to this site, taken out with a CSS parser.

Material ships one stylesheet for every feature and Markdown extension it supports (tabs,
task lists, blog posts, cookie consent, code annotations, ...); a page downloads all of it on
its first view, about a quarter of it for components this site never shows. tinycss2 (a
well-kept CSS parser that keeps tokens as written) reads the rules; a selector stays unless
it needs a class that neither the built pages nor the site's scripts (Material's bundle and
search worker, ours) ever name. Whole selectors and rules go; nothing is rewritten.

A class inside `:not()` is not needed for a match, and one alternative of `:is()`,
`:where()` or `:has()` is enough. Scripts that build a class from a prefix ("md-tag--" +
name) keep every class with that prefix. Knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import tinycss2
from tinycss2.ast import AtRule, FunctionBlock, IdentToken, LiteralToken, Node, QualifiedRule

from scripts.render_cache import RenderCache

Selector = list[Node]
# The rules `trim` looks inside: conditional groups whose children are rules.
GROUP_RULES = frozenset({"media", "supports", "container", "layer"})
ANY_OF = frozenset({"is", "where", "matches", "-webkit-any", "-moz-any", "has"})
NAME = re.compile(r"[A-Za-z_][\w-]*")
THEME_STYLESHEETS = "assets/stylesheets/main.*.min.css"


@dataclass(frozen=True)
class ClassNames:
    """The class names the site uses, and the prefixes its scripts build classes from."""

    names: frozenset[str]
    prefixes: tuple[str, ...]

    def used(self, name: str) -> bool:
        return name in self.names or name.startswith(self.prefixes)


def selectors(prelude: Iterable[Node]) -> list[Selector]:
    """A selector list split at its top-level commas (commas inside :is() stay)."""
    found: list[Selector] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            found.append([])
        else:
            found[-1].append(token)
    return found


def trim(css: str, applies: Callable[[Selector], bool]) -> str:
    """The stylesheet without the selectors `applies` rejects, and without rules and groups
    left empty."""
    return tinycss2.serialize(_kept(tinycss2.parse_stylesheet(css), applies))


def _kept(nodes: list[Node], applies: Callable[[Selector], bool]) -> list[Node]:
    kept: list[Node] = []
    for node in nodes:
        if isinstance(node, QualifiedRule):
            chosen = [selector for selector in selectors(node.prelude) if applies(selector)]
            if not chosen:
                continue
            node.prelude = [
                token
                for number, selector in enumerate(chosen)
                for token in ([LiteralToken(0, 0, ",")] if number else []) + selector
            ]
        elif isinstance(node, AtRule) and node.lower_at_keyword in GROUP_RULES and node.content:
            inner = _kept(tinycss2.parse_rule_list(node.content), applies)
            if not any(isinstance(child, QualifiedRule | AtRule) for child in inner):
                continue
            node.content = inner
        elif node.type in ("whitespace", "comment"):
            continue
        kept.append(node)
    return kept


def needs_only(selector: Selector, classes: ClassNames) -> bool:
    """Whether every class the selector needs for a match is one the site uses."""
    for index, token in enumerate(selector):
        if isinstance(token, LiteralToken) and token.value == ".":
            following = selector[index + 1] if index + 1 < len(selector) else None
            if isinstance(following, IdentToken) and not classes.used(following.value):
                return False
        elif isinstance(token, FunctionBlock):
            name = token.lower_name
            if name in ANY_OF:
                options = selectors(token.arguments)
                if not any(needs_only(option, classes) for option in options):
                    return False
            # :not(), :nth-child(... of S) and the rest never need a class to be present.
    return True


def class_names(texts: Iterable[str]) -> ClassNames:
    """Every name-like word of the site's pages and scripts; a word ending in a separator
    ("md-tag--") is a prefix a script completes."""
    names: set[str] = set()
    for text in texts:
        names.update(NAME.findall(text))
    prefixes = tuple(sorted(name for name in names if name.endswith(("-", "_"))))
    return ClassNames(frozenset(names), prefixes)


def trim_namespace() -> str:
    """What a trimmed stylesheet depends on besides its input: this code and tinycss2."""
    parts = [Path(__file__).read_bytes(), version("tinycss2").encode()]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def trim_site_css(site_dir: Path, cache: RenderCache | None = None) -> list[Path]:
    """Take out of Material's stylesheet, in the built site, the rules no page can use.

    Parsing the stylesheet is most of the cost, and the answer depends only on the stylesheet
    and the class names the site uses: `cache` keeps it by both, so a rebuild whose pages
    name no new class trims nothing again.
    """
    texts = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.js"))]
    classes = class_names(texts)
    used = "\n".join([*sorted(classes.names), "", *classes.prefixes])
    changed = []
    for path in sorted(site_dir.glob(THEME_STYLESHEETS)):
        css = path.read_text(encoding="utf-8")
        key = hashlib.sha256(f"{css}\0{used}".encode()).hexdigest()
        trimmed = cache.get(key) if cache is not None else None
        if trimmed is None:
            trimmed = trim(css, lambda selector: needs_only(selector, classes))
            if cache is not None:
                cache.put(key, trimmed)
        if trimmed != css:
            path.write_text(trimmed, encoding="utf-8")
            changed.append(path)
    return changed
