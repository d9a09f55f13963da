"""Reading the models: every field of every entity, its shape, minimal valid entities, and block YAML
that records the line of every JSON Pointer. Shared by the content and export tests."""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic.fields import FieldInfo

from ropa.models import KINDS, RopaModel

# --- reading the models -----------------------------------------------------------------------


def strip_optional(annotation: Any) -> Any:
    """The annotation without ``| None`` and ``Annotated``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, RopaModel)


def is_country(info: FieldInfo | None, annotation: Any) -> bool:
    return "_check_country" in repr(annotation) or (info is not None and "_check_country" in repr(info))


def field_shape(annotation: Any) -> str:
    """list, dict, model, enum, bool, int, date or text."""
    bare = strip_optional(annotation)
    origin = typing.get_origin(bare)
    if origin in (list, tuple):
        return "list"
    if origin is dict or (isinstance(origin, type) and issubclass(origin, Mapping)):
        return "dict"
    if is_model(bare):
        return "model"
    if isinstance(bare, type) and issubclass(bare, enum.Enum):
        return "enum"
    if bare is bool:
        return "bool"
    if bare is int:
        return "int"
    if bare is dt.date:
        return "date"
    return "text"


def valid_value(annotation: Any, info: FieldInfo | None = None) -> Any:
    """A valid value of the annotation (for required fields and list items)."""
    bare = strip_optional(annotation)
    kind = field_shape(bare)
    if kind == "list":
        return [valid_value(typing.get_args(bare)[0])]
    if kind == "dict":
        return {"k": "v"}
    if kind == "model":
        return minimal(bare)
    if kind == "enum":
        return next(iter(bare)).value
    if kind == "bool":
        return True
    if kind == "int":
        return 1
    if kind == "date":
        return "2024-01-01"
    return "NL" if is_country(info, annotation) else "x1"


def minimal(model: type[RopaModel]) -> dict[str, Any]:
    """The smallest valid entity: its required fields only."""
    return {
        name: valid_value(info.annotation, info)
        for name, info in model.model_fields.items()
        if info.is_required()
    }


WRONG = {
    # shape of the field: (a value of the wrong shape, the code expected)
    "list": ({"wrong": "shape"}, "STR-003"),
    "dict": (["wrong", "shape"], "STR-003"),
    "model": (["wrong", "shape"], "STR-003"),
    "enum": ({"wrong": "shape"}, "STR-005"),  # pydantic reports an enum mismatch, whatever the input
    "bool": ({"wrong": "shape"}, "STR-003"),
    "int": ({"wrong": "shape"}, "STR-003"),
    "date": ({"wrong": "shape"}, "STR-003"),
    "text": ({"wrong": "shape"}, "STR-003"),
}


@dataclass(frozen=True)
class FieldCase:
    kind: str
    path: tuple[str, ...]
    """Field names from the entity down to the field; a list of models is entered at its item 0."""
    annotation: Any
    info: FieldInfo

    @property
    def id(self) -> str:
        return f"{self.kind}.{'.'.join(self.path)}"


def walk_fields(
    kind: str, model: type[RopaModel], path: tuple[str, ...], seen: frozenset[type]
) -> list[FieldCase]:
    out = []
    for name, info in model.model_fields.items():
        out.append(FieldCase(kind, (*path, name), info.annotation, info))
        bare = strip_optional(info.annotation)
        inner = typing.get_args(bare)[0] if typing.get_origin(bare) in (list, tuple) else bare
        inner = strip_optional(inner)
        if is_model(inner) and inner not in seen:
            out.extend(walk_fields(kind, inner, (*path, name), seen | {inner}))
    return out


FIELD_CASES = [
    case for kind, model in KINDS.items() for case in walk_fields(kind, model, (), frozenset({model}))
]


def document_with(case: FieldCase, leaf: Any) -> dict[str, Any]:
    """A register document whose entity is valid except for ``leaf`` at ``case.path``."""
    model = KINDS[case.kind]
    entity = minimal(model)
    node, current = entity, model
    for name in case.path[:-1]:
        info = current.model_fields[name]
        bare = strip_optional(info.annotation)
        child = strip_optional(typing.get_args(bare)[0]) if typing.get_origin(bare) in (list, tuple) else bare
        item = node[name][0] if isinstance(node.get(name), list) else node.get(name)
        if not isinstance(item, dict):
            item = minimal(child)
        node[name] = [item] if typing.get_origin(bare) in (list, tuple) else item
        node, current = item, child
    node[case.path[-1]] = leaf
    if case.kind in ("register", "organisation"):
        return {case.kind: entity}
    return {case.kind: [entity]}


def pointer_of(case: FieldCase) -> str:
    parts = [case.kind] if case.kind in ("register", "organisation") else [case.kind, "0"]
    model: Any = KINDS[case.kind]
    for name in case.path:
        parts.append(name)
        bare = strip_optional(model.model_fields[name].annotation)
        if typing.get_origin(bare) in (list, tuple) and is_model(strip_optional(typing.get_args(bare)[0])):
            parts.append("0")
            model = strip_optional(typing.get_args(bare)[0])
        elif is_model(bare):
            model = bare
    if parts[-1] == "0" and len(parts) > 1 and parts[-2] == case.path[-1]:
        parts.pop()
    return "/" + "/".join(parts)


# --- writing YAML one field per line, remembering the lines -----------------------------------


def block_yaml(data: Any) -> tuple[str, dict[str, int]]:
    """Block-style YAML with every key and item on its own line, and the line of every JSON Pointer."""
    lines: list[str] = []
    where: dict[str, int] = {}

    def scalar(value: Any) -> str:
        if isinstance(value, dict | list):
            return "{}" if isinstance(value, dict) else "[]"
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar

    def emit(value: Any, indent: int, pointer: str) -> None:
        pad = "  " * indent
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            here = f"{pointer}/{key}"
            where[here] = len(lines) + 1
            head = f"{pad}{key}:" if isinstance(value, dict) else f"{pad}-"
            if isinstance(child, dict | list) and child:
                lines.append(head)
                emit(child, indent + 1, here)
            else:
                lines.append(f"{head} {scalar(child)}")

    emit(data, 0, "")
    return "\n".join(lines) + "\n", where
