"""Recipients (Art. 30(1)(d), 26, 28): the parties, one row each, and the categories of recipients that
activities name in words, one row per activity and category."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ropa.export.spec import Column, Context, Table, Value
from ropa.export.tables._text import capped, contact_lines, country, names
from ropa.models import Party, Recipient
from ropa.models.vocab import PartyRole

__all__ = ["PARTIES", "RECIPIENT_CATEGORIES", "CategoryRow"]


def _used_by(p: Party, ctx: Context) -> Value:
    used = ctx.index.activities_by_party.get(p.id)
    return capped(used, ctx) if used else None


PARTIES = Table[Party](
    key="parties",
    columns=(
        Column("id", lambda p, c: p.id, width=20),
        Column("recipient", lambda p, c: p.name, art30="30(1)(d)", required=True, width=30),
        Column(
            "recipient_role",
            lambda p, c: p.role,
            art30="30(1)(d)",
            required=True,
            kind="enum",
            enum=PartyRole,
            width=24,
        ),
        Column("own_purposes", lambda p, c: p.own_purposes, width=36),
        Column("description", lambda p, c: p.description, width=40),
        Column("country", lambda p, c: country(p.country, c.lang), width=24),
        Column("contact", lambda p, c: contact_lines(p.contact, c.lang), multi=True, width=36),
        Column("agreement", lambda p, c: p.agreement.reference if p.agreement else None, width=36),
        Column(
            "agreement_signed",
            lambda p, c: p.agreement.signed if p.agreement else None,
            kind="bool",
            width=12,
        ),
        Column(
            "agreement_date", lambda p, c: p.agreement.date if p.agreement else None, kind="date", width=12
        ),
        Column(
            "agreement_review",
            lambda p, c: p.agreement.review_date if p.agreement else None,
            kind="date",
            width=12,
        ),
        Column("arrangement", lambda p, c: p.arrangement, width=36),
        Column(
            "sub_processors", lambda p, c: names(p.sub_processors, c.index.party_name), multi=True, width=30
        ),
        Column("dpf_certified", lambda p, c: p.dpf.certified if p.dpf else None, kind="bool", width=12),
        Column("dpf_checked", lambda p, c: p.dpf.checked if p.dpf else None, kind="date", width=12),
        Column("adequacy_scope", lambda p, c: p.adequacy_scope, width=16),
        Column("used_by", _used_by, multi=True, width=36),
        Column("notes", lambda p, c: p.notes, width=40),
    ),
    rows=lambda ctx: ctx.register.parties or (),
    count=lambda ctx: len(ctx.register.parties or ()),
)


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """A category of recipients (``recipients: [{category: ...}]``) with the activity that names it."""

    activity_id: str
    activity_name: str
    recipient: Recipient


def _category_rows(ctx: Context) -> Iterator[CategoryRow]:
    for a in ctx.register.activities or ():
        for recipient in a.recipients or ():
            if recipient.category is not None:
                yield CategoryRow(a.id, a.name, recipient)


def _category_count(ctx: Context) -> int:
    return sum(1 for a in ctx.register.activities or () for r in a.recipients or () if r.category is not None)


RECIPIENT_CATEGORIES = Table[CategoryRow](
    key="recipient_categories",
    columns=(
        Column("activity_id", lambda r, c: r.activity_id, width=20),
        Column("activity", lambda r, c: r.activity_name, width=30),
        Column(
            "recipient_category", lambda r, c: r.recipient.category, art30="30(1)(d)", required=True, width=36
        ),
        Column("role", lambda r, c: r.recipient.role, kind="enum", enum=PartyRole, width=24),
        Column("country", lambda r, c: country(r.recipient.country, c.lang), width=24),
        Column(
            "data_categories",
            lambda r, c: names(r.recipient.data_categories, c.index.category_name),
            multi=True,
            width=30,
        ),
        Column("recipient_purpose", lambda r, c: r.recipient.purpose, width=36),
    ),
    rows=_category_rows,
    count=_category_count,
    detail=True,
)
