"""What a template's column says about an activity, by the import field the column is read as.

The authority layouts (:mod:`ropa.export.layouts.template`, :mod:`ropa.export.layouts.cnil`) name their
columns by import field (``purposes``, ``lawful_basis``, ``recipients``, ...: the fields of
``ropa/data/import_headings.json``); this module says each field of an activity as text that the importer
reads back as that field: one item per line, roles in parentheses (``Mollie B.V. (Processor)``), a
retention rule's categories before a colon (``Invoices: 7 years ...``), countries by name and code.
"""

from __future__ import annotations

from collections.abc import Callable

from ropa.export.retention_text import retention_text
from ropa.export.spec import Context, Value
from ropa.export.tables._text import destination, lines, names, one_line, safeguard
from ropa.export.tables.activities import automated_text, purpose_items
from ropa.models import Activity, Purpose
from ropa.models.vocab import PartyRole

__all__ = ["FIELDS", "contact_of", "field_value", "normalised_unmapped"]

Getter = Callable[[Activity, Context], Value]


def _purposes(a: Activity, ctx: Context) -> Value:
    return purpose_items(a, lambda p: p.description)


def _bases(a: Activity, ctx: Context) -> Value:
    """Each purpose's basis, with its law after a dash: the importer keeps the text beyond the basis as
    the purpose's law."""

    if not any(p.lawful_basis or p.law for p in a.purposes or ()):
        return None

    def said(purpose: Purpose) -> str | None:
        text = ctx.t(purpose.lawful_basis) if purpose.lawful_basis else ctx.not_stated
        return f"{text} — {purpose.law}" if purpose.law else text

    return purpose_items(a, said)


def _party_recipients(a: Activity, ctx: Context, role: PartyRole | None = None) -> list[str]:
    out = []
    for recipient in a.recipients or ():
        if recipient.party is None:
            continue
        party = ctx.index.parties.get(recipient.party)
        if role is not None and (party is None or party.role is not role):
            continue
        out.append(recipient.party if party is None else party.name)
    return out


def _recipients(a: Activity, ctx: Context) -> Value:
    if a.recipients is None:
        return None
    out = []
    for recipient in a.recipients:
        if recipient.category is not None:
            role = f" ({ctx.t(recipient.role)})" if recipient.role else ""
            out.append(f"{recipient.category}{role}")
            continue
        party = ctx.index.parties.get(recipient.party or "")
        name = party.name if party else recipient.party or ""
        out.append(f"{name} ({ctx.t(party.role)})" if party and party.role else name)
    return out


def _joint_controllers(a: Activity, ctx: Context) -> Value:
    out = []
    for recipient in a.recipients or ():
        party = ctx.index.parties.get(recipient.party or "")
        if party is not None and party.role is PartyRole.JOINT_CONTROLLER:
            out.append(" — ".join(lines([party.name, one_line(party.contact, ctx.lang)])))
    return out or None


def _agreements(a: Activity, ctx: Context) -> Value:
    out = []
    for recipient in a.recipients or ():
        party = ctx.index.parties.get(recipient.party or "")
        if party is not None and party.agreement is not None and party.agreement.reference:
            out.append(f"{party.name}: {party.agreement.reference}")
    return out or None


def _arrangements(a: Activity, ctx: Context) -> Value:
    out = []
    for recipient in a.recipients or ():
        party = ctx.index.parties.get(recipient.party or "")
        if party is not None and party.arrangement:
            out.append(f"{party.name}: {party.arrangement}")
    return out or None


def _transfers(a: Activity, ctx: Context) -> Value:
    if a.transfers is None:
        return None
    return [destination(t, ctx) for t in a.transfers] or ctx.t("ui.no")


def _safeguards(a: Activity, ctx: Context) -> Value:
    """The safeguard of each transfer that names one (a transfer without one says nothing here)."""
    said = [safeguard(t, ctx) for t in a.transfers or () if t.mechanism or t.documentation or t.bcr_reference]
    return said or None


def _retention(a: Activity, ctx: Context) -> Value:
    if a.retention is None:
        return None
    out = []
    for rule in a.retention:
        text = retention_text(rule, ctx.lang)
        if rule.data_categories:
            text = f"{', '.join(ctx.index.category_name(c) for c in rule.data_categories)}: {text}"
        out.append(text)
    return out


def _measures(a: Activity, ctx: Context) -> Value:
    ids, _ = ctx.index.effective_measures(a)
    if not ids and a.security_measures is None and a.specific_measures is None:
        return None
    out = [ctx.index.measures[m].description if m in ctx.index.measures else m for m in ids]
    out += [m.description for m in a.specific_measures or ()]
    return out


