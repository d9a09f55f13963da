"""The model base class and the custom field types shared by every entity."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Self, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    PrivateAttr,
    Strict,
    StringConstraints,
    ValidationError,
)
from pydantic_core import PydanticCustomError, core_schema

from ropa._data import country_codes

if TYPE_CHECKING:
    from pydantic import GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = [
    "COUNTRY_PATTERN",
    "ID_PATTERN",
    "Bool",
    "CountryCode",
    "Date",
    "FrozenDict",
    "Id",
    "Integer",
    "Origin",
    "RopaEntity",
    "RopaModel",
    "Text",
    "field_docs",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""An entity identifier: letters, digits, ``.``, ``_`` and ``-``, at most 100 characters."""

Text = Annotated[str, StringConstraints(max_length=100_000)]
"""Free text, at most 100,000 characters."""


# What a careful user expects of the scalar fields (pydantic's lax mode would accept much more):
# - a whole number is a number: ``true`` is not 1, ``"2"`` (quoted) and ``2.0`` are refused;
# - true/false is true/false, or one of the words YAML 1.1 reads as a boolean (yes/no/on/off/y/n, as in
#   https://yaml.org/type/bool.html), which registers written for YAML 1.1 tools use; 0/1 and other text are
#   refused;
# - a date is written YYYY-MM-DD (YAML 1.2 keeps it as text): a number is not a Unix timestamp and a
#   date-time is not cut to its day.
# Text fields do accept numbers (``name: 2024``): the loader makes a number of a plain scalar only in its
# canonical form, so the text is exactly what the user wrote.
_YAML11_BOOLS = {
    **dict.fromkeys(("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _bool_value(value: Any) -> Any:
    if isinstance(value, str):
        found = _YAML11_BOOLS.get(value)
        if found is None:
            raise PydanticCustomError("bool_parsing", "Input should be true or false")
        return found
    return value


def _date_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_parsing", "Input should be a date without a time")
    if isinstance(value, str):
        if not _ISO_DATE.match(value):
            raise PydanticCustomError("date_parsing", "Input should be a date written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_parsing", "Input should be a date that exists") from None
    if not isinstance(value, dt.date):
        raise PydanticCustomError("date_type", "Input should be a date written YYYY-MM-DD")
    return value


Integer = Annotated[int, Strict()]
"""A whole number: ``true``, ``"2"`` and ``2.0`` are refused."""

Bool = Annotated[bool, Strict(), BeforeValidator(_bool_value)]
"""``true`` or ``false`` (or a YAML 1.1 boolean word such as ``yes``/``no``); ``1``/``0`` are refused."""

Date = Annotated[dt.date, BeforeValidator(_date_value)]
"""A calendar date written ``YYYY-MM-DD``; numbers and date-times are refused."""


def _check_country(value: str) -> str:
    if value not in country_codes():
        raise PydanticCustomError(
            "ropa_country_code",
            "'{value}' is not an ISO 3166-1 alpha-2 country code",
            {"value": value},
        )
    return value


CountryCode = Annotated[
    str,
    StringConstraints(pattern=COUNTRY_PATTERN),
    AfterValidator(_check_country),
]
"""An upper-case ISO 3166-1 alpha-2 code (``NL``, ``US``); ``EL``/``UK`` are not accepted."""

_DURATION_RE = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$")


@cache
def _own_docs(cls: type) -> dict[str, str]:
    """The attribute docstrings of the fields that ``cls`` itself annotates: a string statement right after
    an annotated assignment, as pydantic's ``use_attribute_docstrings`` reads them."""
    import ast
    import textwrap

    try:
        source = textwrap.dedent(inspect.getsource(cls))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):  # no source (a frozen application): no descriptions
        return {}
    node = tree.body[0] if tree.body else None
    if not isinstance(node, ast.ClassDef):
        return {}
    out: dict[str, str] = {}
    for stmt, following in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            out[stmt.target.id] = inspect.cleandoc(following.value.value)
    return out


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Each field of ``model`` with its description: the docstring under the field's annotation in the
    class that declares it (an explicit ``Field(description=...)`` wins). Read from the source on first
    use, for the JSON Schema and the field docs; validation never needs it."""
    out: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        annotations = inspect.get_annotations(cls)
        if not annotations:
            continue
        own = _own_docs(cls)
        for name in annotations:
            if name in own:
                out[name] = own[name]
            else:
                out.pop(name, None)
    result: dict[str, str] = {}
    for name, info in model.model_fields.items():
        text = info.description if info.description is not None else out.get(name)
        if text is not None:
            result[name] = text
    return result


def is_iso_duration(value: str) -> bool:
    """True when ``value`` is an ISO 8601 duration such as ``P7Y``, ``P1M``, ``P2W`` or ``PT12H``."""
    return bool(_DURATION_RE.match(value))


K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """An immutable, hashable ``dict``: the models' mapping fields (``Activity.unmapped``).

    It is a ``dict`` for every reader (``json.dumps``, templates, ``isinstance(value, dict)``), but every
    method that would change it raises ``TypeError``. Build a changed copy instead:
    ``FrozenDict({**old, "key": "value"})``.
    """

    __slots__ = ()

    def _refuse(self) -> NoReturn:
        raise TypeError(
            "a FrozenDict cannot be changed; build a new one, e.g. FrozenDict({**old, 'key': 'value'}), "
            "and give it to model_copy(update=...)"
        )

    def __setitem__(self, key: K, value: V) -> NoReturn:
        self._refuse()

    def __delitem__(self, key: K) -> NoReturn:
        self._refuse()

    def __ior__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        self._refuse()

    def clear(self) -> NoReturn:
        self._refuse()

    def pop(self, *args: Any) -> NoReturn:
        self._refuse()

    def popitem(self) -> NoReturn:
        self._refuse()

    def setdefault(self, *args: Any) -> NoReturn:
        self._refuse()

    def update(self, *args: Any, **kwargs: Any) -> NoReturn:
        self._refuse()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"

    def __reduce__(self) -> tuple[type[FrozenDict[K, V]], tuple[dict[K, V]]]:
        return (type(self), (dict(self),))

    def copy(self) -> FrozenDict[K, V]:
        return self

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        key, value = get_args(source) or (Any, Any)
        inner = handler.generate_schema(dict[key, value])  # type: ignore[valid-type]
        return core_schema.no_info_after_validator_function(
            cls,
            inner,
            serialization=core_schema.plain_serializer_function_ser_schema(dict, return_schema=inner),
        )


class Origin:
    """Where an entity was read from: a file relative to the register root and a JSON Pointer."""

    __slots__ = ("file", "pointer")

    def __init__(self, file: str | None, pointer: str) -> None:
        self.file = file
        self.pointer = pointer

    def __repr__(self) -> str:
        return f"Origin({self.file!r}, {self.pointer!r})"


class RopaModel(BaseModel):
    """Base of every register model: frozen (lists are tuples, mappings :class:`FrozenDict`), unknown keys
    are errors, numbers may stand for text."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        populate_by_name=False,
        validate_default=False,
        defer_build=True,
    )
    # Field descriptions are the attribute docstrings, read from the source only when a JSON Schema is
    # generated (``__get_pydantic_json_schema__``) or the field docs are written (:func:`field_docs`):
    # pydantic's ``use_attribute_docstrings`` reads and parses every model's source at import, about a
    # quarter of the models' import time, for text that validation never shows.

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        properties = target.get("properties")
        if isinstance(properties, dict):
            docs = field_docs(cls)
            for name, info in cls.model_fields.items():
                doc = docs.get(name)
                if doc is None or info.description is not None:
                    continue
                for key in (info.validation_alias, info.alias, name):
                    if isinstance(key, str) and isinstance(properties.get(key), dict):
                        properties[key].setdefault("description", doc)
                        break
        return schema

    def __init__(self, /, **data: Any) -> None:
        """Validate ``data`` (lists become tuples, mappings :class:`FrozenDict`).

        Raises:
            ModelError: a value is missing, unknown or not allowed; its diagnostics are the loader's
                (``STR-002`` to ``STR-005``), located by JSON Pointer into ``data``.
        """
        try:
            super().__init__(**data)
        except ValidationError as exc:
            from ropa.errors import ModelError

            raise ModelError.from_validation_error(exc, type(self), data) from exc

    # Validation as pydantic's own __init__ does it: nested models are validated without calling this
    # method (as for pydantic's RootModel), so only the model built in code raises ModelError.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy of the model, with the fields in ``update`` changed.

        Unlike pydantic's own ``model_copy``, the update is validated like the constructor's arguments: a
        list becomes a tuple, a mapping a :class:`FrozenDict`, and a bad value raises
        :class:`~ropa.errors.ModelError`. Where an entity was loaded from (:attr:`origin`) is kept.

        Raises:
            ModelError: a value in ``update`` is not allowed, or names no field.
        """
        source = super().model_copy(deep=deep)
        if not update:
            return source
        data = {name: getattr(source, name) for name in source.model_fields_set}
        data.update(update)
        copy = type(self)(**data)
        private = source.__pydantic_private__
        if private:
            object.__setattr__(copy, "__pydantic_private__", dict(private))
        return copy

    @property
    def origin(self) -> Origin | None:
        """Where this entity was loaded from, when it came from a file (only entities record it)."""
        private = self.__pydantic_private__
        return private.get("_origin") if private else None

    def __eq__(self, other: object) -> bool:
        # Equal when of the same type with equal fields; where an entity was read from does not count.
        if type(self) is not type(other):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = BaseModel.__hash__

    def dump(self) -> dict[str, Any]:
        """The canonical plain-data form: JSON types, unstated fields omitted."""
        return self.model_dump(mode="json", exclude_none=True, by_alias=True)


class RopaEntity(RopaModel):
    """Base of the entities a register file lists (activities, parties, ...): they remember their origin.

    Value objects (purposes, transfers, ...) carry no private attribute, which keeps their validation
    cheap: pydantic initialises private attributes on every instance that declares them.
    """

    _origin: Origin | None = PrivateAttr(default=None)

    def with_origin(self, origin: Origin) -> None:
        """Record where this entity was loaded from (used by the loader)."""
        self._origin = origin
