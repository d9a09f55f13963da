"""The register: the whole record, as loaded from a folder of YAML files."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from ropa.models._base import RopaEntity, RopaModel
from ropa.models.activity import Activity, ProcessorActivity
from ropa.models.organisation import Organisation, RegisterMeta, SecurityMeasure
from ropa.models.parties import DataCategory, DataSubjectCategory, Party

__all__ = ["KINDS", "SCHEMA_VERSION", "Register"]

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