def _art9(a: Activity, ctx: Context) -> Value:
    if a.art9 is None:
        return None
    return [f"{ctx.t(b.condition)} — {b.law}" if b.law else ctx.t(b.condition) for b in a.art9]


def _special(a: Activity, ctx: Context) -> Value:
    special = any(
        (c := ctx.index.data_categories.get(i)) is not None and c.special is not None
        for i in a.data_categories or ()
    )
    if special or a.special_categories:
        return ctx.t("ui.yes")
    return ctx.t("ui.no") if a.special_categories is False else None


def _sources(a: Activity, ctx: Context) -> Value:
    if a.sources is None:
        return None
    return [f"{ctx.t(s.kind)}: {s.description}" if s.description else ctx.t(s.kind) for s in a.sources]


def _dpia(a: Activity, ctx: Context) -> Value:
    if a.dpia is None or a.dpia.required is None:
        return None
    answer = ctx.t("ui.yes" if a.dpia.required else "ui.no")
    return f"{answer}, {a.dpia.screening}" if a.dpia.screening else answer


FIELDS: dict[str, Getter] = {
    "id": lambda a, c: a.id,
    "name": lambda a, c: a.name,
    "description": lambda a, c: a.description,
    "department": lambda a, c: a.department,
    "owner": lambda a, c: a.owner,
    "purposes": _purposes,
    "lawful_basis": _bases,
    "legitimate_interest": lambda a, c: purpose_items(a, lambda p: p.legitimate_interest),
    "lia": lambda a, c: purpose_items(a, lambda p: p.lia),
    "consent_records": lambda a, c: purpose_items(a, lambda p: p.consent.records if p.consent else None),
    "art9": _art9,
    "special_categories": _special,
    "data_subjects": lambda a, c: names(a.data_subjects, c.index.subject_name),
    "data_categories": lambda a, c: names(a.data_categories, c.index.category_name),
    "recipients": _recipients,
    "processors": lambda a, c: _party_recipients(a, c, PartyRole.PROCESSOR) or None,
    "joint_controllers": _joint_controllers,
    "agreements": _agreements,
    "arrangements": _arrangements,
    "transfers": _transfers,
    "transfer_safeguards": _safeguards,
    "retention": _retention,
    "security_measures": _measures,
    "sources": _sources,
    "automated_decisions": automated_text,
    "storage_location": lambda a, c: a.storage_location,
    "systems": lambda a, c: a.systems,
    "dpia": _dpia,
    "dpia_reference": lambda a, c: a.dpia.reference if a.dpia else None,
    "status": lambda a, c: a.status,
    "frequency": lambda a, c: a.frequency,
    "role": lambda a, c: a.role,
    "last_modified": lambda a, c: a.last_modified,
    "last_reviewed": lambda a, c: a.last_reviewed,
    "next_review": lambda a, c: a.next_review,
    "notes": lambda a, c: a.notes,
    "created": lambda a, c: None,
    "main_purpose": lambda a, c: a.purposes[0].description if a.purposes else None,
    "sub_purposes": lambda a, c: [p.description for p in (a.purposes or ())[1:]] or None,
}
"""The content of a column read as each import field (``unmapped`` columns are filled by heading)."""


def normalised_unmapped(a: Activity, normalise: Callable[[str], str]) -> dict[str, str]:
    """The activity's ``unmapped`` by normalised heading (so a template column finds its own values)."""
    return {normalise(heading): text for heading, text in (a.unmapped or {}).items()}


def field_value(field: str, a: Activity, ctx: Context) -> Value:
    """The content of ``field`` for ``a``."""
    return FIELDS[field](a, ctx)


def contact_of(ctx: Context, role: str) -> dict[str, str]:
    """The controller's, DPO's or representative's details by field (name, address, email, phone, url,
    registration_number)."""
    org = ctx.register.organisation
    if org is None:
        return {}
    if role == "controller":
        contact = org.contact
        out = {"name": org.name or "", "registration_number": org.registration_number or ""}
    elif role == "dpo":
        contact = org.dpo.contact if org.dpo is not None else None
        out = {}
    else:
        contact = org.representative
        out = {}
    if contact is not None:
        if contact.name and "name" not in out:
            out["name"] = contact.name
        out.update(
            {
                "address": contact.address or "",
                "email": contact.email or "",
                "phone": contact.phone or "",
                "url": contact.url or "",
            }
        )
    return {key: value for key, value in out.items() if value}
