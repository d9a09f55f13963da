"""The organisation (Art. 30(1)(a)): one row, shown as a list of items in the workbook."""

from __future__ import annotations

from collections.abc import Callable

from ropa.export.retention_text import duration_text
from ropa.export.spec import Column, Context, Table, Value
from ropa.export.tables._text import contact_lines, country, lines, one_line
from ropa.models import Register
from ropa.models.vocab import PartyRole

__all__ = ["ORGANISATION"]


def _dpo(reg: Register, ctx: Context) -> Value:
    org = reg.organisation
    if org is None or org.dpo is None:
        return None
    dpo = org.dpo
    if not dpo.designated:
        return lines([ctx.t("ui.none_designated"), dpo.reason])
    out = contact_lines(dpo.contact, ctx.lang) or []
    if dpo.external:
        out.append(f"({ctx.t('ui.external')})")
    return out


def _representative(reg: Register, ctx: Context) -> Value:
    org = reg.organisation
    if org is None:
        return None
    if org.representative is not None:
        return contact_lines(org.representative, ctx.lang)
    if org.representative_exemption:
        return f"{ctx.t('ui.exemption')}: {org.representative_exemption}"
    return None


def _joint_controllers(reg: Register, ctx: Context) -> Value:
    if reg.parties is None:
        return None
    out = []
    for party in reg.parties:
        if party.role is PartyRole.JOINT_CONTROLLER:
            parts = [party.name, one_line(party.contact, ctx.lang), party.arrangement or ""]
            out.append(" — ".join(p for p in parts if p))
    return out


def _request_handling(reg: Register, ctx: Context) -> Value:
    org = reg.organisation
    rh = org.request_handling if org else None
    if rh is None:
        return None
    out = []
    if rh.response_deadline:
        out.append(f"{ctx.t('ui.response_deadline')}: {duration_text(rh.response_deadline, ctx.lang)}")
    if rh.extension:
        out.append(f"{ctx.t('ui.extension')}: {duration_text(rh.extension, ctx.lang)}")
    if rh.identity_check:
        out.append(f"{ctx.t('ui.identity_check')}: {rh.identity_check}")
    if rh.channel:
        out.append(f"{ctx.t('ui.channel')}: {rh.channel}")
    if rh.log:
        out.append(f"{ctx.t('ui.log')}: {rh.log}")
    return out


def _org(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        value: Value = getattr(reg.organisation, attr, None) if reg.organisation else None
        return value

    return get


def _org_contact(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        contact = reg.organisation.contact if reg.organisation else None
        value: Value = getattr(contact, attr, None) if contact else None
        return value

    return get


def _org_person(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        return contact_lines(getattr(reg.organisation, attr), ctx.lang) if reg.organisation else None

    return get


def _meta(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        value: Value = getattr(reg.meta, attr, None) if reg.meta else None
        return value

    return get


ORGANISATION = Table[Register](
    key="organisation",
    columns=(
        Column("controller", _org("name"), art30="30(1)(a)", required=True, width=50),
        Column("trade_name", _org("trade_name")),
        Column("registration_number", _org("registration_number"), width=20),
        Column("address", _org_contact("address"), art30="30(1)(a)", required=True),
        Column("email", _org_contact("email"), art30="30(1)(a)", required=True),
        Column("phone", _org_contact("phone"), art30="30(1)(a)", required=True, width=20),
        Column("website", _org_contact("url")),
        Column(
            "establishment",
            lambda r, c: country(r.organisation.country, c.lang) if r.organisation else None,
            width=24,
        ),
        Column("dpo", _dpo, art30="30(1)(a)", required=True, multi=True),
        Column("privacy_contact", _org_person("privacy_contact"), multi=True),
        Column("representative", _representative, art30="30(1)(a)", multi=True),
        Column("joint_controllers", _joint_controllers, art30="30(1)(a)", multi=True, width=60),
        Column("processor_contact", _org_person("processor_contact"), art30="30(2)(a)", multi=True),
        Column("privacy_notice_url", _org("privacy_notice_url")),
        Column("request_handling", _request_handling, multi=True, width=60),
        Column("breach_register", _org("breach_register")),
        Column("employees", _org("employees"), kind="number", width=12),
        Column("public_authority", _org("public_authority"), kind="bool", width=10),
        Column("register_title", _meta("title")),
        Column("register_version", _meta("version"), width=16),
        Column("register_owner", _meta("owner")),
        Column("last_updated", _meta("last_updated"), kind="date", width=12),
        Column("next_review", _meta("next_review"), kind="date", width=12),
    ),
    rows=lambda ctx: (ctx.register,),
    count=lambda ctx: 1,
    vertical=True,
    freeze_columns=1,
)
