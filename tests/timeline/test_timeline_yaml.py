"""The fast front matter loader gives exactly what PyYAML's constructor gives, or defers to it."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scripts.frontmatter import (
    FrontMatterError,
    StrictLoader,
    _load_plain,
    _NotPlain,
    split_front_matter,
)
from scripts.tools.bench import synthetic_pages

# Scalars whose type YAML 1.1 decides from their spelling, quoted ones, and the constructs the
# fast path must leave to PyYAML (tags, anchors, aliases, merge and value keys).
SCALARS = (
    "word",
    "two words",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "null",
    "Null",
    "~",
    "''",
    '""',
    "'quoted: yes'",
    '"esc\\n\\u00e9"',
    "0",
    "-7",
    "+12",
    "017",
    "0o17",
    "0b101",
    "0x1F",
    "1_000",
    "190:20:30",
    "1.5",
    "-.5",
    "6.8523015e+5",
    "1e3",
    ".inf",
    "-.Inf",
    ".NaN",
    "2023-09-13",
    "2023-09",
    "2024",
    "2023-09-13 10:00:00",
    "é",
)
SPECIAL_SCALARS = (
    "<<",
    "=",
    "!!str 12",
    "!!int '7'",
    "!!float 1",
    "!!binary aGk=",
    "!!timestamp 2023-01-02",
    "! 12",
    "!local x",
    "&a 1",
    "*a",
)
KEYS = ("a", "b", "c", "d", "e", "f", "title", "'g'", '"h"', "two words", "é")
SPECIAL_KEYS = ("a", "'a'", "1", "null", "yes", "<<", "=", "~", "&k c", "!!str d", "[x]")
# Mostly what front matter holds, so that most documents take the fast path.
SCALAR = st.sampled_from(SCALARS * 20 + SPECIAL_SCALARS)
KEY = st.sampled_from(KEYS * 10 + SPECIAL_KEYS)


@st.composite
def flow(draw: st.DrawFn, depth: int = 0) -> str:
    """A flow node: a scalar, [list] or {mapping}, nested a little."""
    kind = draw(st.sampled_from(("scalar", "list", "map") if depth < 2 else ("scalar",)))
    if kind == "scalar":
        return draw(SCALAR)
    items = draw(st.lists(flow(depth + 1), max_size=3))
    if kind == "list":
        return f"[{', '.join(items)}]"
    keys = draw(st.lists(KEY, min_size=len(items), max_size=len(items)))
    return "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A block mapping of flow values, sometimes with a nested block list of mappings."""
    lines = []
    for key in draw(st.lists(KEY, max_size=5)):
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(flow())}")
        else:
            lines.append(f"{key}:")
            for _ in range(draw(st.integers(min_value=0, max_value=2))):
                lines.append(f"  - {draw(KEY)}: {draw(flow())}")
                lines.append(f"    {draw(KEY)}: {draw(flow())}")
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        lines.append(draw(st.sampled_from(("---", "...", "- x", "a: b: c", "  bad"))))
    return "\n".join(lines) + "\n"


def reference(source: str) -> str:
    """What PyYAML's own constructor gives: the value's repr (types included) or the error."""
    try:
        return repr(yaml.load(source, Loader=StrictLoader))  # a SafeLoader subclass
    except yaml.YAMLError as error:
        return f"error: {error}"


@settings(max_examples=400, deadline=None)
@given(source=documents())
def test_fast_loader_agrees_with_pyyaml_or_defers(source: str) -> None:
    try:
        fast = repr(_load_plain(source))
    except (_NotPlain, yaml.YAMLError):
        return  # load_yaml then asks PyYAML itself
    assert fast == reference(source)


@pytest.mark.parametrize(
    "source",
    [
        "title: x\nevents:\n  - date: 2023-09-13\n    themes: [russia, china]\n",
        "a: yes\nb: ~\nc: 0x1F\nd: 1_000\ne: .inf\nf: '2024'\ng: 2024\nh:\n",
        "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
        "[1, two]\n",
        "just text\n",
    ],
)
def test_plain_documents_take_the_fast_path(source: str) -> None:
    assert repr(_load_plain(source)) == reference(source)


@pytest.mark.parametrize(
    "source",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: ! 1\n",
        "base: {a: 1}\nmore:\n  <<: {b: 2}\n",
        "a: 1\na: 2\n",
        "a: 1\n'a': 2\n",
        "1: one\n",
        "null: x\n",
        "a: 1\n---\nb: 2\n",
        "\n",
        "a: =\n",
    ],
)
def test_anything_beyond_plain_data_is_left_to_pyyaml(source: str) -> None:
    with pytest.raises(_NotPlain):
        _load_plain(source)


def test_benchmark_pages_take_the_fast_path() -> None:
    assert not StrictLoader.yaml_path_resolvers  # the fast path does not implement them
    for _, label, text in synthetic_pages(200, pages=4):
        source, _, _ = split_front_matter(text, label)
        assert source is not None
        assert repr(_load_plain(source)) == reference(source)


# The single regular expression the fence search replaced (MkDocs' own fences).
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="-. \t\nax", max_size=30))
@example(text="---\n---\n")
@example(text="---\n\n---\n")
@example(text="--- \t\na: x\n...  \nbody\n---\n")
@example(text="---\na\n---")
@example(text="----\na\n---\n")
def test_front_matter_fences_are_found_like_the_single_expression(text: str) -> None:
    match = FRONT_MATTER_RE.match(text)
    try:
        found = split_front_matter(text, "p.md")
    except FrontMatterError:
        assert match is None and text.startswith("---")
        return
    if match:
        assert found == (match.group(1), text[match.end() :], 2)
    else:
        assert found == (None, text, 0)
