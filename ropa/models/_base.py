"""The model base class and the custom field types shared by every entity."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, PrivateAttr, StringConstraints
from pydantic_core import PydanticCustomError

from ropa._data import country_codes

__all__ = ["COUNTRY_PATTERN", "ID_PATTERN", "CountryCode", "Id", "Origin", "RopaEntity", "RopaModel", "Text"]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""An entity identifier: letters, digits, ``.``, ``_`` and ``-``, at most 100 characters."""

Text = Annotated[str, StringConstraints(max_length=100_000)]
"""Free text, at most 100,000 characters."""


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


def is_iso_duration(value: str) -> bool:
    """True when ``value`` is an ISO 8601 duration such as ``P7Y``, ``P1M``, ``P2W`` or ``PT12H``."""
    return bool(_DURATION_RE.match(value))


class Origin:
    """Where an entity was read from: a file relative to the register root and a JSON Pointer."""

    __slots__ = ("file", "pointer")

    def __init__(self, file: str | None, pointer: str) -> None:
        self.file = file
        self.pointer = pointer

    def __repr__(self) -> str:
        return f"Origin({self.file!r}, {self.pointer!r})"


class RopaModel(BaseModel):
    """Base of every register model: unknown keys are errors, numbers may stand for text."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        populate_by_name=False,
        validate_default=False,
        use_attribute_docstrings=True,
        defer_build=True,
    )

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
