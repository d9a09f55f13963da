"""Categories of data subjects and personal data, and the parties that receive data."""

from __future__ import annotations

from ropa.models._base import Bool, CountryCode, Date, Id, RopaEntity, RopaModel, Text
from ropa.models.common import Contact, Suppression
from ropa.models.vocab import PartyRole, SpecialCategory, VulnerableGroup

__all__ = ["DataCategory", "DataSubjectCategory", "Dpf", "Party", "ProcessingAgreement"]


class DataSubjectCategory(RopaEntity):
    """A category of data subjects (Art. 30(1)(c)), defined once and referenced by id."""

    id: Id
    """Identifier."""
    name: Text
    """Name, e.g. ``Customers``."""
    description: Text | None = None
    """What the category covers."""
    vulnerable: VulnerableGroup | None = None
    """Set when the data subjects are vulnerable (children, employees, patients, ...)."""
    dpv: str | None = None
    """Optional DPV IRI (``https://w3id.org/dpv#Customer``)."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""


class DataCategory(RopaEntity):
    """A category of personal data (Art. 30(1)(c)), defined once and referenced by id."""

    id: Id
    """Identifier."""
    name: Text
    """Name, e.g. ``Name and address``."""
    description: Text | None = None
    """What the category contains."""
    special: SpecialCategory | None = None
    """The Art. 9(1) special category, if any."""
    criminal: Bool | None = None
    """True for personal data relating to criminal convictions and offences (Art. 10)."""
    national_id: Bool | None = None
    """True for a national identification number such as the Dutch BSN (Art. 87; Art. 46 UAVG)."""
    bookkeeping: Bool | None = None
    """True for data that belong to the financial administration (invoices, ledgers): statutory
    retention applies (NL: Art. 52(4) AWR)."""
    dpv: str | None = None
    """Optional DPV IRI (``https://w3id.org/dpv/pd#EmailAddress``)."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""


class ProcessingAgreement(RopaModel):
    """An Art. 28(3) contract with a processor (a *verwerkersovereenkomst*)."""

    reference: Text | None = None
    """Where the agreement is kept, or its identifier."""
    signed: Bool | None = None
    """True once signed or accepted."""
    date: Date | None = None
    """Date of signature or acceptance."""
    review_date: Date | None = None
    """When the agreement is next reviewed."""


class Dpf(RopaModel):
    """EU-US Data Privacy Framework certification of a US recipient."""

    certified: Bool
    """True when the recipient is on the DPF list."""
    checked: Date | None = None
    """When the DPF list was checked."""


class Party(RopaEntity):
    """A recipient: a processor, another controller, a joint controller, an authority or a department."""

    id: Id
    """Identifier."""
    name: Text
    """Name of the organisation or department."""
    description: Text | None = None
    """What the party does for, or with, the data."""
    role: PartyRole | None = None
    """Processor, controller, joint controller, public authority or internal (REC-002)."""
    own_purposes: Text | None = None
    """What the party, recorded as processor, says it uses the data for on its own account (e.g. "to
    improve its own services"). A processor that determines purposes of its own is a controller for that
    processing (Art. 28(10), PRC-007)."""
    notice_role: PartyRole | None = None
    """The role the privacy notice gives the party, when it names one (PRC-006)."""
    country: CountryCode | None = None
    """Country where the party receives or processes the data."""
    contact: Contact | None = None
    """Contact details."""
    agreement: ProcessingAgreement | None = None
    """The Art. 28 contract, for a processor (PRC-001)."""
    arrangement: Text | None = None
    """Reference to the Art. 26 arrangement, for a joint controller (REC-005)."""
    sub_processors: tuple[Id, ...] | None = None
    """Sub-processors, by party id; ``[]`` states there are none (PRC-004)."""
    dpf: Dpf | None = None
    """DPF certification, for a US recipient."""
    adequacy_scope: str | None = None
    """The scope of a partial adequacy decision the party falls under: ``DPF`` (US), ``PIPEDA`` (Canada),
    ``APPI`` (Japan), ``PIPA`` (Korea)."""
    notes: Text | None = None
    """Anything else worth recording."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""
