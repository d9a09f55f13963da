"""Typed models of the Art. 30 record (pydantic v2).

Art. 30 content is optional in the models: ``None`` means *not stated*, an empty list means *none*.
Gaps are reported by the rules (:func:`ropa.validate`), not rejected by the models.
"""

from ropa.models._base import CountryCode as CountryCode
from ropa.models._base import Id as Id
from ropa.models._base import Origin as Origin
from ropa.models._base import RopaEntity as RopaEntity
from ropa.models._base import RopaModel as RopaModel
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
from ropa.models.vocab import *  # noqa: F403

__all__ = [
    "KINDS",
    "SCHEMA_VERSION",
    "Activity",
    "Art9Basis",
    "Art10Basis",
    "Art49Documentation",
    "AuthorityDisclosure",
    "AutomatedDecisions",
    "Consent",
    "Contact",
    "CountryCode",
    "DataCategory",
    "DataSource",
    "DataSubjectCategory",
    "Dpf",
    "Dpia",
    "Dpo",
    "Id",
    "NoticeStatement",
    "Organisation",
    "Origin",
    "Party",
    "ProcessingAgreement",
    "ProcessorActivity",
    "Purpose",
    "Recipient",
    "RegisterMeta",
    "RequestHandling",
    "RetentionRule",
    "RopaEntity",
    "RopaModel",
    "SecurityMeasure",
    "SpecificMeasure",
    "Suppression",
    "Transfer",
    "field_docs",
    "is_iso_duration",
]
