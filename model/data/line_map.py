"""From a field path to the line it sits on: a parsed YAML file keeps its node
tree (`ParsedYaml.root`) beside its data, so every problem can name its line."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


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
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key.start_mark.line, value
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item.start_mark.line, item
    return None

