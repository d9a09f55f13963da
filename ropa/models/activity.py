"""A processing activity (Art. 30(1)(b)–(g)) and the processor record (Art. 30(2))."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ropa.models._base import Bool, CountryCode, Date, FrozenDict, Id, Integer, RopaEntity, RopaModel, Text
from ropa.models.common import Contact, Suppression
from ropa.models.vocab import (
    AutomatedEffect,
    CookieKind,
    DataSourceKind,
    DpiaOutcome,
    Frequency,
    LawfulBasis,
    MeasureKind,
    PartyRole,
    ProcessingRole,
    PurposeKind,
    Regime,
    RetentionAction,
    RetentionAnchor,
    RetentionKind,
    SpecialCondition,
    Status,
    TransferMechanism,
    Wp248Criterion,
)

__all__ = [
    "Activity",
    "Art9Basis",
    "Art10Basis",
    "Art49Documentation",
    "AuthorityDisclosure",
    "AutomatedDecisions",
    "Consent",
    "DataSource",
    "Dpia",
    "ProcessorActivity",
    "Purpose",
    "Recipient",
    "RetentionRule",
    "SpecificMeasure",
    "Transfer",
]


class Consent(RopaModel):
    """How consent (Art. 6(1)(a), 7, 9(2)(a)) is obtained, recorded and withdrawn."""

    explicit: Bool | None = None
    """True for explicit consent (needed for Art. 9(2)(a))."""
    records: Text | None = None
    """Where consent records are kept (Art. 7(1), LAW-007)."""
    withdrawal: Text | None = None
    """How consent is withdrawn (Art. 7(3), LAW-006)."""
    age_verification: Text | None = None
    """How the age of children is checked, or parental consent obtained (Art. 8, LAW-010)."""
    minimum_age: Integer | None = None
    """Age from which a child's own consent is accepted (Art. 8(1))."""


class Purpose(RopaModel):
    """One purpose of an activity, with its lawful basis (Art. 30(1)(b), 6(1))."""

    description: Text
    """The specific purpose in words (Art. 5(1)(b))."""
    kind: PurposeKind | None = None
    """Coarse type of purpose (marketing, analytics, ...)."""
    dpv: str | None = None
    """Optional DPV purpose IRI."""
    lawful_basis: LawfulBasis | None = None
    """Art. 6(1) basis: ``6-1-a`` ... ``6-1-f`` (LAW-001)."""
    law: Text | None = None
    """The Union or Member-State law, for ``6-1-c`` and ``6-1-e`` (Art. 6(3), LAW-003)."""
    legitimate_interest: Text | None = None
    """The legitimate interest pursued, for ``6-1-f`` (LAW-004)."""
    lia: Text | None = None
    """Reference to the legitimate-interests assessment (LAW-005)."""
    consent: Consent | None = None
    """Consent details, for ``6-1-a``."""
    further_processing: Bool | None = None
    """True when this purpose re-uses data collected for another purpose (Art. 6(4))."""
    compatibility_assessment: Text | None = None
    """Reference to the Art. 6(4) compatibility assessment (LAW-011)."""


class Art9Basis(RopaModel):
    """An Art. 9(2) condition for special-category data."""

    condition: SpecialCondition
    """``9-2-a`` ... ``9-2-j``."""
    law: Text | None = None
    """Union/Member-State law, collective agreement or health-professional contract (SPC-003)."""


class Art10Basis(RopaModel):
    """The Art. 10 authorisation for criminal-conviction and offence data."""

    authorisation: Text | None = None
    """Official authority, or the law that authorises it with safeguards (e.g. Art. 31–33 UAVG)."""


class DataSource(RopaModel):
    """Where the data come from (Art. 14(2)(f))."""

    kind: DataSourceKind
    """The data subject, a third party, a public source, ..."""
    description: Text | None = None
    """Which source, for data not collected from the data subject (ACT-007)."""


