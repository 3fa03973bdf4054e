"""Safe reading of one YAML file: size, encoding, nesting, tag, alias and
duplicate-key guards, and a map from a field path to the line it sits on.

This module holds the entry points (`read_yaml`, `parse_yaml`); the guards are
in `model.data.yaml_guards`, building values in `model.data.yaml_build`, the
line map in `model.data.line_map`, `Problem`/`YamlError` in `model.data.problems`
(all still importable from here).

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

from pathlib import Path

import yaml

from model.data.line_map import ParsedYaml
from model.data.problems import Problem, YamlError
from model.data.yaml_build import EventComposer, construct, duplicate_keys
from model.data.yaml_guards import (
    CAREFUL, MAX_BYTES, MAX_DEPTH, MAYBE_SPECIAL, checked_events, decode, event_source, fast_root, syntax_problem,
)

__all__ = ["MAX_BYTES", "MAX_DEPTH", "ParsedYaml", "Problem", "YamlError", "parse_yaml", "read_yaml"]


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
    text = decode(raw, shown_as)
    fast = event_source(text) is yaml.CSafeLoader
    try:
        root = fast_root(text, shown_as) if fast and not MAYBE_SPECIAL.search(text) else CAREFUL
        if root is CAREFUL:
            events = checked_events(text, shown_as)
            # libyaml composes several times faster than re-feeding the checked events to PyYAML's composer
            root = yaml.compose(text, Loader=yaml.CSafeLoader) if fast else EventComposer(events).get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlError(syntax_problem(exc, shown_as)) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and not root.style):
        raise YamlError(Problem(shown_as, 1, "", "file is empty"))
    duplicates = list(duplicate_keys(root, shown_as, ()))
    if duplicates:
        raise YamlError(*duplicates)
    return ParsedYaml(data=construct(root, shown_as), root=root)

