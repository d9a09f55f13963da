"""The loader's checks for data that does not come from a register folder.

Readers of other formats (the importer's embedded JSON, a mapping file, an editor holding a document in
memory) and the models' own constructors use these, so that every problem is reported with the loader's
codes, messages and hints:

- :func:`load_data` validates parsed register data (a mapping of kinds, as ``json.loads`` or
  :func:`read_yaml` gives it) entity by entity, exactly as one register file;
- :func:`read_yaml` reads YAML bytes with the loader's safe reader and scalar policy;
- :func:`structural_diagnostics` turns pydantic's ``ValidationError`` for one model into the loader's
  ``STR-`` diagnostics.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ropa.loading.loader import ENTITY_NOUN, LoadResult, SourceIndex, _Collector, _result, gc_paused

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ropa.diagnostics import Diagnostic
    from ropa.loading._yaml import YamlProblem

__all__ = ["load_data", "read_yaml", "structural_diagnostics"]


def load_data(data: Any, name: str = "register.json") -> LoadResult:
    """Validate parsed register data as one register file named ``name``.

    Args:
        data: a mapping of register kinds (``organisation``, ``activities``, ...), as ``json.loads`` or
            :func:`read_yaml` gives it; anything else is reported (``STR-001``).
        name: the file name the diagnostics carry.

    Returns:
        The register of the entities that validated, and a diagnostic for each problem, located by JSON
        Pointer into ``data`` (no line and column: there is no text). Never raises for bad content.
    """
    collector = _Collector(SourceIndex(None))
    with gc_paused():
        collector.document(name, data)
    return _result(collector, name)


def read_yaml(data: bytes) -> tuple[Any, tuple[YamlProblem, ...]]:
    """Read one YAML document as the loader does: UTF-8 only, no tags, no merge keys, bounded aliases and
    depth, and every plain scalar but ``null`` kept as text (so ``NO`` stays ``"NO"``).

    Returns:
        The data (``None`` when the document is empty or cannot be read) and the problems found, each with
        the loader's code (``SYN-00x``), message, hint, line and column.
    """
    from ropa.loading._yaml import decode, parse

    text, problem = decode(data)
    if text is None:
        return None, (problem,) if problem is not None else ()
    value, problems = parse(text)
    return value, tuple(problems)


_WORD = re.compile(r"(?<!^)(?=[A-Z][a-z])")


def _label(model: type[Any], data: Any) -> str:
    """``activity orders``, ``organisation``, ``retention rule``: how the loader names what failed."""
    from ropa.models import KINDS, Register

    if model is Register:
        return "the register"
    kind = next((k for k, m in KINDS.items() if m is model), None)
    noun = ENTITY_NOUN[kind] if kind is not None else _WORD.sub(" ", model.__name__).lower()
    ident = data.get("id") if isinstance(data, dict) else None
    return f"{noun} {ident}" if isinstance(ident, str) else noun


def structural_diagnostics(
    error: ValidationError, model: type[Any], data: Any, *, file: str | None = None, pointer: str = ""
) -> tuple[Diagnostic, ...]:
    """The loader's diagnostics for ``error``, raised while validating ``data`` as ``model``.

    Args:
        error: pydantic's error.
        model: the ropa model that was validated.
        data: the input it was given.
        file: the file the data came from (``None`` for data built in memory).
        pointer: the JSON Pointer of ``data`` in that file (``""``: the data is the whole document).

    Returns:
        One ``STR-002`` (unknown field), ``STR-003`` (wrong type), ``STR-004`` (missing field) or
        ``STR-005`` (value not allowed) diagnostic per problem, as the loader reports the same data in a
        file, located at ``pointer`` plus the JSON Pointer of the value.
    """
    collector = _Collector(SourceIndex(None))
    for problem in error.errors(include_url=False):
        target, value, at, loc = _entity_of(model, data, pointer, problem["loc"])
        collector._pydantic({**problem, "loc": loc}, target, file, at, _label(target, value), value)
    return tuple(collector.diagnostics)


def _entity_of(
    model: type[Any], data: Any, pointer: str, loc: tuple[int | str, ...]
) -> tuple[type[Any], Any, str, tuple[int | str, ...]]:
    """For a problem inside an entity of a whole register, that entity (its model, data and pointer) and
    the location inside it, so that the message names the entity as the loader does (``activity
    orders``); otherwise what was given."""
    from ropa.models import KINDS, Register

    if model is not Register or not loc or not isinstance(data, dict):
        return model, data, pointer, loc
    key = loc[0]
    kind = "register" if key == "meta" else str(key)
    entity = KINDS.get(kind)
    value = data.get(key)
    if entity is None:
        return model, data, pointer, loc
    taken = 1
    if kind not in ("register", "organisation"):
        index = loc[1] if len(loc) > 1 else None
        if not isinstance(index, int) or not isinstance(value, list | tuple) or not 0 <= index < len(value):
            return model, data, pointer, loc
        value, taken = value[index], 2
    if len(loc) == taken or not isinstance(value, dict):
        return model, data, pointer, loc
    at = pointer + "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc[:taken])
    return entity, value, at, loc[taken:]
