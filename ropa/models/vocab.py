"""Stable codes for the enumerations of the register.

Codes are data, never display strings: ``6-1-b``, ``9-2-a``, ``scc``. Labels in EN/NL/FR/DE live in
:mod:`ropa.i18n`; the W3C DPV IRI of each code is in :data:`DPV_IRIS`.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DPV_IRIS",
    "AutomatedEffect",
    "CookieKind",
    "DataSourceKind",
    "DpiaOutcome",
    "Frequency",
    "LawfulBasis",
    "MeasureKind",
    "PartyRole",
    "ProcessingRole",
    "PurposeKind",
    "Regime",
    "RetentionAction",
    "RetentionAnchor",
    "RetentionKind",
    "SpecialCategory",
    "SpecialCondition",
    "Status",
    "TransferMechanism",
    "VulnerableGroup",
    "Wp248Criterion",
]

_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"
_DPV = "https://w3id.org/dpv#"
_PD = "https://w3id.org/dpv/pd#"


class LawfulBasis(StrEnum):
    """Art. 6(1)(a)–(f) GDPR."""

    CONSENT = "6-1-a"
    CONTRACT = "6-1-b"
    LEGAL_OBLIGATION = "6-1-c"
    VITAL_INTERESTS = "6-1-d"
    PUBLIC_TASK = "6-1-e"
    LEGITIMATE_INTERESTS = "6-1-f"


class SpecialCondition(StrEnum):
    """Art. 9(2)(a)–(j) GDPR."""

    EXPLICIT_CONSENT = "9-2-a"
    EMPLOYMENT_LAW = "9-2-b"
    VITAL_INTERESTS = "9-2-c"
    NOT_FOR_PROFIT = "9-2-d"
    MADE_PUBLIC = "9-2-e"
    LEGAL_CLAIMS = "9-2-f"
    SUBSTANTIAL_PUBLIC_INTEREST = "9-2-g"
    HEALTH_CARE = "9-2-h"
    PUBLIC_HEALTH = "9-2-i"
    ARCHIVING_RESEARCH = "9-2-j"


SPECIAL_CONDITIONS_NEEDING_LAW = frozenset(
    {
        SpecialCondition.EMPLOYMENT_LAW,
        SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST,
        SpecialCondition.HEALTH_CARE,
        SpecialCondition.PUBLIC_HEALTH,
        SpecialCondition.ARCHIVING_RESEARCH,
    }
)


class SpecialCategory(StrEnum):
    """Art. 9(1) GDPR special categories of personal data."""

    RACIAL_ETHNIC_ORIGIN = "racial-ethnic-origin"
    POLITICAL_OPINIONS = "political-opinions"
    RELIGIOUS_BELIEFS = "religious-philosophical-beliefs"
    TRADE_UNION = "trade-union-membership"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE = "sex-life-orientation"


class VulnerableGroup(StrEnum):
    """Groups of data subjects that WP248 treats as vulnerable."""

    CHILD = "child"
    EMPLOYEE = "employee"
    PATIENT = "patient"
    ELDERLY = "elderly"
    OTHER = "other"


class PartyRole(StrEnum):
    """The role of a recipient (Art. 4(7)–(10), 26, 28 GDPR)."""

    PROCESSOR = "processor"
    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint-controller"
    PUBLIC_AUTHORITY = "public-authority"
    INTERNAL = "internal"


class Regime(StrEnum):
    """The law that governs an activity: the GDPR, or the Law Enforcement Directive (EU) 2016/680 as
    implemented nationally (NL: Wet politiegegevens, Wet justitiële en strafvorderlijke gegevens; DE: BDSG
    Teil 3). Art. 2(2)(d) GDPR leaves processing by competent authorities for the prevention, investigation,
    detection or prosecution of criminal offences or the execution of criminal penalties to the Directive."""

    GDPR = "gdpr"
    LED = "led"


class ProcessingRole(StrEnum):
    """Whether the organisation acts as controller (Art. 30(1)) or processor (Art. 30(2))."""

    CONTROLLER = "controller"
    PROCESSOR = "processor"


class Status(StrEnum):
    """Life-cycle status of a processing activity."""

    PLANNED = "planned"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class Frequency(StrEnum):
    """How often processing or a transfer happens (Art. 30(5) 'occasional'; EDPB Guidelines 2/2018)."""

    OCCASIONAL = "occasional"
    REGULAR = "regular"
    SYSTEMATIC = "systematic"
    CONTINUOUS = "continuous"


class PurposeKind(StrEnum):
    """A coarse type of purpose, used by rules such as LAW-009 and NL-005."""

    CONTRACT = "contract"
    DELIVERY = "delivery"
    PAYMENT = "payment"
    CUSTOMER_SERVICE = "customer-service"
    ACCOUNT = "account"
    LEGAL_COMPLIANCE = "legal-compliance"
    ACCOUNTING = "accounting"
    SECURITY = "security"
    HR = "hr"
    RECRUITMENT = "recruitment"
    MARKETING = "marketing"
    ANALYTICS = "analytics"
    ADVERTISING = "advertising"
    PROFILING = "profiling"
    FRAUD_PREVENTION = "fraud-prevention"
    REVIEWS = "reviews"
    COMMUNICATION = "communication"
    RESEARCH = "research"
    OTHER = "other"


class TransferMechanism(StrEnum):
    """Chapter V GDPR transfer mechanisms."""

    ADEQUACY = "adequacy"
    SCC = "scc"
    SCC_SA = "scc-sa"
    BCR = "bcr"
    PUBLIC_AUTHORITY_INSTRUMENT = "46-2-a"
    CODE_OF_CONDUCT = "46-2-e"
    CERTIFICATION = "46-2-f"
    AD_HOC_CLAUSES = "46-3-a"
    ADMINISTRATIVE_ARRANGEMENT = "46-3-b"
    DEROGATION_CONSENT = "49-1-a"
    DEROGATION_CONTRACT = "49-1-b"
    DEROGATION_CONTRACT_THIRD = "49-1-c"
    DEROGATION_PUBLIC_INTEREST = "49-1-d"
    DEROGATION_LEGAL_CLAIMS = "49-1-e"
    DEROGATION_VITAL_INTERESTS = "49-1-f"
    DEROGATION_PUBLIC_REGISTER = "49-1-g"
    COMPELLING_LEGITIMATE_INTERESTS = "49-1-2"

    @property
    def is_derogation(self) -> bool:
        """True for the Art. 49(1)(a)–(g) derogations (not the second subparagraph)."""
        return self.value.startswith("49-1-") and self.value != "49-1-2"


class RetentionKind(StrEnum):
    """How a retention period is expressed (mirrors DPV durations)."""

    TEMPORAL = "temporal"
    UNTIL_EVENT = "until-event"
    UNTIL_DATE = "until-date"
    ENDLESS = "endless"
    INDETERMINATE = "indeterminate"
    CRITERIA = "criteria"


class RetentionAnchor(StrEnum):
    """The event a retention period runs from."""

    COLLECTION = "collection"
    END_OF_CONTRACT = "end-of-contract"
    END_OF_RELATIONSHIP = "end-of-relationship"
    ACCOUNT_CLOSURE = "account-closure"
    LAST_ACTIVITY = "last-activity"
    CONSENT_WITHDRAWAL = "consent-withdrawal"
    END_OF_FINANCIAL_YEAR = "end-of-financial-year"
    END_OF_CALENDAR_YEAR = "end-of-calendar-year"
    TRANSACTION_DATE = "transaction-date"
    END_OF_PROCEDURE = "end-of-procedure"
    FIXED_DATE = "fixed-date"
    CUSTOM = "custom"


class RetentionAction(StrEnum):
    """What happens when the period ends."""

    ERASE = "erase"
    ANONYMISE = "anonymise"
    ARCHIVE_RESTRICTED = "archive-restricted"
    REVIEW = "review"


class MeasureKind(StrEnum):
    """Kind of security measure."""

    TECHNICAL = "technical"
    ORGANISATIONAL = "organisational"


class DataSourceKind(StrEnum):
    """Where the personal data come from (Art. 13 vs. Art. 14)."""

    DATA_SUBJECT = "data-subject"
    THIRD_PARTY = "third-party"
    PUBLIC = "public"
    CONTROLLER = "controller"
    GENERATED = "generated"


class DpiaOutcome(StrEnum):
    """Outcome of a DPIA."""

    NOT_REQUIRED = "not-required"
    RISKS_MITIGATED = "risks-mitigated"
    HIGH_RESIDUAL_RISK = "high-residual-risk"
    IN_PROGRESS = "in-progress"


class Wp248Criterion(StrEnum):
    """The nine WP248 rev.01 DPIA criteria."""

    EVALUATION_SCORING = "evaluation-scoring"
    AUTOMATED_DECISION = "automated-decision"
    SYSTEMATIC_MONITORING = "systematic-monitoring"
    SENSITIVE_DATA = "sensitive-data"
    LARGE_SCALE = "large-scale"
    MATCHING_COMBINING = "matching-combining"
    VULNERABLE_SUBJECTS = "vulnerable-subjects"
    INNOVATIVE_TECHNOLOGY = "innovative-technology"
    PREVENTS_RIGHTS = "prevents-rights"


class AutomatedEffect(StrEnum):
    """Effect of automated decision-making (Art. 22)."""

    NONE = "none"
    LEGAL = "legal"
    SIMILARLY_SIGNIFICANT = "similarly-significant"


class CookieKind(StrEnum):
    """Kinds of cookies and similar technologies (Art. 11.7a Telecommunicatiewet, Art. 5(3) Directive
    2002/58/EC)."""

    FUNCTIONAL = "functional"
    """Strictly necessary for the service the user asked for: no consent needed."""
    LOW_IMPACT_ANALYTICS = "low-impact-analytics"
    """Analytics that only measure the quality or effectiveness of the service with little or no impact
    on privacy (Art. 11.7a(3)(b) Telecommunicatiewet): no consent needed in the Netherlands."""
    ANALYTICS = "analytics"
    TRACKING = "tracking"
    ADVERTISING = "advertising"


DPV_IRIS: dict[StrEnum, str] = {
    **{b: f"{_GDPR}A{b.value}" for b in LawfulBasis},
    **{c: f"{_GDPR}A{c.value}" for c in SpecialCondition},
    TransferMechanism.ADEQUACY: f"{_GDPR}A45-3",
    TransferMechanism.SCC: f"{_GDPR}A46-2-c",
    TransferMechanism.SCC_SA: f"{_GDPR}A46-2-d",
    TransferMechanism.BCR: f"{_GDPR}A46-2-b",
    TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT: f"{_GDPR}A46-2-a",
    TransferMechanism.CODE_OF_CONDUCT: f"{_GDPR}A46-2-e",
    TransferMechanism.CERTIFICATION: f"{_GDPR}A46-2-f",
    TransferMechanism.AD_HOC_CLAUSES: f"{_GDPR}A46-3-a",
    TransferMechanism.ADMINISTRATIVE_ARRANGEMENT: f"{_GDPR}A46-3-b",
    **{
        m: f"{_GDPR}A{m.value}"
        for m in TransferMechanism
        if m.value.startswith("49-1-") and m.value != "49-1-2"
    },
    # DPV labels this "Art 49(2)"; it means the second subparagraph of Art. 49(1).
    TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS: f"{_GDPR}A49-2",
    PartyRole.PROCESSOR: f"{_DPV}DataProcessor",
    PartyRole.CONTROLLER: f"{_DPV}DataController",
    PartyRole.JOINT_CONTROLLER: f"{_DPV}JointDataControllers",
    PartyRole.PUBLIC_AUTHORITY: f"{_DPV}Authority",
    PartyRole.INTERNAL: f"{_DPV}Recipient",
    RetentionKind.TEMPORAL: f"{_DPV}TemporalDuration",
    RetentionKind.UNTIL_EVENT: f"{_DPV}UntilEventDuration",
    RetentionKind.UNTIL_DATE: f"{_DPV}UntilTimeDuration",
    RetentionKind.ENDLESS: f"{_DPV}EndlessDuration",
    RetentionKind.INDETERMINATE: f"{_DPV}IndeterminateDuration",
    SpecialCategory.RACIAL_ETHNIC_ORIGIN: f"{_PD}Race",
    SpecialCategory.POLITICAL_OPINIONS: f"{_PD}PoliticalOpinion",
    SpecialCategory.RELIGIOUS_BELIEFS: f"{_PD}ReligiousBelief",
    SpecialCategory.TRADE_UNION: f"{_PD}TradeUnionMembership",
    SpecialCategory.GENETIC: f"{_PD}Genetic",
    SpecialCategory.BIOMETRIC: f"{_PD}Biometric",
    SpecialCategory.HEALTH: f"{_PD}Health",
    SpecialCategory.SEX_LIFE: f"{_PD}Sexual",
    DataSourceKind.DATA_SUBJECT: f"{_DPV}DataSubjectDataSource",
    DataSourceKind.THIRD_PARTY: f"{_DPV}ThirdPartyDataSource",
    DataSourceKind.PUBLIC: f"{_DPV}PublicDataSource",
    DataSourceKind.CONTROLLER: f"{_DPV}DataControllerDataSource",
    DataSourceKind.GENERATED: f"{_DPV}DataControllerDataSource",
    VulnerableGroup.CHILD: f"{_DPV}Child",
    VulnerableGroup.EMPLOYEE: f"{_DPV}Employee",
    VulnerableGroup.PATIENT: f"{_DPV}Patient",
    VulnerableGroup.ELDERLY: f"{_DPV}ElderlyDataSubject",
    VulnerableGroup.OTHER: f"{_DPV}VulnerableDataSubject",
}