class Recipient(RopaModel):
    """A recipient of an activity's data (Art. 30(1)(d)): a named party (``party:``, a bare party id is
    accepted too) or a category of recipients in words (``category:``), exactly one of the two."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {
                    "required": ["party"],
                    "not": {"anyOf": [{"required": ["role"]}, {"required": ["country"]}]},
                },
                {"required": ["category"]},
            ]
        }
    )

    party: Id | None = None
    """The party's id, for a recipient defined under ``parties:``."""
    category: Text | None = None
    """A category of recipients in words (e.g. ``Debt-collection agencies``), for recipients not named
    one by one: Art. 30(1)(d) asks for the categories of recipients."""
    role: PartyRole | None = None
    """For a category: the role its members have (processor, controller, ...). A party's role is set on
    the party."""
    country: CountryCode | None = None
    """For a category: the country where its members receive the data. A party's country is set on the
    party."""
    data_categories: tuple[Id, ...] | None = None
    """Which data categories it receives; all of the activity's when not stated."""
    purpose: Text | None = None
    """What it receives the data for."""

    @model_validator(mode="after")
    def _party_or_category(self) -> Recipient:
        if (self.party is None) == (self.category is None):
            raise PydanticCustomError(
                "ropa_recipient_kind",
                "a recipient names either 'party:' (the id of a defined party) or 'category:' (a category "
                "of recipients in words), exactly one of the two",
            )
        if self.party is not None and (self.role is not None or self.country is not None):
            raise PydanticCustomError(
                "ropa_recipient_party_fields",
                "'role:' and 'country:' describe a category of recipients; for party '{party}' set them "
                "on the party under 'parties:'",
                {"party": self.party},
            )
        return self

    @classmethod
    def _from_ref(cls, value: Any) -> Any:
        return {"party": value} if isinstance(value, str) else value


class AuthorityDisclosure(RopaModel):
    """A public authority that may receive data in a particular inquiry under Union or Member-State law
    (a tax audit, a criminal investigation). By Art. 4(9) GDPR such an authority is not a recipient: it is
    recorded here, not under ``recipients``."""

    authority: Text
    """The authority, e.g. ``Belastingdienst`` or ``Politie en Openbaar Ministerie``."""
    party: Id | None = None
    """The authority's id under ``parties:``, when it is defined there."""
    law: Text | None = None
    """The law under which it may demand the data (e.g. ``Art. 47 AWR``, ``Art. 126nd Sv``)."""
    description: Text | None = None
    """When and what may be disclosed."""


class Art49Documentation(RopaModel):
    """Documentation for a transfer under the second subparagraph of Art. 49(1) (Art. 49(6))."""

    assessment: Text | None = None
    """Reference to the documented assessment."""
    safeguards: Text | None = None
    """The suitable safeguards adduced."""
    sa_notified: Date | None = None
    """When the supervisory authority was informed."""


class Transfer(RopaModel):
    """A transfer to a third country or international organisation (Art. 30(1)(e), 44–49)."""

    country: CountryCode | None = None
    """Destination country (ISO 3166-1 alpha-2)."""
    international_organisation: Text | None = None
    """Destination international organisation."""
    recipient: Id | None = None
    """The importing party, by id."""
    mechanism: TransferMechanism | None = None
    """Chapter V mechanism: ``adequacy``, ``scc``, ``bcr``, ``46-2-a`` ..., ``49-1-a`` ..., ``49-1-2``."""
    scc_module: Integer | None = Field(default=None, ge=1, le=4)
    """SCC module 1 (C2C), 2 (C2P), 3 (P2P) or 4 (P2C) of Decision (EU) 2021/914."""
    tia: Text | None = None
    """Reference to the transfer impact assessment (TRF-007)."""
    tia_review_date: Date | None = None
    """When the transfer impact assessment is next reviewed (``ropa due``)."""
    bcr_reference: Text | None = None
    """Approval reference of the BCRs."""
    frequency: Frequency | None = None
    """How often data are transferred (TRF-008)."""
    documentation: Art49Documentation | None = None
    """For ``49-1-2``: assessment, safeguards and SA notification (TRF-009)."""
    notes: Text | None = None
    """Anything else worth recording."""


class RetentionRule(RopaModel):
    """The envisaged time limit for erasure of some data categories (Art. 30(1)(f))."""

    data_categories: tuple[Id, ...] | None = None
    """The categories this rule covers; the whole activity when not stated."""
    kind: RetentionKind | None = None
    """``temporal``, ``until-event``, ``until-date``, ``endless``, ``indeterminate`` or ``criteria``."""
    duration: str | None = None
    """ISO 8601 duration, e.g. ``P7Y`` (kept as text: calendar periods are not timedeltas)."""
    anchor: RetentionAnchor | None = None
    """The event the duration runs from."""
    anchor_description: Text | None = None
    """The anchor in words."""
    until: Date | None = None
    """Fixed end date, for ``until-date``."""
    legal_reference: Text | None = None
    """The law that imposes the period (e.g. ``Art. 52(4) AWR``)."""
    criteria: Text | None = None
    """The criteria used to determine the period when none can be given (Art. 13(2)(a))."""
    review_period: str | None = None
    """ISO 8601 duration of a periodic review (Recital 39)."""
    inactivity_fallback: str | None = None
    """ISO 8601 duration after the last activity at which data are erased anyway (RET-005)."""
    justification: Text | None = None
    """Art. 89(1) justification for endless retention (RET-002)."""
    action: RetentionAction | None = None
    """What happens when the period ends."""
    backups: Text | None = None
    """How backups are handled."""
    description: Text | None = None
    """The rule in words, as the organisation states it."""


