"""The register as W3C Data Privacy Vocabulary (DPV 2.x) JSON-LD.

The register is a ``dpv:ROPA``; each activity a ``dpv:Process`` with its purposes (``dpv:Purpose``,
each with ``dpv:hasLegalBasis`` pointing at the GDPR IRI, e.g. ``eu-gdpr:A6-1-f``), data subjects,
personal data, recipients (``dpv:DataProcessor``, ``dpv:DataController``, ...), storage conditions
(``dpv:StorageDuration`` with a DPV duration kind and an ``xsd:duration``) and transfers. A transfer
is a nested ``dpv:Process`` with ``dpv:hasProcessing dpv:CrossBorderTransfer``, ``dpv:hasThirdCountry``
(a ``loc:`` IRI), the Chapter V mechanism as ``dpv:hasLegalBasis`` (``eu-gdpr:A45-3``,
``eu-gdpr:A46-2-c``, ...), the importer and the data.

The IRIs are the ones the models carry (:data:`ropa.models.vocab.DPV_IRIS`, and the ``dpv`` field of
data subjects, data categories, purposes and measures). Entities of the register get IRIs below
``base`` (``urn:ropa:`` by default): ``urn:ropa:activity:orders``. Internal material (notes,
suppressions, unmapped columns, security-measure descriptions, references to internal documents) is
not exported.
"""

from __future__ import annotations

import json
from typing import Any

from ropa._data import eea_countries
from ropa.export.retention_text import retention_text
from ropa.i18n import Lang
from ropa.models import (
    Activity,
    Contact,
    DataCategory,
    DataSubjectCategory,
    Party,
    PartyRole,
    Register,
    RetentionRule,
    Transfer,
    is_iso_duration,
)
from ropa.models.vocab import DPV_IRIS, RetentionKind, TransferMechanism

__all__ = ["CONTEXT", "DPV_VERSION", "register_to_jsonld"]

DPV_VERSION = "2.3"
"""The DPV release whose IRIs the export uses (term IRIs are the same in every 2.x release)."""

CONTEXT: dict[str, str] = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_DPV = CONTEXT["dpv"]


def _iri(value: str) -> dict[str, str]:
    return {"@id": value}


def _text(value: str, lang: str | None) -> dict[str, str] | str:
    return {"@value": value, "@language": lang} if lang else value


