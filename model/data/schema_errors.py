"""Schema errors as located problems: one `Problem` per field that pydantic
rejected, on the line the field sits on (shared by the loader, the source
registry and the reference data)."""
from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from model.data.line_map import ParsedYaml
from model.data.problems import Problem


def error_location(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of a pydantic error loc that names real fields (drops union-branch tags)."""
    kept: list[Any] = []
    current = data
    for part in loc:
        if part == "[key]":  # pydantic's marker for an error in a mapping's key: the key's own line
            break
        if isinstance(current, dict):
            kept.append(part)
            if part not in current:
                break
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            kept.append(part)
            current = current[part]
        else:
            break
    return tuple(kept)


def _got(error: dict[str, Any]) -> str:
    value = error.get("input")
    if error["type"] == "missing" or isinstance(value, (dict, list)):
        return ""
    text = repr(value)
    return f" (got {text[:60]}{'…' if len(text) > 60 else ''})"


def validation_problems(exc: ValidationError, parsed: ParsedYaml, path: str) -> list[Problem]:
    """One problem per field, with the line it sits on."""
    by_field: dict[tuple[Any, ...], list[str]] = {}
    for error in exc.errors():
        loc = error_location(parsed.data, tuple(error["loc"]))
        message = error["msg"].removeprefix("Value error, ") + _got(error)
        if "[key]" in error["loc"]:
            message = f"key: {message}"
        messages = by_field.setdefault(loc, [])
        if message not in messages:
            messages.append(message)
    return [
        Problem(path, parsed.line_of(loc), ".".join(str(p) for p in loc), "; or ".join(msgs))
        for loc, msgs in by_field.items()
    ]
