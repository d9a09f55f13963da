"""The register: the whole record, as loaded from a folder of YAML files."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import ConfigDict, Field

from ropa.models._base import RopaEntity, RopaModel
from ropa.models.activity import Activity, ProcessorActivity
from ropa.models.organisation import Organisation, RegisterMeta, SecurityMeasure
from ropa.models.parties import DataCategory, DataSubjectCategory, Party

__all__ = ["KINDS", "SCHEMA_VERSION", "Register"]

E = TypeVar("E", bound=RopaEntity)

SCHEMA_VERSION = 1
"""The register format version this release reads and writes."""


class Register(RopaModel):
    """A record of processing activities.

    Every top-level key of a register file is one of these fields. List kinds from several files are
    concatenated in file order; ``register`` and ``organisation`` may appear in one file only.
    """

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    meta: RegisterMeta | None = Field(default=None, alias="register")
    """Metadata about the register (version, owner, review dates); the key ``register`` in YAML."""
    organisation: Organisation | None = None
    """The controller (Art. 30(1)(a))."""
    security_measures: tuple[SecurityMeasure, ...] | None = None
    """Organisation-level technical and organisational measures (Art. 32)."""
    data_subjects: tuple[DataSubjectCategory, ...] | None = None
    """Categories of data subjects, referenced by activities."""
    data_categories: tuple[DataCategory, ...] | None = None
    """Categories of personal data, referenced by activities."""
    parties: tuple[Party, ...] | None = None
    """Recipients: processors, controllers, joint controllers, authorities, departments."""
    activities: tuple[Activity, ...] | None = None
    """Processing activities as controller (Art. 30(1))."""
    processor_activities: tuple[ProcessorActivity, ...] | None = None
    """Processing on behalf of controllers (Art. 30(2))."""

    def get(self, kind: type[E], ident: str) -> E | None:
        """The entity of ``kind`` (``Activity``, ``Party``, ...) with the id ``ident``, or ``None``.

        For ``Organisation`` and ``RegisterMeta`` the id is not looked at: the block is returned.
        """
        name = _field(kind)
        value = getattr(self, name)
        if not isinstance(value, tuple):
            return value if isinstance(value, kind) else None
        return next((e for e in value if isinstance(e, kind) and getattr(e, "id", None) == ident), None)

    def add(self, *entities: RopaEntity) -> Register:
        """A new register with ``entities`` added, each to the list of its kind (an ``Activity`` to
        ``activities``, a ``Party`` to ``parties``, ...); an ``Organisation`` or ``RegisterMeta`` takes the
        place of the one there. Add many entities in one call: each call copies the lists.

        Raises:
            ValueError: an entity has the id of one of its kind already in the register (or given twice).
            TypeError: an entity is not of a register kind (a ``Purpose`` belongs to an activity).
        """
        update: dict[str, Any] = {}
        for entity in entities:
            name = _field(type(entity))
            current = update.get(name, getattr(self, name))
            if name in _SINGLETONS:
                update[name] = entity
                continue
            items: tuple[RopaEntity, ...] = current or ()
            ident = getattr(entity, "id", None)
            if any(getattr(e, "id", None) == ident for e in items):
                raise ValueError(f"'{name}' already has an entry with the id '{ident}'")
            update[name] = (*items, entity)
        return self.model_copy(update=update)

    def replace(self, *entities: RopaEntity) -> Register:
        """A new register in which each entity takes the place of the one of its kind with the same id (its
        position in the list is kept); an ``Organisation`` or ``RegisterMeta`` replaces the block.

        Raises:
            KeyError: no entity of that kind has the id.
            ValueError: several entities of that kind have the id (activities may, ACT-006).
            TypeError: an entity is not of a register kind.
        """
        update: dict[str, Any] = {}
        for entity in entities:
            name = _field(type(entity))
            if name in _SINGLETONS:
                update[name] = entity
                continue
            items: tuple[RopaEntity, ...] = update.get(name, getattr(self, name)) or ()
            ident = getattr(entity, "id", None)
            places = [i for i, e in enumerate(items) if getattr(e, "id", None) == ident]
            if not places:
                raise KeyError(f"'{name}' has no entry with the id '{ident}'")
            if len(places) > 1:
                raise ValueError(f"'{name}' has {len(places)} entries with the id '{ident}'")
            update[name] = (*items[: places[0]], entity, *items[places[0] + 1 :])
        return self.model_copy(update=update)

    def remove(self, kind: type[RopaEntity], *idents: str) -> Register:
        """A new register without the entities of ``kind`` with the ids ``idents`` (every one with such an
        id); for ``Organisation`` or ``RegisterMeta``, without the block (no ids needed).

        Raises:
            KeyError: no entity of ``kind`` has one of the ids.
            TypeError: ``kind`` is not a register kind.
        """
        name = _field(kind)
        if name in _SINGLETONS:
            return self.model_copy(update={name: None})
        items: tuple[RopaEntity, ...] = getattr(self, name) or ()
        present = {getattr(e, "id", None) for e in items}
        missing = [i for i in idents if i not in present]
        if missing:
            raise KeyError(f"'{name}' has no entry with the id '{missing[0]}'")
        wanted = set(idents)
        return self.model_copy(update={name: tuple(e for e in items if getattr(e, "id", None) not in wanted)})


KINDS: dict[str, type[RopaEntity]] = {
    "register": RegisterMeta,
    "organisation": Organisation,
    "security_measures": SecurityMeasure,
    "data_subjects": DataSubjectCategory,
    "data_categories": DataCategory,
    "parties": Party,
    "activities": Activity,
    "processor_activities": ProcessorActivity,
}
"""Top-level keys of a register file and the model of each entity under them."""

_SINGLETONS = ("meta", "organisation")
_FIELDS: dict[type[RopaEntity], str] = {
    model: ("meta" if kind == "register" else kind) for kind, model in KINDS.items()
}


def _field(kind: type[RopaEntity]) -> str:
    """The register field that holds entities of ``kind``."""
    name = _FIELDS.get(kind)
    if name is None:
        raise TypeError(
            f"{kind.__name__} is not a register kind; use one of {', '.join(m.__name__ for m in _FIELDS)}"
        )
    return name
