"""Building data from a checked YAML node tree: PyYAML's composer fed from the
already-checked events, a safe constructor that keeps unbuildable values
(a date like 2025-13-45, a 5,000-digit number) as text for the schema to
report, and the duplicate-key check."""
from __future__ import annotations

from typing import Any, Iterator

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from model.data.problems import Problem, YamlError
from model.data.yaml_guards import syntax_problem


class EventComposer(Composer, Resolver):
    """PyYAML's composer, fed from the events already checked (so the file is parsed once)."""

    def __init__(self, events: list[yaml.Event]):
        self._events = events
        self._next = 0
        Composer.__init__(self)
        Resolver.__init__(self)

    def check_event(self, *choices: type) -> bool:
        if self._next >= len(self._events):
            return False
        return not choices or isinstance(self._events[self._next], choices)

    def peek_event(self) -> yaml.Event:
        return self._events[self._next]

    def get_event(self) -> yaml.Event:
        event = self._events[self._next]
        self._next += 1
        return event


class _Constructor(SafeConstructor):
    """The safe constructor, keeping as text any scalar it cannot turn into a value."""

    def _or_text(self, build, node):
        try:
            return build(self, node)
        except (ValueError, KeyError, OverflowError, TypeError):
            return self.construct_scalar(node)

    def construct_yaml_int(self, node):
        return self._or_text(SafeConstructor.construct_yaml_int, node)

    def construct_yaml_float(self, node):
        return self._or_text(SafeConstructor.construct_yaml_float, node)

    def construct_yaml_bool(self, node):
        return self._or_text(SafeConstructor.construct_yaml_bool, node)

    def construct_yaml_timestamp(self, node):
        return self._or_text(SafeConstructor.construct_yaml_timestamp, node)

    def construct_yaml_value(self, node):
        return self.construct_scalar(node)


for _tag, _build in (
    ("int", _Constructor.construct_yaml_int), ("float", _Constructor.construct_yaml_float),
    ("bool", _Constructor.construct_yaml_bool), ("timestamp", _Constructor.construct_yaml_timestamp),
    ("value", _Constructor.construct_yaml_value),
):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _build)


def construct(root: yaml.Node, shown_as: str) -> Any:
    constructor = _Constructor()
    try:
        return constructor.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(syntax_problem(exc, shown_as)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise YamlError(Problem(shown_as, None, "", f"cannot read a value: {str(exc)[:200]}")) from None


def duplicate_keys(node: yaml.Node, shown_as: str, path: tuple[str, ...]) -> Iterator[Problem]:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else None
            if name is not None and name in seen:
                yield Problem(shown_as, key.start_mark.line + 1, ".".join((*path, name)), "duplicate key")
            if name is not None:
                seen.add(name)
            yield from duplicate_keys(value, shown_as, (*path, name or "?"))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from duplicate_keys(item, shown_as, (*path, str(i)))
