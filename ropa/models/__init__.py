"""Typed models of the Art. 30 record (pydantic v2).

Art. 30 content is optional in the models: ``None`` means *not stated*, an empty list means *none*.
Gaps are reported by the rules (:func:`ropa.validate`), not rejected by the models.

The models are immutable: frozen, with tuples for lists and :class:`FrozenDict` for mappings. Edit by
copying: ``model_copy(update=...)`` (validated) and :meth:`Register.add`, :meth:`Register.replace`,
:meth:`Register.remove`. A constructor given bad values raises :class:`ropa.ModelError` with the
loader's diagnostics.
"""

from ropa.models._base import COUNTRY_PATTERN as COUNTRY_PATTERN
from ropa.models._base import ID_PATTERN as ID_PATTERN
from ropa.models._base import CountryCode as CountryCode
from ropa.models._base import FrozenDict as FrozenDict
from ropa.models._base import Id as Id
from ropa.models._base import Origin as Origin
from ropa.models._base import RopaEntity as RopaEntity
from ropa.models._base import RopaModel as RopaModel
from ropa.models._base import Text as Text
from ropa.models._base import field_docs as field_docs
from ropa.models._base import is_iso_duration as is_iso_duration
from ropa.models.activity import Activity as Activity
from ropa.models.activity import Art9Basis as Art9Basis
from ropa.models.activity import Art10Basis as Art10Basis
from ropa.models.activity import Art49Documentation as Art49Documentation
from ropa.models.activity import AuthorityDisclosure as AuthorityDisclosure
from ropa.models.activity import AutomatedDecisions as AutomatedDecisions
from ropa.models.activity import Consent as Consent
from ropa.models.activity import DataSource as DataSource
from ropa.models.activity import Dpia as Dpia
from ropa.models.activity import NoticeStatement as NoticeStatement
from ropa.models.activity import ProcessorActivity as ProcessorActivity
from ropa.models.activity import Purpose as Purpose
from ropa.models.activity import Recipient as Recipient
from ropa.models.activity import RetentionRule as RetentionRule
from ropa.models.activity import SpecificMeasure as SpecificMeasure
from ropa.models.activity import Transfer as Transfer
from ropa.models.common import Contact as Contact
from ropa.models.common import Suppression as Suppression
from ropa.models.organisation import Dpo as Dpo
from ropa.models.organisation import Organisation as Organisation
from ropa.models.organisation import RegisterMeta as RegisterMeta
from ropa.models.organisation import RequestHandling as RequestHandling
from ropa.models.organisation import SecurityMeasure as SecurityMeasure
from ropa.models.parties import DataCategory as DataCategory
from ropa.models.parties import DataSubjectCategory as DataSubjectCategory
from ropa.models.parties import Dpf as Dpf
from ropa.models.parties import Party as Party
from ropa.models.parties import ProcessingAgreement as ProcessingAgreement
from ropa.models.register import KINDS as KINDS
from ropa.models.register import SCHEMA_VERSION as SCHEMA_VERSION
from ropa.models.register import Register as Register
from ropa.models.vocab import DPV_IRIS as DPV_IRIS
from ropa.models.vocab import AutomatedEffect as AutomatedEffect
from ropa.models.vocab import CookieKind as CookieKind
from ropa.models.vocab import DataSourceKind as DataSourceKind
from ropa.models.vocab import DpiaOutcome as DpiaOutcome
from ropa.models.vocab import Frequency as Frequency
from ropa.models.vocab import LawfulBasis as LawfulBasis
from ropa.models.vocab import MeasureKind as MeasureKind
from ropa.models.vocab import PartyRole as PartyRole
from ropa.models.vocab import ProcessingRole as ProcessingRole
from ropa.models.vocab import PurposeKind as PurposeKind
from ropa.models.vocab import Regime as Regime
from ropa.models.vocab import RetentionAction as RetentionAction
from ropa.models.vocab import RetentionAnchor as RetentionAnchor
from ropa.models.vocab import RetentionKind as RetentionKind
from ropa.models.vocab import SpecialCategory as SpecialCategory
from ropa.models.vocab import SpecialCondition as SpecialCondition
from ropa.models.vocab import Status as Status
from ropa.models.vocab import TransferMechanism as TransferMechanism
from ropa.models.vocab import VulnerableGroup as VulnerableGroup
from ropa.models.vocab import Wp248Criterion as Wp248Criterion

__all__ = [
    "COUNTRY_PATTERN",
    "DPV_IRIS",
    "ID_PATTERN",
    "KINDS",
    "SCHEMA_VERSION",
    "Activity",
    "Art9Basis",
    "Art10Basis",
    "Art49Documentation",
    "AuthorityDisclosure",
    "AutomatedDecisions",
    "AutomatedEffect",
    "Consent",
    "Contact",
    "CookieKind",
    "CountryCode",
    "DataCategory",
    "DataSource",
    "DataSourceKind",
    "DataSubjectCategory",
    "Dpf",
    "Dpia",
    "DpiaOutcome",
    "Dpo",
    "Frequency",
    "FrozenDict",
    "Id",
    "LawfulBasis",
    "MeasureKind",
    "NoticeStatement",
    "Organisation",
    "Origin",
    "Party",
    "PartyRole",
    "ProcessingAgreement",
    "ProcessingRole",
    "ProcessorActivity",
    "Purpose",
    "PurposeKind",
    "Recipient",
    "Regime",
    "Register",
    "RegisterMeta",
    "RequestHandling",
    "RetentionAction",
    "RetentionAnchor",
    "RetentionKind",
    "RetentionRule",
    "RopaEntity",
    "RopaModel",
    "SecurityMeasure",
    "SpecialCategory",
    "SpecialCondition",
    "SpecificMeasure",
    "Status",
    "Suppression",
    "Text",
    "Transfer",
    "TransferMechanism",
    "VulnerableGroup",
    "Wp248Criterion",
    "field_docs",
    "is_iso_duration",
]
