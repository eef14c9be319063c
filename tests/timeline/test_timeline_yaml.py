"""Front matter YAML: PyYAML's safe values, dates left as text, duplicate keys and every other
problem one line naming the file and the line; fences found like MkDocs finds them."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scripts.frontmatter import FrontMatterError, load_yaml, split_front_matter

# Scalars whose type YAML 1.1 decides from their spelling, quoted ones, tags, anchors, aliases,
# merge and value keys, and tags PyYAML cannot build.
SCALARS = (
    "word",
    "two words",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "''",
    '"esc\\n\\u00e9"',
    "0",
    "-7",
    "0x1F",
    "1_000",
    "190:20:30",
    "1.5",
    ".inf",
    ".NaN",
    "2023-09-13",
    "2023-09",
    "2024",
    "2023-09-13 10:00:00",
    "é",
    "<<",
    "=",
    "!!str 12",
    "!!int '7'",
    "!!int x",
    "!!float y",
    "!!binary aGk=",
    "!!timestamp 2023-02-30",
    "!local x",
    "&a 1",
    "*a",
)
KEYS = ("a", "b", "title", "'a'", "two words", "é", "1", "null", "<<", "&k c", "!!str d", "[x]")


@st.composite
def flow(draw: st.DrawFn, depth: int = 0) -> str:
    """A flow node: a scalar, [list] or {mapping}, nested a little."""
    kind = draw(st.sampled_from(("scalar", "list", "map") if depth < 2 else ("scalar",)))
    if kind == "scalar":
        return draw(st.sampled_from(SCALARS))
    items = draw(st.lists(flow(depth + 1), max_size=3))
    if kind == "list":
        return f"[{', '.join(items)}]"
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=len(items), max_size=len(items)))
    return "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A block mapping of flow values, sometimes with a nested block list of mappings."""
    lines = []
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=5)):
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(flow())}")
        else:
            lines.append(f"{key}:")
            for _ in range(draw(st.integers(min_value=0, max_value=2))):
                lines.append(f"  - {draw(st.sampled_from(KEYS))}: {draw(flow())}")
                lines.append(f"    {draw(st.sampled_from(KEYS))}: {draw(flow())}")
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        lines.append(draw(st.sampled_from(("---", "...", "- x", "a: b: c", "  bad"))))
    return "\n".join(lines) + "\n"


def walk(value: Any) -> list[Any]:
    """Every value and key in a loaded document."""
    if isinstance(value, dict):
        return [value, *(v for pair in value.items() for item in pair for v in walk(item))]
    if isinstance(value, list):
        return [value, *(v for item in value for v in walk(item))]
    return [value]


def stock(source: str) -> Any:
    """What PyYAML's own safe loader makes of `source`, or the exception it raises."""
    try:
        return yaml.safe_load(source)
    except Exception as error:  # any failure counts, not only a YAMLError
        return error


@settings(max_examples=400, deadline=None)
@given(source=documents())
@example(source="a: !!timestamp 2023-02-30\n")
@example(source="a: !!int x\n")
@example(source="a: !!timestamp 2023-02-30\n  bad\n")
def test_any_document_loads_or_fails_with_one_line_naming_file_and_line(source: str) -> None:
    try:
        data = load_yaml(source, "docs/p.md", 2)
    except FrontMatterError as error:
        message = str(error)
        assert "\n" not in message
        assert message.startswith("docs/p.md: front matter ")
        return
    # Whatever PyYAML rejects is rejected here too, never silently dropped.
    assert not isinstance(stock(source), Exception)
    assert isinstance(data, dict)
    # Untagged dates stay text for the date checks (`!!timestamp` is left out above).
    assert not any(isinstance(value, dt.date) for value in walk(data))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "title: x\nevents:\n  - date: 2023-09-13\n    themes: [russia, china]\n",
            {"title": "x", "events": [{"date": "2023-09-13", "themes": ["russia", "china"]}]},
        ),
        (
            "a: yes\nb: ~\nc: 0x1F\nd: 1_000\nf: '2024'\ng: 2024\nh:\ni: 2023-02-30\n",
            {"a": True, "b": None, "c": 31, "d": 1000, "f": "2024", "g": 2024, "h": None}
            | {"i": "2023-02-30"},
        ),
        (
            "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
            {"a": "two\nlines\n", "b": "folded text\n"},
        ),
        ("a: &x 1\nb: *x\n", {"a": 1, "b": 1}),
        ("a: !!str 1\n", {"a": "1"}),
        ("\n", {}),
    ],
)
def test_front_matter_values_are_pyyamls_with_dates_left_as_text(source: str, expected) -> None:
    assert load_yaml(source, "p.md", 2) == expected


def test_infinity_and_not_a_number_are_floats() -> None:
    data = load_yaml("a: .inf\nb: .NaN\n", "p.md", 2)
    assert data["a"] == math.inf
    assert math.isnan(data["b"])


TAGGED = "a tagged value (!!...) cannot be built: "


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a: 1\na: 2\n", "line 3, column 1: duplicate key 'a'"),
        ("a: 1\n'a': 2\n", "line 3, column 1: duplicate key 'a'"),
        ("e:\n  - x: 1\n    x: 2\n", "line 4, column 5: duplicate key 'x'"),
        ("a: b: c\n", "line 2, column 5: mapping values are not allowed in this context"),
        ("a: !!int x\n", f"{TAGGED}invalid literal for int() with base 10: 'x'"),
        ("a: !!timestamp 2023-02-30\n", f"{TAGGED}day is out of range for month"),
        ("a: !!timestamp soon\n", f"{TAGGED}'NoneType' object has no attribute 'groupdict'"),
    ],
)
def test_bad_yaml_is_one_line_with_the_line_counted_from_the_top(source: str, message) -> None:
    with pytest.raises(FrontMatterError) as caught:
        load_yaml(source, "docs/p.md", 2)
    assert str(caught.value) == f"docs/p.md: front matter is not valid YAML: {message}"


def test_front_matter_that_is_not_a_mapping_says_what_it_is() -> None:
    with pytest.raises(FrontMatterError, match=r"^p\.md: front matter must be a mapping .*a list$"):
        load_yaml("- a\n- b\n", "p.md", 2)


# MkDocs' own front matter expression (`mkdocs/utils/meta.py`).
MKDOCS_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="-. \t\nax", max_size=30))
@example(text="---\n---\n")
@example(text="---\n\n---\n")
@example(text="--- \t\na: x\n...  \nbody\n---\n")
@example(text="---\na\n---")
@example(text="----\na\n---\n")
def test_front_matter_fences_are_the_ones_mkdocs_accepts(text: str) -> None:
    match = MKDOCS_RE.match(text)
    try:
        found = split_front_matter(text, "p.md")
    except FrontMatterError as error:
        # An opening fence MkDocs would not close is an error, not silently body text.
        assert match is None
        assert re.match(r"-{3}[ \t]*\n", text)
        assert str(error) == "p.md: front matter is not closed: end it with a line '---'"
        return
    if match:
        assert found == (match.group(1), text[match.end() :], 2)
    else:
        assert found == (None, text, 0)
