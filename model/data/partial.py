"""The parts of a file that did validate, so that a schema error does not hide
the other checks (taxonomy codes, citations, lineage) in the same run.

`salvage(Proposal, data)` returns the model when `data` is valid; otherwise an
unvalidated stand-in built with `model_construct`, in which every field that
validated on its own keeps its value and every field that did not is None (or
its default). Lists keep their length, with None in place of items that did not
validate, so error locations (`points.3.area`) still point at the right item.
The stand-in is only ever read by the checks; it never reaches the app.
"""
from __future__ import annotations

import types
from functools import lru_cache
from typing import Annotated, Any, Iterator, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError


def salvage(cls: type[BaseModel], data: Any) -> BaseModel | None:
    """`cls` validated from `data`, or a partial stand-in (see the module docstring); None if `data` is not a mapping."""
    if not isinstance(data, dict):
        return None
    try:
        return cls.model_validate(data)
    except ValidationError:
        pass
    values: dict[str, Any] = {}
    for name, field in cls.model_fields.items():
        fallback = None if field.is_required() else field.get_default(call_default_factory=True)
        if name not in data:
            values[name] = fallback
            continue
        value = _salvage_value(field.annotation, data[name])
        if value is _UNSET:
            try:
                value = _adapter(cls, name).validate_python(data[name])
            except (ValidationError, ValueError, TypeError):
                value = fallback
        values[name] = value
    return cls.model_construct(**values)


_UNSET = object()


def _model(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _salvage_value(annotation: Any, value: Any) -> Any:
    """Salvaged nested models (a model, an optional model, a list or dict of models), or _UNSET."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _salvage_value(args[0], value)
    if (model := _model(annotation)) is not None:
        return salvage(model, value)
    if origin in (Union, types.UnionType):
        models = [m for m in map(_model, args) if m is not None]
        if len(models) == 1 and isinstance(value, dict):
            return salvage(models[0], value)
        return _UNSET
    if origin is list and args and (model := _model(args[0])) is not None:
        return [salvage(model, item) for item in value] if isinstance(value, list) else None
    if origin is dict and len(args) == 2 and (model := _model(args[1])) is not None:
        return {k: salvage(model, v) for k, v in value.items() if isinstance(k, str)} if isinstance(value, dict) else None
    return _UNSET


@lru_cache(maxsize=None)
def _adapter(cls: type[BaseModel], name: str) -> TypeAdapter:
    field = cls.model_fields[name]
    annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return TypeAdapter(annotation)


def present_items(values) -> Iterator[tuple]:
    """(index, item) of a list, skipping items that did not validate (None)."""
    return ((i, v) for i, v in enumerate(values or ()) if v is not None)


def present_entries(values) -> Iterator[tuple]:
    """(key, value) of a mapping, skipping values that did not validate (None)."""
    return ((k, v) for k, v in (values or {}).items() if v is not None)
