"""The canonical JSON form of a register, produced piece by piece.

The text is what ``json.dumps(register.dump(), ensure_ascii=False, indent=2) + "\\n"`` gives, but it is
made one entity at a time (:func:`iter_register_json`), so that an export of any size is streamed to its
file without the whole document, or the whole ``dump()``, in memory at once. The encoder is a tight
function for the JSON types (strings through the C string encoder of :mod:`json`): the standard library
falls back to its pure-Python encoder whenever ``indent`` is set, which is about twice as slow.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ropa.models import Register

__all__ = ["iter_register_json", "register_to_json"]

_string: Any = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring


def register_to_json(register: Register) -> str:
    """JSON text: fields in model order, unstated fields omitted, non-ASCII kept, newline at the end."""
    return "".join(iter_register_json(register))


def iter_register_json(register: Register) -> Iterator[str]:
    """The pieces of :func:`register_to_json`, one entity (or top-level field) at a time."""
    fields = [
        (info.alias or name, getattr(register, name))
        for name, info in type(register).model_fields.items()
        if getattr(register, name) is not None
    ]
    if not fields:
        yield "{}\n"
        return
    for position, (key, value) in enumerate(fields):
        head = "{\n  " if position == 0 else ",\n  "
        if isinstance(value, tuple):
            if not value:
                yield f"{head}{_string(key)}: []"
                continue
            yield f"{head}{_string(key)}: ["
            for index, entity in enumerate(value):
                out: list[str] = ["\n    " if index == 0 else ",\n    "]
                _encode(entity.dump(), "    ", out)
                yield "".join(out)
            yield "\n  ]"
        else:
            out = [f"{head}{_string(key)}: "]
            _encode(value.dump(), "  ", out)
            yield "".join(out)
    yield "\n}\n"


def _encode(value: Any, pad: str, out: list[str]) -> None:
    """Append the JSON of ``value`` as ``json.dumps(..., indent=2)`` writes it at indentation ``pad``."""
    cls = value.__class__
    if cls is str:
        out.append(_string(value))
    elif cls is dict:
        if not value:
            out.append("{}")
            return
        inner = pad + "  "
        separator = "{\n" + inner
        for key, item in value.items():
            out.append(separator + _string(key) + ": ")
            separator = ",\n" + inner
            item_cls = item.__class__
            if item_cls is str:
                out.append(_string(item))
            else:
                _encode(item, inner, out)
        out.append("\n" + pad + "}")
    elif cls is list:
        if not value:
            out.append("[]")
            return
        inner = pad + "  "
        separator = "[\n" + inner
        for item in value:
            out.append(separator)
            separator = ",\n" + inner
            _encode(item, inner, out)
        out.append("\n" + pad + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif cls is int:
        out.append(int.__repr__(value))
    elif cls is float:
        if value != value:
            out.append("NaN")
        elif value in (float("inf"), float("-inf")):
            out.append("Infinity" if value > 0 else "-Infinity")
        else:
            out.append(float.__repr__(value))
    else:  # a type dump() does not produce; the standard encoder decides (and refuses what is not JSON)
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))
