"""What of a register is published, as plain text in one language: the view the site, the notice, the
sub-processor list and the diagram are rendered from.

The view is built from an allow-list: a field of the register reaches a published document only when
this module copies it. Internal parts (:data:`INTERNAL_PARTS`) are copied only when asked for by name.
Every value is plain text; the renderers escape it (HTML through Jinja2's autoescaping, Markdown, CSV,
Mermaid and Graphviz each in their own way), so register text never becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ropa._data import eea_countries
from ropa.diagnostics import Report
from ropa.models import (
    Activity,
    Contact,
    Party,
    Recipient,
    Register,
    Transfer,
    is_iso_duration,
)
from ropa.models.vocab import DataSourceKind, LawfulBasis, PartyRole, Regime, TransferMechanism
from ropa.publishing import _text
from ropa.publishing._text import Lang

__all__ = [
    "INTERNAL_PARTS",
    "ActivityView",
    "CategoryView",
    "ContactView",
    "PartyView",
    "PurposeView",
    "RecipientView",
    "RegisterView",
    "TransferView",
    "build_view",
    "check_include",
]

INTERNAL_PARTS: tuple[str, ...] = (
    "notes",
    "suppressions",
    "security-measures",
    "unmapped",
    "systems",
    "findings",
)
"""Parts of the register that are never published unless named: internal notes, rule suppressions and
their justifications, the security measures in detail, columns of an imported spreadsheet that were not
mapped, the systems and storage locations, and the findings of ``ropa validate``."""

SafeguardStatus = Literal["eea", "safeguarded", "missing", "unknown"]
"""A transfer's status: inside the EEA (no Chapter V transfer), with a mechanism recorded, without one,
or unknown (a party whose country the register does not state)."""


def check_include(include: Iterable[str]) -> frozenset[str]:
    """Validate the names of internal parts to publish.

    Raises:
        ValueError: an unknown name (the message lists the known ones).
    """
    names = frozenset(include)
    unknown = sorted(names - set(INTERNAL_PARTS))
    if unknown:
        raise ValueError(
            f"unknown internal part(s) {', '.join(unknown)}; choose from {', '.join(INTERNAL_PARTS)}"
        )
    return names


@dataclass(frozen=True)
class ContactView:
    """A name and its contact details, each detail one line."""

    name: str | None
    lines: tuple[str, ...]
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class PurposeView:
    description: str
    basis: str | None
    """The lawful basis in words, with its article."""
    basis_code: str | None
    legitimate_interest: str | None = None
    law: str | None = None
    withdrawal: str | None = None
    """How consent is withdrawn (Art. 7(3), 13(2)(c))."""


@dataclass(frozen=True)
class CategoryView:
    id: str
    name: str
    description: str | None = None
    special: str | None = None
    """The Art. 9(1) category, or the Art. 10 label, in words."""


@dataclass(frozen=True)
class RecipientView:
    name: str
    party_id: str | None
    role: str | None
    role_code: str | None
    country: str | None
    country_code: str | None
    purpose: str | None = None
    ref: str | None = None
    """The party id the register refers to, defined or not."""


@dataclass(frozen=True)
class TransferView:
    destination: str
    """Country name or international organisation."""
    country_code: str | None
    recipient: str | None
    party_id: str | None
    mechanism: str | None
    mechanism_code: str | None
    safeguard: str
    """The mechanism in words, with the SCC module and the DPF certification where recorded."""
    status: SafeguardStatus


@dataclass(frozen=True)
class ActivityView:
    id: str
    name: str
    page: str
    """File name of the activity's page on the site."""
    description: str | None
    status: str | None
    purposes: tuple[PurposeView, ...] | None
    data_subjects: tuple[CategoryView, ...] | None
    data_categories: tuple[CategoryView, ...] | None
    special_conditions: tuple[str, ...]
    criminal_authorisation: str | None
    sources: tuple[str, ...] | None
    indirect_sources: tuple[str, ...]
    """Sources other than the data subject (Art. 14(2)(f))."""
    recipients: tuple[RecipientView, ...] | None
    transfers: tuple[TransferView, ...] | None
    retention: tuple[str, ...] | None
    retention_durations: tuple[str, ...]
    """The ISO 8601 durations of the retention rules, as the register states them."""
    automated: str | None
    automated_exists: bool | None
    regime: str | None = None
    """The Law Enforcement Directive in words, for an activity under it; ``None`` under the GDPR."""
    authority_disclosures: tuple[str, ...] = ()
    """Authorities that may receive data in a particular inquiry (not recipients, Art. 4(9))."""
    systems: tuple[str, ...] | None = None
    storage_location: str | None = None
    security: tuple[str, ...] | None = None
    notes: str | None = None
    unmapped: tuple[tuple[str, str], ...] | None = None
    suppressions: tuple[str, ...] | None = None
    findings: tuple[str, ...] | None = None

    @property
    def bases(self) -> tuple[str, ...] | None:
        """The lawful bases of the purposes in words, without repeats; ``None`` when none is recorded."""
        texts = tuple(dict.fromkeys(p.basis for p in self.purposes or () if p.basis))
        return texts or None

    @property
    def basis_codes(self) -> tuple[str, ...]:
        """The lawful bases of the purposes, as codes, without repeats."""
        return tuple(dict.fromkeys(p.basis_code for p in self.purposes or () if p.basis_code))