class SpecificMeasure(RopaModel):
    """A security measure specific to one activity."""

    description: Text
    """What the measure is."""
    kind: MeasureKind | None = None
    """Technical or organisational."""
    art32: tuple[str, ...] | None = None
    """Points of Art. 32(1) it addresses (``a``–``d``)."""


class Dpia(RopaModel):
    """DPIA screening and result (Art. 35–36)."""

    required: Bool | None = None
    """Outcome of the screening: is a DPIA required?"""
    screening: Text | None = None
    """Why it is, or is not, required."""
    reference: Text | None = None
    """Where the DPIA is kept."""
    date: Date | None = None
    """Date of the DPIA or of the screening."""
    outcome: DpiaOutcome | None = None
    """Result of the DPIA."""
    prior_consultation: Text | None = None
    """Reference to the Art. 36 prior consultation (DPIA-004)."""
    review_date: Date | None = None
    """When the DPIA is next reviewed (DPIA-005)."""


class AutomatedDecisions(RopaModel):
    """Automated individual decision-making, including profiling (Art. 22)."""

    exists: Bool
    """True when decisions are taken solely by automated means, or profiling takes place."""
    profiling: Bool | None = None
    """True when profiling takes place."""
    effect: AutomatedEffect | None = None
    """Legal or similarly significant effect."""
    safeguards: Text | None = None
    """Art. 22(2)–(3) basis and safeguards (RGT-003)."""
    description: Text | None = None
    """The logic involved, in words."""


class NoticeStatement(RopaModel):
    """What the privacy notice tells data subjects about an activity, for comparison with the register
    (RGT-005). Only what the notice actually states is filled in."""

    url: str | None = None
    """Where the statement is published."""
    recipients: tuple[Id, ...] | None = None
    """Parties the notice names as recipients, by id."""
    transfer_countries: tuple[CountryCode, ...] | None = None
    """Third countries the notice names."""
    retention: tuple[str, ...] | None = None
    """Retention periods the notice states, as ISO 8601 durations."""


