"""The guards `model.data.yaml_source` runs before a YAML file becomes data: the
size and nesting limits, UTF-8 decoding, the event-by-event scan that refuses
anchors/aliases, unknown tags, a non-mapping root and a second document, the
libyaml fast path, and syntax errors located where their problem starts."""
from __future__ import annotations

import re

import yaml

from model.data.problems import Problem, YamlError

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
# libyaml scans nested flow brackets in quadratic time; above this many `[`/`{`
# the pure-Python scanner, which stops at MAX_DEPTH, reads the file instead.
_C_BRACKET_BUDGET = 1_000
_CORE_TAGS = {
    "!", *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")),
}
# A file matching this might hold an anchor, an alias, a tag or a second document: it takes the event-by-event path.
MAYBE_SPECIAL = re.compile(r"(?:^|[\s\[\]{},:?-])[&*!]|^(?:---|\.\.\.)", re.M)
_CONTEXTS_THAT_START_THE_PROBLEM = ("quoted scalar", "block scalar", "flow", "simple key", "tag", "anchor", "alias", "directive")


def decode(raw: bytes, shown_as: str) -> str:
    nul = raw.find(b"\x00")
    if nul >= 0 and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = raw[:nul].count(b"\n") + 1
        raise YamlError(Problem(shown_as, line, "", f"binary data (a NUL byte at offset {nul}); a proposal file must be UTF-8 text"))
    try:
        text = raw.decode("utf-8-sig")  # a leading BOM is accepted and dropped
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(Problem(shown_as, line, "", f"not valid UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start}); save the file as UTF-8")) from None
    return text


class _GuardedLoader(yaml.SafeLoader):
    """The pure-Python scanner, stopped as soon as nesting passes MAX_DEPTH (before its
    simple-key bookkeeping turns quadratic on thousands of open brackets)."""

    def fetch_flow_collection_start(self, token_class: type) -> None:
        if self.flow_level >= MAX_DEPTH:
            raise _TooDeep(self.get_mark())
        super().fetch_flow_collection_start(token_class)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= MAX_DEPTH:
            raise _TooDeep(self.get_mark())
        return super().add_indent(column)


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark):
        super().__init__("too deep")
        self.mark = mark


def event_source(text: str) -> type:
    if getattr(yaml, "__with_libyaml__", False) and text.count("[") + text.count("{") <= _C_BRACKET_BUDGET:
        return yaml.CSafeLoader
    return _GuardedLoader


def checked_events(text: str, shown_as: str) -> list[yaml.Event]:
    """All events of the file, refusing deep nesting, aliases, unknown tags and non-mapping roots on the way."""
    events: list[yaml.Event] = []
    depth = 0

    def refuse(event: yaml.Event, message: str) -> YamlError:
        return YamlError(Problem(shown_as, event.start_mark.line + 1, "", message))

    try:
        for event in yaml.parse(text, Loader=event_source(text)):
            if isinstance(event, yaml.DocumentStartEvent) and any(isinstance(e, yaml.DocumentStartEvent) for e in events):
                raise refuse(event, "a second YAML document ('---'); a file holds one proposal")
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise refuse(event, "YAML anchors and aliases (&, *) are not allowed in proposal files")
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _CORE_TAGS:
                shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
                raise refuse(event, f"YAML tag '{shown_tag[:80]}' is not allowed in proposal files (only plain values)")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.ScalarEvent)) and depth == 0:
                if isinstance(event, yaml.SequenceStartEvent):
                    raise refuse(event, "file must be a mapping of fields (key: value), got a list")
                if isinstance(event, yaml.ScalarEvent) and (event.value or event.style):
                    raise refuse(event, "file must be a mapping of fields (key: value), got a single value")
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise refuse(event, f"nesting is deeper than {MAX_DEPTH} levels")
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            events.append(event)
    except _TooDeep as exc:
        raise YamlError(Problem(shown_as, exc.mark.line + 1, "", f"nesting is deeper than {MAX_DEPTH} levels")) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlError(syntax_problem(exc, shown_as)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: max(exc.position, 0)].count("\n") + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YamlError(Problem(shown_as, line, "", f"a control character {ord(char):#06x} is not allowed in YAML text")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(shown_as, None, "", f"YAML error: {exc}")) from None
    return events


CAREFUL = object()  # fast_root's answer when the file must take the event-by-event path


def fast_root(text: str, shown_as: str) -> "yaml.Node | None | object":
    """Compose with libyaml, then check the two guards that can still fire here: depth and the top-level kind."""
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return CAREFUL  # the careful path reports the problem where it starts
    if root is None:
        return None
    if isinstance(root, yaml.SequenceNode):
        raise YamlError(Problem(shown_as, root.start_mark.line + 1, "", "file must be a mapping of fields (key: value), got a list"))
    if isinstance(root, yaml.ScalarNode) and (root.value or root.style):
        raise YamlError(Problem(shown_as, root.start_mark.line + 1, "", "file must be a mapping of fields (key: value), got a single value"))
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise YamlError(Problem(shown_as, node.start_mark.line + 1, "", f"nesting is deeper than {MAX_DEPTH} levels"))
        if isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair if not isinstance(child, yaml.ScalarNode))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value if not isinstance(child, yaml.ScalarNode))
    return root


def syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str) -> Problem:
    """A syntax error at the line where its problem starts (the opening quote or bracket)."""
    problem = exc.problem or exc.context or "unreadable YAML"
    context = exc.context or ""
    at, start = exc.problem_mark, exc.context_mark
    if "tab" in problem or "\\t" in problem:
        line = at.line + 1 if at else None
        return Problem(shown_as, line, "", "YAML syntax error: a tab character; indent with spaces, never tabs")
    if start is not None and any(word in context for word in _CONTEXTS_THAT_START_THE_PROBLEM):
        where = f" at line {at.line + 1}" if at is not None and at.line != start.line else ""
        what = context.removeprefix("while scanning ").removeprefix("while parsing ")
        return Problem(shown_as, start.line + 1, "", f"YAML syntax error: {problem}{where}, in {what} that starts on this line")
    mark = at or start
    return Problem(shown_as, mark.line + 1 if mark else None, "", f"YAML syntax error: {problem}")

