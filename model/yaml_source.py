"""Safe reading of one YAML file: size, encoding, alias and duplicate-key guards,
and a map from a field path to the line it sits on.

We use PyYAML's safe loader (`yaml.safe_load` semantics: plain data, no Python
objects). Its two traps are closed here: anchors/aliases are refused outright
(so an alias bomb is rejected before anything expands) and duplicate keys are
reported instead of silently keeping the last one.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, formatted as `path:line: field: message`."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        line = self.line if self.line is not None else 1
        field = self.field or "(file)"
        return f"{self.path}:{line}: {field}: {self.message}"


class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    root: yaml.Node

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """1-based line of the deepest key or item reachable along `loc` (a pydantic error loc)."""
        node: yaml.Node = self.root
        line = node.start_mark.line
        for part in loc:
            found = _child(node, part)
            if found is None:
                break
            line, node = found
        return line + 1


def _child(node: yaml.Node, part: Any) -> tuple[int, yaml.Node] | None:
    """The child node at `part`, with the line of its key (or of the item)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return key.start_mark.line, value
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item.start_mark.line, item
    return None


def read_yaml(path: Path, shown_as: str) -> ParsedYaml:
    """Read and parse one file, raising YamlError with a located message on any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(Problem(shown_as, None, "", f"cannot read file ({exc.strerror})")) from None
    if len(raw) > MAX_BYTES:
        raise YamlError(Problem(shown_as, None, "", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(Problem(shown_as, line, "", f"not valid UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start})")) from None
    try:
        _refuse_aliases(text, shown_as)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(Problem(shown_as, line, "", f"YAML syntax error: {exc.problem or exc.context}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(shown_as, None, "", f"YAML error: {exc}")) from None
    if root is None:
        raise YamlError(Problem(shown_as, 1, "", "file is empty"))
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        raise YamlError(Problem(shown_as, root.start_mark.line + 1, "", f"file must be a mapping of fields, got {kind}"))
    _refuse_duplicate_keys(root, shown_as, ())
    return ParsedYaml(data=_construct(root), root=root)


def _construct(root: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _refuse_aliases(text: str, shown_as: str) -> None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1
            raise YamlError(Problem(shown_as, line, "", "YAML anchors and aliases (&, *) are not allowed in proposal files"))


def _refuse_duplicate_keys(node: yaml.Node, shown_as: str, path: tuple[str, ...]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                field = ".".join((*path, name))
                raise YamlError(Problem(shown_as, key.start_mark.line + 1, field, "duplicate key"))
            seen.add(name)
            _refuse_duplicate_keys(value, shown_as, (*path, name))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _refuse_duplicate_keys(item, shown_as, (*path, str(i)))