@dataclass(frozen=True)
class PartyView:
    id: str
    name: str
    role: str | None
    role_code: str | None
    country: str | None
    country_code: str | None
    service: str | None
    sub_processors: tuple[str, ...]
    """Ids of the party's sub-processors."""
    processor_of: tuple[str, ...]
    """Ids of the processors that engage this party as a sub-processor."""
    safeguards: tuple[str, ...]
    """How transfers to the party are safeguarded, as the activities record them."""
    status: SafeguardStatus
    used_by: tuple[str, ...]
    """Ids of the activities that disclose data to the party."""
    own_purposes: str | None = None
    """What a processor says it uses the data for on its own account (Art. 28(10))."""
    notes: str | None = None


@dataclass(frozen=True)
class RegisterView:
    lang: Lang
    title: str
    controller: ContactView
    controller_country: str | None
    registration_number: str | None
    dpo: ContactView | None
    dpo_designated: bool | None
    privacy_contact: ContactView | None
    representative: ContactView | None
    request_channel: str | None
    response_deadline: str | None
    identity_check: str | None
    privacy_notice_url: str | None
    version: str | None
    last_updated: str | None
    activities: tuple[ActivityView, ...]
    parties: tuple[PartyView, ...]
    include: frozenset[str]
    security: tuple[str, ...] | None = None
    findings: tuple[str, ...] | None = None
    joint_controllers: tuple[str, ...] = field(default_factory=tuple)

    def party(self, party_id: str) -> PartyView | None:
        """The published party with this id."""
        for party in self.parties:
            if party.id == party_id:
                return party
        return None


_UNSAFE_FILE = re.compile(r"[^a-z0-9._-]")


def _pages(activities: Sequence[Activity]) -> list[str]:
    """File names for the activity pages: stable, lower case, unique even on case-insensitive disks."""
    seen: set[str] = set()
    out = []
    for activity in activities:
        base = "activity-" + _UNSAFE_FILE.sub("-", activity.id.lower())
        name, n = base, 1
        while name in seen:
            n += 1
            name = f"{base}-{n}"
        seen.add(name)
        out.append(name + ".html")
    return out


def _contact(contact: Contact | None, lang: Lang, name: str | None = None) -> ContactView | None:
    if contact is None and name is None:
        return None
    lines: list[str] = []
    if contact is not None:
        lines.extend(v for v in (contact.address, contact.email, contact.phone, contact.url) if v)
        if contact.country:
            lines.append(_text.country(contact.country, lang))
    return ContactView(
        name=name if name is not None else (contact.name if contact else None),
        lines=tuple(lines),
        email=contact.email if contact else None,
        url=contact.url if contact else None,
    )