class Activity(RopaEntity):
    """A processing activity: one row of the record (Art. 30(1)(b)–(g))."""

    id: Id
    """Identifier, unique in the register."""
    name: Text
    """Short name."""
    description: Text | None = None
    """What happens, in words."""
    role: ProcessingRole = ProcessingRole.CONTROLLER
    """``controller`` (Art. 30(1)) or ``processor`` (Art. 30(2))."""
    regime: Regime | None = None
    """``led`` for processing under the Law Enforcement Directive (EU) 2016/680 as implemented nationally
    (Wet politiegegevens, Wjsg, BDSG Teil 3); absent or ``gdpr`` otherwise. GDPR-only rules (Art. 6, 9,
    Chapter V, ...) do not apply to ``led`` activities (see docs/law.md)."""
    on_behalf_of: Text | None = None
    """The controller the processing is done for, when done as a processor (GOV-004)."""
    owner: Text | None = None
    """Person or role responsible."""
    department: Text | None = None
    """Business function or department."""
    status: Status | None = None
    """``planned``, ``active``, ``suspended`` or ``ended``."""
    end_date: Date | None = None
    """When an ended activity ended (ACT-009)."""
    frequency: Frequency | None = None
    """How often the processing takes place (Art. 30(5): occasional or not)."""
    exemption_claimed: Bool | None = None
    """True when the activity is left out of the Art. 30 duty under Art. 30(5) (EXM-001)."""
    purposes: tuple[Purpose, ...] | None = None
    """Purposes, each with its lawful basis (Art. 30(1)(b), 6(1))."""
    special_categories: Bool | None = None
    """Explicit declaration whether special-category data are processed (SPC-006)."""
    art9: tuple[Art9Basis, ...] | None = None
    """Art. 9(2) conditions for special-category data (SPC-001)."""
    art10: Art10Basis | None = None
    """Art. 10 authorisation for criminal data (SPC-005)."""
    data_subjects: tuple[Id, ...] | None = None
    """Categories of data subjects, by id (Art. 30(1)(c))."""
    data_categories: tuple[Id, ...] | None = None
    """Categories of personal data, by id (Art. 30(1)(c))."""
    sources: tuple[DataSource, ...] | None = None
    """Where the data come from."""
    recipients: tuple[Recipient, ...] | None = None
    """Who receives the data (Art. 30(1)(d)): parties by id, or categories of recipients; ``[]`` states
    there are none."""
    authority_disclosures: tuple[AuthorityDisclosure, ...] | None = None
    """Public authorities that may receive data in a particular inquiry under Union or Member-State law;
    not recipients (Art. 4(9))."""
    transfers: tuple[Transfer, ...] | None = None
    """Transfers outside the EEA (Art. 30(1)(e)); ``[]`` states there are none."""
    retention: tuple[RetentionRule, ...] | None = None
    """Envisaged time limits for erasure (Art. 30(1)(f))."""
    security_measures: tuple[Id, ...] | None = None
    """Organisation-level security measures that apply, by id (Art. 30(1)(g))."""
    specific_measures: tuple[SpecificMeasure, ...] | None = None
    """Measures specific to this activity."""
    dpia: Dpia | None = None
    """DPIA screening and result."""
    dpia_criteria: tuple[Wp248Criterion, ...] | None = None
    """WP248 criteria the activity meets, beyond those ropa derives itself."""
    nl_dpia_categories: tuple[Annotated[Integer, Field(ge=1, le=17)], ...] | None = None
    """Numbers (1–17) of the Dutch AP DPIA-list categories the activity falls under (NL-004)."""
    large_scale: Bool | None = None
    """True for large-scale processing."""
    systematic_monitoring: Bool | None = None
    """True for systematic monitoring of data subjects."""
    public_area_monitoring: Bool | None = None
    """True for systematic monitoring of a publicly accessible area (Art. 35(3)(c))."""
    core_activity: Bool | None = None
    """True when this processing is a core activity of the organisation (Art. 37(1)(b)–(c))."""
    automated_decisions: AutomatedDecisions | None = None
    """Automated decision-making and profiling."""
    cookies: tuple[CookieKind, ...] | None = None
    """Kinds of cookies or similar technologies the activity uses."""
    systems: tuple[Text, ...] | None = None
    """Systems and applications used."""
    storage_location: Text | None = None
    """Where the data are stored (ACT-008)."""
    privacy_notice: Text | None = None
    """Where data subjects are informed (Art. 13/14, RGT-004)."""
    notice: NoticeStatement | None = None
    """What the privacy notice states about this activity (RGT-005)."""
    last_modified: Date | None = None
    """When the processing last changed."""
    last_reviewed: Date | None = None
    """When this entry was last reviewed."""
    next_review: Date | None = None
    """When this entry is next reviewed (GOV-001)."""
    notes: Text | None = None
    """Anything else worth recording."""
    unmapped: FrozenDict[str, Text] | None = None
    """Columns of an imported spreadsheet that ropa could not map, kept verbatim."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""

    @field_validator("recipients", mode="before")
    @classmethod
    def _bare_recipient_ids(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return tuple(Recipient._from_ref(v) for v in value)
        return value


class ProcessorActivity(RopaEntity):
    """Processing carried out on behalf of a controller (Art. 30(2))."""

    id: Id
    """Identifier."""
    controller: Contact | None = None
    """Name and contact details of the controller served (Art. 30(2)(a))."""
    controller_representative: Contact | None = None
    """The controller's representative, where applicable."""
    categories: tuple[Text, ...] | None = None
    """Categories of processing carried out for that controller (Art. 30(2)(b))."""
    transfers: tuple[Transfer, ...] | None = None
    """Transfers (Art. 30(2)(c))."""
    security_measures: tuple[Id, ...] | None = None
    """Security measures, by id (Art. 30(2)(d))."""
    specific_measures: tuple[SpecificMeasure, ...] | None = None
    """Measures specific to this processing."""
    sub_processors: tuple[Id, ...] | None = None
    """Sub-processors engaged, by party id."""
    agreement: Text | None = None
    """Reference to the Art. 28 contract with the controller."""
    notes: Text | None = None
    """Anything else worth recording."""
    suppress: tuple[Suppression, ...] | None = None
    """Justified exceptions to rules."""
