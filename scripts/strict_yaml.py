"""YAML read strictly, for front matter and the paragraph map: duplicate keys are errors, dates
stay text, and every error is one line that names the file and the line.

PyYAML keeps the last of two equal keys and turns `2023-02-30` into a crash; MkDocs drops front
matter that fails to parse (`mkdocs/utils/meta.py`). Here each of those is a clear error.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import yaml


class FrontMatterError(ValueError):
    """Bad front matter; the message is one line naming file, entry and field."""


class StrictLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML that rejects duplicate keys and leaves dates as text for our own parser.

    PyYAML turns `2023-02-30` into a crash and keeps the last of two equal keys; both must be
    clear errors here instead.
    """


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode) -> Iterable[dict[Any, Any]]:
    data: dict[Any, Any] = {}
    yield data
    seen: set[str] = set()
    for key_node, _ in node.value:
        key = str(key_node.value)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        seen.add(key)
    data.update(loader.construct_mapping(node))


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def parse_yaml(source: str, label: str, first_line: int = 1, *, what: str = "front matter") -> Any:
    """Parse YAML with `StrictLoader`; an error is one line giving the line counted from the top
    of the file (`first_line`: the file's line where `source` starts)."""
    try:
        return yaml.load(source, Loader=StrictLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + first_line}, column {mark.column + 1}: " if mark else ""
        problem = " ".join(str(error.problem or error.context or error).split())
        raise FrontMatterError(f"{label}: {what} is not valid YAML: {where}{problem}") from None
    except yaml.YAMLError as error:
        problem = " ".join(str(error).split())
        raise FrontMatterError(f"{label}: {what} is not valid YAML: {problem}") from None
    # The rest have no place to point at: PyYAML raises whatever building an explicitly
    # tagged value raises (ValueError for `!!int x`, AttributeError for `!!timestamp x`).
    except Exception as error:
        problem = " ".join(str(error).split())
        raise FrontMatterError(
            f"{label}: {what} is not valid YAML: a tagged value (!!...) cannot be built: {problem}"
        ) from None


def yaml_kind(value: Any) -> str:
    """Name a YAML value's type the way an editor would."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def front_matter_value(value: str) -> str:
    """A value for a `key: value` line of a generated page's front matter: as it is when YAML
    reads it back unchanged (every English text), else quoted (a translation may hold ": ")."""
    try:
        plain = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)