class _Builder:
    def __init__(self, register: Register, lang: Lang, include: frozenset[str], report: Report | None):
        self.register = register
        self.lang = lang
        self.include = include
        self.report = report
        self.parties = {p.id: p for p in register.parties or ()}
        self.subjects = {s.id: s for s in register.data_subjects or ()}
        self.categories = {c.id: c for c in register.data_categories or ()}
        self.measures = {m.id: m for m in register.security_measures or ()}
        self.eea = eea_countries()

    def label(self, code: object) -> str:
        return _text.label(code, self.lang)  # type: ignore[arg-type]

    # --- activities -------------------------------------------------------------------------------

    def purposes(self, activity: Activity) -> tuple[PurposeView, ...] | None:
        if activity.purposes is None:
            return None
        out = []
        for purpose in activity.purposes:
            basis = purpose.lawful_basis
            withdrawal = purpose.consent.withdrawal if purpose.consent else None
            out.append(
                PurposeView(
                    description=purpose.description,
                    basis=self.label(basis) if basis else None,
                    basis_code=basis.value if basis else None,
                    legitimate_interest=purpose.legitimate_interest
                    if basis is LawfulBasis.LEGITIMATE_INTERESTS
                    else None,
                    law=purpose.law,
                    withdrawal=withdrawal,
                )
            )
        return tuple(out)

    def subjects_of(self, ids: Sequence[str] | None) -> tuple[CategoryView, ...] | None:
        if ids is None:
            return None
        out = []
        for ident in ids:
            subject = self.subjects.get(ident)
            if subject is None:
                out.append(CategoryView(ident, ident))
            else:
                out.append(CategoryView(ident, subject.name, subject.description))
        return tuple(out)

    def categories_of(self, ids: Sequence[str] | None) -> tuple[CategoryView, ...] | None:
        if ids is None:
            return None
        out = []
        for ident in ids:
            category = self.categories.get(ident)
            if category is None:
                out.append(CategoryView(ident, ident))
                continue
            special = None
            if category.special is not None:
                special = self.label(category.special)
            elif category.criminal:
                special = _text.t("common.criminal_data", self.lang)
            out.append(CategoryView(ident, category.name, category.description, special))
        return tuple(out)

    def recipient(self, recipient: Recipient) -> RecipientView:
        party_id = recipient.party
        party = self.parties.get(party_id) if party_id else None
        # A recipient described by category (no party) carries its own role and country.
        role = party.role if party is not None else recipient.role
        country = party.country if party is not None else recipient.country
        name = party.name if party is not None else recipient.category or party_id or ""
        return RecipientView(
            name=name,
            party_id=party.id if party is not None else None,
            role=self.label(role) if role else None,
            role_code=str(role) if role else None,
            country=_text.country(country, self.lang) if country else None,
            country_code=country,
            purpose=recipient.purpose,
            ref=party_id,
        )

    def transfer(self, transfer: Transfer) -> TransferView:
        code = transfer.country
        if code:
            destination = _text.country(code, self.lang)
        else:
            destination = transfer.international_organisation or _text.label("ui.not_stated", self.lang)
        party = self.parties.get(transfer.recipient) if transfer.recipient else None
        mechanism = transfer.mechanism
        status: SafeguardStatus
        if code is not None and code in self.eea:
            status = "eea"
        elif mechanism is None:
            status = "missing"
        else:
            status = "safeguarded"
        return TransferView(
            destination=destination,
            country_code=code,
            recipient=party.name if party else transfer.recipient,
            party_id=party.id if party else None,
            mechanism=self.label(mechanism) if mechanism else None,
            mechanism_code=mechanism.value if mechanism else None,
            safeguard=self.safeguard(transfer, party),
            status=status,
        )

    def safeguard(self, transfer: Transfer, party: Party | None) -> str:
        if transfer.country and transfer.country in self.eea:
            return _text.t("common.within_eea", self.lang)
        mechanism = transfer.mechanism
        if mechanism is None:
            return _text.t("common.no_safeguard", self.lang)
        parts = [self.label(mechanism)]
        if transfer.scc_module is not None:
            parts.append(_text.label("ui.scc_module", self.lang).format(n=transfer.scc_module))
        dpf = party.dpf if party is not None else None
        if mechanism is TransferMechanism.ADEQUACY and dpf is not None and dpf.certified:
            checked = dpf.checked
            parts.append(
                _text.t("common.dpf_checked", self.lang, date=_text.date(checked, self.lang))
                if checked
                else _text.t("common.dpf", self.lang)
            )
        if transfer.bcr_reference:
            parts.append(transfer.bcr_reference)
        return "; ".join(parts)

    def retention(self, activity: Activity) -> tuple[str, ...] | None:
        if activity.retention is None:
            return None
        out = []
        for rule in activity.retention:
            text = _text.retention(rule, self.lang)
            if rule.data_categories:
                names = ", ".join(
                    self.categories[c].name if c in self.categories else c for c in rule.data_categories
                )
                text = f"{names}: {text}"
            out.append(text)
        return tuple(out)

    def security(self, activity: Activity) -> tuple[str, ...] | None:
        if "security-measures" not in self.include:
            return None
        if activity.security_measures is None and activity.specific_measures is None:
            return None
        out = [
            self.measures[m].description if m in self.measures else m
            for m in activity.security_measures or ()
        ]
        out.extend(m.description for m in activity.specific_measures or ())
        return tuple(out)

    def findings_for(self, entity_id: str) -> tuple[str, ...] | None:
        if "findings" not in self.include or self.report is None:
            return None
        return tuple(
            f"{d.code} {d.severity.value}: {d.message}"
            for d in self.report.diagnostics
            if d.location.entity == f"activity {entity_id}"
        )

    def activity(self, activity: Activity, page: str) -> ActivityView:
        lang = self.lang
        sources = None
        indirect: list[str] = []
        if activity.sources is not None:
            texts = []
            for source in activity.sources:
                text = self.label(source.kind)
                if source.description:
                    text = f"{text}: {source.description}"
                texts.append(text)
                if source.kind is not DataSourceKind.DATA_SUBJECT:
                    indirect.append(text)
            sources = tuple(texts)
        automated = None
        exists = None
        if activity.automated_decisions is not None:
            decisions = activity.automated_decisions
            exists = decisions.exists
            if decisions.exists:
                automated = decisions.description or _text.t("common.automated_yes", lang)
                if decisions.effect is not None:
                    automated = f"{automated} ({self.label(decisions.effect)})"
            else:
                automated = _text.t("common.automated_no", lang)
        durations = tuple(
            rule.duration
            for rule in activity.retention or ()
            if rule.duration is not None and is_iso_duration(rule.duration)
        )
        suppressions = None
        if "suppressions" in self.include and activity.suppress:
            suppressions = tuple(f"{s.rule}: {s.justification}" for s in activity.suppress)
        disclosures = []
        for disclosure in activity.authority_disclosures or ():
            text = disclosure.authority
            if disclosure.law:
                text += f" ({disclosure.law})"
            if disclosure.description:
                text += f": {disclosure.description}"
            disclosures.append(text)
        return ActivityView(
            id=activity.id,
            name=activity.name,
            page=page,
            description=activity.description,
            status=self.label(activity.status) if activity.status else None,
            purposes=self.purposes(activity),
            data_subjects=self.subjects_of(activity.data_subjects),
            data_categories=self.categories_of(activity.data_categories),
            special_conditions=tuple(
                self.label(b.condition) + (f" ({b.law})" if b.law else "") for b in activity.art9 or ()
            ),
            criminal_authorisation=activity.art10.authorisation if activity.art10 else None,
            sources=sources,
            indirect_sources=tuple(indirect),
            recipients=tuple(self.recipient(r) for r in activity.recipients)
            if activity.recipients is not None
            else None,
            transfers=tuple(self.transfer(x) for x in activity.transfers)
            if activity.transfers is not None
            else None,
            retention=self.retention(activity),
            retention_durations=durations,
            automated=automated,
            automated_exists=exists,
            regime=self.label(activity.regime) if activity.regime is Regime.LED else None,
            authority_disclosures=tuple(disclosures),
            systems=tuple(activity.systems or ()) if "systems" in self.include else None,
            storage_location=activity.storage_location if "systems" in self.include else None,
            security=self.security(activity),
            notes=activity.notes if "notes" in self.include else None,
            unmapped=tuple(activity.unmapped.items())
            if "unmapped" in self.include and activity.unmapped
            else None,
            suppressions=suppressions,
            findings=self.findings_for(activity.id),
        )

    # --- parties ----------------------------------------------------------------------------------

    def party(
        self, party: Party, used_by: dict[str, list[str]], processor_of: dict[str, list[str]]
    ) -> PartyView:
        safeguards: list[str] = []
        statuses: list[SafeguardStatus] = []
        for activity in self.register.activities or ():
            for transfer in activity.transfers or ():
                if transfer.recipient == party.id:
                    view = self.transfer(transfer)
                    if view.safeguard not in safeguards:
                        safeguards.append(view.safeguard)
                    statuses.append(view.status)
        status: SafeguardStatus
        if party.country is None and not statuses:
            status = "unknown"
        elif party.country is None or party.country in self.eea:
            status = "eea"
        elif statuses and all(s != "missing" for s in statuses):
            status = "safeguarded"
        else:
            status = "missing"
        if not safeguards and party.country is not None:
            if party.country in self.eea:
                safeguards.append(_text.t("common.within_eea", self.lang))
            else:
                safeguards.append(_text.t("common.no_safeguard", self.lang))
        return PartyView(
            id=party.id,
            name=party.name,
            role=self.label(party.role) if party.role else None,
            role_code=party.role.value if party.role else None,
            country=_text.country(party.country, self.lang) if party.country else None,
            country_code=party.country,
            service=party.description,
            sub_processors=tuple(party.sub_processors or ()),
            processor_of=tuple(processor_of.get(party.id, ())),
            safeguards=tuple(safeguards),
            status=status,
            used_by=tuple(used_by.get(party.id, ())),
            own_purposes=party.own_purposes,
            notes=party.notes if "notes" in self.include else None,
        )

    # --- the whole register -----------------------------------------------------------------------

    def build(self) -> RegisterView:
        register, lang = self.register, self.lang
        org = register.organisation
        activities = list(register.activities or ())
        pages = _pages(activities)
        views = tuple(self.activity(a, p) for a, p in zip(activities, pages, strict=True))
        used_by: dict[str, list[str]] = {}
        for activity in activities:
            for recipient in activity.recipients or ():
                party_id = recipient.party
                if party_id and activity.id not in used_by.setdefault(party_id, []):
                    used_by[party_id].append(activity.id)
        processor_of: dict[str, list[str]] = {}
        for party in register.parties or ():
            for sub in party.sub_processors or ():
                processor_of.setdefault(sub, []).append(party.id)
        parties = tuple(self.party(p, used_by, processor_of) for p in register.parties or ())
        meta = register.meta
        name = (org.name if org else None) or _text.t("common.controller_unnamed", lang)
        title = (meta.title if meta and meta.title else None) or _text.t("site.title", lang, name=name)
        dpo = org.dpo if org else None
        handling = org.request_handling if org else None
        deadline = None
        if handling and handling.response_deadline and is_iso_duration(handling.response_deadline):
            deadline = _text.duration(handling.response_deadline, lang)
        security = None
        if "security-measures" in self.include and register.security_measures is not None:
            security = tuple(m.description for m in register.security_measures)
        findings = None
        if "findings" in self.include and self.report is not None:
            findings = tuple(f"{d.code} {d.severity.value}: {d.message}" for d in self.report.diagnostics)
        joint = tuple(p.name for p in register.parties or () if p.role is PartyRole.JOINT_CONTROLLER)
        return RegisterView(
            lang=lang,
            title=title,
            controller=_contact(org.contact if org else None, lang, name=name) or ContactView(name, ()),
            controller_country=_text.country(org.country, lang) if org and org.country else None,
            registration_number=org.registration_number if org else None,
            dpo=_contact(dpo.contact, lang) if dpo and dpo.designated and dpo.contact else None,
            dpo_designated=dpo.designated if dpo else None,
            privacy_contact=_contact(org.privacy_contact, lang) if org else None,
            representative=_contact(org.representative, lang) if org else None,
            request_channel=handling.channel if handling else None,
            response_deadline=deadline,
            identity_check=handling.identity_check if handling else None,
            privacy_notice_url=org.privacy_notice_url if org else None,
            version=meta.version if meta else None,
            last_updated=_text.date(meta.last_updated, lang) if meta and meta.last_updated else None,
            activities=views,
            parties=parties,
            include=self.include,
            security=security,
            findings=findings,
            joint_controllers=joint,
        )


def build_view(
    register: Register,
    lang: Lang,
    include: Collection[str] = (),
    report: Report | None = None,
) -> RegisterView:
    """The published view of ``register`` in ``lang``.

    Args:
        register: the register.
        lang: ``en``, ``nl``, ``fr`` or ``de``.
        include: internal parts to publish as well (names from :data:`INTERNAL_PARTS`).
        report: the findings, published only when ``"findings"`` is included.

    Raises:
        ValueError: an unknown language or internal part.
    """
    _text.catalogue(lang)
    return _Builder(register, lang, check_include(include), report).build()