class _Builder:
    def __init__(self, register: Register, base: str, lang: Lang) -> None:
        self.register = register
        self.base = base
        self.lang = lang
        meta = register.meta
        self.text_lang = meta.language if meta and meta.language else None
        self.eea = eea_countries()
        self.parties = {p.id: p for p in register.parties or ()}
        self.sub_processors = {s for p in register.parties or () for s in p.sub_processors or ()}

    def ref(self, kind: str, ident: str) -> dict[str, str]:
        return _iri(f"{self.base}{kind}:{ident}")

    def text(self, value: str) -> dict[str, str] | str:
        return _text(value, self.text_lang)

    def contact(self, node: dict[str, Any], contact: Contact | None) -> None:
        if contact is None:
            return
        if contact.name:
            node["dpv:hasName"] = self.text(contact.name)
        details = [d for d in (contact.email, contact.phone, contact.url) if d]
        if details:
            node["dpv:hasContact"] = details
        if contact.address:
            node["dpv:hasAddress"] = self.text(contact.address)
        if contact.country:
            node["dpv:hasCountry"] = _iri(f"loc:{contact.country}")

    def controller(self) -> dict[str, Any]:
        org = self.register.organisation
        node: dict[str, Any] = {"@id": f"{self.base}controller", "@type": "dpv:DataController"}
        if org is None:
            return node
        if org.name:
            node["dpv:hasName"] = self.text(org.name)
        self.contact(node, org.contact)
        if org.name:  # the organisation's name wins over a contact person's
            node["dpv:hasName"] = self.text(org.name)
        if org.country:
            node["dpv:hasCountry"] = _iri(f"loc:{org.country}")
        if org.dpo is not None and org.dpo.designated and org.dpo.contact is not None:
            dpo: dict[str, Any] = {"@id": f"{self.base}dpo", "@type": "dpv:DataProtectionOfficer"}
            self.contact(dpo, org.dpo.contact)
            node["dpv:hasDataProtectionOfficer"] = dpo
        if org.representative is not None:
            rep: dict[str, Any] = {"@id": f"{self.base}representative", "@type": "dpv:Representative"}
            self.contact(rep, org.representative)
            node["dpv:hasRepresentative"] = rep
        node["dpv:hasRecordOfActivity"] = _iri(f"{self.base}register")
        return node

    def described(
        self, kind: str, entity: DataSubjectCategory | DataCategory, types: list[str]
    ) -> dict[str, Any]:
        """A data-subject or data category node: its types, id, title and description."""
        if entity.dpv:
            types.insert(1, entity.dpv)
        node: dict[str, Any] = {
            "@id": self.ref(kind, entity.id)["@id"],
            "@type": list(dict.fromkeys(types)),
            "dct:identifier": entity.id,
            "dct:title": self.text(entity.name),
        }
        if entity.description:
            node["dct:description"] = self.text(entity.description)
        return node

    def subject(self, subject: DataSubjectCategory) -> dict[str, Any]:
        types = ["dpv:DataSubject"]
        if subject.vulnerable is not None and subject.vulnerable in DPV_IRIS:
            types.append(DPV_IRIS[subject.vulnerable])
        return self.described("data-subject", subject, types)

    def category(self, category: DataCategory) -> dict[str, Any]:
        types = ["dpv:PersonalData"]
        if category.special is not None:
            types += ["dpv:SpecialCategoryPersonalData", DPV_IRIS[category.special]]
        if category.criminal:
            types.append("pd:Criminal")
        return self.described("data-category", category, types)

    def party(self, party: Party) -> dict[str, Any]:
        types = [DPV_IRIS[party.role] if party.role else "dpv:Recipient"]
        if party.id in self.sub_processors:
            types.append("dpv:DataSubProcessor")
        node: dict[str, Any] = {
            "@id": self.ref("party", party.id)["@id"],
            "@type": list(dict.fromkeys(types)),
            "dct:identifier": party.id,
            "dpv:hasName": self.text(party.name),
        }
        if party.description:
            node["dct:description"] = self.text(party.description)
        if party.country:
            node["dpv:hasCountry"] = _iri(f"loc:{party.country}")
        if party.sub_processors:
            node["dpv:hasDataProcessor"] = [self.ref("party", s) for s in party.sub_processors]
        return node

    def retention(self, activity: Activity, index: int, rule: RetentionRule) -> dict[str, Any]:
        duration: dict[str, Any] = {}
        kind = rule.kind
        if kind is not None and kind in DPV_IRIS:
            duration["@type"] = DPV_IRIS[kind]
        elif kind is None and rule.duration:
            duration["@type"] = DPV_IRIS[RetentionKind.TEMPORAL]
        else:
            duration["@type"] = "dpv:Duration"
        if rule.duration and is_iso_duration(rule.duration):
            duration["dpv:hasDuration"] = {"@value": rule.duration, "@type": "xsd:duration"}
        if rule.until is not None:
            duration["dct:date"] = {"@value": rule.until.isoformat(), "@type": "xsd:date"}
        node: dict[str, Any] = {
            "@id": f"{self.ref('activity', activity.id)['@id']}/retention/{index}",
            "@type": "dpv:StorageDuration",
            "dpv:hasDuration": duration,
            "dct:description": _text(retention_text(rule, self.lang), self.lang),
        }
        if rule.data_categories:
            node["dpv:hasPersonalData"] = [self.ref("data-category", c) for c in rule.data_categories]
        if rule.legal_reference:
            node["dpv:hasApplicableLaw"] = self.text(rule.legal_reference)
        return node

    def transfer(self, activity: Activity, index: int, transfer: Transfer) -> dict[str, Any]:
        node: dict[str, Any] = {
            "@id": f"{self.ref('activity', activity.id)['@id']}/transfer/{index}",
            "@type": "dpv:Process",
            "dpv:hasProcessing": _iri("dpv:CrossBorderTransfer"),
            "dpv:hasDataExporter": _iri(f"{self.base}controller"),
        }
        if transfer.country:
            node["dpv:hasCountry"] = _iri(f"loc:{transfer.country}")
            if transfer.country not in self.eea:
                node["dpv:hasThirdCountry"] = _iri(f"loc:{transfer.country}")
        if transfer.international_organisation:
            node["dct:spatial"] = self.text(transfer.international_organisation)
        mechanism = transfer.mechanism
        if mechanism is not None:
            node["dpv:hasLegalBasis"] = _iri(DPV_IRIS[mechanism])
            if mechanism in (TransferMechanism.SCC, TransferMechanism.SCC_SA):
                measure = (
                    "eu-gdpr:SCCByCommission"
                    if mechanism is TransferMechanism.SCC
                    else ("eu-gdpr:SCCBySupervisoryAuthority")
                )
                node["dpv:hasOrganisationalMeasure"] = _iri(measure)
            elif mechanism is TransferMechanism.BCR:
                node["dpv:hasOrganisationalMeasure"] = _iri("eu-gdpr:BindingCorporateRules")
        party = self.parties.get(transfer.recipient) if transfer.recipient else None
        if transfer.recipient:
            node["dpv:hasDataImporter"] = self.ref("party", transfer.recipient)
            node["dpv:hasRecipient"] = self.ref("party", transfer.recipient)
        if party is not None and party.dpf is not None and party.dpf.certified:
            node["dct:description"] = _text(
                "EU-US Data Privacy Framework certified (Commission Implementing Decision (EU) 2023/1795)",
                "en",
            )
        categories = self.categories_to(activity, transfer.recipient)
        if categories:
            node["dpv:hasPersonalData"] = categories
        return node

    def categories_to(self, activity: Activity, party: str | None) -> list[dict[str, str]]:
        ids: list[str] = list(activity.data_categories or ())
        for recipient in activity.recipients or ():
            if recipient.party == party and recipient.data_categories:
                ids = list(recipient.data_categories)
        return [self.ref("data-category", c) for c in ids]

    def activity(self, activity: Activity) -> dict[str, Any]:
        ident = self.ref("activity", activity.id)["@id"]
        node: dict[str, Any] = {
            "@id": ident,
            "@type": "dpv:Process",
            "dct:identifier": activity.id,
            "dct:title": self.text(activity.name),
            "dpv:hasDataController": _iri(f"{self.base}controller"),
        }
        if activity.description:
            node["dct:description"] = self.text(activity.description)
        purposes = []
        bases: list[str] = []
        for index, purpose in enumerate(activity.purposes or ()):
            types = ["dpv:Purpose"]
            if purpose.dpv:
                types.append(purpose.dpv)
            item: dict[str, Any] = {
                "@id": f"{ident}/purpose/{index}",
                "@type": types,
                "dct:description": self.text(purpose.description),
            }
            if purpose.lawful_basis is not None:
                basis = DPV_IRIS[purpose.lawful_basis]
                bases.append(basis)
                legal: list[Any] = [_iri(basis)]
                if purpose.legitimate_interest:
                    legal.append(
                        {
                            "@type": "dpv:LegitimateInterest",
                            "dct:description": self.text(purpose.legitimate_interest),
                        }
                    )
                item["dpv:hasLegalBasis"] = legal
            purposes.append(item)
        if purposes:
            node["dpv:hasPurpose"] = purposes
        bases.extend(DPV_IRIS[condition.condition] for condition in activity.art9 or ())
        if bases:
            node["dpv:hasLegalBasis"] = [_iri(b) for b in dict.fromkeys(bases)]
        if activity.data_subjects:
            node["dpv:hasDataSubject"] = [self.ref("data-subject", s) for s in activity.data_subjects]
        if activity.data_categories:
            node["dpv:hasPersonalData"] = [self.ref("data-category", c) for c in activity.data_categories]
        if activity.sources:
            node["dpv:hasDataSource"] = [_iri(DPV_IRIS[s.kind]) for s in activity.sources]
        recipients, processors, controllers = [], [], []
        for recipient in activity.recipients or ():
            party_id = recipient.party
            if not party_id:
                continue
            ref = self.ref("party", party_id)
            recipients.append(ref)
            role = self.parties[party_id].role if party_id in self.parties else None
            if role is PartyRole.PROCESSOR:
                processors.append(ref)
            elif role in (PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER):
                controllers.append(ref)
        if recipients:
            node["dpv:hasRecipient"] = recipients
        if processors:
            node["dpv:hasDataProcessor"] = processors
        if controllers:
            node["dpv:hasRecipientDataController"] = controllers
        if activity.transfers:
            node["dpv:hasProcess"] = [self.transfer(activity, i, t) for i, t in enumerate(activity.transfers)]
        if activity.retention:
            node["dpv:hasStorageCondition"] = [
                self.retention(activity, i, r) for i, r in enumerate(activity.retention)
            ]
        if activity.security_measures:
            node["dpv:hasTechnicalOrganisationalMeasure"] = [
                self.ref("measure", m) for m in activity.security_measures
            ]
        return node

    def build(self) -> dict[str, Any]:
        register = self.register
        meta = register.meta
        ropa: dict[str, Any] = {
            "@id": f"{self.base}register",
            "@type": "dpv:ROPA",
            "dpv:hasDataController": _iri(f"{self.base}controller"),
            "dct:conformsTo": _iri(f"https://w3id.org/dpv/{DPV_VERSION}"),
        }
        if meta is not None:
            if meta.title:
                ropa["dct:title"] = self.text(meta.title)
            if meta.version:
                ropa["dct:hasVersion"] = meta.version
            if meta.last_updated:
                ropa["dct:modified"] = {"@value": meta.last_updated.isoformat(), "@type": "xsd:date"}
            if meta.language:
                ropa["dct:language"] = meta.language
        activities = [self.activity(a) for a in register.activities or ()]
        ropa["dpv:hasProcess"] = [_iri(a["@id"]) for a in activities]
        graph: list[dict[str, Any]] = [ropa, self.controller()]
        graph += activities
        graph += [self.subject(s) for s in register.data_subjects or ()]
        graph += [self.category(c) for c in register.data_categories or ()]
        graph += [self.party(p) for p in register.parties or ()]
        for measure in register.security_measures or ():
            graph.append(
                {
                    "@id": self.ref("measure", measure.id)["@id"],
                    "@type": [t for t in ("dpv:TechnicalOrganisationalMeasure", measure.dpv) if t],
                    "dct:identifier": measure.id,
                }
            )
        return {"@context": CONTEXT, "@graph": graph}


def register_to_jsonld(register: Register, *, base: str = "urn:ropa:", lang: Lang = "en") -> str:
    """The register as DPV JSON-LD text (UTF-8, two-space indent, trailing newline).

    Args:
        register: the register.
        base: IRI prefix of the register's own entities.
        lang: language of the generated descriptions (retention rules in words).
    """
    document = _Builder(register, base, lang).build()
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
