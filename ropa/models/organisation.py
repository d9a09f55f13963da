"""The organisation block (Art. 30(1)(a)) and the register's metadata."""

from __future__ import annotations

from pydantic import Field

from ropa.models._base import Bool, CountryCode, Date, Id, Integer, RopaEntity, RopaModel, Text
from ropa.models.common import Contact, Suppression
from ropa.models.vocab import MeasureKind

__all__ = [
    "Dpo",
    "Organisation",
    "RegisterMeta",
    "RequestHandling",
    "SecurityMeasure",
]


class Dpo(RopaModel):
    """The data protection officer (Art. 37–39), or the explicit statement that none is designated."""

    designated: Bool = True
    """False states that no DPO is designated (Art. 37(4) allows it)."""
    reason: Text | None = None
    """Why no DPO is designated, when ``designated`` is false."""
    contact: Contact | None = None
    """Name and contact details of the DPO (Art. 30(1)(a), 37(7))."""
    external: Bool | None = None
    """True when the DPO is a service provider (Art. 37(6))."""


class RequestHandling(RopaModel):
    """How data-subject requests are handled (Art. 12)."""

    response_deadline: str | None = None
    """ISO 8601 duration promised for a response, e.g. ``P1M`` or ``P30D`` (Art. 12(3))."""
    extension: str | None = None
    """ISO 8601 duration of the extension used for complex requests, at most ``P2M``."""
    identity_check: Text | None = None
    """How the identity of the requester is verified (Art. 12(6))."""
    channel: Text | None = None
    """Where requests are sent."""
    log: Text | None = None
    """Where handled requests are recorded."""


class SecurityMeasure(RopaEntity):
    """A technical or organisational security measure (Art. 32(1))."""

    id: Id
    """Identifier, referenced by activities."""
    description: Text
    """What the measure is."""
    kind: MeasureKind | None = None
    """Technical or organisational."""
    art32: tuple[str, ...] | None = None
    """Which points of Art. 32(1) it addresses: ``a`` (pseudonymisation/encryption), ``b``
    (confidentiality, integrity, availability, resilience), ``c`` (restore availability), ``d`` (testing)."""
    dpv: str | None = None
    """Optional DPV IRI of the measure."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""


class Organisation(RopaEntity):
    """The controller: Art. 30(1)(a)."""

    name: Text | None = None
    """Legal name of the controller (ORG-001)."""
    trade_name: Text | None = None
    """Name the organisation trades under, when different."""
    registration_number: str | None = None
    """Chamber-of-commerce or company registration number (KvK, KBO, ...)."""
    contact: Contact | None = None
    """Address, e-mail, phone of the controller (ORG-002)."""
    country: CountryCode | None = None
    """Country of establishment."""
    employees: Integer | None = Field(default=None, ge=0)
    """Number of persons employed (Art. 30(5))."""
    public_authority: Bool | None = None
    """True for a public authority or body (Art. 6(1) last subparagraph, 37(1)(a))."""
    targets_eu: Bool | None = None
    """For a controller outside the EEA: offers goods or services to, or monitors, people in the EU
    (Art. 3(2))."""
    dpo: Dpo | None = None
    """Data protection officer, or ``designated: false``."""
    privacy_contact: Contact | None = None
    """Contact for privacy questions when no DPO is designated."""
    representative: Contact | None = None
    """EU representative (Art. 27) of a controller established outside the EU."""
    representative_exemption: Text | None = None
    """Why Art. 27(2) exempts the controller from designating a representative."""
    privacy_notice_url: str | None = None
    """Where the privacy notice is published (Art. 13/14)."""
    request_handling: RequestHandling | None = None
    """How data-subject requests are handled."""
    breach_register: Text | None = None
    """Where personal-data breaches are documented (Art. 33(5))."""
    processor_contact: Contact | None = None
    """The organisation's contact as a processor, when it keeps an Art. 30(2) record."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""


class RegisterMeta(RopaEntity):
    """Metadata about the register itself (Art. 5(2), 30(3)–(4))."""

    schema_version: Integer = 1
    """Version of the register format."""
    title: Text | None = None
    """Title of the register."""
    version: str | None = None
    """Version of the register's content."""
    owner: Text | None = None
    """Who keeps the register."""
    language: str | None = None
    """Language of the register's text (``nl``, ``en``, ...)."""
    last_updated: Date | None = None
    """When the register was last updated."""
    next_review: Date | None = None
    """When the register is next reviewed (GOV-001)."""
    exemption_ruleset: str | None = None
    """Version of the Art. 30(5) exemption test the register was assessed against (EXM-002)."""
    profile: str | None = None
    """Rule profile (``eu``, ``nl``); by default derived from the organisation's country."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""
