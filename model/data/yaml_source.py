"""Safe reading of one YAML file: size, encoding, nesting, tag, alias and
duplicate-key guards, and a map from a field path to the line it sits on.

We use PyYAML's safe loader (plain data, no Python objects), driven event by
event so that every guard runs before anything is built:

- the size limit (`MAX_BYTES`) is checked on the raw bytes, before decoding;
- binary data (NUL bytes) and non-UTF-8 bytes are refused; a UTF-8 BOM and
  CRLF line ends are accepted;
- the events are scanned once with a depth counter (`MAX_DEPTH`), and
  anchors/aliases (so an alias bomb never expands), explicit tags other than
  the plain core ones (so `!!python/object` is refused with its line), a list
  or a single value at the top level and a second document are refused there;
- the node tree is composed from those events, or, when libyaml read them, by
  libyaml again (faster than re-feeding the events); duplicate keys are reported
  instead of silently keeping the last one;
- fast path: a file with no character that could start an anchor, alias, tag
  or second document (`&`, `*`, `!`, a `---`/`...` line) and few brackets is
  composed by libyaml directly, and only its depth and top-level kind are
  checked on the tree: those guards cannot fire on it. Anything else takes
  the event-by-event path above.
- values that PyYAML cannot build (a date like 2025-13-45, a 5,000-digit
  number) stay text, for the schema to report.

Syntax errors are located where the problem starts: an unclosed quote or
bracket is reported at the line that opens it, not at the end of the file.
Every problem is a `Problem`, printed on one line as `path:line: field: message`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
# libyaml scans nested flow brackets in quadratic time; above this many `[`/`{`
# the pure-Python scanner, which stops at MAX_DEPTH, reads the file instead.
_C_BRACKET_BUDGET = 1_000
_CORE_TAGS = {
    "!", *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")),
}
# A file matching this might hold an anchor, an alias, a tag or a second document: it takes the event-by-event path.
_MAYBE_SPECIAL = re.compile(r"(?:^|[\s\[\]{},:?-])[&*!]|^(?:---|\.\.\.)", re.M)
_CONTEXTS_THAT_START_THE_PROBLEM = ("quoted scalar", "block scalar", "flow", "simple key", "tag", "anchor", "alias", "directive")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, formatted as `path:line: field: message`."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        line = self.line if self.line is not None else 1
        field = re.sub(r"[\s:]", lambda m: f"\\x{ord(m.group()):02x}", self.field) or "(file)"  # a key may hold anything
        return _one_line(f"{self.path}:{line}: {field}: {self.message}")


def _one_line(text: str) -> str:
    """Line breaks inside a field name or message (YAML keys may hold them) become spaces."""
    return re.sub(r"[\r\n\x0b\x0c\x85\u2028\u2029]+", " ", text)


class YamlError(Exception):
    """A file that could not be read as a YAML mapping; `problems` has at least one entry."""

    def __init__(self, problem: Problem, *more: Problem):
        super().__init__(str(problem))
        self.problem = problem
        self.problems = (problem, *more)


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


def read_yaml(path: Path, shown_as: str) -> ParsedYaml:
    """Read and parse one file, raising YamlError with located messages on any problem."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlError(Problem(shown_as, None, "", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}"))
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(Problem(shown_as, None, "", f"cannot read file ({exc.strerror or exc})")) from None
    return parse_yaml(raw, shown_as)


def parse_yaml(raw: bytes, shown_as: str) -> ParsedYaml:
    """Parse the bytes of one file (see the module docstring for the guards)."""
    if len(raw) > MAX_BYTES:
        raise YamlError(Problem(shown_as, None, "", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}"))
    text = _decode(raw, shown_as)
    fast = _event_source(text) is yaml.CSafeLoader
    try:
        root = _fast_root(text, shown_as) if fast and not _MAYBE_SPECIAL.search(text) else _CAREFUL
        if root is _CAREFUL:
            events = _checked_events(text, shown_as)
            # libyaml composes several times faster than re-feeding the checked events to PyYAML's composer
            root = yaml.compose(text, Loader=yaml.CSafeLoader) if fast else _EventComposer(events).get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_syntax_problem(exc, shown_as)) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and not root.style):
        raise YamlError(Problem(shown_as, 1, "", "file is empty"))
    duplicates = list(_duplicate_keys(root, shown_as, ()))
    if duplicates:
        raise YamlError(*duplicates)
    return ParsedYaml(data=_construct(root, shown_as), root=root)


def _decode(raw: bytes, shown_as: str) -> str:
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


def _event_source(text: str) -> type:
    if getattr(yaml, "__with_libyaml__", False) and text.count("[") + text.count("{") <= _C_BRACKET_BUDGET:
        return yaml.CSafeLoader
    return _GuardedLoader


def _checked_events(text: str, shown_as: str) -> list[yaml.Event]:
    """All events of the file, refusing deep nesting, aliases, unknown tags and non-mapping roots on the way."""
    events: list[yaml.Event] = []
    depth = 0

    def refuse(event: yaml.Event, message: str) -> YamlError:
        return YamlError(Problem(shown_as, event.start_mark.line + 1, "", message))

    try:
        for event in yaml.parse(text, Loader=_event_source(text)):
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
        raise YamlError(_syntax_problem(exc, shown_as)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: max(exc.position, 0)].count("\n") + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YamlError(Problem(shown_as, line, "", f"a control character {ord(char):#06x} is not allowed in YAML text")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(shown_as, None, "", f"YAML error: {exc}")) from None
    return events


_CAREFUL = object()  # _fast_root's answer when the file must take the event-by-event path


def _fast_root(text: str, shown_as: str) -> "yaml.Node | None | object":
    """Compose with libyaml, then check the two guards that can still fire here: depth and the top-level kind."""
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return _CAREFUL  # the careful path reports the problem where it starts
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


def _syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str) -> Problem:
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


class _EventComposer(Composer, Resolver):
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


def _construct(root: yaml.Node, shown_as: str) -> Any:
    constructor = _Constructor()
    try:
        return constructor.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise YamlError(_syntax_problem(exc, shown_as)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise YamlError(Problem(shown_as, None, "", f"cannot read a value: {str(exc)[:200]}")) from None


def _duplicate_keys(node: yaml.Node, shown_as: str, path: tuple[str, ...]) -> Iterator[Problem]:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else None
            if name is not None and name in seen:
                yield Problem(shown_as, key.start_mark.line + 1, ".".join((*path, name)), "duplicate key")
            if name is not None:
                seen.add(name)
            yield from _duplicate_keys(value, shown_as, (*path, name or "?"))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _duplicate_keys(item, shown_as, (*path, str(i)))
